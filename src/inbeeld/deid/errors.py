"""Errors of de-identification a person can act on."""

from __future__ import annotations

from inbeeld.errors import InbeeldError


class DeidInputError(InbeeldError):
    """A conversation cannot be de-identified as given; names its id and the message index."""

    def __init__(self, conversation_id: str, message: int | None, problem: str) -> None:
        self.conversation_id, self.message = conversation_id, message
        where = f"conversation {conversation_id!r}"
        if message is not None:
            where += f", message {message}"
        super().__init__(f"{where}: {problem}")
