"""Towns and villages written in lowercase ("in zwolle", "uit den haag"), after a place cue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wordfreq import zipf_frequency

from inbeeld.deid.lexicons import all_places, common_words, fold, keep_words
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.words import Token, tokens


def _after_postcode(text: str, prev: Token) -> bool:
    """After a postcode comes the town: "1234 ab zwolle", "1234AB, zwolle"."""
    if prev.end - prev.start != 2:
        return False
    digits = text[max(0, prev.start - 5):prev.start].rstrip()
    return len(digits) >= 4 and digits[-4:].isdigit()

_CUE_WORDS = frozenset({
    "in", "uit", "naar", "vanuit", "rond", "richting", "bij", "te", "woon", "woont", "from", "to",
})
# endings of Dutch place and neighbourhood names: an unknown lowercase word after "in" that ends
# like this is a place ("in holtenbroek"), not a typo
_TOPONYM = re.compile(
    r"(?:broek|burg|dam|dijk|veen|wijk|hoven|horst|kerk|loo|stein|oord|wold|woude|hout|heim|meer|"
    r"veld|rode|rade|donk|beek|bergen|berg|zand|mond|sluis|haven|huizen|drecht|stad|laar|werf|"
    r"zijl|waard|polder|hoek|gein|sum|ingen|um|erp|ede|schot|lo|dorp|weide|hage|hof)$"
)


class ChatPlaceRecogniser(Recogniser):
    """Lowercase places of deduce's list after in/uit/naar; up to three words ("bergen op zoom")."""

    name = "chat_places"

    def __init__(self, max_zipf: float = 5.3, keep_file: str | None = None) -> None:
        self.max_zipf = max_zipf
        self.keep_file = keep_file

    def find(self, text: str) -> Iterator[Finding]:
        places = all_places()
        toks = tokens(text)
        for i, tok in enumerate(toks):
            if i == 0:
                continue
            prev = toks[i - 1].text.lower()
            if prev not in _CUE_WORDS and not _after_postcode(text, toks[i - 1]):
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
                if n > 1 and run[0].text.lower() in ("de", "het", "een") and all(
                    fold(t.text) in common_words() or zipf_frequency(fold(t.text), "nl") >= 4.0 for t in run
                ):
                    continue  # "de buurt", "de bus": villages of that name exist, but not here
                yield Finding(run[0].start, run[-1].end, "PLACE", self.name)
                break
            else:
                key = fold(tok.text)
                if "-" in key and key.split("-")[0] in places and key not in keep_words(self.keep_file):
                    yield Finding(tok.start, tok.end, "PLACE", self.name)  # "amsterdam-noord"
                    continue
                if (len(key) >= 6 and _TOPONYM.search(key) and zipf_frequency(key, "nl") < 3.5
                        and key not in common_words() and key not in keep_words(self.keep_file)):
                    yield Finding(tok.start, tok.end, "PLACE", self.name)
