"""Birth dates: full dates (a day, month and year identify a person), partial ones after a cue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser, before

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_MONTHS = (
    r"(?:januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|"
    r"september|sept|sep|oktober|okt|october|oct|november|nov|december|dec|january|february|"
    r"march|may|june|july|august)"
)
_NUMERIC = re.compile(
    rf"(?<![\d/.-]){_DAY}(?P<sep>[-/.]){_MONTH_NUM}(?P=sep)(?P<year>(?:19|20)\d{{2}}|'?\d{{2}})(?![\d/-]|\.\d)"
)
_ISO = re.compile(r"(?<![\d-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")
_TEXTUAL = re.compile(
    rf"(?i)(?<![\w]){_DAY}(?:e|ste|de)?[\s-]+{_MONTHS}\.?(?P<year>[\s-]+(?:(?:19|20)\d{{2}}|'\d{{2}}))?(?![\w])"
)
# English month first: "March 3, 1988", "march 3rd 1988"
# (found by its day and year first, then the word before checked: a pattern that starts with
# letters is tried at every word and is slow)
_DAY_YEAR = re.compile(rf"(?<![\w]){_DAY}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}(?![\w])")
_MONTH_BEFORE = re.compile(rf"(?i)(?<![\w]){_MONTHS}\.?\s+$")
_DAY_MONTH = re.compile(rf"(?<![\d/.-]){_DAY}[-/]{_MONTH_NUM}(?![\d/-])")
# a month typed in a hurry ("16 maa 1994", "3 febuari 2005"): its first three letters and a
# four-digit year are enough when day, month word and year stand together
_TEXTUAL_LOOSE = re.compile(
    rf"(?i)(?<![\w]){_DAY}(?:e|ste|de)?[\s-]+"
    r"(?!maand|decenni)(?:jan|feb|maa|mar|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]{0,7}\.?[\s-]+"
    r"(?:19|20)\d{2}(?![\w])"
)
_CUES = (
    "geboren",
    "geb.",
    "geb ",
    "geboortedatum",
    "jarig",
    "verjaardag",
    "birthday",
    "born",
    "date of birth",
    "dob",
    "geboortedag",
    "id ",
    "id-kaart",
    "idkaart",
    "paspoort",
    "identiteitskaart",
    "passport",
    "verblijfspas",
    "rijbewijs",
)


# the cues typed in a hurry ("geobren", "gebroen", "verjaadag"): one slip allowed, two in long ones
_FUZZY_CUES = {"geboren": 1, "geboortedatum": 2, "verjaardag": 2, "geboortedag": 2, "birthday": 1}
_WORD = re.compile(r"[a-z]{6,}")


def _typo_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one slip), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _fuzzy_cue(context: str) -> bool:
    return any(
        _typo_distance(word, cue, limit) <= limit
        for word in _WORD.findall(context)
        for cue, limit in _FUZZY_CUES.items()
    )


class BirthDateRecogniser(Recogniser):
    """Every full date (day, month, four-digit year); dates without a year only after a birth cue."""

    name = "date_of_birth"

    def __init__(self, window: int = 40) -> None:
        self.window = window

    def _cued(self, text: str, start: int, end: int | None = None) -> bool:
        context = before(text, start, self.window)
        # "ik ben op 3 mei jarig": the cue may also come right after the date
        after = text[end : end + 12].lower() if end is not None else ""
        return any(cue in context for cue in _CUES) or _fuzzy_cue(context) or "jarig" in after

    def find(self, text: str) -> Iterator[Finding]:
        for m in _NUMERIC.finditer(text):
            if len(m.group("year").lstrip("'")) == 4 or self._cued(text, m.start()):
                yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
        for m in _ISO.finditer(text):
            yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
        textual = set()
        for m in _TEXTUAL.finditer(text):
            if m.group("year") or self._cued(text, m.start(), m.end()):
                textual.add(m.span())
                yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
        for m in _TEXTUAL_LOOSE.finditer(text):
            if m.span() not in textual:
                yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
        for m in _DAY_YEAR.finditer(text):
            month = _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if month is not None:
                yield Finding(month.start(), m.end(), "DATE_OF_BIRTH", self.name)
        for m in _DAY_MONTH.finditer(text):
            if self._cued(text, m.start(), m.end()):
                yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
