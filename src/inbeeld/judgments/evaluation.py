"""Per-field accuracy of the extractor against hand-made gold facts.

Two gold formats are read: one object per judgment with `ecli` (the document is the file named
after the ECLI with ':' -> '_' and '.txt'), and one object per text with `source` and a list of
`cases` (one per defendant). Gold cases are matched to extracted objects per text by the
assignment that agrees on most sentence fields; a gold case left without a match counts as wrong
on every field.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inbeeld.corpus.jsonl import read_jsonl_objects
from inbeeld.judgments.errors import GoldFormatError
from inbeeld.judgments.model import SENTENCE_FIELDS, JudgmentFacts

SENTENCE_KEYS = ("demanded", "imposed", "lower_court_imposed")
_TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class GoldText:
    """The gold facts for one document: its file name and one dict per defendant."""

    source: str
    cases: tuple[Mapping[str, Any], ...]


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(slots=True)
class EvaluationReport:
    """Counts per field; `*_stated` fields only count cases whose gold states that sentence."""

    gold_format: str
    texts: int = 0
    gold_cases: int = 0
    predicted_cases: int = 0
    unmatched_gold: int = 0
    spurious_predicted: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    texts_stated: dict[str, FieldScore] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def score(self, name: str) -> FieldScore:
        return self.fields.setdefault(name, FieldScore())

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_format": self.gold_format,
            "texts": self.texts,
            "gold_cases": self.gold_cases,
            "predicted_cases": self.predicted_cases,
            "unmatched_gold_cases": self.unmatched_gold,
            "spurious_predicted_cases": self.spurious_predicted,
            "fields": {k: {"correct": v.correct, "total": v.total, "accuracy": v.accuracy}
                       for k, v in sorted(self.fields.items())},
            "texts_that_state_it": {k: {"correct": v.correct, "total": v.total, "accuracy": v.accuracy}
                                    for k, v in sorted(self.texts_stated.items())},
            "unreadable": list(self.unreadable),
        }


def load_gold(path: Path | str) -> tuple[str, list[GoldText]]:
    """Return ("judgments" or "verdicts", the gold texts) from a gold JSONL file."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    except OSError as exc:
        raise GoldFormatError(path, None, None, f"cannot read file ({exc.strerror or exc})") from exc
    texts: list[GoldText] = []
    fmt: str | None = None
    for number, obj in read_jsonl_objects(path, lines, GoldFormatError):
        this = "verdicts" if "cases" in obj else "judgments"
        if fmt is not None and this != fmt:
            raise GoldFormatError(path, number, "cases", "lines mix the two gold formats")
        fmt = this
        if this == "verdicts":
            if not isinstance(obj.get("source"), str):
                raise GoldFormatError(path, number, "source", "missing or not a file name")
            if not isinstance(obj["cases"], list):
                raise GoldFormatError(path, number, "cases", "must be a list of objects")
            cases = tuple(_normalise_case(c) for c in obj["cases"])
            texts.append(GoldText(obj["source"], cases))
        else:
            ecli = obj.get("ecli")
            if not isinstance(ecli, str) or not ecli.startswith("ECLI:"):
                raise GoldFormatError(path, number, "ecli", "missing or not an ECLI")
            texts.append(GoldText(ecli.replace(":", "_") + ".txt", (_normalise_case(obj),)))
    if fmt is None:
        raise GoldFormatError(path, None, None, "no gold objects in file")
    return fmt, texts


def _normalise_case(case: Mapping[str, Any]) -> Mapping[str, Any]:
    out = dict(case)
    if "role" in out and "role_of_defendant" not in out:
        out["role_of_defendant"] = out.pop("role")
    return out


