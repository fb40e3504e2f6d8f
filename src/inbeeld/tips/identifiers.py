"""Identifiers in a tip's text (phones, handles, links, plates, places), found with the cheap
recognisers of inbeeld.deid (regex and validators; not deduce, which is slow to load)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers

from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.registry import RECOGNISERS

# tip kind -> the deid recogniser that finds it
KINDS: dict[str, str] = {
    "phone": "phone",
    "handle": "handle",
    "link": "url",
    "email": "email",
    "plate": "plate",
    "place": "chat_places",
}


@dataclass(frozen=True)
class Identifier:
    kind: str
    value: str  # normalised: equal identifiers written differently compare equal
    start: int = -1  # where it was found in the text; -1 when typed in a structured field
    end: int = -1


@lru_cache(maxsize=1)
def _recognisers() -> dict[str, Recogniser]:
    return {kind: RECOGNISERS[name]() for kind, name in KINDS.items()}


def normalise(kind: str, value: str) -> str:
    """One spelling per identifier, so that "06-12345678" and "+31 6 1234 5678" link."""
    value = value.strip()
    if kind == "phone":
        try:
            number = phonenumbers.parse(value, "NL")
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            return re.sub(r"\D", "", value)
    if kind == "plate":
        return re.sub(r"[^0-9A-Z]", "", value.upper())
    if kind == "handle":
        return value.lstrip("@").lower()
    if kind == "link":
        parts = urlsplit(value if "://" in value else f"https://{value}")
        host = (parts.hostname or "").removeprefix("www.")
        return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")
    return " ".join(value.lower().split())


def find_identifiers(text: str) -> list[Identifier]:
    """Each identifier the recognisers find in the text, once per kind and value, in order."""
    found: dict[tuple[str, str], Identifier] = {}
    for kind, recogniser in _recognisers().items():
        for f in recogniser.find(text):
            value = normalise(kind, text[f.start : f.end])
            if value:
                found.setdefault((kind, value), Identifier(kind, value, f.start, f.end))
    return sorted(found.values(), key=lambda i: (i.start, i.kind))
