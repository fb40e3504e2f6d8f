"""Recognisers for identifiers with a fixed shape: e-mail, URL, IBAN, plates, postcodes, BSN."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import postcode as std_postcode

from inbeeld.deid.lexicons import all_places, common_words, fold, keep_words, placenames, zipf_frequency
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import DIGIT, Recogniser, before

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])")


_AT_SIGN = re.compile("@")


class EmailRecogniser(Recogniser):
    name = "email"
    needs = _AT_SIGN.search

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
_DOT_OR_SCHEME = re.compile(r"\.|://")  # every address has one


class UrlRecogniser(Recogniser):
    """Web addresses; a bare platform domain on the keep list (Kinky.nl) is what research codes."""

    name = "url"
    needs = _DOT_OR_SCHEME.search

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


_IBAN_NL = re.compile(r"(?<![\w])(?i:nl) ?\d ?\d ?(?i:[a-z]{4})(?: ?\d){10}(?![\w])")
_BANK_CUE = ("iban", "rekening", "overmaken", "overgemaakt", "storten", "gestort", "bank", "account")


# crypto wallets, the bank accounts of online exploitation: Bitcoin (bech32 "bc1...", legacy "1..."/
# "3..." in base58), Ethereum ("0x" and 40 hex digits), Tron ("T..."); typed IBAN, the account type
_WALLET = re.compile(
    r"(?:bc1[ac-hj-np-z02-9]{25,87}|0x[0-9a-fA-F]{40}|[13T][a-km-zA-HJ-NP-Z1-9]{25,34})(?![\w])"
)
# base58 wallets mix capitals, small letters and digits; a long plain word or number is none
_WALLET_SHAPE = re.compile(r"^(?:bc1|0x)|^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)")


class IbanRecogniser(Recogniser):
    """IBANs of any country when the mod-97 checksum holds; after a bank cue ("rekeningnummer",
    "overmaken naar") also a well-formed one whose checksum fails: a mistyped account number
    still points to a person."""

    name = "iban"
    needs = DIGIT.search

    def __init__(self, cue_window: int = 40) -> None:
        self.cue_window = cue_window

    def find(self, text: str) -> Iterator[Finding]:
        for m in _WALLET.finditer(text):
            if (m.start() == 0 or not text[m.start() - 1].isalnum()) and _WALLET_SHAPE.search(m.group()):
                yield Finding(m.start(), m.end(), "IBAN", self.name)
        seen: set[int] = set()
        for m in _IBAN.finditer(text):
            # the pattern may swallow a following 4-letter word: shrink from the right until valid
            end, fallback = m.end(), None
            while end - m.start() >= 15:
                candidate = text[m.start() : end]
                if std_iban.is_valid(candidate):
                    yield Finding(m.start(), end, "IBAN", self.name)
                    seen.add(m.start())
                    fallback = None
                    break
                if fallback is None and _right_length(candidate) and candidate[-1].isdigit():
                    fallback = end
                cut = text.rfind(" ", m.start(), end)
                if cut <= m.start():
                    break
                end = cut
            if fallback is None:
                continue
            # a foreign IBAN of its country's length with ten digits or more is no word or code
            # that happens to look like one: a mistyped checksum still points to an account
            enough_digits = sum(c.isdigit() for c in text[m.start() : fallback]) >= 10
            if enough_digits or any(c in before(text, m.start(), self.cue_window) for c in _BANK_CUE):
                yield Finding(m.start(), fallback, "IBAN", self.name)
                seen.add(m.start())
        # the strict Dutch shape (NL, 2 digits, bank code, 10 digits) in any spacing, whatever
        # its checksum ("NL 55 INGB 0006 4921 83"): nothing else has this shape
        lowered = text.lower()
        at = lowered.find("nl") if len(lowered) == len(text) else -1
        while at >= 0:  # only where "nl" stands: cheaper than a scan of the whole text
            m = _IBAN_NL.match(text, at)
            if m is not None and at not in seen:
                yield Finding(m.start(), m.end(), "IBAN", self.name)
            at = lowered.find("nl", at + 2)


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
# (the shape "1-abc-234" is Belgian alone, also typed in lowercase)
_PLATE_BELGIAN = re.compile(r"(?<![\w-])[1-9]-[A-Za-z]{3}-\d{3}(?![\w-])")
# Belgian plates ("1-KRT-562") anywhere; other countries' plates ("CH 4821 KM") after a plate cue:
# letters, 2-4 digits, letters ("B 48 KTM" Romanian, "DJ 22 HGX" British, "WGM 4827C" Polish),
# or letters and digits alone ("LKN 482" Lithuanian)
_PLATE_FOREIGN = re.compile(r"(?<![\w-])([A-Z]{1,3})[ -]?(\d{2,4})[ -]?([A-Z]{0,3})(?![\w-])")
# Polish and similar: a district code and five letters and digits ("PO 3KX81", "WA 48213"); German:
# district, letters, digits ("AC-KR 418"); after a cue only
_PLATE_DISTRICT = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,3} (?:(?=[A-Z\d]*[A-Z])(?=(?:[A-Z]*\d){2})[A-Z\d]{4,5}|\d{5})"
    r"|[A-Z]{1,3}[- ][A-Z]{1,2} ?\d{1,4}[EH]?)(?![\w-])"
)
_PLATE_BARE = _sidecode_regex("[ ]?")
# "kentek" also catches the word typed with a slip ("kentekken", "kentekn")
_PLATE_CUE = ("kenteken", "kentek", "kentken", "nummerbord", "nummerplaat", "plaat", "auto", "plate")
# a vehicle word a few words before a plate ("een witte polo GS 882 X", "his car is from romania
# B 48 KTM"); 'van' and 'bus' are also Dutch words ("in plaats van", "Kerkstraat 3 bus 2"), so
# they must stand right before it, after an article, a possessive, 'with' or a colour
_VEHICLE = (
    r"auto|car|golf|polo|caddy|mercedes|transit|busje|minibus|minivan|truck|camper|vrachtwagen|"
    r"bestelbus|bestelwagen|sprinter|vito|scooter|brommer|kenteken\w*|plate|plaat|nummerbord|nummerplaat|"
    # car makes: "een zwarte BMW K 712 NR", "de baas rijdt een pick-up 1 TRC 778"
    r"bmw|audi|volkswagen|opel|toyota|renault|peugeot|ford|volvo|kia|skoda|fiat|citroen|citroën|mazda|"
    r"nissan|tesla|dacia|hyundai|jeep|range rover|pick-up|pickup|busjes|cars|auto's|autos|"
    r"drive|drives|driving|rijdt|reed"
)
_VEHICLE_BEFORE = re.compile(
    rf"\b(?:(?:{_VEHICLE})(?:\W+\w+){{0,3}}|(?:a|the|with|my|his|her|their|our|de|het|een|die|zijn|haar|"
    r"white|black|grey|gray|blue|red|witte|zwarte|grijze|blauwe|rode)\W+(?:van|bus))\W*$"
)
_VEHICLE_GATE = re.compile(
    rf"\b(?:{_VEHICLE}|(?:a|the|with|my|his|her|their|our|de|het|een|die|zijn|haar|"
    r"white|black|grey|gray|blue|red|witte|zwarte|grijze|blauwe|rode)\W+(?:van|bus))\b"
)
# a match cut by the end of the window it was scanned in: the word goes on
_WORD_CHAR = re.compile(r"[\w-]")


def _cue_windows(lowered: str) -> list[tuple[int, int]]:
    """Stretches of text around the plate cues and vehicle words, merged where they overlap:
    from 40 characters before a cue (for "... roemeense plaat") to 60 after it."""
    spans = []
    for cue in _PLATE_CUE:
        at = lowered.find(cue)
        while at >= 0:
            spans.append((at, at + len(cue)))
            at = lowered.find(cue, at + 1)
    spans.extend(m.span() for m in _VEHICLE_GATE.finditer(lowered))
    windows: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start - 40), min(len(lowered), end + 60)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows
# the plate cue after the plate: "B 217 RXM romenia plaat", "WGM 4827C polish plate"
_PLATE_AFTER = re.compile(
    r"^\W*(?:\w+\W+)?(?:plate|plaat|kenteken|nummerbord|romanian|roemeens\w*|polish|pools\w*|bulgarian|"
    r"bulgaars\w*|german|duits\w*|lithuanian|litouws\w*)\b"
)
_PLATE_LISTED_BEFORE = re.compile(
    r"(?<![\w-])[A-Z\d]{1,3}[- ][A-Z\d]{1,3}[- ]?[A-Z\d]{1,4}\s*(?:,|/|en|and|of|or)\s*$"
)
# car models and engine codes that have a plate's shape after a vehicle word ("BMW 320")
_MORE_LETTERS = re.compile(r" [A-Z]{1,3}(?![\w-])")
_MODELS = frozenset(
    {"BMW", "CLA", "CLS", "GLA", "GLC", "GLE", "SLK", "AMG", "TDI", "GTI", "TSI", "VW", "MAN", "DAF"}
)


def _no_words(plate: str) -> bool:
    """No letter group of a plate written apart is a word of Dutch or English."""
    return not any(
        group in common_words() or max(zipf_frequency(group, "nl"), zipf_frequency(group, "en")) >= 4.5
        for group in plate.lower().split()
        if group.isalpha() and len(group) > 1
    )


class PlateRecogniser(Recogniser):
    """Dutch licence plates: written with dashes anywhere, without only after a cue (kenteken) or
    a vehicle word (polo, mercedes, busje); foreign plates after a cue or vehicle word."""

    name = "plate"
    needs = DIGIT.search

    @staticmethod
    def _cued(text: str, start: int, end: int) -> bool:
        context = before(text, start, 40).replace("plaats", "")  # 'plaat' is a cue, 'plaats' none
        if any(cue in context for cue in _PLATE_CUE) or _VEHICLE_BEFORE.search(context):
            return True
        if _PLATE_LISTED_BEFORE.search(text, max(0, start - 16), start):
            return True  # "VNB-42-T en V 668 RD": the next of a list of plates
        return _PLATE_AFTER.match(text[end : end + 25].lower()) is not None

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
        if len(lowered) != len(text):
            lowered = text  # offsets must hold; the cues then only match as written
        for start, end in _cue_windows(lowered):
            yield from self._near_cue(text, start, end, seen)

    def _near_cue(self, text: str, start: int, end: int, seen: set[int]) -> Iterator[Finding]:
        """Plates without dashes in the text around a cue (scanning only there keeps it cheap)."""
        for m in _in_window(_PLATE_BARE, text, start, end):
            if m.start() in seen or not any(c.isdigit() for c in m.group()):
                continue
            if _MORE_LETTERS.match(text, m.end()) or _WORD_CHAR.match(text, m.end()):
                continue  # "CA 7713 KP": the letters after it make it a foreign plate
            postcode_shaped = re.fullmatch(r"\d{4} ?[A-Za-z]{2}", m.group()) is not None
            if postcode_shaped and std_postcode.is_valid(m.group()):
                continue  # without dashes: 1234 AB is a postcode; 7571 SS is none
            # lowercase written together ("58gjt4"), or apart when no letter group is a word
            # ("kz 418 p", "dkb 18 x"; not "is 18 en", "15 jaar")
            plate = m.group()
            if not plate.isupper() and (not plate.islower() or (" " in plate and not _no_words(plate))):
                continue
            yield from self._take_cued(text, m, seen)
        for m in _in_window(_PLATE_DISTRICT, text, start, end):
            if m.start() in seen or _MORE_LETTERS.match(text, m.end()) or m.group().split()[0] in _MODELS:
                continue  # "CH 4821 KM": a longer plate, found below
            yield from self._take_cued(text, m, seen)
        for m in _in_window(_PLATE_FOREIGN, text, start, end):
            if m.start() in seen or m.group(1) in _MODELS or _WORD_CHAR.match(text, m.end()):
                continue
            prefix, digits, suffix = m.groups()
            if not suffix and (len(prefix) < 2 or len(digits) < 3 or re.fullmatch(r"(?:19|20)\d\d", digits)):
                continue  # "C 200", "GTI 2019": a model or a year, not a plate
            yield from self._take_cued(text, m, seen)

    def _take_cued(self, text: str, m: re.Match[str], seen: set[int]) -> Iterator[Finding]:
        if self._cued(text, m.start(), m.end()):
            seen.add(m.start())
            yield Finding(m.start(), m.end(), "PLATE", self.name)


def _in_window(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches that start in the window; one is taken whole even where it runs past the
    window's end, one cut by that end is none."""
    for m in pattern.finditer(text, start, end + 12):
        if m.start() >= end:
            return
        yield m


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
    needs = DIGIT.search

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
        # Belgian (and other four-digit) postcodes: only right before a known town ("2140 Antwerpen"),
        # after a street and house number ("Kustlaan 214, 8300") or after a town ("Lommel, 3920")
        for m in _FOUR_DIGITS_TOWN.finditer(text):
            if fold(m.group("town")) in all_places():
                yield Finding(m.start(), m.start() + 4, "POSTCODE", self.name)
        for m in _FOUR_DIGITS_ALONE.finditer(text) if ", " in text else ():
            if not _CLAUSE_END.match(text, m.end()):
                continue  # "Amsterdam, 1500 mensen", "ik ben 14, 2019 was zwaar": a count, a year
            context = text[max(0, m.start() - 30) : m.start()]
            town = _TOWN_COMMA.search(context)
            # a town with four digits after it is Belgian (a Dutch one has "1234 AB"): "Lommel, 3920"
            key = fold(town.group(1)) if town else ""
            belgian = key in all_places() and key not in placenames()
            if _STREET_NUMBER_COMMA.search(context) or belgian:
                yield Finding(m.start(), m.end(), "POSTCODE", self.name)


