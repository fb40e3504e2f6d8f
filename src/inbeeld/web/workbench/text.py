"""Split a message's text into segments by evidence spans, for highlighting (plain Python)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    variables: tuple[str, ...] = ()  # the variables whose evidence covers this piece

    @property
    def marker(self) -> str:
        return " ".join(self.variables)


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut `text` at every span edge; each piece names the variables covering it.

    Offsets outside the text are clamped: evidence from a slightly different text version
    highlights what it can instead of failing.
    """
    size = len(text)
    clean = [(max(0, min(s, size)), max(0, min(e, size)), v) for s, e, v in spans]
    clean = [(s, e, v) for s, e, v in clean if s < e]
    cuts = sorted({0, size, *(s for s, _, _ in clean), *(e for _, e, _ in clean)})
    out: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(sorted({v for s, e, v in clean if s <= start and end <= e}))
        out.append(Segment(text[start:end], covering))
    if not out:
        out.append(Segment(text))
    return out
