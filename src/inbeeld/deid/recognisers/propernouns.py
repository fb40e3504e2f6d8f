"""Capitalised words inside a sentence that no list knows: neighbourhoods, schools, employers, names.

Teenagers rarely capitalise, so a capital inside a sentence is a strong sign of a proper noun.
Runs of capitalised words ("Capelle aan den IJssel", "Opvanghuis De Vlinder") are typed by their
words (college, stichting → INSTITUTION; -straat, -weg → ADDRESS), by the lists (places, names),
and by the word before them (in, uit, naar → PLACE).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from inbeeld.deid.lexicons import (
    codable_terms,
    common_words,
    dutch_compound,
    first_names,
    fold,
    foreign_cities,
    keep_words,
    placenames,
    surnames,
    zipf_frequency,
)
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.words import Token, tokens

INSTITUTION_WORDS = (
    "college",
    "lyceum",
    "gymnasium",
    "school",
    "scholengemeenschap",
    "basisschool",
    "mavo",
    "havo",
    "vwo",
    "vmbo",
    "mbo",
    "roc",
    "academie",
    "universiteit",
    "hogeschool",
    "opvang",
    "opvanghuis",
    "stichting",
    "jeugdbescherming",
    "jeugdzorg",
    "zorg",
    "kliniek",
    "ziekenhuis",
    "centrum",
    "bureau",
    "instelling",
    "woongroep",
    "internaat",
    "bv",
    "b.v.",
    "vof",
    "wasstraat",
    "garage",
    "bedrijf",
    "uitzendbureau",
    "bakkerij",
    "kwekerij",
    "boerderij",
    "slachterij",
    "vereniging",
    "groep",
    "huis",
    "hof",
    "kerk",
    "moskee",
    "campus",
    "instituut",
    "praktijk",
    "agency",
    "services",
    "holding",
    "transport",
    "logistiek",
    "schoonmaak",
    "restaurant",
    # employers and agencies as labour-exploitation chats name them
    "uitzendingen",
    "detachering",
    "personeel",
    "personeelsdiensten",
    "bouwdiensten",
    "diensten",
    "logistics",
    "logistiek",
    "construct",
    "construction",
    "staff",
    "recruitment",
    "cleaning",
    "catering",
    "snackbar",
    "grillroom",
    "salon",
    "nails",
    "spa",
    "carwash",
    "wonen",
)
_INSTITUTION_SET = frozenset(INSTITUTION_WORDS)
_SUFFIX_INSTITUTION = ("college", "lyceum", "gymnasium", "school", "academie", "kliniek", "stede", "borgh")
_STREET_SUFFIX = (
    "straat",
    "weg",
    "laan",
    "plein",
    "gracht",
    "kade",
    "dijk",
    "singel",
    "steeg",
    "pad",
    "dreef",
    "markt",
    "baan",
    "hof",
    "straatje",
    "wal",
    "burgwal",
    "plantsoen",
    "boulevard",
    "allee",
    "erf",
    "vaart",
    "wetering",
    "ring",
    "poort",
    "zoom",
    "hoeve",
)
_CONNECTORS = frozenset(
    {
        "aan",
        "den",
        "de",
        "der",
        "van",
        "het",
        "op",
        "'s",
        "la",
        "le",
        "du",
        "a",
        "t",
    }
)
# gaps that join the words of one name: "Spic & Span", "Cafetaria 't Hoekje"
_JOINING_GAPS = frozenset({" ", "-", " & ", " '", " ‘", " ’"})
# an institution's head word written in lowercase after its name: "Vista college"
_LOWER_HEADS = frozenset(
    {"college", "lyceum", "gymnasium", "school", "academie", "kliniek", "hogeschool", "mavo", "havo",
     "vmbo", "atheneum"}
)
_PLACE_CUE = re.compile(
    r"(?:\bin|\buit|\bnaar|\bvanuit|\brond|\brichting|\bwijk|\bbuurt|\bbij|\bte|\bthe|\bfrom|\bto|"
    r"\bnear)\s+(?:de\s+|het\s+)?$",
    re.I,
)
_INST_CUE = re.compile(
    r"(?:\bop|\bzit op|\bwerk bij|\bwerkt bij|\bwoon in|\bwoont in|\bvan|\bbij|\bat)\s+$", re.I
)
_ARTICLE = re.compile(r"(?<=\bin )(?:de|het) $")
# a legal form after a name makes it an employer: "Bouwdiensten B.V.", "Dakwerken Peeters bvba"
_LEGAL_FORM = re.compile(
    r" (?:B\.V\.|BV|bv|B\.V|N\.V\.|NV|BVBA|bvba|VZW|vzw|V\.O\.F\.|VOF|vof|GmbH|Ltd\.?|LLC|"
    r"Sp\. ?z ?o\.? ?o\.?|S\.R\.L\.|SRL|srl|S\.A\.|Kft\.?|s\.r\.o\.)(?!\w)"
)
# Named care and help organisations are INSTITUTION (formats.md: "named ... care institutions,
# shelters"), also when a counsellor refers to them: the region after the name can place a
# victim ("Veilig Thuis Zuid-Holland Zuid"). Words that are also ordinary words ("Fier", "Veilig
# Thuis" beside "veilig thuis zijn") count only with their capital.
_CAPITAL_ONLY_ORGANISATIONS = ("Veilig Thuis", "Fier", "Kindertelefoon")
_ORGANISATIONS_ANY_CASE = (
    "comensha", "nidos", "vluchtelingenwerk", "child focus", "payoke", "pag-asa", "leger des heils",
    "kinder- en jongerenrechtswinkel", "jongerenrechtswinkel", "blijf groep", "slachtofferhulp",
    "meld misdaad anoniem",
)
ORGANISATIONS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _CAPITAL_ONLY_ORGANISATIONS))
    + "|(?i:" + "|".join(map(re.escape, _ORGANISATIONS_ANY_CASE)) + "))"
    r"(?: (?:[A-Z][\w]*(?:-[A-Z][\w]*)*)(?: [A-Z][\w]*)?)?(?!\w)"
)
# their lowercase forms are ordinary Dutch ("ik ben veilig thuis", "fier op je"): not propagated
CASE_SENSITIVE_ORGANISATIONS = frozenset(name.lower() for name in _CAPITAL_ONLY_ORGANISATIONS)
# what the text must hold, lowercased, for the pattern to have a chance: a cheap look first
_ORGANISATION_WORDS = tuple(CASE_SENSITIVE_ORGANISATIONS) + _ORGANISATIONS_ANY_CASE
# Schools as teenagers write them, in lowercase: "ik zit op het saenredam college", "mn school is
# csg liudger", "ik zit op t hooghuis": words before a school's head word, or one word no
# dictionary knows, after "zit op (het)" / "school is"
_SCHOOL_HEADS = (
    "college", "lyceum", "gymnasium", "mavo", "havo", "vmbo", "atheneum", "scholengemeenschap",
    "scholengroep", "ziekenhuis",
)
# one word ending in a school's head after "op/van/naar het": "het bernardinuscollege" (not the
# kinds of school, "het vakcollege", "het praktijkcollege": compounds of known words)
_LOWER_SCHOOL_WORD = re.compile(
    r"\b(?:op|van|naar|bij|school) (?:het|t|'t) "
    r"([a-zà-ÿ]{4,}(?:college|lyceum|gymnasium|atheneum|ziekenhuis))(?![\w-])"
)
_LOWER_SCHOOL = re.compile(
    r"\b(?:op|naar|van|bij|school is)\s+(?:het\s+|de\s+|t\s+|'t\s+)?"
    r"(?!(?:het|de|t|een)\s)((?:[a-zà-ÿ][\w'’-]*\s+){1,3}(?:" + "|".join(_SCHOOL_HEADS) + r"))(?![\w-])"
)
_SCHOOL_CUE_WORD = re.compile(
    r"\b(?:zit|zat|zitten|zaten|ga|gaat|ging)\s+op\s+(?:het|t|'t)\s+([a-zà-ÿ]{4,})(?![\w-])"
    r"|\bschool is\s+([a-zà-ÿ]{3,}(?:\s+[a-zà-ÿ]{3,})?)(?![\w-])"
    r"|\b(?:mentor|mentrix|docent|leraar|lerares|juf|meester|klas)\s+(?:van|op)\s+(?:het|t|'t)\s+([a-zà-ÿ]{4,})(?![\w-])"
)
_HOUSE_NUMBER = re.compile(r" ?\d{1,4}(?: ?[a-zA-Z](?![\w]))?")
# sports clubs and regional colleges by their abbreviation, in any case: "vv Zeelandia", "sv
# blauw-wit '24", "roc midden nederland"; the name is the words after it (see _club_name)
# (matched in a lowercased copy: see _COMPANY_CUE)
_CLUB = re.compile(
    r"(?<![\w.])(?:s\.?v\.?|v\.?v\.?|rkvv|rksv|rkav|zvv|svv|cvv|fc|f\.c\.|hc|h\.c\.|"
    r"voetbalvereniging|voetbalclub|hockeyclub|korfbalvereniging|roc)(?= +['’]?[^\W\d_])"
)
_CLUB_LOOK = (
    "sv ", "vv ", "rkav", "fc ", "hc ", "s.v.", "v.v.", "f.c.", "h.c.", "vereniging", "club", "roc "
)
_CLUB_WORD = re.compile(r" +(['’]\d{2}(?!\w)|[^\W\d_][\w-]*)")
# an employer named after "company", "bedrijf", "uitzendbureau" (with "heet", "called", a colon):
# every capitalised word, even ordinary ones, and the small words between ("Schoon & Snel
# Noord", "Nails by Queen", "Happy Home Au Pairs")
# (the cue is looked for in a lowercased copy, the name in the text: an IGNORECASE alternation of
# thirty words tried at every position is slow)
_COMPANY_WORDS = (
    "company", "firm", "agency", "bedrijf", "bedrijfje", "firma", "uitzendbureau", "uitzendbedrijf", "bureau",
    "agentschap", "werkgever", "employer", "zaak", "salon", "restaurant", "winkel", "shop", "nagelsalon",
    "nail salon", "massagesalon", "sportschool", "supermarkt", "kapsalon", "garage", "autobedrijf",
    "bakkerij", "schoonmaakbedrijf",
)
# the cheap look before the pattern: the words no other listed word is part of
_COMPANY_LOOK = tuple(w for w in _COMPANY_WORDS if not any(o != w and o in w for o in _COMPANY_WORDS))
_COMPANY_CUE = re.compile(
    r"\b(?:" + "|".join(_COMPANY_WORDS) + ")"
    r"(?: (?:is|heet|heette|called|named|genaamd|name is|naam is))?[ \t:'\"‘’“”]+"
)
_COMPANY_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?: (?:(?:&|by|van|de|der|en|and|of|the|\d{1,4}) )?[A-Z][\w'’.-]*)*"
)

_REGION_WORDS = frozenset({"midden", "noord", "zuid", "oost", "west", "nederland", "van", "de", "het"})


def _codable_place(word: str) -> bool:
    return fold(word) in codable_terms().get("place_types", ())


class ProperNounRecogniser(Recogniser):
    name = "proper_nouns"

    def __init__(self, max_zipf: float = 4.3, keep_file: str | None = None) -> None:
        self.max_zipf = max_zipf
        self.keep_file = keep_file

    def _is_capital_word(self, tok: Token) -> bool:
        t = tok.text
        return tok.capitalised and not (len(t) > 4 and t.isupper())  # ALL-CAPS shouting is no name

    def _capital_place(self, key: str) -> bool:
        """A capitalised word after "in"/"naar": a place, unless a keep word, a country or a
        very common word ("in Het", "in Januari"). Town names that are also verbs ("Leiden")
        and foreign cities ("Antwerpen") are caught here."""
        if key in keep_words(self.keep_file) or key in _countries():
            return False
        if key in placenames() or key in foreign_cities():
            return True
        return key not in common_words() and zipf_frequency(key, "nl") < 5.5

    def _known(self, key: str) -> bool:
        return (key in first_names() or key in placenames()) and not self._ordinary(key)

    def _ordinary(self, key: str) -> bool:
        """A common word, a keep word or a country: capitalised for emphasis or by convention."""
        if key in keep_words(self.keep_file) or key in common_words() or key in _countries():
            return True
        if "-" in key:  # "Telegram-berichten" is a word; "Amsterdam-Noord", "Nieuw-West" places
            return False
        if key in first_names() or key in placenames():
            return zipf_frequency(key, "nl") >= 5.5
        return zipf_frequency(key, "nl") >= self.max_zipf

    def find(self, text: str) -> Iterator[Finding]:
        lowered = text.lower()
        if any(cue in lowered for cue in (" op ", "school is", " van ", " bij ", " naar ", "school ")):
            yield from self._lowercase_schools(text)
        if any(word in lowered for word in _ORGANISATION_WORDS):  # a cheap look first
            for match in ORGANISATIONS.finditer(text):
                yield Finding(match.start(), match.end(), "INSTITUTION", self.name)
        if len(lowered) == len(text) and any(word in lowered for word in _CLUB_LOOK):
            yield from self._clubs(text, lowered)
        companies: set[tuple[int, int]] = set()
        if len(lowered) == len(text) and any(word in lowered for word in _COMPANY_LOOK):
            for cue in _COMPANY_CUE.finditer(lowered):
                name = _COMPANY_NAME.match(text, cue.end())
                if name is None:
                    continue
                words = name.group().split()
                if not all(self._ordinary(fold(w.strip(".'’"))) for w in words) or len(words) > 1:
                    legal = _LEGAL_FORM.match(text, name.end())  # "Dakwerken Peeters bvba"
                    end = legal.end() if legal else name.end()
                    # a capitalised head is part of the name ("Sportschool Fit4U"), unless it is a
                    # kind of place the research codes ("Massagesalon Lotus": "massagesalon" stays)
                    head = text[cue.start() : cue.end()].split()[0]
                    start = cue.start() if head[0].isupper() and not _codable_place(head) else name.start()
                    companies.add((start, end))
                    yield Finding(start, end, "INSTITUTION", self.name)
        toks = tokens(text)
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not tok.capitalised:
                i += 1  # most words: nothing to do
                continue
            # "Basisschool De Wingerd": an institution word before a capitalised word says "name"
            named_institution = (
                tok.sentence_start
                and fold(tok.text) in _INSTITUTION_SET
                and i + 1 < len(toks)
                and self._is_capital_word(toks[i + 1])
                and _gap(text, toks, i + 1) == " "
            )
            # "Vechtdal Lyceum", "Budmax Construct": at a sentence start a word no list knows,
            # followed by another capitalised word, begins a name
            unknown_then_capital = (
                tok.sentence_start
                and i + 1 < len(toks)
                and (self._is_capital_word(toks[i + 1]) or toks[i + 1].text in _LOWER_HEADS)
                and _gap(text, toks, i + 1) in (" ", "-")
                and not self._ordinary(fold(tok.text))
                and zipf_frequency(fold(tok.text), "en") < self.max_zipf  # "Can I", "May I"
            )
            if not self._is_capital_word(tok) or (
                tok.sentence_start
                and not self._known(fold(tok.text))
                and not named_institution
                and not unknown_then_capital
            ):
                i += 1  # a capital at a sentence start says nothing unless a list knows the word
                continue
            # grow a run: capitalised words, joined by connectors ("aan den") or hyphens
            j = i + 1
            while j < len(toks):
                gap = text[toks[j - 1].end : toks[j].start]
                if gap not in _JOINING_GAPS:
                    break
                if self._is_capital_word(toks[j]) and gap != " '":
                    j += 1
                    continue
                if gap == " " and toks[j].text in _LOWER_HEADS:
                    j += 1  # "Vista college": the head ends the name
                    break
                k = j
                while (
                    k < len(toks)
                    and toks[k].text.lower() in _CONNECTORS
                    and _gap(text, toks, k) in _JOINING_GAPS
                ):
                    k += 1
                if k > j and k < len(toks) and self._is_capital_word(toks[k]) and _gap(text, toks, k) == " ":
                    j = k + 1
                    continue
                break
            run = toks[i:j]
            if "-" in run[-1].text and run[-1].text.rsplit("-", 1)[1][:1].islower():
                i = j  # "LHBTI-jongeren", "Telegram-berichten": a compound word, not a name
                continue
            # a sentence-initial ordinary word is not part of the name ("Toen Mark ...")
            while (
                run
                and run[0].sentence_start
                and self._ordinary(fold(run[0].text))
                and not (len(run) > 1 and fold(run[0].text) in _INSTITUTION_SET)  # "Stichting De Haven"
            ):
                run = run[1:]
            i = j
            if not run:
                continue
            finding = self._classify(text, run)
            if finding is not None and not any(s <= finding.start and finding.end <= e for s, e in companies):
                yield finding

    def _clubs(self, text: str, lowered: str) -> Iterator[Finding]:
        """A club's or college's name after its abbreviation: up to three words that are
        capitalised, no dictionary word, a place or a region word, and a year ("'24")."""
        for m in _CLUB.finditer(lowered):
            end, taken = m.end(), 0
            while taken < 3:
                word = _CLUB_WORD.match(text, end)
                if word is None:
                    break
                key = fold(word.group(1))
                named = (
                    word.group(1)[0] in "'’"
                    or (word.group(1)[0].isupper() and not self._ordinary(key))
                    # the first word may be fairly common ("vv achilles"), later ones less so
                    or (
                        key not in common_words()
                        and zipf_frequency(key, "nl") < (3.5 if taken else 4.5)
                        and key not in keep_words(self.keep_file)
                    )
                    or key in placenames()
                    or key in _REGION_WORDS
                )
                if not named:
                    break
                end, taken = word.end(), taken + 1
            while taken and fold(text[:end].rsplit(" ", 1)[-1]) in ("van", "de", "het"):
                end, taken = end - len(text[:end].rsplit(" ", 1)[-1]) - 1, taken - 1  # "roc van" + nothing
            if taken:
                yield Finding(m.start(), end, "INSTITUTION", self.name)

    def _lowercase_schools(self, text: str) -> Iterator[Finding]:
        taken: list[tuple[int, int]] = []
        lowered = text.lower()
        heads = any(head in lowered for head in _SCHOOL_HEADS)  # the pattern needs one
        for m in _LOWER_SCHOOL.finditer(text) if heads else ():
            first = fold(m.group(1).split()[0])
            # a rare word, also a keep word such as a province ("drenthe college", "twente lyceum")
            rare = first not in common_words() and zipf_frequency(first, "nl") < 5.0
            if (not self._ordinary(first) or rare) and zipf_frequency(first, "en") < self.max_zipf:
                taken.append(m.span(1))
                yield Finding(m.start(1), m.end(1), "INSTITUTION", self.name)
        for m in _LOWER_SCHOOL_WORD.finditer(text) if heads else ():
            if not dutch_compound(fold(m.group(1))) and zipf_frequency(fold(m.group(1)), "nl") < 2.5:
                taken.append(m.span(1))
                yield Finding(m.start(1), m.end(1), "INSTITUTION", self.name)
        for m in _SCHOOL_CUE_WORD.finditer(text):
            group = next(k for k in (1, 2, 3) if m.group(k))
            if any(s <= m.start(group) < e for s, e in taken):
                continue  # already part of "wolderwijd college"
            words = m.group(group).split()
            # a name no dictionary knows: "het zadkine", "csg liudger" (not "op het werk")
            last = fold(words[-1])
            # "het vakcollege": a kind of school, compounded of known words
            kind_of_school = last.endswith(_SCHOOL_HEADS) and dutch_compound(last)
            if zipf_frequency(last, "nl") < 2.5 and last not in common_words() and not kind_of_school:
                yield Finding(m.start(group), m.end(group), "INSTITUTION", self.name)

    def _classify(self, text: str, run: list[Token]) -> Finding | None:
        start, end = run[0].start, run[-1].end
        legal = _LEGAL_FORM.match(text, run[-2].end if len(run) > 1 and len(run[-1].text) <= 2 else end)
        if legal:  # "BM Bouwdiensten B.V." (the tokens stop at "B"), "Polwork Sp. z o.o."
            return Finding(start, legal.end(), "INSTITUTION", self.name)
        words = [fold(t.text) for t in run]
        phrase = fold(text[start:end])
        last = words[-1]
        if (any(w in INSTITUTION_WORDS for w in words) and len(run) > 1) or (
            last.endswith(_SUFFIX_INSTITUTION) and last not in INSTITUTION_WORDS
        ):
            return Finding(start, end, "INSTITUTION", self.name)
        if last.endswith(_STREET_SUFFIX) and len(last) > 5 and last not in placenames():
            number = _HOUSE_NUMBER.match(text, end)
            return Finding(start, number.end() if number else end, "ADDRESS", self.name)
        context = text[max(0, start - 25) : start]
        place_cue = _PLACE_CUE.search(context) is not None
        acronym = run[0].text.isupper()  # "uit de EU", "naar de VS"
        if place_cue and len(run) == 1 and not acronym and self._capital_place(words[0]):
            # "in Leiden", "in Antwerpen"; "in de Kolenkit": the article belongs to the name
            article = _ARTICLE.search(context)
            return Finding(start - (len(article.group()) if article else 0), end, "PLACE", self.name)
        if len(run) == 1 and self._ordinary(words[0]):
            return None
        if all(w in _CONNECTORS or self._ordinary(w) for w in words):
            return None
        if phrase in placenames():
            return Finding(start, end, "PLACE", self.name)
        if place_cue:
            return Finding(start, end, "PLACE", self.name)
        if run[0].text in ("De", "Het") and _INST_CUE.search(context):
            return Finding(start, end, "INSTITUTION", self.name)
        if all(w in first_names() or w in surnames() or w in _CONNECTORS for w in words):
            return Finding(start, end, "PERSON", self.name)
        return Finding(start, end, "PERSON", self.name)


def _gap(text: str, toks: tuple[Token, ...], k: int) -> str:
    return text[toks[k - 1].end : toks[k].start]


_COUNTRIES: frozenset[str] | None = None


def _countries() -> frozenset[str]:
    """Country names in Dutch and English (faker's address data): not identifiers (formats.md)."""
    global _COUNTRIES
    if _COUNTRIES is None:
        names: set[str] = set()
        for locale in ("nl_NL", "en_US"):
            try:
                module = __import__(f"faker.providers.address.{locale}", fromlist=["Provider"])
                names.update(fold(c) for c in getattr(module.Provider, "countries", ()))
            except ImportError:
                continue
        _COUNTRIES = frozenset(names)
    return _COUNTRIES
