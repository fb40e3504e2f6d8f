"""Consistent pseudonyms within one conversation: the same person is [PERSON-1] throughout."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inbeeld.deid.lexicons import fold


def identity_key(kind: str, surface: str) -> str:
    """The form under which two spellings of one identifier meet ("Samira" = "samira")."""
    if kind in ("PHONE", "IBAN", "ID_NUMBER", "PLATE", "POSTCODE", "DATE_OF_BIRTH"):
        key = re.sub(r"[^0-9a-z]", "", fold(surface))
        if kind == "PHONE":  # 0612345678 = +31 6 12345678 = 0031612345678
            key = key[-9:]
        return key
    if kind in ("HANDLE", "EMAIL", "URL"):
        key = fold(surface).lstrip("@").rstrip("/")
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", key)
    return " ".join(re.findall(r"[^\W_]+", fold(surface)))


@dataclass
class PseudonymMap:
    """Hands out tags per type in order of first mention; a short form of a known name ("sam"
    for "samira", "peter" for "peter de vries"; "noord" for "Amsterdam-Noord") gets that
    name's tag when it fits only one."""

    min_prefix: int = 3
    _tags: dict[tuple[str, str], str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)

    def tag(self, kind: str, surface: str) -> str:
        key = identity_key(kind, surface)
        if (kind, key) in self._tags:
            return self._tags[(kind, key)]
        if kind in ("PERSON", "PLACE"):
            known = self._person_match(kind, key)
            if known is not None:
                self._tags[(kind, key)] = known
                return known
        self._counts[kind] = self._counts.get(kind, 0) + 1
        tag = f"[{kind}-{self._counts[kind]}]"
        self._tags[(kind, key)] = tag
        return tag

    def _person_match(self, wanted: str, key: str) -> str | None:
        parts = key.split()
        candidates = set()
        for (kind, other), tag in self._tags.items():
            if kind != wanted:
                continue
            other_parts = other.split()
            inside = parts and all(p in other_parts for p in parts)
            if inside or (other_parts and all(p in parts for p in other_parts)):
                candidates.add(tag)  # "peter" and "peter de vries"
            elif wanted == "PERSON" and len(parts) == 1 and len(key) >= self.min_prefix and any(
                o.startswith(key) or (key.startswith(o) and len(o) >= self.min_prefix) for o in other_parts
            ):
                candidates.add(tag)  # "sam" and "samira"
        return candidates.pop() if len(candidates) == 1 else None

    def apply_all(self, items: list[tuple[str, str]]) -> list[str]:
        return [self.tag(kind, surface) for kind, surface in items]
