"""Recognisers for identifiers with a fixed shape: e-mail, URL, IBAN, plates, postcodes, BSN."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import postcode as std_postcode

from inbeeld.deid.lexicons import all_places, fold, keep_words
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser, before

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])")


class EmailRecogniser(Recogniser):
    name = "email"

    def find(self, text: str) -> Iterator[Finding]:
        for m in _EMAIL.finditer(text):
            yield Finding(m.start(), m.end(), "EMAIL", self.name)


_TLDS = (
    "nl|be|com|net|org|info|io|me|eu|de|fr|uk|co|app|tv|ly|gg|to|xyz|online|site|shop|biz|ru|pl|"
    "ro|bg|tr|es|it|at|ch|us|ca|au|link|club|live|vip|store|page|dev|ai|cc|ws|su|ua|ma|sr|cw|top|"
    "win|fun|chat|social|agency|model|models|nu|tk|ga|ml|cf"
)
_URL = re.compile(
    r"(?i)(?<![\w@.-])(?:https?://[^\s<>\"']+|www\.[^\s<>\"']+"
    rf"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w-])(?:/[^\s<>\"']*)?"
    # any other top-level domain when a path follows ("forms.gle/Xa7pQe"): a link for sure
    r"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}/[\w-][^\s<>\"']*)"
)
_TRAILING = ".,;:!?)]}'\""


class UrlRecogniser(Recogniser):
    """Web addresses; a bare platform domain on the keep list (Kinky.nl) is what research codes."""

    name = "url"

    def __init__(self, keep_file: str | None = None) -> None:
        self.keep_file = keep_file

    def find(self, text: str) -> Iterator[Finding]:
        keep = keep_words(self.keep_file)
        for m in _URL.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
            url = text[start:end]
            bare = "/" not in url and not url.lower().startswith(("www.", "http"))
            if bare and fold(url) in keep:
                continue
            if bare and url.count(".") == 1 and len(url.split(".")[0]) <= 1:
                continue  # "a.nl"-like fragments of sentences without a space
            yield Finding(start, end, "URL", self.name)


_IBAN = re.compile(r"(?i)(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w])")


_BANK_CUE = ("iban", "rekening", "overmaken", "overgemaakt", "storten", "gestort", "bank", "account")


class IbanRecogniser(Recogniser):
    """IBANs of any country when the mod-97 checksum holds; after a bank cue ("rekeningnummer",
    "overmaken naar") also a well-formed one whose checksum fails: a mistyped account number
    still points to a person."""

    name = "iban"

    def __init__(self, cue_window: int = 40) -> None:
        self.cue_window = cue_window

    def find(self, text: str) -> Iterator[Finding]:
        for m in _IBAN.finditer(text):
            # the pattern may swallow a following 4-letter word: shrink from the right until valid
            end, fallback = m.end(), None
            while end - m.start() >= 15:
                candidate = text[m.start() : end]
                if std_iban.is_valid(candidate):
                    yield Finding(m.start(), end, "IBAN", self.name)
                    fallback = None
                    break
                if fallback is None and _right_length(candidate) and candidate[-1].isdigit():
                    fallback = end
                cut = text.rfind(" ", m.start(), end)
                if cut <= m.start():
                    break
                end = cut
            if fallback is not None and any(c in before(text, m.start(), self.cue_window) for c in _BANK_CUE):
                yield Finding(m.start(), fallback, "IBAN", self.name)


# IBAN lengths per country (ISO 13616) for the countries chats mention most
_IBAN_LENGTHS = {
    "NL": 18,
    "BE": 16,
    "DE": 22,
    "FR": 27,
    "GB": 22,
    "PL": 28,
    "RO": 24,
    "BG": 22,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "TR": 26,
    "LU": 20,
    "AT": 20,
    "CH": 21,
    "LT": 20,
    "LV": 21,
    "HU": 28,
    "CZ": 24,
    "SK": 24,
    "GR": 27,
    "IE": 22,
    "DK": 18,
    "SE": 24,
}


def _right_length(candidate: str) -> bool:
    compact = std_iban.compact(candidate)
    return _IBAN_LENGTHS.get(compact[:2]) == len(compact)


# Dutch licence plates, sidecodes 1-14: letters (L) and digits (D) in three groups.
_SIDECODES = (
    "LL-DD-DD",
    "DD-DD-LL",
    "DD-LL-DD",
    "LL-DD-LL",
    "LL-LL-DD",
    "DD-LL-LL",
    "DD-LLL-D",
    "D-LLL-DD",
    "LL-DDD-L",
    "L-DDD-LL",
    "LLL-DD-L",
    "L-DD-LLL",
    "D-LL-DDD",
    "DDD-LL-D",
)


def _sidecode_regex(separator: str) -> re.Pattern[str]:
    parts = []
    for code in _SIDECODES:
        groups = [("[A-Z]" if g[0] == "L" else r"\d") + f"{{{len(g)}}}" for g in code.split("-")]
        parts.append(separator.join(groups))
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


_PLATE_DASHED = _sidecode_regex("-")
# Belgian plates ("1-KRT-562") anywhere; other countries' plates ("CH 4821 KM") after a plate cue
_PLATE_BELGIAN = re.compile(r"(?<![\w-])[1-9]-[A-Z]{3}-\d{3}(?![\w-])")
_PLATE_FOREIGN = re.compile(r"(?<![\w-])[A-Z]{1,3}[ -]?\d{3,4}[ -]?[A-Z]{1,3}(?![\w-])")
_PLATE_BARE = _sidecode_regex("[ ]?")
# "kentek" also catches the word typed with a slip ("kentekken", "kentekn")
_PLATE_CUE = ("kenteken", "kentek", "kentken", "nummerbord", "nummerplaat", "plaat", "auto", "plate")


class PlateRecogniser(Recogniser):
    """Dutch licence plates: written with dashes anywhere, without only after a cue (kenteken)."""

    name = "plate"

    def find(self, text: str) -> Iterator[Finding]:
        seen: set[int] = set()
        if "-" in text:
            for m in _PLATE_DASHED.finditer(text):
                seen.add(m.start())
                yield Finding(m.start(), m.end(), "PLATE", self.name)
        for m in _PLATE_BELGIAN.finditer(text):
            seen.add(m.start())
            yield Finding(m.start(), m.end(), "PLATE", self.name)
        lowered = text.lower()
        if not any(cue in lowered for cue in _PLATE_CUE):
            return
        for m in _PLATE_FOREIGN.finditer(text):
            if m.start() not in seen and any(cue in before(text, m.start(), 30) for cue in _PLATE_CUE):
                seen.add(m.start())
                yield Finding(m.start(), m.end(), "PLATE", self.name)
        for m in _PLATE_BARE.finditer(text):
            if m.start() in seen or not any(c.isdigit() for c in m.group()):
                continue
            postcode_shaped = re.fullmatch(r"\d{4} ?[A-Za-z]{2}", m.group()) is not None
            if (postcode_shaped and std_postcode.is_valid(m.group())) or not m.group().isupper():
                continue  # without dashes: 1234 AB is a postcode, "15 jaar" an age; 7571 SS is none
            if any(cue in before(text, m.start(), 30) for cue in _PLATE_CUE):
                yield Finding(m.start(), m.end(), "PLATE", self.name)


_POSTCODE = re.compile(r"(?<![\w-])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\w-])")
_AFTER_HOUSE_NUMBER = re.compile(r"[^\W\d_]\s+\d{1,4}(?:\s?-?\s?\w{1,3})?,?\s+$")
_UNITS = frozenset(
    {
        "km",
        "mg",
        "kg",
        "cm",
        "mm",
        "ml",
        "gb",
        "mb",
        "kb",
        "pk",
        "ct",
        "st",
        "nd",
        "rd",
        "th",
        "uu",
        "hz",
        "mp",
        "jr",
    }
)


# two-letter words: "2019 en", "1500 is" are a number and a word, not a postcode
_SHORT_WORDS = frozenset(
    {
        "en",
        "is",
        "op",
        "in",
        "de",
        "te",
        "ik",
        "je",
        "ze",
        "we",
        "om",
        "al",
        "nu",
        "zo",
        "na",
        "ga",
        "er",
        "of",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "it",
        "me",
        "my",
        "no",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "ok",
        "pa",
        "ma",
        "mn",
        "zn",
        "da",
        "dr",
        "hé",
        "eh",
        "ah",
        "oh",
        "uh",
        "ja",
        "nee",
        "af",
        "an",
        "bv",
        "ca",
        "wo",
    }
)


class PostcodeRecogniser(Recogniser):
    """Dutch postcodes (1234 AB, 1234ab, 1234 ab); `2019 en` is a year and a word, not a postcode."""

    name = "postcode"

    def find(self, text: str) -> Iterator[Finding]:
        for m in _POSTCODE.finditer(text):
            letters = m.group(3)
            if not std_postcode.is_valid(m.group(1) + letters):
                continue
            if _AFTER_HOUSE_NUMBER.search(text[max(0, m.start() - 12) : m.start()]):
                yield Finding(m.start(), m.end(), "POSTCODE", self.name)  # "Duinerf 39, 5840 do"
                continue
            if letters.lower() in _UNITS and not letters.isupper():
                continue  # "12 cm"; "8911 CM" is a postcode
            if m.group(2) and not letters.isupper() and "postcode" not in before(text, m.start(), 25):
                year_like = m.group(1).startswith(("19", "20"))
                if letters.lower() in _SHORT_WORDS or year_like:
                    continue
            yield Finding(m.start(), m.end(), "POSTCODE", self.name)
        # Belgian (and other four-digit) postcodes: only right before a known town ("2140 Antwerpen")
        for m in _FOUR_DIGITS_TOWN.finditer(text):
            if fold(m.group("town")) in all_places():
                yield Finding(m.start(), m.start() + 4, "POSTCODE", self.name)


_FOUR_DIGITS_TOWN = re.compile(r"(?<![\w.,-])[1-9]\d{3} (?P<town>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b")


_NINE_DIGITS = re.compile(r"(?<![\w.+-])\d(?:[ .]?\d){7,8}(?![\w]|[.-]\d)")


class BsnRecogniser(Recogniser):
    """Burgerservicenummers: 8 or 9 digits that pass the eleven-test."""

    name = "bsn"

    def find(self, text: str) -> Iterator[Finding]:
        for m in _NINE_DIGITS.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            if len(digits) == 9 and digits[0] != "0" and std_bsn.is_valid(digits):
                yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)


_ID_CUE = re.compile(
    # "pas+p[o]{1,2}rt": paspoort, passport and their slips (pasport, passsport)
    r"\b(?:bsn|burgerservicenummer|id|id-?kaart|identiteitskaart|idkaart|pas+p[o]{1,2}rt|pas|"
    r"documentnummer|rijbewijs|verblijfsvergunning|verblijfspas|verblijfsdocument|verblijfskaart|"
    r"v-nummer|vreemdelingennummer|residence permit|card number|kaartnummer|id-nummer|"
    r"rijksregisternummer|rijksregister|national number|"
    r"klantnummer|studentnummer|leerlingnummer|dossiernummer|zaaknummer|pasnummer|id number|"
    r"passport|id card)(?:nummer|nr)?\b"
)
_ID_CUE_ANY_CASE = re.compile("(?i)" + _ID_CUE.pattern)
# a document number: one token of 6-20 letters and digits with a digit, or digit groups, or
# capital letters and digits apart ("RX 419286")
_ID_VALUE = re.compile(
    r"(?i)(?<![\w])(?:(?=[A-Z]*\d)[A-Z0-9]{6,20}|\d{2,4}(?:[ .-]\d{2,4}){1,4}"
    r"|(?-i:[A-Z]{1,3}) \d{5,9})(?![\w])"
)
_DOC_NUMBER = re.compile(r"(?<![\w])[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![\w])")


class IdNumberRecogniser(Recogniser):
    """ID, passport and other document numbers after a cue word; Dutch document numbers anywhere."""

    name = "id_number"

    def __init__(self, window: int = 30) -> None:
        self.window = window

    def find(self, text: str) -> Iterator[Finding]:
        # the cue pattern is matched against a lowercased copy (same offsets for nearly all
        # texts); an IGNORECASE alternation is slow
        lowered = text.lower()
        cues = _ID_CUE.finditer(lowered) if len(lowered) == len(text) else _ID_CUE_ANY_CASE.finditer(text)
        for cue in cues:
            region_end = min(len(text), cue.end() + self.window)
            for m in _ID_VALUE.finditer(text, cue.end(), region_end):
                digits = sum(c.isdigit() for c in m.group())
                if digits >= 5 or (digits >= 1 and not m.group().isdigit()):
                    yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)
                    break
        for m in _DOC_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 3:
                yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)
