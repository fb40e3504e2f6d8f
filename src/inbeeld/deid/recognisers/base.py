"""What a recogniser is: a registered name and `find_all(texts)` over one conversation's messages."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import ClassVar

from inbeeld.deid.model import Finding

# A pseudonym tag written by an earlier run: never an identifier itself (pseudonymising twice = once).
TAG = re.compile(r"\[[A-Z_]+-\d+\]")


class Recogniser:
    """Finds identifiers of one kind. Subclasses set `name` and implement `find` (one text)
    or `find_all` (all texts of a conversation at once, when context across messages helps)."""

    name: ClassVar[str] = ""
    # What a message must hold for this recogniser to find anything in it (a digit, for the
    # number recognisers): only the messages that hold it are read, each alone, so the patterns
    # scan a fraction of the conversation. None: every message is read, all joined in one pass.
    needs: ClassVar[Callable[[str], object] | None] = None

    def find(self, text: str) -> Iterator[Finding]:
        raise NotImplementedError

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Run `find` once over the conversation's messages joined by blank lines (one regex
        pass instead of one per short message) and hand each finding back to its message."""
        if self.needs is not None:
            return self.find_each(texts, self.needs, self.find)
        return self.find_joined(texts, self.find)

    @staticmethod
    def find_each(
        texts: Sequence[str], needs: Callable[[str], object], find: Callable[[str], Iterable[Finding]]
    ) -> list[list[Finding]]:
        """`find` run on each message that holds what `needs` looks for, alone (few messages
        hold it, and no pattern can then reach into the next message)."""
        readable = _readable(tuple(texts), needs)
        return [list(find(t)) if ok else [] for t, ok in zip(texts, readable, strict=True)]

    def find_joined(
        self, texts: Sequence[str], find: Callable[[str], Iterable[Finding]]
    ) -> list[list[Finding]]:
        """`find` run once over the joined texts, each finding handed back to its message."""
        if len(texts) == 1:
            return [list(find(texts[0]))]
        joined, starts = join(texts)
        out: list[list[Finding]] = [[] for _ in texts]
        for f in find(joined):
            index = bisect_right(starts, f.start) - 1
            offset = starts[index]
            end = min(f.end - offset, len(texts[index]))  # never across a message boundary
            if f.start - offset < end:
                out[index].append(Finding(f.start - offset, end, f.type, f.source))
        return out


SEPARATOR = "\n\n"
# a digit: what every number recogniser (phone, IBAN, plate, postcode, BSN, ID) needs
DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8)  # the six number recognisers ask the same of one conversation
def _readable(texts: tuple[str, ...], needs: Callable[[str], object]) -> tuple[bool, ...]:
    return tuple(bool(needs(t)) for t in texts)


@lru_cache(maxsize=4)  # every recogniser joins the same conversation: do it once
def _join(texts: tuple[str, ...]) -> tuple[str, list[int]]:
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + len(SEPARATOR)
    return SEPARATOR.join(texts), starts


def join(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The texts joined by blank lines, and where each one starts in the joined text."""
    return _join(tuple(texts))


def before(text: str, start: int, width: int = 40) -> str:
    """The lowercased text just before a position, for context cues; never from an earlier
    message (the messages of a conversation are joined by blank lines)."""
    window = text[max(0, start - width) : start]
    cut = window.rfind(SEPARATOR)
    return (window[cut + len(SEPARATOR) :] if cut >= 0 else window).lower()
