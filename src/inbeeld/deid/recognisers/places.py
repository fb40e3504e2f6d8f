"""Towns and villages written in lowercase ("in zwolle", "uit den haag"), after a place cue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wordfreq import zipf_frequency

from inbeeld.deid.lexicons import common_words, fold, keep_words, placenames
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.words import tokens

_CUE = re.compile(r"(?:\bin|\buit|\bnaar|\bvanuit|\brond|\brichting|\bbij|\bte|\bwoon|\bwoont|\bfrom|\bto)\s+$")


class ChatPlaceRecogniser(Recogniser):
    """Lowercase places of deduce's list after in/uit/naar; up to three words ("bergen op zoom")."""

    name = "chat_places"

    def __init__(self, max_zipf: float = 5.0, keep_file: str | None = None) -> None:
        self.max_zipf = max_zipf
        self.keep_file = keep_file

    def find(self, text: str) -> Iterator[Finding]:
        places = placenames()
        toks = list(tokens(text))
        lowered = text.lower()
        for i, tok in enumerate(toks):
            if not _CUE.search(lowered[max(0, tok.start - 12):tok.start]):
                continue
            for n in (4, 3, 2, 1):  # longest place name first
                run = toks[i:i + n]
                if len(run) < n:
                    continue
                phrase = fold(text[run[0].start:run[-1].end])
                if phrase not in places or phrase in keep_words(self.keep_file):
                    continue
                if n == 1 and (phrase in common_words() or zipf_frequency(phrase, "nl") >= self.max_zipf):
                    continue
                yield Finding(run[0].start, run[-1].end, "PLACE", self.name)
                break
