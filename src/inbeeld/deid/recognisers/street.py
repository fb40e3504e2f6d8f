"""Street addresses in any case: "kerkstraat 12", "Van Speijkgracht 94-4", "meidoornring 113a"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from inbeeld.deid.lexicons import common_words, zipf_frequency
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser

STREET_SUFFIXES = (
    "straat|weg|laan|plein|gracht|kade|dijk|singel|steeg|pad|dreef|markt|baan|hof|wal|burgwal|"
    "plantsoen|boulevard|allee|erf|ring|park|veld|straatje|pleintje|kwartier|oord|akker|hoeve|"
    "zoom|rak|haven|dijkje|wetering|vaart|singel|promenade|passage|galerij|lei|dreef|baan"
)
# a floor in Roman numerals often follows the number ("235 II", "11 III")
HOUSE_NUMBER = (
    r"\d{1,4}(?:\s?-\s?\d{1,3}|\s?[-/]?\s?[a-zA-Z](?![\w])|\s?(?:hs|huis|bis|bg|zw))?"
    r"(?:\s(?:I{1,3}|IV)(?![\w]))?"
)
# an optional "van"/"de"/"Jan" word before: "Van Speijkgracht", "Jan Evertsenstraat"
_ADDRESS = re.compile(
    rf"(?i)(?<![\w-])(?:(?:van|de|der|den|jan|st\.?|sint|burg\.|burgemeester|prins|koningin)\s+)*"
    rf"[^\W\d_][\w'’-]*(?:{STREET_SUFFIXES})\s+{HOUSE_NUMBER}(?![\w-])"
)
# after an address cue, capitalised words and a number are the address whatever the street is
# called: "mn adres is Schapenpoort 9", "hij woont op Meerzicht nr 40", "lives at Vossener 23"
_ADDRESS_CUE = re.compile(
    r"(?i:\b(?:adres|address|woont op|woon op|wonen op|woonde op|lives at|live at|living at)\b)"
    r"[^.?!\n\d]{0,25}?(?<![\w])((?:[A-Z][\w'’-]+ ){1,3}(?:(?:nr\.?|no\.?) )?\d{1,4}[a-zA-Z]?)(?![\w-])"
)
# "aan de marshalllaan", "op de sleepstraat": a street without a number after "aan de"/"op de";
# only endings that end no ordinary word ("de jeugdreclassering", "de loopbaan", "het kerkhof")
_LOWER_SUFFIXES = "straat|straatje|laan|weg|gracht|kade|singel|steeg|dreef|plein|dijk|burgwal"
_LOWER_STREET = re.compile(
    rf"\b(?:aan|op|in|naar|bij|via|langs|vanaf) de ([a-zà-ÿ][a-zà-ÿ'’-]{{2,}}(?:{_LOWER_SUFFIXES}))(?![\w-])"
)
_ADDRESS_WORDS = ("adres", "address", "woon", "lives at", "live at", "living at")
_LETTER_SPACE_DIGIT = re.compile(r"[^\W\d_] +\d")
_SUFFIXES = tuple(STREET_SUFFIXES.split("|"))


def _named_street(word: str) -> bool:
    """A street's name, not a kind of road ("snelweg", "zijstraat", "fietspad", "parkeerplaats")."""
    return word not in common_words() and zipf_frequency(word, "nl") < 3.0 and not word.endswith(
        _GENERIC_ROADS
    )


_GENERIC_ROADS = (
    "snelweg", "zijstraat", "fietspad", "voetpad", "wandelpad", "winkelstraat", "hoofdweg", "autoweg",
    "rijksweg", "zandweg", "spoorweg", "stoep", "parkeerplaats", "speelplein", "schoolplein",
    "marktplein", "dorpsplein", "stadspark", "woonerf", "achterpad", "tuinpad", "oprit", "binnenplaats",
)


class StreetRecogniser(Recogniser):
    """A word ending like a street (-straat, -weg, -ring) followed by a house number, in any case."""

    name = "street"

    def find(self, text: str) -> Iterator[Finding]:
        cued: set[tuple[int, int]] = set()
        if " de " in text:
            for m in _LOWER_STREET.finditer(text):
                if _named_street(m.group(1)):
                    cued.add((m.start(1), m.end(1)))
                    yield Finding(m.start(1), m.end(1), "ADDRESS", self.name)
        lowered = text.lower()
        if any(word in lowered for word in _ADDRESS_WORDS):
            for m in _ADDRESS_CUE.finditer(text):
                cued.add((m.start(1), m.end(1)))
                yield Finding(m.start(1), m.end(1), "ADDRESS", self.name)
        # cheap scan for "letter, spaces, digit"; the full pattern only runs on the word before
        for hit in _LETTER_SPACE_DIGIT.finditer(text):
            word_start = text.rfind(" ", 0, hit.start()) + 1
            word_start = max(word_start, text.rfind("\n", 0, hit.start()) + 1)
            if not text[word_start : hit.start() + 1].lower().endswith(_SUFFIXES):
                continue
            m = _ADDRESS.search(text, max(0, word_start - 40), hit.end() + 12)
            while m is not None and m.end() <= hit.start():
                m = _ADDRESS.search(text, m.end(), hit.end() + 12)
            if m is not None and m.start() <= word_start and (m.start(), m.end()) not in cued:
                yield Finding(m.start(), m.end(), "ADDRESS", self.name)
