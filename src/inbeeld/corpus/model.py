"""Conversations and messages as plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

ROLES = ("chatter", "counsellor")

# Identifier types of formats.md, in the order the spec lists them.
IDENTIFIER_TYPES = (
    "PERSON", "PHONE", "EMAIL", "HANDLE", "URL", "ADDRESS", "POSTCODE", "PLACE",
    "INSTITUTION", "IBAN", "PLATE", "ID_NUMBER", "DATE_OF_BIRTH",
)


@dataclass(frozen=True, slots=True)
class Span:
    """An identifier in a message's original text: [start, end) with its type and pseudonym."""

    start: int
    end: int
    type: str
    tag: str = ""  # the pseudonym that replaced it, e.g. "[PERSON-1]"

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"span needs 0 <= start < end, got {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Message:
    role: str
    text: str
    ts: datetime | None = None
    spans: tuple[Span, ...] = ()  # set by de-identification: offsets into the original text

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, got {self.role!r}")


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    started_at: datetime
    messages: tuple[Message, ...]
    source: str = "chat"
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("conversation id must not be empty")
        if self.started_at.tzinfo is None:
            raise ValueError("started_at must carry a time zone")

    @property
    def year(self) -> int:
        return self.started_at.year
