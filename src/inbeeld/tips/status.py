"""The life of a tip: new -> investigating -> handed over -> closed, each step with a reason."""

from __future__ import annotations

from enum import StrEnum

from inbeeld.errors import InbeeldError


class TipsError(InbeeldError):
    """A tip action that cannot be done as asked (bad status step, missing key, locked receipt)."""


class Status(StrEnum):
    NEW = "new"
    INVESTIGATING = "investigating"
    HANDED_OVER = "handed_over"
    CLOSED = "closed"


# Who a tip can be handed to (the police, care: Veilig Thuis, or another organisation).
HANDOVER_TO = ("police", "care", "other")

_NEXT: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.INVESTIGATING, Status.CLOSED}),
    Status.INVESTIGATING: frozenset({Status.HANDED_OVER, Status.CLOSED}),
    Status.HANDED_OVER: frozenset({Status.INVESTIGATING, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.INVESTIGATING}),  # reopened when the reporter adds news
}


def check_transition(current: str, new: str, reason: str) -> Status:
    """The new status when the step is allowed and has a reason; else TipsError."""
    try:
        now, then = Status(current), Status(new)
    except ValueError:
        raise TipsError(f"status must be one of {', '.join(Status)}") from None
    if then not in _NEXT[now]:
        raise TipsError(f"status {now} cannot go to {then}")
    if not reason.strip():
        raise TipsError("a status change needs a reason")
    return then
