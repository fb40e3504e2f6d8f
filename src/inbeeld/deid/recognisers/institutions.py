"""Schools, employers and care organisations named in lowercase, as teenagers type them.

A capital gives a name away (the proper-noun recogniser reads those); in lowercase only the words
around it do: a verb of working or attending ("ik werk bij de hema", "ik zit op thorbecke"), a
role ("mn mentor van het zadkine"), or a kind of business or school right before the name
("bakkerij van der linden", "stichting caleidoscoop", "obs de sterrenkijker"). The name is then
the next one to three words that are no ordinary word: rare words, names of people (schools and
shops are named after them: "gerrit rietveld", "albert heijn"), places and compass words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from inbeeld.deid.lexicons import (
    all_places,
    common_words,
    dutch_compound,
    first_names,
    fold,
    keep_words,
    surnames,
    zipf_frequency,
)
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.names import TITLE_WORDS
from inbeeld.deid.recognisers.propernouns import INSTITUTION_WORDS
from inbeeld.deid.recognisers.words import Token, lowered_words, tokens

_ARTICLE = r"(?:(?:de|het|t|'t|the)[ \t]+)?"
# the words that say a name of an employer or a school follows (matched in a lowercased copy)
_WORK_VERBS = ("werk", "werkt", "werken", "werkte", "werkten", "gewerkt", "baan", "bijbaan", "bijbaantje",
               "stage", "work", "works", "worked", "working", "job")
_SCHOOL_VERBS = ("zit", "zat", "zitten", "zaten", "ga", "gaat", "ging")
_POSSESSIVES = ("mn", "mijn", "m'n", "zn", "zijn", "haar", "hun", "onze")
_ROLES = ("mentor", "mentrix", "juf", "meester", "docent", "leraar", "lerares", "coach", "trainer",
          "begeleider", "jongerenwerker", "voogd", "gezinsvoogd", "casemanager", "zorgcoördinator")
_WORK_CUE = r"(?:" + "|".join(_WORK_VERBS) + r")[ \t]+(?:bij|at|for)[ \t]+"
_SCHOOL_CUE = (
    r"(?:" + "|".join(_SCHOOL_VERBS) + r")(?: ik)?[ \t]+op[ \t]+|school[ \t]*(?:is[ \t]+|op[ \t]+|:[ \t]*)"
    r"|(?:" + "|".join(_POSSESSIVES) + r")[ \t]+school[ \t]+"  # "mn school carolus clusius college"
)
_ROLE_CUE = (
    r"(?:" + "|".join(_ROLES) + r")[ \t]+(?:[^\W\d_]+[ \t]+)?(?:is[ \t]+)?(?:van|op|bij)[ \t]+"
)
# "i work for agency flexwork": the kind of employer before its name is left out
_CUE = re.compile(
    rf"(?:{_WORK_CUE}|{_SCHOOL_CUE}|{_ROLE_CUE}){_ARTICLE}(?:(?:agency|company|bedrijf|uitzendbureau)[ \t]+)?"
)
# the words a cue starts with: the pattern is tried only where one stands
_CUE_FIRST = frozenset(_WORK_VERBS + _SCHOOL_VERBS + _POSSESSIVES + _ROLES + ("school",))
# kinds of business and school that stand before their name; the kind is part of the name
# ("bakkerij van der linden"), as the proper-noun recogniser takes "Sportschool Fit4U"
_KINDS = (
    "stichting", "bakkerij", "slagerij", "kapsalon", "barbershop", "nagelstudio", "nails by",
    "cafetaria", "snackbar", "eethuis", "shoarma", "pizzeria", "kwekerij", "schoonmaakbedrijf",
    "uitzendbureau", "jongerencentrum", "buurthuis", "jeugdbescherming", "welzijnsgroep", "obs",
    "cbs", "pcbs", "rsg", "csg", "isk", "basisschool", "sportschool", "carwash", "grillroom",
    "restaurant", "pleegzorg", "hotel", "camping", "vakantiepark",
)
# kinds the research codes (formats.md: generic place types): the name after them is masked,
# the kind stays ("hotel [INSTITUTION-1]")
_CODABLE_KINDS = frozenset({"hotel", "camping", "vakantiepark"})
# kinds named by ordinary words as often as by names: only with an article after them
_ARTICLE_ONLY_KINDS = _CODABLE_KINDS | {"restaurant"}
# a kind, then an article: the name after it may be any word ("restaurant het anker",
# "obs de regenboog")
_ARTICLE_AFTER_KIND = re.compile(r"\S+(?: by)?[ \t]+(?:de|het|t|'t|the)[ \t]")
# the words that end an employer's name, lowercase or not: "limes logistics", "kempen
# uitzendgroep", "euro agro staffing", "iron temple gym"
_TAILS = frozenset(
    {"logistics", "logistiek", "staffing", "uitzendgroep", "uitzendwerk", "jobs", "flex", "cargo",
     "gym", "wash", "carwash", "express", "transport", "services", "personeel", "personeelsdiensten",
     "detachering", "vastgoed", "bouw", "uitzendbureau", "installatietechniek"}
)
_KIND = re.compile(
    r"(?:" + "|".join(map(re.escape, _KINDS)) + rf")[ \t]+{_ARTICLE}(?:(?:van der|van de|van)[ \t]+)?"
)
_INSTITUTION_SET = frozenset(INSTITUTION_WORDS) | frozenset(_KINDS)
_KIND_FIRST = frozenset(kind.split()[0] for kind in _KINDS)
_WORD = re.compile(r"([^\W\d_][\w'’.-]*[^\W_]|[^\W\d_])(?![\w'’-])")
_GAP = re.compile(r"[ \t]+")
# words that end a name: what follows it in a sentence
_BOUNDARY = frozenset(
    {"in", "op", "bij", "aan", "en", "maar", "want", "die", "dat", "of", "met", "voor", "naar", "om",
     "als", "nu", "nog", "al", "ook", "niet", "wel", "heel", "is", "was", "ofz", "ofzo", "enzo",
     "at", "on", "and", "but", "near", "from", "with", "the", "van"}
) | TITLE_WORDS  # a title: a person follows
_COMPASS = frozenset({"noord", "zuid", "oost", "west", "midden", "centrum", "nederland", "noordoost",
                      "noordwest", "zuidoost", "zuidwest"})
# kinds of school and level words: "ik zit op havo", "op de mavo" name no school
_LEVELS = frozenset({"havo", "vwo", "vmbo", "mavo", "mbo", "hbo", "isk", "atheneum", "gymnasium", "lyceum",
                     "basisschool", "praktijkonderwijs", "brugklas", "kmbo", "pro", "uni", "universiteit"})
# a name's later word may be one of these: "ntp groep", "vdl nedcar", "roc mondriaan college"
_NAME_PART_WORDS = frozenset({"groep", "college", "lyceum", "school", "bv", "b.v.", "holding", "services",
                         "logistics", "nederland", "international", "kids"})


class LowercaseInstitutionRecogniser(Recogniser):
    """Employers and schools after a verb of working or attending, a role, or a kind of business."""

    name = "chat_institutions"

    def __init__(self, keep_file: str | None = None, max_zipf: float = 3.5) -> None:
        self.keep_file = keep_file
        self.max_zipf = max_zipf

    def find(self, text: str) -> Iterator[Finding]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return  # offsets of the lowercased copy would not hold (rare letters)
        # the patterns are tried only where a word that can open one stands (one pass over the
        # words, shared with the other recognisers, instead of a scan of every position)
        toks, words = tokens(text), lowered_words(text)
        for i, word in enumerate(words):
            if word in _CUE_FIRST:
                cue = _CUE.match(lowered, toks[i].start)
                end = self._name_end(lowered, cue.end(), kind_before=False) if cue else None
                if end is not None:
                    yield Finding(cue.end(), end, "INSTITUTION", self.name)
            if word in _KIND_FIRST:
                kind = _KIND.match(lowered, toks[i].start)
                if kind is None:
                    continue
                named = _ARTICLE_AFTER_KIND.match(lowered, kind.start()) is not None
                if word in _ARTICLE_ONLY_KINDS and not named:
                    continue  # "restaurant closes", "hotel een protocol"
                end = self._name_end(lowered, kind.end(), kind_before=True, any_word=named)
                if end is not None:
                    # (after a codable kind the name begins with its article: "hotel [de brink]")
                    start = _GAP.match(lowered, toks[i].end).end() if word in _CODABLE_KINDS else kind.start()
                    yield Finding(start, end, "INSTITUTION", self.name)
            if word in _TAILS and i:
                start = self._name_start(words, toks, i)
                if start is not None:
                    yield Finding(start, toks[i].end, "INSTITUTION", self.name)

    def _name_start(self, words: tuple[str, ...], toks: tuple[Token, ...], i: int) -> int | None:
        """Where the one to three words before a tail word that name an employer start: the
        words are no plain Dutch ones and one of them is rare, a place or a name."""
        start, named = None, False
        for k in range(i - 1, max(-1, i - 4), -1):
            if toks[k + 1].start - toks[k].end > 1 or self._listed(words[k]):  # (boundaries are listed)
                break
            key = fold(words[k])
            nl = zipf_frequency(key, "nl")
            if nl >= 4.0 and key not in all_places():
                break  # "een goede logistics": a plain word
            named = named or nl < 3.0 or key in all_places() or key in first_names()
            start = toks[k].start
        return start if named else None

    def _name_end(self, lowered: str, pos: int, kind_before: bool, any_word: bool = False) -> int | None:
        """Where the name that starts at `pos` ends: after the first word that is no ordinary
        word (any word but a boundary when `any_word`) and up to two more such words; None when
        the first word is an ordinary one."""
        first = _WORD.match(lowered, pos)
        if first is None:
            return None
        key = fold(first.group(1))
        if not (self._first_word(key, kind_before) or (any_word and len(key) >= 3 and key not in _BOUNDARY)):
            return None
        end, taken = first.end(), 1
        while taken < 3:
            gap = _GAP.match(lowered, end)
            word = _WORD.match(lowered, gap.end()) if gap else None
            if word is None or not self._later_word(fold(word.group(1))):
                break
            end, taken = word.end(), taken + 1
        return end

    def _listed(self, key: str) -> bool:
        return key in common_words() or key in keep_words(self.keep_file) or key in _BOUNDARY

    def _first_word(self, key: str, kind_before: bool) -> bool:
        if kind_before and (key in _COMPASS or (key in all_places() and not self._listed(key))):
            return True  # "jeugdbescherming noord", "isk groningen"
        if len(key) < 2 or self._listed(key) or key in _LEVELS or key in _INSTITUTION_SET:
            return False  # "ik werk bij een carwash", "work at carwash": a kind, no name
        nl = zipf_frequency(key, "nl")
        if key in first_names():
            return nl < 4.6  # "de dirk", "gerrit rietveld"; a surname is held to the plain
            # words' bar below ("werkt bij de bakker": a trade)
        if dutch_compound(key) and nl >= 2.5:
            return False  # "de kapper", "nachtdienst": words made of words
        # brands and shops are about as frequent as plain words ("ikea" 3.9, "receptie" 3.9):
        # below 3.5 in Dutch and 4.0 in English only names are left ("zadkine", "adrz", "lidl")
        return nl < self.max_zipf and zipf_frequency(key, "en") < 4.0

    def _later_word(self, key: str) -> bool:
        if key in _NAME_PART_WORDS or key in _COMPASS:
            return True
        if len(key) < 2 or self._listed(key) or key in _LEVELS:
            return False
        nl = zipf_frequency(key, "nl")
        if key in first_names() or key in surnames() or key in all_places():
            return nl < 4.6
        return nl < 3.5 and zipf_frequency(key, "en") < 4.0 and not dutch_compound(key)
