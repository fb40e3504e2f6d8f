"""Facts other than the sentence: metadata, articles, ages, genders, channels, role, acquittal."""

from __future__ import annotations

import re

from inbeeld.judgments.lexicon import (
    CHANNEL_PRIORITY,
    CHANNEL_WORDS,
    ECLI_COURTS,
    FEMALE_VICTIMS,
    KNOWN_SR_ARTICLES,
    MALE_VICTIMS,
    OFFENCE_ARTICLES,
    PLATFORMS,
    VICTIM_NOUNS,
)
from inbeeld.judgments.numbers import word_to_number
from inbeeld.judgments.text import Segment, sentences

ECLI_RE = re.compile(r"ECLI:NL:([A-Z]{2,6}):(\d{4}):([A-Z0-9]{1,10})")
_MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
           "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12}
_DASH = r"[-‐‑‒–—/.]"
_DATE = (rf"(?P<d>\d{{1,2}}){_DASH}(?P<m>\d{{1,2}}){_DASH}(?P<y>\d{{4}})"
         rf"|(?P<d2>\d{{1,2}})\s+(?P<mn>{'|'.join(_MONTHS)})\s+(?P<y2>\d{{4}})")
_DATE_LABELLED = re.compile(
    rf"(?:^|\n)\s*-?\s*(?:Datum(?:\s+uitspraak|\s+conclusie)?|Uitspraak(?:\s+d\.d\.)?:?|Zitting:?)"
    rf"\s*:?\s*\n?\s*-?\s*(?:{_DATE})", re.I)
_DATE_ANY = re.compile(_DATE, re.I)


def date_from_match(match: re.Match[str]) -> str | None:
    """Return an ISO date from a `_DATE` match, or None when it is not a real date."""
    if match.group("y"):
        y, m, d = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    else:
        y, m, d = int(match.group("y2")), _MONTHS[match.group("mn").lower()], int(match.group("d2"))
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_ecli(text: str, source: str | None = None) -> str | None:
    """Return the document's own ECLI: from a file named after it, else the most frequent one."""
    if source:
        named = re.search(r"ECLI[_:]NL[_:]([A-Z]{2,6})[_:](\d{4})[_:]([A-Z0-9]{1,10})", source)
        if named:
            return "ECLI:NL:{}:{}:{}".format(*named.groups())
    found = [m.group(0) for m in ECLI_RE.finditer(text[:5000])]
    if not found:
        return None
    # the own ECLI is repeated in the header; a quoted one (a footnote before it) is not
    return max(dict.fromkeys(found), key=found.count)


def court_from_ecli(ecli: str | None) -> str | None:
    if not ecli:
        return None
    parts = ecli.split(":")
    return ECLI_COURTS.get(parts[2]) if len(parts) > 2 else None


def instance_from(court: str | None, ecli: str | None) -> str | None:
    """Return "rechtbank", "hof" or "hoge raad" from the ECLI court code or the court name."""
    code = ecli.split(":")[2] if ecli and len(ecli.split(":")) > 2 else ""
    name = (court or "").lower()
    if code in ("HR", "PHR") or "hoge raad" in name:
        return "hoge raad"
    if code.startswith("GH") or "hof" in name:
        return "hof"
    if code.startswith("RB") or "rechtbank" in name or "politierechter" in name:
        return "rechtbank"
    return None


_COURT_HEADING = re.compile(r"(?:^|\n)\s*((?:RECHTBANK|Rechtbank|GERECHTSHOF|Gerechtshof)\s+[^\n,]{3,40})"
                            r"\s*(?:\n|$)")


def court_from_text(text: str) -> str | None:
    """Return the court from an "Instantie" label or a heading line ("RECHTBANK LIMBURG")."""
    match = re.search(r"(?:^|\n)\s*-?\s*Instantie\s*\n\s*-?\s*([^\n]{3,80})", text)
    if not match:
        heading = _COURT_HEADING.search(text[:1500])
        if not heading:
            return None
        name = " ".join(heading.group(1).split())
        known = {c.lower(): c for c in ECLI_COURTS.values()}
        if name.lower() in known:
            return known[name.lower()]
        return re.sub(r"[A-Za-zÀ-ÿ]+", lambda w: w.group().capitalize(), name.lower())
    name = match.group(1).strip()
    name = re.sub(r"^Hof\b", "Gerechtshof", name)
    return re.sub(r"\s*\((?:Strafkamer|Advocaat-Generaal)\)$", "", name)