_FOUR_DIGITS_ALONE = re.compile(r"[1-9](?<![\w.,-][1-9])\d{3}(?![\w.,-]?\d| ?[A-Za-z]{2}\b)")
_TOWN_COMMA = re.compile(r"([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?), $")
_STREET_NUMBER_COMMA = re.compile(r"[A-Z][\w'’-]+ \d{1,4}[a-zA-Z]?(?: bus \d{1,4})?, $")
_CLAUSE_END = re.compile(r"\s*(?:$|[.;!?)\n]|,\s)")
_FOUR_DIGITS_TOWN = re.compile(r"(?<![\w.,-])[1-9]\d{3} (?P<town>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b")


_NINE_DIGITS = re.compile(r"(?<![\w.+-])\d(?:[ .]?\d){7,8}(?![\w]|[.-]\d)")


class BsnRecogniser(Recogniser):
    """Burgerservicenummers: 8 or 9 digits that pass the eleven-test."""

    name = "bsn"
    needs = DIGIT.search

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
    r"registratienummer|registration number|"
    r"passport|id card|"
    # English and foreign cues of migrant workers: "personal code" (Lithuanian asmens kodas),
    # "asylum number", "seaman('s) book", Romanian "buletin", "copy of my card"
    r"personal code|personal number|asylum|asiel|seaman'?s? book|buletin|card|document|"
    # the v-number of the immigration service, a permit, a passport in Polish, Romanian,
    # Turkish and French, a police report (pv) and a report's number
    r"v[- ]?number|vnummer|permit number|work permit|permit|paszport|pașaport|pasaport|pasaportu|"
    r"passeport|pv|proces-verbaal|meldingnummer|meldingsnummer|"
    # staff and driver numbers of workers: "personeelsnummer GS-11842", "chauffeurskaart CK 2208 4417"
    r"personeelsnummer|personeelsnr|personnel number|employee number|werknemersnummer|"
    r"chauffeurskaart|bestuurderskaart|driver card|card no)(?:nummer|nr)?\b"
)
_ID_CUE_ANY_CASE = re.compile("(?i)" + _ID_CUE.pattern)
# a document number: one token of 6-20 letters and digits with a digit, or digit groups, or
# capital letters and digits apart ("RX 419286")
# two-letter words before a number are no document letters ("is 715302468")
_TWO_LETTER_WORDS = (
    "is", "en", "op", "in", "of", "at", "on", "to", "my", "me", "he", "we", "ik", "je", "ze", "nu", "al",
    "er", "na", "om", "ja", "no", "so", "as", "be", "by", "do", "go", "if", "it", "or", "up", "us", "an",
    "am", "da", "de", "te", "nr",
)
_ID_VALUE = re.compile(
    r"(?i)(?<![\w])(?:(?=[A-Z-]*\d)[A-Z0-9]{2,20}(?:-[A-Z0-9]{2,20}){1,3}|(?=[A-Z]*\d)[A-Z0-9]{6,20}"
    # digit groups ("2 3 8 4 1 0 9 5 7" typed one by one), or letters apart from digits ("EN 4172953",
    # lowercase "ek 4829173" with six digits or more)
    r"|\d{1,9}(?:[ .-]\d{1,9}){1,8}|(?-i:[A-Z]{1,3}) \d{2,9}(?:[ .]\d{2,9}){0,3}"
    r"|(?!(?:" + "|".join(_TWO_LETTER_WORDS) + r") )(?-i:[a-z]{2}) \d{6,9})(?![\w])"
)
# without a cue: a capital letter-digit code ("A07731942", "E74K1P930"; passports, seaman's books,
# residence cards): one or two letters and 6-9 digits, or 8-12 letters and digits with 5 digits
# (scanned as any 7-12 capitals and digits, the character class first so the scan is fast, then
# checked for the shape)
_CODE = re.compile(r"[A-Z0-9](?<![\w-][A-Z0-9])[A-Z0-9]{6,11}(?![\w-])")
_CODE_SHAPE = re.compile(r"[A-Z]{1,2}\d{6,9}|(?=\d*[A-Z])[A-Z0-9]{8,12}")
# without a cue: a long number (8-13 digits, maybe grouped by dots or spaces) that is no phone
# number, IBAN, date or amount: in a chat a document number or a BSN
_LONG_NUMBER = re.compile(r"\d(?<![\w.,+/-]\d)(?<!\d[ .\-/]\d)(?:[ .]?\d){7,12}(?![\w]|[.,/-]?\d|[ .]\d)")
_NOT_ID_BEFORE = re.compile(
    r"(?:order|bestel|factuur|invoice|track|pakket|zending|transactie|referentie|ref|artikel|"
    r"€|eur|euro|\$)\w*\W*(?:\w+\W+)?$"
)
_NOT_ID_AFTER = re.compile(
    r"^\s*(?:€|eur|euro|dollar|usd|pond|lei|lev|zloty|z[łl]|km|kilo|mensen|keer|views)", re.I
)
_IBAN_HEAD = re.compile(r"(?i)[a-z]{2} ?\d{2} ?[a-z]{4} ?$")
_YEAR_GROUP = re.compile(r"(?<!\d)(?:19|20[0-3])\d(?!\d)")
_DATE_DIGITS = re.compile(
    r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)
