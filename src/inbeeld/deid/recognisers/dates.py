"""Birth dates: full dates (a day, month and year identify a person), partial ones after a cue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import DIGIT, Recogniser, before

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
    # "5th of March 1991": an English ordinal and 'of' between day and month
    rf"(?i)(?<![\w]){_DAY}(?:e|ste|de|st|nd|rd|th)?(?:\s+of)?[\s-]+{_MONTHS}\.?(?P<year>[\s-]+(?:(?:19|20)\d{{2}}|'\d{{2}}))?(?![\w])"
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
# year, month and day in Chinese or Japanese ("1995年8月12日"): a full date wherever it stands
_CJK = re.compile(r"(?:19|20)\d{2}\s?年\s?(?:0?[1-9]|1[0-2])\s?月\s?(?:0?[1-9]|[12]\d|3[01])(?!\d)\s?日?")


_NL_UNITS = ["een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_NL_DAYS = (
    ["een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
     "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig", "dertig",
     "eenendertig", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
     "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende",
     "achttiende", "negentiende", "twintigste", "dertigste", "eenendertigste"]
    + [u + "entwintig" for u in _NL_UNITS if u != "één"]
    + [u + "entwintigste" for u in _NL_UNITS if u != "één"]
)
_EN_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_EN_DAYS = (
    _EN_UNITS + _EN_ORD
    + ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
       "nineteen", "twenty", "thirty", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
       "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
       "thirty-one", "thirty one", "thirty-first", "thirty first"]
    + [f"twenty{j}{u}" for u in _EN_UNITS + _EN_ORD for j in ("-", " ")]
)
_DAY_WORD = "|".join(sorted(_NL_DAYS + _EN_DAYS, key=len, reverse=True))
# month names of the languages helpline chatters write in besides Dutch and English: Polish
# (nominative and genitive), Romanian, Bulgarian, Turkish, French, Spanish, Portuguese, Italian,
# German, Lithuanian (genitive)
_FOREIGN_MONTHS = (
    "styczeń|stycznia|luty|lutego|marzec|marca|kwiecień|kwietnia|maj|maja|czerwiec|czerwca|lipiec|lipca|"
    "sierpień|sierpnia|wrzesień|września|październik|października|listopad|listopada|grudzień|grudnia|"
    "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    "януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември|"
    "ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|kasım|kasim|"
    "aralık|aralik|"
    "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    "januar|februar|märz|oktober|dezember|"
    "sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio"
)
_ANY_MONTH = _MONTHS[:-1] + "|" + _FOREIGN_MONTHS + ")"
_YEAR = r"(?:19|20)\d{2}|'\d{2}"
# after a birth cue: a date in any form up to its year (day in digits or words, month as a name
# of any of the languages above or a number, dots and spaces between: "12. 03. 2006", year first)
_CUED_DATE = re.compile(
    rf"(?i)(?<![\w])(?:(?:{_DAY}|{_DAY_WORD})(?:e|ste|de|st|nd|rd|th)?\.?(?:\s+(?:of|de|di|du))?[\s./-]+"
    rf"{_ANY_MONTH}\.?(?:,?[\s./-]+(?:de\s+|del\s+|of\s+)?(?:{_YEAR}))?"
    rf"|{_DAY}\s?[./-]\s?{_MONTH_NUM}\s?[./-]\s?(?:{_YEAR}|\d{{2}})"
    rf"|(?:19|20)\d{{2}}\s?[./-]\s?{_MONTH_NUM}\s?[./-]\s?{_DAY})(?![\w])"
)
# a full date with its day in words ("vijf januari 2006"): found by its year, then the words
# before it checked (the day words are many)
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}(?![\w])")
_WORD_DAY_MONTH_BEFORE = re.compile(rf"(?i)(?<![\w])(?:{_DAY_WORD})\s+{_MONTHS}\.?,?\s+$")
# a year in words after the month ("april tweeduizendvijf", "march nineteen ninety one")
_YEAR_WORDS = re.compile(
    r"(?i),?[\s-]+(?:tweeduizend[a-zë]*|negentienhonderd[a-zë]*|negentien|two thousand|nineteen|twenty)"
    r"(?:[\s-]+(?:and[\s-]+)?(?:[a-z]*(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tig|one|two|three|"
    r"four|five|six|seven|eight|nine|ty|teen)))?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?(?![\w])"
)
_BIRTH_CUE = re.compile(
    r"\b(?:geboren|geb\.|geboorte\w*|born|birth\w*|dob|jarig|verjaardag|urodzon\w*|urodzi\w*|"
    r"n[aă]scut\w*|роден\w*|doğum\w*|dogum\w*|nacid[oa]|nascid[oa]|geburt\w*)"
)
# cheap substring test before the cue pattern runs (every cue holds one of these)
_BIRTH_STEMS = ("geb", "born", "birth", "dob", "jarig", "verjaardag", "urodz", "nasc", "născ", "роден",
                "doğum", "dogum", "nacid", "nascid", "geburt")
_BIRTH_STEM = re.compile("|".join(re.escape(stem) for stem in _BIRTH_STEMS))  # lowercased text


def _date_or_cue(text: str) -> bool:
    """A digit or a birth cue: a date in words ("vijf maart") is taken only near a cue."""
    return DIGIT.search(text) is not None or _BIRTH_STEM.search(text.lower()) is not None


# a date this close before a cue belongs to it: "ik ben achttien april tweeduizendvijf geboren"
_TO_CUE = re.compile(r"^\W*(?:\w+\W+)?$")

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
    needs = staticmethod(_date_or_cue)

    def __init__(self, window: int = 40) -> None:
        self.window = window

    def _cued(self, text: str, start: int, end: int | None = None) -> bool:
        context = before(text, start, self.window)
        # "ik ben op 3 mei jarig": the cue may also come right after the date
        after = text[end : end + 12].lower() if end is not None else ""
        return any(cue in context for cue in _CUES) or _fuzzy_cue(context) or "jarig" in after

    def find(self, text: str) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for f in self._find(text):
            if (f.start, f.end) not in seen:  # the rules overlap: each span once
                seen.add((f.start, f.end))
                yield f

    def _find(self, text: str) -> Iterator[Finding]:
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
        for m in _YEAR_ONLY.finditer(text):
            if m.start() and text[m.start() - 1].isalnum():
                continue
            day = _WORD_DAY_MONTH_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if day is not None:
                yield Finding(day.start(), m.end(), "DATE_OF_BIRTH", self.name)
        for m in _DAY_MONTH.finditer(text):
            if self._cued(text, m.start(), m.end()):
                yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
        if "年" in text:
            for m in _CJK.finditer(text):
                yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", self.name)
        yield from self._near_cues(text)

    def _near_cues(self, text: str) -> Iterator[Finding]:
        """Dates in any form right after a birth cue, or right before one ("... geboren")."""
        lowered = text.lower()
        if len(lowered) != len(text) or not any(stem in lowered for stem in _BIRTH_STEMS):
            return
        for cue in _BIRTH_CUE.finditer(lowered):
            start = max(0, cue.start() - 50)
            cut = text.rfind("\n\n", start, cue.start())
            start = cut + 2 if cut >= 0 else start
            end = cue.end() + self.window
            cut = text.find("\n\n", cue.end(), end)
            end = cut if cut >= 0 else end
            for m in _CUED_DATE.finditer(text, start, end):
                if m.end() <= cue.start() and not _TO_CUE.match(text[m.end() : cue.start()]):
                    continue
                if cue.start() < m.end() and m.start() < cue.end():
                    continue
                stop = m.end()
                if not m.group().rstrip()[-1:].isdigit():
                    year = _YEAR_WORDS.match(text, stop)
                    stop = year.end() if year else stop
                yield Finding(m.start(), stop, "DATE_OF_BIRTH", self.name)
