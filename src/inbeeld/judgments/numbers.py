"""Dutch numbers and durations as courts and reporters write them ("6 (zes) maanden", "4,5 jaar")."""

from __future__ import annotations

import re
import unicodedata

from text_to_num import text2num

# Days per unit, as the spec says: a month is 30 days, a week 7, a year 365.
UNIT_DAYS: dict[str, int] = {"dag": 1, "week": 7, "maand": 30, "jaar": 365}

# Unit words and their inflections; "jaren"/"weken"/"maanden" plurals, "jr" in headlines.
_UNIT_WORDS: dict[str, str] = {
    "dag": "dag", "dagen": "dag",
    "week": "week", "weken": "week",
    "maand": "maand", "maanden": "maand", "mnd": "maand",
    "jaar": "jaar", "jaren": "jaar", "jr": "jaar",
    "uur": "uur", "uren": "uur",
}
UNIT_PATTERN = r"(?:dagen|dag|weken|week|maanden|maand|mnd|jaren|jaar|jr|uren|uur)"

# Words text2num does not read, or reads only as part of a longer number.
_SPECIAL: dict[str, float] = {
    "een": 1, "één": 1, "eén": 1, "half": 0.5, "halve": 0.5, "anderhalf": 1.5, "anderhalve": 1.5,
}

# A number word: letters only, tried against text2num when matched.
NUMBER_WORD = r"[a-zëéèï]+"
DIGITS = r"\d+(?:[.,]\d+)?"


def normalise(text: str) -> str:
    """Return NFC text (text2num and the patterns expect composed accents)."""
    return unicodedata.normalize("NFC", text)


def word_to_number(word: str) -> float | None:
    """Return the value of one Dutch number word ("zes", "tweehonderdveertig", "vierenhalf")."""
    w = normalise(word.lower()).strip()
    if not w:
        return None
    if w in _SPECIAL:
        return _SPECIAL[w]
    half = 0.0
    if w.endswith("enhalf") and len(w) > 6:  # "vierenhalf" = 4.5
        w, half = w[: -len("enhalf")], 0.5
    try:
        value = text2num(w, "nl")
    except (ValueError, IndexError, KeyError):
        return None
    return value + half


def digits_to_number(text: str) -> float | None:
    """Return the value of a digit string, reading the Dutch decimal comma and thousands dot."""
    t = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):  # 1.500 or 1.500,50
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def token_to_number(token: str) -> float | None:
    """Return the value of a number written in digits or in words, or None."""
    if re.fullmatch(DIGITS, token.strip()):
        return digits_to_number(token)
    return word_to_number(token)


def unit_of(word: str) -> str | None:
    """Return the canonical unit ("dag", "week", "maand", "jaar", "uur") of a unit word."""
    return _UNIT_WORDS.get(word.lower())


def as_days(value: float, unit: str) -> float:
    """Return the duration in days (months 30, weeks 7, years 365)."""
    return value * UNIT_DAYS[unit]


def tidy(value: float | None) -> float | int | None:
    """Return whole numbers as int, keep fractions ("4,5 jaar" = 1642.5 days)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)
