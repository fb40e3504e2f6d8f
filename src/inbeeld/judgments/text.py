"""Splitting plain Dutch legal and news text into sentences and clauses, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence ("art. 248b", "mr. Jansen", "Nicky L.").
_ABBREVIATIONS = frozenset({
    "art", "artt", "nr", "nrs", "mr", "dhr", "mevr", "jl", "o.a", "a.b.i", "m.b.t", "i.s.m", "d.d",
    "e.a", "c.s", "vgl", "blz", "p", "jo", "ca", "bijv", "z.m", "v.zv", "o.g.v", "t.a.v", "b.p",
    "i.v.m", "t.z.t", "resp", "tll", "st", "e.v", "n.a.v", "drs", "prof",
})
_END = re.compile(r"[.!?…]+[”\"’']?\s+(?=[\"“‘(\[]?[A-Z0-9ÀÉÈ])|\n\s*\n?|\s*\|\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[”\"’']?\s*$")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"segment needs 0 <= start <= end, got {self.start}..{self.end}")


def sentences(text: str) -> list[Segment]:
    """Return the sentence spans of `text`; newlines always end a sentence."""
    spans: list[Segment] = []
    start = 0
    for match in _END.finditer(text):
        if match.group() == "\n" and _is_wrap(text, match.start()):
            continue  # a hard-wrapped line inside a sentence ("gevangenisstraf van\n8 maanden")
        if "\n" not in match.group() and "|" not in match.group():
            before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1)
            word = before.group(1).lower().rstrip(".") if before else ""
            # an initial ("Nicky L. (32)") or a known abbreviation does not end a sentence
            if (len(word) == 1 and word.isalpha()) or word in _ABBREVIATIONS:
                continue
        end = match.start() + len(match.group().rstrip())
        if "\n" in match.group() or "|" in match.group():
            end = match.start()
        _add(spans, text, start, end)
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _is_wrap(text: str, newline: int) -> bool:
    before = text[:newline].rstrip()
    after = text[newline + 1:newline + 2]
    return bool(before) and before[-1] not in ".:;!?" and (after.islower() or after.isdigit())


MAX_SENTENCE = 1500  # longer "sentences" (lists, broken text) are cut at a comma or space


def _add(spans: list[Segment], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # keeps the work per sentence bounded; real sentences this long are enumerations
        cut = max(text.rfind(",", start, start + MAX_SENTENCE), text.rfind(" ", start, start + MAX_SENTENCE))
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        spans.append(Segment(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(Segment(start, end))


# Clause boundaries: punctuation, and words that start a contrast or comparison
# ("lager dan de vier maanden die het OM had geëist" puts the demand in its own clause).
_CLAUSE = re.compile(r"[,;:]\s*|\s+(?=(?:dan|maar|terwijl|nadat|omdat|hoewel|toen|wat)\s)", re.I)


def clauses(text: str, sentence: Segment) -> list[Segment]:
    """Return the clause spans inside one sentence."""
    out: list[Segment] = []
    start = sentence.start
    for match in _CLAUSE.finditer(text, sentence.start, sentence.end):
        if match.start() > start:
            out.append(Segment(start, match.start()))
        start = match.end()
    if sentence.end > start:
        out.append(Segment(start, sentence.end))
    return out or [sentence]
