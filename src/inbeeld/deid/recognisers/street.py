"""Street addresses in any case: "kerkstraat 12", "Van Speijkgracht 94-4", "meidoornring 113a"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from inbeeld.deid.lexicons import common_words, first_names, street_key, street_names, zipf_frequency
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
# streets of Brussels and Wallonia name their kind first: "rue de brabant 98", "chaussée de gand
# 244", "Boulevard Maurice Lemonnier 142"; one to four words between the kind and the number
# (matched in a lowercased copy; the kinds are looked for first)
_FRENCH_KINDS = ("rue", "chaussée", "chaussee", "avenue", "boulevard", "place", "quai", "allée", "impasse")
_FRENCH_ARTICLES = frozenset({"de", "du", "des", "la", "le", "d'", "l'"})


def _plain_in_nl_or_en(word: str) -> bool:
    return word in common_words() or max(zipf_frequency(word, "nl"), zipf_frequency(word, "en")) >= 4.5


_FRENCH_STREET = re.compile(
    r"(?<![\w-])(?:" + "|".join(_FRENCH_KINDS) + r") +(?:(?:de la|de|du|des|la|le|d'|l') *)?"
    r"(?:[^\W\d_][\w'’.-]* +){0,3}[^\W\d_][\w'’-]* +\d{1,4}[a-z]?(?![\w-])"
)
# a post-office box is an address too: "Postbus 1723"
_POSTBUS = re.compile(r"(?i)\b(?:postbus|p\.?o\.? box)\s?\d{1,6}(?![\w])")
_LETTER_SPACE_DIGIT = re.compile(r"[^\W\d_] +\d")
# a house number after a street of the register: not a time, an amount or an age ("om 12 uur")
_REGISTER_NUMBER = re.compile(
    r" +\d{1,4}[a-zA-Z]?(?![\w:/-]|[.,]\d"
    r"| ?(?:jaar|jr|euro|eur|uur|min|keer|km|kg|cm|m|%|x|man|mensen|dagen|weken)(?!\w))"
)


def _plain_word(word: str) -> bool:
    """A word any chat may hold: listed as common, a first name or frequent."""
    key = word.lower()
    return key in common_words() or key in first_names() or zipf_frequency(key, "nl") >= 3.5
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
    "wasstraat",
)
# street names of the register (BAG, via deduce) in any case and written apart: "stationsweg",
# "marco polo laan", "nieuwe damlaan", "kanaal straat" (a name with no number and no cue)
_LISTED_END = re.compile(
    r"(?:straat|straatje|weg|laan|plein|gracht|kade|dijk|singel|steeg|dreef|markt|baan|hof|wal|plantsoen|"
    r"boulevard|allee|park|vaart|bocht|kwartier|zoom|wetering|ring)(?![\w'’-])"
)
# the rest of the word before such an ending (looked for only there: a regex from every word
# start would cost more than all the rest of this recogniser)
_WORD_START = re.compile(r"[^\W\d_][\w'’-]*$|$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*) $")
_LAST_WORD = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’-]*)$")
_WORD_AFTER = re.compile(r" ([^\W\d_][\w'’-]*)")
_INTERFIXES = frozenset({"van", "de", "der", "den", "en", "ter", "te", "het", "op", "aan"})
# kinds of road that open a street's name: "laan van westenenk", "plein der verenigde naties"
_NAMED_AFTER_ITS_KIND = frozenset({"laan", "plein", "weg", "straat", "singel", "hof", "park"})
_COMPASS = frozenset({"noord", "oost", "zuid", "west", "noorder", "ooster", "zuider", "wester"})
_BARE_SUFFIXES = frozenset({"straat", "weg", "laan", "plein", "gracht", "kade", "dijk", "singel", "steeg",
                            "dreef", "markt", "hof", "park", "vaart", "ring", "wal"})


def _part_of_name(word: str) -> bool:
    """A word that may stand before a street's last word ("nieuwe damlaan", "marco polo laan",
    "zuid weg", "Pieter Calandlaan"), unlike "hem weg", "dagen weg", "dan slaan"."""
    key = word.lower()
    if word[:1].isupper() or key in _COMPASS or key in first_names():
        return True  # "Pieter Calandlaan", "jan hendrikstraat"
    if len(key) >= 4 and key.endswith("e"):
        return True  # an adjective: nieuwe, lange, amsterdamse
    return key not in common_words() and zipf_frequency(key, "nl") < 5.0


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
        if "postbus" in lowered or "box" in lowered:
            for m in _POSTBUS.finditer(text):
                cued.add((m.start(), m.end()))
                yield Finding(m.start(), m.end(), "ADDRESS", self.name)
        if any(word in lowered for word in _ADDRESS_WORDS):
            for m in _ADDRESS_CUE.finditer(text):
                cued.add((m.start(1), m.end(1)))
                yield Finding(m.start(1), m.end(1), "ADDRESS", self.name)
        if len(lowered) == len(text) and any(kind in lowered for kind in _FRENCH_KINDS):
            for m in _FRENCH_STREET.finditer(lowered):
                # the name's words are no plain Dutch or English ones ("we hebben place voor 2")
                # (after an article any word: "rue de brabant 98")
                words = re.findall(r"[^\W\d_][\w'’]*", m.group())[1:]
                if words[0] not in _FRENCH_ARTICLES and any(_plain_in_nl_or_en(w) for w in words):
                    continue
                cued.add((m.start(), m.end()))
                yield Finding(m.start(), m.end(), "ADDRESS", self.name)
        numbered: list[Finding] = []
        # cheap scan for "letter, spaces, digit"; the full pattern only runs on the word before
        hits = list(_LETTER_SPACE_DIGIT.finditer(text))  # (read by both loops below)
        for hit in hits:
            word_start = text.rfind(" ", 0, hit.start()) + 1
            word_start = max(word_start, text.rfind("\n", 0, hit.start()) + 1)
            if not text[word_start : hit.start() + 1].lower().endswith(_SUFFIXES):
                continue
            m = _ADDRESS.search(text, max(0, word_start - 40), hit.end() + 12)
            while m is not None and m.end() <= hit.start():
                m = _ADDRESS.search(text, m.end(), hit.end() + 12)
            if m is not None and m.start() <= word_start and (m.start(), m.end()) not in cued:
                numbered.append(Finding(m.start(), m.end(), "ADDRESS", self.name))
        # a street of the register that ends like no street, with a house number: "dukatenburg
        # 14", "grote oost 17" (the words must be no plain ones: "ik ben 17", "om 12")
        for hit in hits:
            found = self._register_street_numbered(text, hit.start() + 1)
            if found is None:
                continue
            taken = [(f.start, f.end) for f in numbered] + list(cued)
            if not any(s <= found.start < e for s, e in taken):
                numbered.append(found)
        yield from numbered
        # a register street is only news where no address found above holds it already
        for finding in self._listed(text, lowered):
            inside = any(f.start <= finding.start and finding.end <= f.end for f in numbered)
            if not inside and (finding.start, finding.end) not in cued:
                yield finding

    def _register_street_numbered(self, text: str, end: int) -> Finding | None:
        """The one to three words before `end` (a space, then a house number) as a street of
        the register, with the number; None when they are no street or plain words."""
        number = _REGISTER_NUMBER.match(text, end)
        if number is None:
            return None
        words: list[str] = []
        start, best = end, -1
        for k in range(3):
            prev = (_WORD_BEFORE if k else _LAST_WORD).search(text, max(0, start - 30), start)
            if prev is None:
                break
            words.insert(0, prev.group(1))
            start = prev.start(1)
            key = street_key(" ".join(words))
            if (
                key in street_names()
                and len(key) >= 6
                and not _plain_word(words[-1])
            ):
                best = start
        if best < 0:
            return None
        return Finding(best, number.end(), "ADDRESS", self.name)

    def _listed(self, text: str, lowered: str) -> Iterator[Finding]:
        """A street of the register, also written in lowercase or in parts, without a number."""
        streets = street_names()
        for ending in _LISTED_END.finditer(lowered):
            head = _WORD_START.search(lowered, max(0, ending.start() - 30), ending.start())
            begin = head.start() if head is not None and head.group() else ending.start()
            if begin and (lowered[begin - 1].isalnum() or lowered[begin - 1] in "_'’-"):
                continue  # inside a longer token: "t_weg", "12weg"
            last, finish = lowered[begin : ending.end()], ending.end()
            if last not in _BARE_SUFFIXES and not _named_street(last):
                continue  # "slaan", "onderweg": ordinary words that end like a street
            words, start, best = [last], begin, -1
            if last not in _BARE_SUFFIXES and street_key(last) in streets:
                best = begin
            for _ in range(3):  # up to three words before: "vincent van gogh weg"
                prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
                if prev is None:
                    break
                words.insert(0, prev.group(1))
                start = prev.start(1)
                if (
                    street_key(" ".join(words)) in streets
                    and _part_of_name(words[0])
                    and all(w.lower() in _INTERFIXES or _part_of_name(w) for w in words[1:-1])
                ):
                    best = start
            if last in _NAMED_AFTER_ITS_KIND:
                after = self._named_after(text, begin, finish, streets)
                best = begin if best < 0 and after > finish else best
                finish = after
            if best >= 0:
                yield Finding(best, finish, "ADDRESS", self.name)

    @staticmethod
    def _named_after(text: str, start: int, end: int, streets: frozenset[str]) -> int:
        """Where a street named after its kind ends ("laan van westenenk"); `end` if none is."""
        words, pos, found = [text[start:end]], end, end
        for _ in range(3):
            nxt = _WORD_AFTER.match(text, pos)
            if nxt is None:
                break
            words.append(nxt.group(1))
            pos = nxt.end()
            if (
                words[-1].lower() not in _INTERFIXES
                and street_key(" ".join(words)) in streets
                and all(w.lower() in _INTERFIXES or _part_of_name(w) for w in words[1:])
            ):
                found = pos
        return found
