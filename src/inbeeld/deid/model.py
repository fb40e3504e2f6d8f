"""Plain data of de-identification: a finding of one recogniser, an outcome of one conversation."""

from __future__ import annotations

from dataclasses import dataclass

from inbeeld.corpus import IDENTIFIER_TYPES, Conversation


@dataclass(frozen=True, slots=True)
class Finding:
    """A candidate identifier in one message: [start, end) of its text, its type and its source."""

    start: int
    end: int
    type: str
    source: str  # the registered name of the recogniser or stage that found it

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"finding needs 0 <= start < end, got {self.start}..{self.end}")
        if self.type not in IDENTIFIER_TYPES:
            raise ValueError(f"unknown identifier type {self.type!r}")

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class DeidOutcome:
    """The result for one conversation of a batch: the de-identified conversation or an error."""

    id: str
    conversation: Conversation | None = None
    error: str | None = None  # names offsets and kinds of problem, never conversation text

    def __post_init__(self) -> None:
        if (self.conversation is None) == (self.error is None):
            raise ValueError("an outcome holds either a conversation or an error")

    @property
    def ok(self) -> bool:
        return self.error is None