def find_date(text: str) -> str | None:
    """Return the decision date: a labelled date first, else the first date in the header."""
    for match in _DATE_LABELLED.finditer(text[:6000]):
        if re.search(r"publicatie", match.group(0), re.I):
            continue
        iso = date_from_match(match)
        if iso:
            return iso
    for match in _DATE_ANY.finditer(text[:1500]):
        iso = date_from_match(match)
        if iso:
            return iso
    return None


def find_legal_area(text: str) -> str | None:
    match = re.search(r"(?:Rechtsgebied(?:en)?|Vakgebied\(en\))\s*\n\s*-?\s*([^\n]{3,60})", text[:6000])
    return match.group(1).strip() if match else None


def find_birth_year(text: str) -> int | None:
    """Return the defendant's year of birth from the anonymised party line ("geboren ... 1976")."""
    match = re.search(r"geboren\s+(?:te|in|op)\s[^\n]{0,80}?(?:\[|\s)(\d{4})\]?", text[:8000])
    if match and 1900 <= int(match.group(1)) <= 2030:
        return int(match.group(1))
    return None


# --- articles -------------------------------------------------------------------------------------

_ART_START = re.compile(r"\b(?:art(?:ikel(?:en)?|t)?)\.?\s+(?=\d)", re.I)
_CODE_SR = re.compile(r"\bSr\b|Wetboek\s+van\s+Strafrecht|\bWvSr\b")
_CODE_OTHER = re.compile(r"\bSv\b|\bRO\b|Wetboek\s+van\s+Strafvordering|\bWvSv\b|\bBW\b|\bAwb\b|\bEVRM\b"
                         r"|Opiumwet|\bWWM\b|Wegenverkeerswet|Vreemdelingenwet|Wet\s")
_ART_TOKEN = re.compile(r"(?P<num>\d{1,3})(?P<suffix>[a-z]{1,6})?(?P<dots>(?:[.:]\d+[a-z]?)*)\.?"
                        r"|(?P<word>[A-Za-zë]+)")
_BARE_SR = re.compile(r"(?<![\w.,:/-])(\d{2,3}[a-z]{0,5})\s+(?:Sr\b|Wetboek\s+van\s+Strafrecht)")
_SUB_WORDS = frozenset({"lid", "leden", "onder", "sub", "aanhef", "sub.", "ten", "tweede", "eerste"})


def find_articles(text: str, own_ecli: str | None = None) -> tuple[tuple[str, int, int], ...]:
    """Return the offence articles of the Penal Code named in the text: ("273f Sr", start, end).

    Only Book 2 and 3 (art. 92 and up, the offences) count: Book 1 articles (9, 10, 22b, 27, 36f)
    are about sentencing, not about what was done. Articles in a sentence that cites another case
    by ECLI belong to that case.
    """
    found: dict[str, tuple[int, int]] = {}
    spans = sentences(text)
    for match in _ART_START.finditer(text):
        sentence = next((s for s in spans if s.start <= match.start() < s.end), Segment(0, len(text)))
        window_end = min(sentence.end, match.end() + 300)
        window = text[match.end():window_end]
        sr = _CODE_SR.search(window)
        other = _CODE_OTHER.search(window)
        sentence_text = text[sentence.start:sentence.end]
        if any(e != own_ecli for e in (m.group(0) for m in ECLI_RE.finditer(sentence_text))):
            continue
        if other and (not sr or other.start() < sr.start()):
            continue
        scope = window[: sr.start()] if sr else window[:40]
        for number, start, end in _article_numbers(scope, match.end()):
            if not sr and number not in KNOWN_SR_ARTICLES:
                continue
            if int(re.match(r"\d+", number).group()) < 92:
                continue
            found.setdefault(f"{number} Sr", (start, end))
    for bare in _BARE_SR.finditer(text):  # "(273f Sr)" without "art."
        number = bare.group(1)
        sentence_text = next((text[s.start:s.end] for s in spans if s.start <= bare.start() < s.end), "")
        if int(re.match(r"\d+", number).group()) >= 92 and not any(
                e != own_ecli for e in (m.group(0) for m in ECLI_RE.finditer(sentence_text))):
            found.setdefault(f"{number} Sr", (bare.start(1), bare.end(1)))
    for pattern, article in OFFENCE_ARTICLES.items():
        m = re.search(rf"\b(?:{pattern})\b", text, re.I)
        if m and article not in found:
            found[article] = (m.start(), m.end())
    return tuple((a, s, e) for a, (s, e) in sorted(found.items(), key=lambda kv: kv[1][0]))


