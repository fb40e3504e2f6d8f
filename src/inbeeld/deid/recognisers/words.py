"""Word tokens and sentence starts, shared by the name, place and proper-noun recognisers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from inbeeld.deid.recognisers.base import TAG

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class Token(NamedTuple):  # a tuple: tens of thousands are made per batch
    start: int
    end: int
    text: str
    sentence_start: bool  # first word of the text or of a sentence: capitals say nothing there

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


# where a sentence starts: the text's start or a sentence end, then at most three spaces or tabs
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?:;\n\"“”'(]))[ \t]{0,3}(?=[^\W\d_])")


@lru_cache(maxsize=64)  # three recognisers tokenise the same messages one after another
def tokens(text: str) -> tuple[Token, ...]:
    tagged = [(m.start(), m.end()) for m in TAG.finditer(text)] if "[" in text else []
    starts = {m.end() for m in _SENTENCE_START.finditer(text)}
    make = Token
    if not tagged:
        return tuple(make(m.start(), m.end(), m.group(), m.start() in starts) for m in WORD.finditer(text))
    out = []
    for m in WORD.finditer(text):
        start = m.start()
        if any(s <= start < e for s, e in tagged):
            continue
        out.append(make(start, m.end(), m.group(), start in starts))
    return tuple(out)
