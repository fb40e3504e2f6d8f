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
    capitalised: bool  # set once here: the recognisers ask it of every token, several times


# where a sentence starts: the text's start or a sentence end, then at most three spaces or tabs
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?:;\n\"“”'(]))[ \t]{0,3}(?=[^\W\d_])")


@lru_cache(maxsize=64)  # three recognisers tokenise the same messages one after another
def tokens(text: str) -> tuple[Token, ...]:
    tagged = [(m.start(), m.end()) for m in TAG.finditer(text)] if "[" in text else []
    starts = {m.end() for m in _SENTENCE_START.finditer(text)}
    # tuple.__new__ skips the NamedTuple's Python-level constructor: tens of thousands per batch
    make, new = Token, tuple.__new__
    out = []
    for m in WORD.finditer(text):
        start, word = m.start(), m.group()
        if tagged and any(s <= start < e for s, e in tagged):
            continue
        out.append(new(make, (start, m.end(), word, start in starts, word[0].isupper())))
    return tuple(out)


@lru_cache(maxsize=64)
def lowered_words(text: str) -> tuple[str, ...]:
    """Each token of the text in lowercase (the cue words are compared so), made once per text
    for all recognisers."""
    return tuple(t.text.lower() for t in tokens(text))
