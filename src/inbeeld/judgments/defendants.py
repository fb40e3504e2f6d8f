"""How news texts name defendants ("een 46-jarige man uit Breda", "Nicky L. (32)", "een man van 21")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inbeeld.judgments.lexicon import DEFENDANT_NOUNS

_NOUNS = "|".join(sorted((re.escape(n) for n in DEFENDANT_NOUNS), key=len, reverse=True))
_DESCRIPTOR = re.compile(
    rf"\b(?P<det>(?:een|de|het|zijn|haar|hun)\s+)?(?:(?:inmiddels|[a-zë]+e)\s+){{0,2}}?"
    rf"(?:(?P<age>\d{{1,2}})-jarige\s+)?(?:[a-zë]+e\s+)?(?P<noun>{_NOUNS})(?![\w-])"
    rf"(?:\s*\((?P<age2>\d{{1,2}})\)|\s+van\s+(?P<age3>\d{{2}})(?:\s+jaar)?(?=[\s,.]))?(?P<where>\s+(?:uit|van)\s+(?:de\s+|het\s+)?(?-i:[A-Z])[\w'-]+)?",
    re.I)
_NAMED = re.compile(r"\b(?P<name>(?:[A-Z][a-zà-ÿ]+\s+){0,1}(?:(?:van|de|der|den|el)\s+)?[A-Z]\.)"
                    r"(?:\s*\((?P<age>\d{1,2})\))?")
_VICTIM_CONTEXT = re.compile(r"(?:met|tegen\s+betaling\s+met|bij|aan|slachtoffer|aangeefster)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """How a news text names one defendant ("een 46-jarige man uit Breda", "Nicky L. (32)")."""

    text: str
    start: int
    end: int
    age: int | None
    role: str | None


def find_descriptors(text: str, start: int, end: int) -> list[Descriptor]:
    """Return the defendant descriptions in text[start:end], in order."""
    out: list[Descriptor] = []
    chunk = text[start:end]
    for match in _DESCRIPTOR.finditer(chunk):
        noun = match.group("noun").lower()
        before = chunk[max(0, match.start() - 25):match.start()]
        if _VICTIM_CONTEXT.search(before):
            continue
        if noun == "man" and re.search(r"\b(?:haar|zijn)\s+$", before):
            continue  # "samen met haar man": a relative, not the described defendant
        age = match.group("age") or match.group("age2") or match.group("age3")
        out.append(Descriptor(match.group(0).strip(), start + match.start(), start + match.end(),
                              int(age) if age else None, DEFENDANT_NOUNS.get(noun)))
    for match in _NAMED.finditer(chunk):
        name = match.group("name")
        if len(name) < 3 or name.split()[0].lower() in ("art.", "mr.", "dhr.") or "." not in name[-1]:
            continue
        if match.group(0).startswith(("De ", "Het ", "Een ")):
            continue
        if any(d.start <= start + match.start() < d.end for d in out):
            continue
        age = match.group("age")
        out.append(Descriptor(match.group(0).strip(), start + match.start(), start + match.end(),
                              int(age) if age else None, None))
    return sorted(out, key=lambda d: d.start)
