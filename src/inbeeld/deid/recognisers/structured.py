"""Recognisers for identifiers with a fixed shape: e-mail, URL, IBAN, plates, postcodes, BSN."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import postcode as std_postcode

from inbeeld.deid.lexicons import fold, keep_words
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
    rf"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w-])(?:/[^\s<>\"']*)?)"
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


class IbanRecogniser(Recogniser):
    """IBANs of any country, kept only when the mod-97 checksum holds."""

    name = "iban"

    def find(self, text: str) -> Iterator[Finding]:
        for m in _IBAN.finditer(text):
            # the pattern may swallow a following 4-letter word: shrink from the right until valid
            end = m.end()
            while end - m.start() >= 15:
                if std_iban.is_valid(text[m.start():end]):
                    yield Finding(m.start(), end, "IBAN", self.name)
                    break
                cut = text.rfind(" ", m.start(), end)
                if cut <= m.start():
                    break
                end = cut


# Dutch licence plates, sidecodes 1-14: letters (L) and digits (D) in three groups.
_SIDECODES = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
    "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
)


def _sidecode_regex(separator: str) -> re.Pattern[str]:
    parts = []
    for code in _SIDECODES:
        groups = [("[A-Z]" if g[0] == "L" else r"\d") + f"{{{len(g)}}}" for g in code.split("-")]
        parts.append(separator.join(groups))
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


_PLATE_DASHED = _sidecode_regex("-")
_PLATE_BARE = _sidecode_regex("[ ]?")
_PLATE_CUE = ("kenteken", "nummerbord", "nummerplaat", "plaat", "auto", "plate")


class PlateRecogniser(Recogniser):
    """Dutch licence plates: written with dashes anywhere, without only after a cue (kenteken)."""

    name = "plate"

    def find(self, text: str) -> Iterator[Finding]:
        seen: set[int] = set()
        for m in _PLATE_DASHED.finditer(text):
            seen.add(m.start())
            yield Finding(m.start(), m.end(), "PLATE", self.name)
        for m in _PLATE_BARE.finditer(text):
            if m.start() in seen or not any(c.isdigit() for c in m.group()):
                continue
            if re.fullmatch(r"\d{4} ?[A-Za-z]{2}", m.group()):
                continue  # without dashes, 1234 AB is a postcode
            if any(cue in before(text, m.start(), 30) for cue in _PLATE_CUE):
                yield Finding(m.start(), m.end(), "PLATE", self.name)


_POSTCODE = re.compile(r"(?<![\w-])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\w-])")
_UNITS = frozenset("km mg kg cm mm ml gb mb kb pk ct st nd rd th uu hz mp jr".split())


class PostcodeRecogniser(Recogniser):
    """Dutch postcodes (1234 AB, 1234ab); `2019 en` is a year and a word, not a postcode."""

    name = "postcode"

    def find(self, text: str) -> Iterator[Finding]:
        for m in _POSTCODE.finditer(text):
            letters = m.group(3)
            if letters.lower() in _UNITS or not std_postcode.is_valid(m.group(1) + letters):
                continue
            if m.group(2) and not letters.isupper() and "postcode" not in before(text, m.start(), 25):
                continue
            yield Finding(m.start(), m.end(), "POSTCODE", self.name)


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
    r"(?i)\b(?:bsn|burgerservicenummer|id|id-?kaart|identiteitskaart|idkaart|paspoort|pas|"
    r"documentnummer|rijbewijs|verblijfsvergunning|verblijfspas|v-nummer|vreemdelingennummer|"
    r"klantnummer|studentnummer|leerlingnummer|dossiernummer|zaaknummer|pasnummer|id number|"
    r"passport|id card)(?:nummer|nr)?\b"
)
_ID_VALUE = re.compile(r"(?i)(?<![\w])(?=[A-Z0-9 .-]*\d[A-Z0-9 .-]*\d)[A-Z0-9](?:[A-Z0-9]|[ .-](?=[A-Z0-9])){4,16}(?![\w])")
_DOC_NUMBER = re.compile(r"(?<![\w])[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![\w])")


class IdNumberRecogniser(Recogniser):
    """ID, passport and other document numbers after a cue word; Dutch document numbers anywhere."""

    name = "id_number"

    def __init__(self, window: int = 30) -> None:
        self.window = window

    def find(self, text: str) -> Iterator[Finding]:
        for cue in _ID_CUE.finditer(text):
            region_end = min(len(text), cue.end() + self.window)
            for m in _ID_VALUE.finditer(text, cue.end(), region_end):
                if sum(c.isdigit() for c in m.group()) >= 5:
                    yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)
                    break
        for m in _DOC_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 3:
                yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)