_DOC_NUMBER = re.compile(r"(?<![\w])[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![\w])")


_NUMBER_WORD = re.compile(r"(?<![\w-])(?:nummer|number)(?: is|:)? ")
# letters then digits ("EK 4827193", "V-18240073"), hyphenated parts with a capital
# ("PL2200-2025-418392"), or one capital code ("Z4917625")
_LETTERED_CODE = re.compile(
    r"(?:[A-Za-z]{1,4}[ -]?\d[\d-]*|(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+"
    r"|(?=[A-Z]*\d)[A-Z][A-Z0-9]{5,})(?![\w-])"
)


class IdNumberRecogniser(Recogniser):
    """ID, passport and other document numbers after a cue word; Dutch document numbers anywhere."""

    name = "id_number"
    needs = DIGIT.search

    def __init__(self, window: int = 30) -> None:
        self.window = window

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        out = super().find_all(texts)
        # "Do you know your residence card number?" - "I have picture. NL7K2P91X": a cue at
        # the end of one message, the number early in the next
        for index in range(1, len(texts)):
            text = texts[index]
            if out[index] or not DIGIT.search(text[: self.window]):
                continue
            asked = texts[index - 1][-self.window :]
            for cue in self._cues(asked):
                if DIGIT.search(asked, cue.end()):
                    continue  # the cue's number came in its own message ("id RX 448217")
                reach = self.window - (len(asked) - cue.end())  # what is left of the window
                found = self._value_after(text, 0, reach, set())
                # "id kaart foto" - "mn geboortedatum 02-02-2007 staat erop": a date is no answer
                value = re.sub(r"\D", "", text[found.start : found.end]) if found else ""
                if found is not None and not _DATE_DIGITS.fullmatch(value):
                    out[index].append(found)
                    break
        return out

    @staticmethod
    def _cues(text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        # the cue pattern is matched against a lowercased copy (same offsets for nearly all
        # texts); an IGNORECASE alternation is slow
        lowered = text.lower() if lowered is None else lowered
        return _ID_CUE.finditer(lowered) if len(lowered) == len(text) else _ID_CUE_ANY_CASE.finditer(text)

    def _value_after(self, text: str, start: int, region_end: int, seen: set[int]) -> Finding | None:
        """The number that starts between `start` and `region_end` (after a cue), if any."""
        # the value must start inside the window, but is taken whole ("my BSN letter also
        # she has, 291045873": cut at the window it would leave digits unmasked)
        for m in _ID_VALUE.finditer(text, start, region_end + 24):
            if m.start() >= region_end or m.start() in seen:
                return None  # "id card": both 'id' and 'card' are cues for one number
            digits = sum(c.isdigit() for c in m.group())
            letters = any(c.isalpha() for c in m.group())
            # "12-03" after "id kwijt sinds" is a date, "AB 12" no number: digits alone need
            # five, letters and digits apart three
            if digits >= 5 or (letters and digits >= (3 if " " in m.group() else 1)):
                seen.add(m.start())
                return Finding(m.start(), m.end(), "ID_NUMBER", self.name)
        return None

    def find(self, text: str) -> Iterator[Finding]:
        seen: set[int] = set()
        lowered = text.lower()
        for cue in self._cues(text, lowered):
            found = self._value_after(text, cue.end(), min(len(text), cue.end() + self.window), seen)
            if found is not None:
                yield found
        # "met nummer V-18240073", "onder nummer Rbtv 201884": after a bare "nummer" only a
        # code of letters and digits (a phone number or an amount has no letters)
        if len(lowered) == len(text) and ("nummer" in lowered or "number" in lowered):
            for cue in _NUMBER_WORD.finditer(lowered):
                value = _LETTERED_CODE.match(text, cue.end())
                digits = sum(c.isdigit() for c in value.group()) if value else 0
                if value is not None and value.start() not in seen and digits >= 4:
                    seen.add(value.start())
                    yield Finding(value.start(), value.end(), "ID_NUMBER", self.name)
        for m in _DOC_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 3:
                seen.add(m.start())
                yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)
        for m in _CODE.finditer(text):
            code = m.group()
            if m.start() in seen or sum(c.isdigit() for c in code) < 5 or not _CODE_SHAPE.fullmatch(code):
                continue
            if not _NOT_ID_BEFORE.search(before(text, m.start(), 25)):
                yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)
        for m in _LONG_NUMBER.finditer(text):
            if m.start() not in seen and self._long_number_is_id(text, m.start(), m.end()):
                yield Finding(m.start(), m.end(), "ID_NUMBER", self.name)

    @staticmethod
    def _long_number_is_id(text: str, start: int, end: int) -> bool:
        value = text[start:end]
        digits = re.sub(r"\D", "", value)
        if any(len(group) < 2 for group in re.split(r"[ .]", value)[1:]):
            return False  # "1 2 3 4 5 6 7 8": counted, not a number
        if digits[0] == "0" and len(digits) in (10, 11):
            return False  # a Dutch phone number: the phone recogniser's
        if _DATE_DIGITS.fullmatch(digits):
            return False  # 12032006, 20060312: a date written together
        if " " in value and any(_YEAR_GROUP.fullmatch(g) for g in value.split()):
            return False  # "in 2019 2020 2021", "12 03 2006": years, a date
        context = before(text, start, 25)
        if _IBAN_HEAD.search(context) or _NOT_ID_BEFORE.search(context):
            return False  # the tail of an IBAN; an order number or an amount
        return _NOT_ID_AFTER.match(text[end : end + 12]) is None
