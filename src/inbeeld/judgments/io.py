"""Reading and writing extracted facts as JSON Lines, and running extraction over files."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from inbeeld.corpus.jsonl import read_jsonl_objects
from inbeeld.errors import InputFormatError
from inbeeld.judgments.errors import DocumentReadError
from inbeeld.judgments.evaluation import EvaluationReport, evaluate, load_gold
from inbeeld.judgments.extract import extract
from inbeeld.judgments.model import JudgmentFacts
from inbeeld.judgments.readers import read_document


def extract_file(path: Path | str) -> list[JudgmentFacts]:
    """Read one file and return the facts per defendant (raises DocumentReadError if unreadable)."""
    return extract(read_document(path))


def write_facts(path: Path | str, facts: Iterable[JudgmentFacts]) -> int:
    """Write one JSON object per line; return how many were written."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for item in facts:
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_facts(path: Path | str) -> Iterator[JudgmentFacts]:
    """Read facts written by `write_facts` or `import_cases`; bad lines name file, line and field."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputFormatError(path, None, None, f"cannot read file ({exc.strerror or exc})") from exc
    with handle:
        for number, obj in read_jsonl_objects(path, handle, InputFormatError):
            try:
                yield JudgmentFacts.from_dict(obj)
            except (TypeError, ValueError) as exc:
                raise InputFormatError(path, number, _field_of(exc), str(exc)) from exc


def _field_of(exc: Exception) -> str | None:
    message = str(exc)
    for name in ("role_of_defendant", "instance", "evidence", "victim_ages"):
        if name in message:
            return name
    return None


def run_evaluation(gold_path: Path | str, docs: Path | str) -> EvaluationReport:
    """Extract every document the gold file names (from folder `docs`) and score the result."""
    fmt, gold = load_gold(gold_path)
    predictions: dict[str, list[JudgmentFacts] | None] = {}
    for text in gold:
        try:
            predictions[text.source] = extract_file(Path(docs) / text.source)
        except DocumentReadError:
            predictions[text.source] = None
    return evaluate(fmt, gold, predictions)
