"""Conversation-level stages after the recognisers: keep words, titles, overlaps, propagation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from inbeeld.deid.lexicons import (
    common_words,
    dutch_compound,
    first_names,
    fold,
    keep_words,
    unknown_as_written,
    zipf_frequency,
)
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import TAG
from inbeeld.deid.recognisers.names import NAME_MONTHS, NUMBER_AFTER
from inbeeld.deid.recognisers.propernouns import CASE_SENSITIVE_ORGANISATIONS

Findings = list[list[Finding]]

# Structured types win an overlap over names: "06-12345678" inside a handle is the phone number.
PRIORITY = {
    "EMAIL": 9,
    "URL": 8,
    "IBAN": 8,
    "PHONE": 7,
    "PLATE": 7,
    "POSTCODE": 6,
    "ID_NUMBER": 6,
    "DATE_OF_BIRTH": 6,
    "HANDLE": 5,
    "ADDRESS": 4,
    "INSTITUTION": 3,
    "PERSON": 2,
    "PLACE": 1,
}


class Stage:
    name: ClassVar[str] = ""

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        raise NotImplementedError


class KeepWords(Stage):
    """Drop findings whose whole text is a keep word: platforms, place types, family words."""

    name = "keep_words"

    def __init__(self, keep_file: str | None = None) -> None:
        self.keep_file = keep_file

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        keep = keep_words(self.keep_file)
        return [
            [
                f
                for f in found
                if fold(text[f.start : f.end].strip(" .,!?@")) not in keep
                or _titled(text, f)
                or _month_named(text, f)
                or _rare_capital(text, f)
                or _accented_name(text, f, keep)
            ]
            for text, found in zip(texts, findings, strict=True)
        ]


# where a month is the month: "in april", "eind mei", "3 juni", "juni 2010", "vorige juli"
_MONTH_AS_DATE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|op|eind|begin|half|medio|sinds|tot|vanaf|voor|na|vorig|vorige|deze|volgende|"
    r"afgelopen|van|per|t/m|until|since|last|next|this|of)|\d)\s*$"
)


def _propagate_month_names(texts: Sequence[str], findings: Findings, months: set[str]) -> Findings:
    pattern = re.compile(r"(?i)(?<!\w)(?:" + "|".join(sorted(months)) + r")(?!\w)")
    out = []
    for text, found in zip(texts, findings, strict=True):
        extra = list(found)
        for m in pattern.finditer(text):
            if _MONTH_AS_DATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            if NUMBER_AFTER.match(text[m.end() : m.end() + 3]):
                continue
            extra.append(Finding(m.start(), m.end(), "PERSON", "propagate"))
        out.append(extra)
    return out


def _month_named(text: str, f: Finding) -> bool:
    """ "mn vriendin april": the name recogniser takes a month only where it is a name."""
    return f.source in ("chat_names", "propagate") and fold(text[f.start : f.end]) in NAME_MONTHS


# "meneer Bos", "juf Wolf": after a title a capitalised word is a surname, even a keep word
_TITLE_BEFORE = re.compile(r"(?i)\b(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de heer|juf|meester)\s+$")


def _rare_capital(text: str, f: Finding) -> bool:
    """ "ik ben Ewa uit Polen": a rare keep word ("ewa" is street talk, and a Polish name)
    capitalised inside a sentence is the name; frequent ones ("Politie", "Snapchat") stay kept."""
    word = text[f.start : f.end]
    if f.type != "PERSON" or not word[:1].isupper() or " " in word:
        return False
    k = f.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    mid_sentence = k >= 0 and text[k] not in ".!?:;\n\"'("
    return mid_sentence and zipf_frequency(fold(word), "nl") < 3.0


def _accented_name(text: str, f: Finding, keep: frozenset[str]) -> bool:
    """ "my name is Thaís": a name whose letters fold to a keep word ("thais", Thai) but that is
    written with an accent the keep word does not have."""
    word = text[f.start : f.end]
    if f.type != "PERSON" or word.isascii() or word.lower() in keep:
        return False
    return unknown_as_written(word)  # "Oekraïens" is the keep word as Dutch writes it


def _titled(text: str, f: Finding) -> bool:
    return (
        f.type == "PERSON"
        and text[f.start : f.start + 1].isupper()
        and _TITLE_BEFORE.search(text[max(0, f.start - 12) : f.start]) is not None
    )


_TITLE = re.compile(
    r"(?i)^(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de heer|juf|meester|dr\.?|mr\.?|drs\.?|"
    r"ir\.?|prof\.?|dokter|oom|tante|opa|oma|mama|papa|ms\.?|mrs\.?|mr\.?|miss)\s+"
)


class TrimTitles(Stage):
    """Keep titles outside a name span: "mevrouw" is a gender word the research codes."""

    name = "trim_titles"

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        out = []
        for text, found in zip(texts, findings, strict=True):
            kept = []
            for f in found:
                m = _TITLE.match(text[f.start : f.end]) if f.type == "PERSON" else None
                if m and f.start + m.end() < f.end:
                    f = Finding(f.start + m.end(), f.end, f.type, f.source)
                elif m:
                    continue
                kept.append(f)
            out.append(kept)
        return out


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:de|het|'t|’t|t) $", re.IGNORECASE)
# an organisation named by its town: "gemeente Hengelo", "azc Budel", "COA Ter Apel"
_TOWN_ORGANISATION_BEFORE = re.compile(r"(?<![\w'’-])(?:gemeente|azc|coa) $", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_SHORT_HET = ("t", "'t", "’t")


class LeadingWords(Stage):
    """Take the word that leads a name into its span. The article of a name that is an
    ordinary word ("op de Wissel", "van t Startpunt", "heet de Turk"; not "in Transvaal") and of
    any institution ("op het Coenecoop"); "gemeente", "azc" before a town, which then names an
    institution. None of these words is one a researcher codes."""

    name = "leading_words"

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        return [
            [self._lead(text, f) if f.start >= 2 else f for f in found]
            for text, found in zip(texts, findings, strict=True)
        ]

    @staticmethod
    def _lead(text: str, f: Finding) -> Finding:
        window = max(0, f.start - 10)
        if f.type == "PLACE":
            head = _TOWN_ORGANISATION_BEFORE.search(text, window, f.start)
            if head is not None:
                return Finding(head.start(), f.end, "INSTITUTION", f.source)
        if f.type not in ("PLACE", "INSTITUTION", "ADDRESS", "PERSON"):
            return f
        article = _ARTICLE_BEFORE.search(text, window, f.start)
        word = _FIRST_WORD.match(text, f.start)
        if article is None or word is None:
            return f
        # a capital says "name" ("de Wissel"); in lowercase only after "t"/"'t" ("van t
        # startpunt"), not "op de jan hendrikstraat"
        named = word.group()[0].isupper() or article.group().strip().lower() in _SHORT_HET
        if f.type == "INSTITUTION" or (named and _ordinary_name(word.group())):
            return Finding(article.start(), f.end, f.type, f.source)
        return f


def _ordinary_name(word: str) -> bool:
    """A name made of an ordinary word or a compound of them ("Wissel", "Startpunt")."""
    key = fold(word)
    return key in common_words() or zipf_frequency(key, "nl") >= 3.0 or dutch_compound(key)


def resolve_overlaps(text: str, found: Sequence[Finding]) -> list[Finding]:
    """Merge overlapping findings into one span (their union: masking more is the safe side),
    typed by the highest-priority, then longest, member."""
    if not found:
        return []
    ordered = sorted(found, key=lambda f: (f.start, -f.end))
    groups: list[list[Finding]] = [[ordered[0]]]
    end = ordered[0].end
    for f in ordered[1:]:
        if f.start < end:
            groups[-1].append(f)
            end = max(end, f.end)
        else:
            groups.append([f])
            end = f.end
    merged = []
    for group in groups:
        best = max(group, key=lambda f: (PRIORITY[f.type], f.end - f.start))
        start, stop = min(f.start for f in group), max(f.end for f in group)
        merged.append(Finding(start, stop, best.type, best.source))
    return merged


_HOUSE_NUMBER_TAIL = re.compile(
    # floors ("61 2-hoog") first, then the rest of a number, Belgian boxes ("204 bus 3"), "14bis"
    # "Schijndelseweg nr 40": a number word may stand before the number
    r"\s\d-?hoog|\skamer\s?\d{1,3}|(?:\s(?:nr\.?|no\.?|nummer|huisnummer)(?=\s?\d))?(?:\s?\d{1,4})?(?:\s?-\s?\d{1,3}|[\s-](?:I{1,3}|IV)(?![\w])|\s?[-/]?[a-zA-Z](?![\w]))?"
    r"(?:\s(?:bus|box)\s?\d{1,4}|bis)?"
)


class HouseNumbers(Stage):
    """Extend an address over the rest of its house number ("Middenweg 14" + "-2", "14a")."""

    name = "house_numbers"

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        out = []
        for text, found in zip(texts, findings, strict=True):
            extended = []
            for f in found:
                if f.type == "ADDRESS":
                    m = _HOUSE_NUMBER_TAIL.match(text, f.end)
                    numbered = any(c.isdigit() for c in text[f.start : f.end])
                    number_follows = (
                        m is not None and m.group()[:1].isspace() and any(c.isdigit() for c in m.group())
                    )
                    if m and m.end() > f.end and (numbered or number_follows):
                        f = Finding(f.start, m.end(), f.type, f.source)
                extended.append(f)
            out.append(extended)
        return out


class ResolveOverlaps(Stage):
    name = "resolve_overlaps"

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        return [resolve_overlaps(t, f) for t, f in zip(texts, findings, strict=True)]


class Propagate(Stage):
    """Mark every other mention of a found name, place or handle in the same conversation:
    "Peter" found once makes "peter" in a later message a name too; "sam" after "Samira"."""

    name = "propagate"
    TYPES = ("PERSON", "PLACE", "HANDLE", "INSTITUTION", "ADDRESS")

    def __init__(self, max_zipf: float = 5.0, min_prefix: int = 3, keep_file: str | None = None) -> None:
        self.max_zipf = max_zipf
        self.min_prefix = min_prefix
        self.keep_file = keep_file

    def _usable(self, key: str) -> bool:
        return (
            len(key) >= 3
            and key not in keep_words(self.keep_file)
            and key not in common_words()
            and zipf_frequency(key, "nl") < self.max_zipf
        )

    def apply(self, texts: Sequence[str], findings: Findings) -> Findings:
        surfaces: dict[str, str] = {}
        months: set[str] = set()  # "April" found as a name: her other mentions, not the month's
        for text, found in zip(texts, findings, strict=True):
            for f in found:
                if f.type not in self.TYPES:
                    continue
                surface = text[f.start : f.end]
                if f.type == "HANDLE":
                    surface = surface.lstrip("@")
                key = fold(surface)
                if key in CASE_SENSITIVE_ORGANISATIONS:
                    continue  # found with their capital wherever they occur; lowercase is ordinary
                # a village called "Een" must not turn every article into a place
                common = zipf_frequency(key, "nl") >= 6.0
                if len(key) >= 2 and key not in keep_words(self.keep_file) and not common:
                    surfaces.setdefault(key, f.type)
                elif f.type == "PERSON" and key in NAME_MONTHS:
                    months.add(key)
                if f.type == "PLACE" and "-" in surface:  # "Amsterdam-Noord", later "noord"
                    last = fold(surface.rsplit("-", 1)[1])
                    if len(last) >= 4 and last not in keep_words(self.keep_file):
                        surfaces.setdefault(last, "PLACE")
                if f.type == "PERSON":  # each part of "Shamir Ceuleers" on its own too
                    for part in re.findall(r"[^\W\d_]+", surface):
                        if self._usable(fold(part)):
                            surfaces.setdefault(fold(part), "PERSON")
        if months:
            findings = _propagate_month_names(texts, findings, months)
        if not surfaces:
            return findings
        names = [k for k, t in surfaces.items() if t == "PERSON"]
        # Mentions are found with str.find per surface rather than by one alternation regex per
        # conversation: compiling that regex cost more than the search.
        surface_list = list(surfaces)
        prefixes = {n[:k] for n in names if " " not in n for k in range(self.min_prefix, len(n))}
        # short forms worth a look: prefixes of a found name that are first names themselves
        prefixes = {
            p
            for p in prefixes
            if p not in surfaces and p in first_names() and p not in keep_words(self.keep_file)
        }
        out = []
        for text, found in zip(texts, findings, strict=True):
            extra = list(found)
            folded = text.lower() if text.isascii() else _fold_same_length(text)
            tagged = [(m.start(), m.end()) for m in TAG.finditer(text)] if "[" in text else []
            for start, end in _mentions(folded, surface_list):
                if not any(s <= start < e for s, e in tagged):
                    extra.append(Finding(start, end, surfaces[folded[start:end]], self.name))
            # short forms: "sam" for Samira, when "sam" is itself a first name
            if prefixes:
                for m in _LETTER_WORD.finditer(folded):
                    key = m.group()
                    if key in prefixes and any(n.startswith(key) and n != key for n in names):
                        extra.append(Finding(m.start(), m.end(), "PERSON", self.name))
            out.append(extra)
        return out


_LETTER_WORD = re.compile(r"(?<![\w@])[^\W\d_]{3,}(?![\w])")


def _mentions(folded: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of the surfaces in the folded text, leftmost first and the
    longest at each place, each standing alone (no word character or @ before, no word
    character after): what one alternation regex would find, without compiling one."""
    candidates = []
    for surface in surfaces:
        pos = folded.find(surface)
        while pos >= 0:
            end = pos + len(surface)
            before_ok = not pos or not (_is_word_char(folded[pos - 1]) or folded[pos - 1] == "@")
            if before_ok and not (end < len(folded) and _is_word_char(folded[end])):
                candidates.append((pos, -len(surface)))
            pos = folded.find(surface, pos + 1)
    found: list[tuple[int, int]] = []
    taken_until = 0
    for pos, negative_length in sorted(candidates):
        if pos >= taken_until:
            found.append((pos, pos - negative_length))
            taken_until = pos - negative_length
    return found


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _FoldTable(dict):
    """str.translate table that folds each character on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        f = fold(ch)
        out = f if len(f) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def _fold_same_length(text: str) -> str:
    """Lowercase without accents, character by character, so offsets stay those of the text."""
    return text.translate(_FOLD_TABLE)