def _article_numbers(scope: str, offset: int) -> list[tuple[str, int, int]]:
    """Read "273f.1 aanhef en onder 1,2 en 4" as article 273f; numbers after "onder"/"lid" are parts."""
    out: list[tuple[str, int, int]] = []
    in_part = False
    for token in _ART_TOKEN.finditer(scope):
        if token.group("word"):
            word = token.group("word").lower()
            if word in _SUB_WORDS:
                in_part = True
            elif word not in ("en", "jo", "juncto", "of", "oud", "o", "tot", "met", "in", "verbinding"):
                break  # the list of articles has ended
            continue
        structured = bool(token.group("suffix") or token.group("dots"))
        if in_part and not structured:
            continue
        in_part = False
        number = token.group("num") + (token.group("suffix") or "")
        out.append((number, offset + token.start(), offset + token.end()))
    return out


# --- ages, genders, channels ---------------------------------------------------------------------

_NUMBER_TOKEN = r"\d{1,2}|[a-zë]+"
_AGE_BEFORE_NOUN = re.compile(
    rf"\b(?P<n>{_NUMBER_TOKEN})[-\s]?jarige?\s+(?:[a-zë]+\s+){{0,2}}?(?:{VICTIM_NOUNS})(?![\w-])", re.I)
_AGE_AFTER_NOUN = re.compile(
    rf"(?<![\w-])(?:{VICTIM_NOUNS})(?:\s*\(|\s*,\s*(?:die\s+|wie\s+)?|\s+van\s+|\s+(?:die|was|waren|is|zijn)\s+|\s+)"
    rf"(?:(?:toen|destijds|pas|slechts|nog\s+maar)\s+)?"
    rf"(?P<n>\d{{1,2}}|[a-zë]+)\s*(?:\)|(?:jaar|-jarig)\b(?!\s+(?:cel|gevangenis|celstraf|naar|tot)\b)"
    rf"|(?=\s*(?:[.,;]|uit\b|en\s+\d|die\b|met\b|$)))", re.I)
_AGE_PREDICATE = re.compile(  # "Het meisje was destijds - eind 2016 - nèt 14 jaar oud."
    rf"(?:^|[.!?][”\"’']?\s+|\n)(?:het|de|dit|dat|deze|beide)\s+(?:{VICTIM_NOUNS})\s+(?:was|waren|is|zijn)\b"
    rf"(?=[^.;:!?\n]{{0,40}}?\b(?:toen|destijds|pas|net|nèt|nog\s+maar|op\s+dat\s+moment|jaar\s+oud)\b)"
    rf"[^.;:!?\n]{{0,40}}?\b(?P<n>\d{{1,2}})(?=\s+(?:jaar\b(?!\s+(?:lang|cel|gevangenis))|en\s+\d))", re.I)
_AGE_MORE = re.compile(r"\s*(?:jaar\s*)?(?:en|,)\s*(?P<n>\d{1,2})(?:\s*jaar|-jarig|\))")


def find_victim_ages(text: str) -> tuple[tuple[int, int, int], ...]:
    """Return (age, start, end) for each victim age stated next to a victim noun, in text order."""
    hits: list[tuple[int, int, int]] = []
    for pattern in (_AGE_BEFORE_NOUN, _AGE_AFTER_NOUN, _AGE_PREDICATE):
        for match in pattern.finditer(text):
            token = match.group("n")
            value = int(token) if token.isdigit() else word_to_number(token)
            if value is None or not 0 < value < 26 or value != int(value):
                continue
            before = text[max(0, match.start() - 20):match.start()].lower()
            if re.search(r"(?:jonger|ouder|onder|boven|dan)\s*$", before):
                continue  # "jonger dan 18 jaar" is a legal threshold, not an age
            hits.append((int(value), match.start("n"), match.end("n")))
            more = _AGE_MORE.match(text, match.end("n"))
            if more and int(more.group("n")) < 26:  # "meisjes van 14 en 15 jaar"
                hits.append((int(more.group("n")), more.start("n"), more.end("n")))
    hits.sort(key=lambda h: h[1])
    seen: set[int] = set()
    out = []
    for age, start, end in hits:
        if age not in seen:
            seen.add(age)
            out.append((age, start, end))
    return tuple(out)


def find_victim_genders(text: str) -> tuple[str, ...]:
    """Return the distinct genders of the victim nouns, in order of first mention."""
    hits: list[tuple[int, str]] = []
    for pattern, gender in ((FEMALE_VICTIMS, "female"), (MALE_VICTIMS, "male")):
        for match in re.finditer(rf"\b(?:{pattern})(?![\w-])", text, re.I):
            context = text[max(0, match.start() - 40):match.start()].lower()
            if gender == "male" and re.search(r"(?:zijn|haar|hun)\s+(?:\d+-jarige\s+)?$", context) \
                    and re.search(r"zoons?", match.group(), re.I):
                continue  # "zijn 29-jarige zoon" in news is a co-defendant
            hits.append((match.start(), gender))
    return tuple(dict.fromkeys(g for _, g in sorted(hits)))