def evaluate(gold_format: str, gold: Iterable[GoldText],
             predictions: Mapping[str, list[JudgmentFacts] | None]) -> EvaluationReport:
    """Compare predictions (per source file; None = unreadable) with the gold texts."""
    report = EvaluationReport(gold_format)
    for text in gold:
        report.texts += 1
        report.gold_cases += len(text.cases)
        predicted = predictions.get(text.source)
        if predicted is None:
            report.unreadable.append(text.source)
            predicted = []
        report.predicted_cases += len(predicted)
        pairs = match_cases(text.cases, [p.to_dict() for p in predicted])
        report.unmatched_gold += sum(p is None for _, p in pairs)
        report.spurious_predicted += max(0, len(predicted) - sum(p is not None for _, p in pairs))
        text_ok: dict[str, bool] = {}
        for gold_case, pred in pairs:
            for name, compare in COMPARATORS.items():
                if name not in gold_case:
                    continue
                ok = pred is not None and compare(gold_case[name], pred.get(name))
                score = report.score(name)
                score.total += 1
                score.correct += ok
                if name in SENTENCE_KEYS and _states(gold_case[name]):
                    stated = report.score(f"{name}_stated")
                    stated.total += 1
                    stated.correct += ok
                    text_ok[name] = text_ok.get(name, True) and ok
            if "imposed" in gold_case and isinstance(gold_case["imposed"], Mapping) \
                    and "tbs" in gold_case["imposed"]:
                for key in ("demanded", "imposed"):
                    tbs = report.score(f"{key}_tbs")
                    tbs.total += 1
                    tbs.correct += pred is not None and bool((gold_case.get(key) or {}).get("tbs")) \
                        == bool((pred.get(key) or {}).get("tbs"))
        for name, ok in text_ok.items():
            score = report.texts_stated.setdefault(name, FieldScore())
            score.total += 1
            score.correct += ok
    return report


def _states(value: Any) -> bool:
    return isinstance(value, Mapping) and any(value.get(k) is not None for k in SENTENCE_FIELDS)


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= _TOLERANCE


def same_sentence(gold: Any, pred: Any) -> bool:
    """All four sentence fields agree (None = not stated); the spec's days, hours and euros."""
    if not _states(gold):
        return not _states(pred)
    if not isinstance(pred, Mapping):
        return False
    return all(_same_number(gold.get(k), pred.get(k)) for k in SENTENCE_FIELDS)


def _court_key(name: Any) -> str | None:
    if not name:
        return None
    key = re.sub(r"\s*\([^)]*\)", "", str(name)).strip().lower()
    return re.sub(r"^hof\b", "gerechtshof", key)


def _channel(gold: Any, pred: Any) -> bool:
    if gold is None:
        return pred is None
    alternatives = {g.strip().lower() for g in str(gold).split("/")}
    return pred is not None and str(pred).lower() in alternatives


def _set(gold: Any, pred: Any) -> bool:
    return {str(g).lower() for g in gold or []} == {str(p).lower() for p in pred or []}


COMPARATORS: dict[str, Callable[[Any, Any], bool]] = {
    "ecli": lambda g, p: g == p,
    "court": lambda g, p: _court_key(g) == _court_key(p),
    "decision_date": lambda g, p: g == p,
    "instance": lambda g, p: g == p,
    "articles": _set,
    "role_of_defendant": lambda g, p: g == p,
    "victim_ages": lambda g, p: list(g or []) == list(p or []),
    "victim_genders": _set,  # gold lists plural nouns once or per victim: compare as sets
    "defendant_age": lambda g, p: g == p,
    "defendant_birth_year": lambda g, p: g == p,
    "contact_channel": _channel,
    "channel_names": _set,
    "demanded": same_sentence,
    "imposed": same_sentence,
    "lower_court_imposed": same_sentence,
    "acquitted": lambda g, p: g == p,
}


def _agreement(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> int:
    score = sum(same_sentence(gold.get(k), pred.get(k)) * 3 for k in ("demanded", "imposed"))
    score += gold.get("defendant_age") is not None and gold.get("defendant_age") == pred.get("defendant_age")
    return score + (gold.get("role_of_defendant") == pred.get("role_of_defendant"))


def match_cases(gold: tuple[Mapping[str, Any], ...],
           pred: list[dict[str, Any]]) -> list[tuple[Mapping[str, Any], dict[str, Any] | None]]:
    """Pair each gold case with at most one prediction, maximising agreement."""
    if not gold:
        return []
    if len(gold) == 1 and len(pred) <= 1:
        return [(gold[0], pred[0] if pred else None)]
    best: list[tuple[Mapping[str, Any], dict[str, Any] | None]] = [(g, None) for g in gold]
    best_score = -1
    slots: list[dict[str, Any] | None] = [*pred, *([None] * len(gold))]
    if len(slots) > 9:  # too many to try every pairing: keep text order
        return [(g, pred[i] if i < len(pred) else None) for i, g in enumerate(gold)]
    for chosen in itertools.permutations(range(len(slots)), len(gold)):
        pairing = [(g, slots[i]) for g, i in zip(gold, chosen, strict=True)]
        score = sum(_agreement(g, p) for g, p in pairing if p is not None)
        if score > best_score:
            best, best_score = pairing, score
    return best
