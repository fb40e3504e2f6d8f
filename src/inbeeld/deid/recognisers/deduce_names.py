"""deduce's lookups for names, places, streets and institutions, as one recogniser.

deduce reads formal Dutch well (capitalised names, places, streets, care institutions). Its own
patterns for phone numbers, e-mail, URLs, dates, ages and ID numbers are switched off: the
validated recognisers of this package replace them, and ages are what research codes.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inbeeld.deid.lexicons import common_words, fold, placenames, zipf_frequency
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser, join

_log = logging.getLogger(__name__)

# deduce processors that this package replaces or that do not apply to chat
DISABLED = frozenset(
    {
        "patient_name",
        "remove_street_tags",
        "clean_street_tags",
        "postal_code",
        "postbus",
        "dates",
        "ages",
        "identifiers",
        "phone_numbers",
        "email_addresses",
        "urls",
        "post_processing",
        "eponymous_disease",
        # initials ("J. de Vries") belong to formal records, not chat; they cost a third of deduce's time
        "prefix_with_initial",
        "initial_with_name",
        "initial_interfix",
        # a regex per token; the street and proper-noun recognisers of this package cover it
        "street_pattern",
    }
)
_lock = threading.Lock()
_instances: dict[str, Any] = {}


def cache_dir() -> Path:
    """Where deduce's built lookup structures are cached: $INBEELD_CACHE_DIR or ~/.cache/inbeeld."""
    root = os.environ.get("INBEELD_CACHE_DIR") or Path.home() / ".cache" / "inbeeld"
    return Path(root) / "deduce"


def shared_deduce(cache_path: Path | None = None) -> Any:
    """One deduce model per process (building costs ~75 s once, loading ~6.5 s and ~1 GB)."""
    path = Path(cache_path) if cache_path else cache_dir()
    with _lock:
        if str(path) not in _instances:
            path.mkdir(parents=True, exist_ok=True)
            _instances[str(path)] = _load_deduce(path)
        return _instances[str(path)]


def _load_deduce(path: Path) -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import deduce  # its import calls logging.basicConfig(stdout, DEBUG): undo that below

    root.handlers[:] = handlers
    root.setLevel(level)
    _log.info("loading deduce lookup structures from %s", path)
    return deduce.Deduce(cache_path=path)


def _type_of(tag: str, text: str) -> str | None:
    tag = tag.lower()
    if "straat" in tag or (tag == "locatie" and any(c.isdigit() for c in text)):
        return "ADDRESS"
    if tag in ("locatie", "woonplaats"):
        return "PLACE"
    if tag in ("ziekenhuis", "zorginstelling", "instelling"):
        return "INSTITUTION"
    if tag.startswith(("persoon", "patient")) or "naam" in tag:
        return "PERSON"
    return None


class DeduceRecogniser(Recogniser):
    name = "deduce"

    def __init__(self, cache_path: str | None = None) -> None:
        self.cache_path = Path(cache_path) if cache_path else None

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        model = shared_deduce(self.cache_path)
        # one document per conversation: deduce's per-document cost dominates on short lines.
        # Its name lists match capitalised words only, so a message without a capital is left
        # out (most chat lines): the recognisers of this package read those
        texts = [t if _has_capital(t) and _capital_worth_reading(t) else "" for t in texts]
        joined, starts = join(texts)
        doc = model.deidentify(joined, disabled=set(DISABLED))
        out: list[list[Finding]] = [[] for _ in texts]
        for ann in doc.annotations:
            kind = _type_of(ann.tag, ann.text)
            if kind is None:
                continue
            index = bisect_right(starts, ann.start_char) - 1
            start = ann.start_char - starts[index]
            end = min(ann.end_char - starts[index], len(texts[index]))
            if start < end:
                kind = _plausible(texts[index], start, end, kind)
                if kind is not None:
                    out[index].append(Finding(start, end, kind, self.name))
        return out


def _has_capital(text: str) -> bool:
    return not text.islower() and any(c.isupper() for c in text)


_CAPITAL_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_a-z][^\W\d_]*")


def _capital_worth_reading(text: str) -> bool:
    """A capital that could start a name: inside a sentence, or at its start on a word that is
    not a common one. "Dat klinkt naar. Hoe lang al?" holds none (most counsellor lines)."""
    for m in _CAPITAL_WORD.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        key = fold(word)
        k = m.start() - 1
        while k >= 0 and m.start() - k <= 3 and text[k] in " \t":
            k -= 1
        sentence_start = k < 0 or text[k] in '.!?:;\n"“”\'('
        if not sentence_start or key not in common_words():
            return True
    return False


_STREET_SUFFIX = re.compile(
    r"(?i)(?:straat|weg|laan|plein|gracht|kade|dijk|singel|steeg|pad|dreef|markt|baan|hof|wal|"
    r"plantsoen|boulevard|allee|erf|park)(?:\s*\d{1,4}\s?[a-zA-Z]?)?$"
)


def _plausible(text: str, start: int, end: int, kind: str) -> str | None:
    """Drop lookups that hit ordinary words in chat ("eerst", "de wijk", "Daarnaast")."""
    surface = text[start:end]
    key = fold(surface)
    sentence_start = start == 0 or text[:start].rstrip()[-1:] in (".", "!", "?", ":", "\n", "")
    ordinary = key in common_words() or (zipf_frequency(key, "nl") >= 4.0 and key not in placenames())
    ordinary = ordinary or (sentence_start and zipf_frequency(key, "en") >= 5.0)  # "Does she ..."
    if (surface.islower() or sentence_start) and ordinary:
        return None
    if (
        surface.islower()
        and " " in surface
        and all(fold(w) in common_words() or zipf_frequency(fold(w), "nl") >= 4.0 for w in surface.split())
    ):
        return None  # "in de wijk": a village of that name exists, but not here
    if kind == "ADDRESS" and not any(c.isdigit() for c in surface) and not _STREET_SUFFIX.search(surface):
        # a single-word street that is no -straat or -weg: a place of that name, or nothing
        return "PLACE" if key in placenames() else None
    return kind
