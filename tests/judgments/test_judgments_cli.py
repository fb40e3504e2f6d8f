"""The `inbeeld judgments` commands: extract skips unreadable files, eval and stats print results."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.judgments.io import read_facts, write_facts
from inbeeld.judgments.model import JudgmentFacts, Sentence

runner = CliRunner()


def test_extract_skips_unreadable_documents_and_writes_the_rest(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("De man kreeg acht maanden cel.", encoding="utf-8")
    (docs / "b.xml").write_text("<kapot", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["judgments", "extract", str(docs), str(tmp_path / "missing.txt"),
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "b.xml" in result.output and "missing.txt" in result.output
    (facts,) = list(read_facts(out))
    assert facts.imposed.prison_days_unconditional == 240


def test_eval_json_reports_fields(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text("De man kreeg acht maanden cel.", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"source": "v.txt", "cases": [{"imposed": {
        "prison_days_unconditional": 240, "prison_days_conditional": None,
        "community_service_hours": None, "fine_eur": None}}]}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["judgments", "eval", str(gold), "--docs", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["fields"]["imposed"] == {"correct": 1, "total": 1, "accuracy": 1.0}


def test_stats_suppresses_small_counts(tmp_path: Path) -> None:
    facts = [JudgmentFacts(source=f"s{i}", decision_date="2020-01-01" if i < 12 else "2021-01-01",
                           role_of_defendant="client", imposed=Sentence(prison_days_unconditional=1,
                                                                        community_service_hours=100))
             for i in range(14)]
    path = tmp_path / "facts.jsonl"
    write_facts(path, facts)
    result = runner.invoke(app, ["judgments", "stats", str(path), "--threshold", "10", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    per_year = next(t for t in data["tables"] if t["name"] == "cases_per_year")
    published = [row[1] for row in per_year["rows"]]
    assert all(not isinstance(v, int) or v == 0 or v >= 10 for v in published)
    assert "x" in published  # 2 cases in 2021 are hidden, and so is 2020 (it would give 2021 away)


def test_stats_reads_a_case_file_table_directly(tmp_path: Path) -> None:
    table = tmp_path / "zaken.csv"
    table.write_text("case_id;year\nZ1;2019\n", encoding="utf-8")
    result = runner.invoke(app, ["judgments", "stats", str(table), "--threshold", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cases"] == 1