def find_channels(text: str) -> tuple[str | None, tuple[str, ...], tuple[int, int] | None]:
    """Return the contact channel, the platform names, and evidence for the channel."""
    names: list[tuple[int, str, str, int]] = []
    for stem, (name, channel) in PLATFORMS.items():
        for match in re.finditer(rf"\b{re.escape(stem)}\w*", text, re.I):
            names.append((match.start(), name, channel, match.end()))
    generic: list[tuple[int, str, int]] = []
    for pattern, channel in CHANNEL_WORDS.items():
        for match in re.finditer(rf"\b(?:{pattern})", text, re.I):
            generic.append((match.start(), channel, match.end()))
    ordered_names = tuple(dict.fromkeys(n for _, n, _, _ in sorted(names)))
    candidates = [(s, c, e) for s, _, c, e in names] + generic
    if not candidates:
        return None, ordered_names, None
    best = min(candidates, key=lambda c: (CHANNEL_PRIORITY.index(c[1]), c[0]))
    return best[1], ordered_names, (best[0], best[2])


# --- role and acquittal --------------------------------------------------------------------------

_PARENT = re.compile(r"\b(?:haar|zijn)\s+(?:eigen\s+)?(?:\(klein\))?(?:klein|stief)?(?:kind|kinderen|dochter"
                     r"|dochters|zoon|zonen)\b|\bkinderen\s+(?:door|van)\s+(?:hun|de)\s+ouders\b"
                     r"|\buitgebuit\s+door\s+(?:hun|haar|zijn)\s+(?:ouders|vader|moeder)", re.I)
_CLIENT = re.compile(r"\b(?:klant(?:en)?|tegen\s+betaling|betaald\w*\s+voor\s+seks|seks\s+gekocht"
                     r"|jeugdprostitutie|hoerenloper)\b", re.I)
_TRAFFICKER = re.compile(r"\b(?:mensenhandel\w*|uitbuit\w*|uitgebuit|pooier\w*|loverboy\w*"
                         r"|gedwongen\s+prostitutie|kinderuitbuiting)\b", re.I)


def role_from(articles: list[str], text: str) -> str:
    """Return client / trafficker / parent / other from the articles, then from the wording."""
    numbers = [a.split()[0] for a in articles]
    client = any(n in ("248b", "273g") for n in numbers)
    trafficker = "273f" in numbers
    if trafficker and _PARENT.search(text):
        return "parent"
    if client and trafficker:
        return "client" if numbers.index(next(n for n in numbers if n in ("248b", "273g"))) \
            < numbers.index("273f") else "trafficker"
    if client:
        return "client"
    if trafficker:
        return "trafficker"
    if _CLIENT.search(text):
        return "client"
    if _TRAFFICKER.search(text):
        return "parent" if _PARENT.search(text) else "trafficker"
    return "other"


_ACQUITTAL = re.compile(
    r"\bspreekt\s+(?:de\s+)?verdachte\s+vrij\s+van\s+(?:het|al\s+het|hetgeen)\b|\bvrijgesproken\s+van\s+"
    r"(?:het|al\s+het)\s+(?:hem|haar|aan\s+\w+)?\s*ten\s*laste\s*gelegde\b|\bontslaat\s+(?:de\s+)?verdachte\s+"
    r"van\s+alle\s+rechtsvervolging|\bvolledige\s+vrijspraak\b|\bwerd\s+(?:hij|zij)\s+vrijgesproken\b"
    r"|\b(?:is|werd|werden|zijn)\s+(?:\w+\s+){0,3}?vrijgesproken\b|\bsprak\s+\w+\s+(?:\w+\s+)?vrij\b", re.I)
_FOLLOWS_DEMAND = re.compile(
    r"\b(?:conform\s+(?:de\s+)?eis|overeenkomstig\s+(?:de\s+)?eis|volgde\s+(?:de\s+)?eis"
    r"|(?:ging|gaat)\s+mee\s+(?:met|in)\s+de\s+eis|legde\s+(?:de\s+)?geëiste\s+straf\s+op"
    r"|(?:volgt|volgde)\s+(?:de\s+)?(?:officier|aanklager|het\s+om)\b[^.]{0,40}\beis)", re.I)


def find_follows_demand(text: str) -> tuple[int, int] | None:
    """Return where the text says the court imposed what was demanded ("conform de eis")."""
    match = _FOLLOWS_DEMAND.search(text)
    return (match.start(), match.end()) if match else None


def find_acquittal(text: str) -> tuple[int, int] | None:
    match = _ACQUITTAL.search(text)
    return (match.start(), match.end()) if match else None
