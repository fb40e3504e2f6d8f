"""Evaluation against both gold formats; case matching; gold-file errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbeeld.judgments.errors import GoldFormatError
from inbeeld.judgments.evaluation import evaluate, load_gold, same_sentence
from inbeeld.judgments.extract import extract
from inbeeld.judgments.model import Document
from inbeeld.judgments.readers import iter_paths, read_document

NULL = {"prison_days_unconditional": None, "prison_days_conditional": None,
        "community_service_hours": None, "fine_eur": None}


def _write(tmp_path: Path, objects: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(o) for o in objects) + "\n", encoding="utf-8")
    return path


def test_judgment_gold_names_files_after_the_ecli(tmp_path: Path) -> None:
    fmt, texts = load_gold(_write(tmp_path, [{"ecli": "ECLI:NL:HR:2099:1", "imposed": NULL}]))
    assert fmt == "judgments"
    assert texts[0].source == "ECLI_NL_HR_2099_1.txt"


def test_verdict_gold_cases_are_matched_whatever_their_order(tmp_path: Path) -> None:
    text = ("Het OM heeft celstraffen geëist tegen een 48-jarige vader en zijn 29-jarige zoon, van "
            "respectievelijk acht jaar en drie jaar.")
    gold = [{"source": "v.txt", "cases": [
        {"defendant_age": 29, "role": "trafficker", "demanded": {**NULL, "prison_days_unconditional": 1095},
         "imposed": NULL},
        {"defendant_age": 48, "role": "parent", "demanded": {**NULL, "prison_days_unconditional": 2920},
         "imposed": NULL},
    ]}]
    fmt, texts = load_gold(_write(tmp_path, gold))
    report = evaluate(fmt, texts, {"v.txt": extract(Document("v.txt", text))})
    assert report.fields["demanded"].correct == 2
    assert report.fields["defendant_age"].correct == 2
    assert report.unmatched_gold == 0


def test_a_missed_case_counts_as_wrong_on_every_field(tmp_path: Path) -> None:
    gold = [{"source": "v.txt", "cases": [{"demanded": NULL, "imposed": {**NULL, "fine_eur": 500}},
                                          {"demanded": NULL, "imposed": {**NULL, "fine_eur": 800}}]}]
    fmt, texts = load_gold(_write(tmp_path, gold))
    report = evaluate(fmt, texts, {"v.txt": extract(Document("v.txt", "Hij kreeg een boete van 500 euro."))})
    assert (report.fields["imposed"].correct, report.fields["imposed"].total) == (1, 2)
    assert (report.fields["demanded"].correct, report.fields["demanded"].total) == (1, 2)
    assert report.unmatched_gold == 1


def test_unreadable_document_is_reported_not_raised(tmp_path: Path) -> None:
    fmt, texts = load_gold(_write(tmp_path, [{"source": "gone.txt", "cases": [{"imposed": NULL}]}]))
    report = evaluate(fmt, texts, {"gone.txt": None})
    assert report.unreadable == ["gone.txt"]
    assert report.fields["imposed"].correct == 0


@pytest.mark.parametrize("gold, pred, same", [
    (NULL, None, True),
    ({**NULL, "prison_days_unconditional": 1642.5}, {**NULL, "prison_days_unconditional": 1642.5}, True),
    ({**NULL, "prison_days_unconditional": 90}, {**NULL, "prison_days_unconditional": 90,
                                                  "community_service_hours": 240}, False),
    ({**NULL, "prison_days_unconditional": 0}, NULL, False),  # unknown is null, never 0
])
def test_sentences_agree_only_on_all_four_fields(gold: dict, pred: dict | None, same: bool) -> None:
    assert same_sentence(gold, pred) == same


@pytest.mark.parametrize("content, line, field", [
    ("{not json}\n", 1, None),
    ('{"ecli": "ECLI:NL:HR:2099:1"}\n{"source": "v.txt", "cases": []}\n', 2, "cases"),
    ('{"ecli": 5}\n', 1, "ecli"),
    ('{"source": "v.txt", "cases": {}}\n', 1, "cases"),
])
def test_gold_errors_name_line_and_field(tmp_path: Path, content: str, line: int, field: str | None) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    assert (info.value.line, info.value.field) == (line, field)


def test_no_shared_document_crashes_the_extractor(shared_dir: Path) -> None:
    paths = list(iter_paths([shared_dir / "data" / "judgments", shared_dir / "data" / "verdicts"]))
    assert paths
    for path in paths:
        facts = extract(read_document(path))
        assert facts and all(f.source == path.name for f in facts)
