"""Plain data of automatic coding: evidence, suggestions, and the errors of this package."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inbeeld.errors import InbeeldError


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words that support a code: message index, character offsets in its text, and the rule or model."""

    message: int
    start: int
    end: int
    source: str

    def __post_init__(self) -> None:
        if self.message < 0 or not 0 <= self.start <= self.end:
            raise ValueError(f"bad evidence {self.message}:{self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An automatic code for one variable: value (or list), score in [0, 1], and its evidence."""

    variable: str
    value: Any
    score: float
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be in [0, 1], got {self.score}")


class RuleFileError(InbeeldError):
    """A rule file of the rule coder is malformed: names the file, the key and what is valid."""


class ModelFileError(InbeeldError):
    """A saved model cannot be used: wrong codebook version, unreadable, or not a model."""


class CodeFileError(InbeeldError):
    """Two code files or a code file and conversations do not match up."""
