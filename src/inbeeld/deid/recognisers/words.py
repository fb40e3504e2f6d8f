"""Word tokens and sentence starts, shared by the name, place and proper-noun recognisers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from inbeeld.deid.recognisers.base import TAG

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\n\"“”'(]\s*$|^\s*$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool  # first word of the text or of a sentence: capitals say nothing there

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str) -> Iterator[Token]:
    tagged = [(m.start(), m.end()) for m in TAG.finditer(text)]
    for m in WORD.finditer(text):
        if any(s <= m.start() < e for s, e in tagged):
            continue
        head = text[max(0, m.start() - 3):m.start()]
        starts = m.start() == 0 or bool(_SENTENCE_END.search(head)) and not head.endswith(("-", "’", "'"))
        yield Token(m.start(), m.end(), m.group(), starts)
