"""Word tokens and sentence starts, shared by the name, place and proper-noun recognisers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from inbeeld.deid.recognisers.base import TAG

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ENDS_SENTENCE = frozenset('.!?:;\n"“”\'(')


class Token(NamedTuple):  # a tuple: tens of thousands are made per batch
    start: int
    end: int
    text: str
    sentence_start: bool  # first word of the text or of a sentence: capitals say nothing there

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=64)  # three recognisers tokenise the same messages one after another
def tokens(text: str) -> tuple[Token, ...]:
    tagged = [(m.start(), m.end()) for m in TAG.finditer(text)] if "[" in text else []
    out = []
    for m in WORD.finditer(text):
        start = m.start()
        if tagged and any(s <= start < e for s, e in tagged):
            continue
        # look back over at most a few spaces for the character that ends a sentence
        k = start - 1
        while k >= 0 and start - k <= 3 and text[k] in " \t":
            k -= 1
        sentence_start = k < 0 or text[k] in _ENDS_SENTENCE
        out.append(Token(start, m.end(), m.group(), sentence_start))
    return tuple(out)
