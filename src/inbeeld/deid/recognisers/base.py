"""What a recogniser is: a registered name and `find_all(texts)` over one conversation's messages."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from inbeeld.deid.model import Finding

# A pseudonym tag written by an earlier run: never an identifier itself (pseudonymising twice = once).
TAG = re.compile(r"\[[A-Z_]+-\d+\]")


class Recogniser:
    """Finds identifiers of one kind. Subclasses set `name` and implement `find` (one text)
    or `find_all` (all texts of a conversation at once, when context across messages helps)."""

    name: ClassVar[str] = ""

    def find(self, text: str) -> Iterator[Finding]:
        raise NotImplementedError

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [list(self.find(text)) for text in texts]


def before(text: str, start: int, width: int = 40) -> str:
    """The lowercased text just before a position, for context cues."""
    return text[max(0, start - width):start].lower()
