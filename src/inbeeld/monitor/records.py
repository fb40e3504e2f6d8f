"""What the monitor counts: one coded conversation, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class MonitorRecord:
    """One conversation's year and codes (all codebook variables), and which were reviewed.

    `reviewed` names the variables whose code a person decided; the others are automatic
    suggestions (or gold codes read from a file, which count as reviewed).
    """

    id: str
    year: int
    codes: dict[str, Any]
    reviewed: frozenset[str] = field(default_factory=frozenset)
    source: str = "chat"
