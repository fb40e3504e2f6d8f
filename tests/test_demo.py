"""`inbeeld demo` end to end in a temporary folder, as a user runs it."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inbeeld.corpus import parse_markup, read_conversations

N = 40


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "inbeeld.cli", "demo", "-n", str(N), "--seed", "7", "-o", "out",
         "--workers", "2"],
        cwd=folder, capture_output=True, text=True, env=env, timeout=900,
    )
    return folder, result


def test_demo_succeeds_and_prints_its_output_folder(demo):
    folder, result = demo
    assert result.returncode == 0, result.stderr[-3000:]
    assert str((folder / "out").resolve()) in result.stderr.replace("\n", "")


def test_demo_ends_in_a_report_in_every_format(demo):
    folder, _ = demo
    report = folder / "out" / "report"
    suffixes = {p.suffix for p in report.iterdir()}
    assert {".html", ".pdf", ".xlsx", ".sav", ".csv"} <= suffixes
    assert any(p.stat().st_size > 10_000 for p in report.glob("*.pdf"))


def test_demo_stores_only_de_identified_text_in_the_default_sqlite_store(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "inbeeld.db")
    rows = db.execute("select deidentified, raw_encrypted from store_conversation").fetchall()
    assert len(rows) == N and all(d == 1 and raw is None for d, raw in rows)
    stored = "\n".join(t for (t,) in db.execute("select text from store_message"))
    marked = [
        raw[s.start:s.end]
        for c in read_conversations(folder / "out" / "synthetic-gold-markup.jsonl")
        for m in c.messages
        for raw, spans in [parse_markup(m.text)]
        for s in spans
        if s.type in ("PHONE", "EMAIL", "IBAN", "ID_NUMBER", "POSTCODE")
    ]
    assert marked, "the synthetic corpus should hold structured identifiers"
    leaked = [x for x in marked if x in stored]
    assert len(leaked) <= 0.02 * len(marked)


def test_demo_stores_automatic_suggestions_with_the_codebook_version(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "inbeeld.db")
    automatic, versions, conversations = db.execute(
        "select min(automatic), count(distinct codebook_version), count(distinct conversation_id) "
        "from store_coding"
    ).fetchone()
    assert automatic == 1 and versions == 1 and conversations == N


def test_demo_evaluation_covers_every_codebook_variable(demo):
    from inbeeld.codebook import load_codebook

    folder, _ = demo
    evaluation = json.loads((folder / "out" / "coding-evaluation.json").read_text())
    assert set(evaluation["variables"]) == set(load_codebook().names)
    assert evaluation["units"] == N


def test_importing_the_demo_corpus_again_changes_nothing(demo):
    folder, _ = demo
    result = subprocess.run(
        [sys.executable, "-m", "inbeeld.cli", "import", "conversations", "out/synthetic-raw.jsonl"],
        cwd=folder, capture_output=True, text=True, timeout=600,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"0 imported, {N} skipped" in result.stderr
    db = sqlite3.connect(Path(folder) / "inbeeld.db")
    assert db.execute("select count(*) from store_conversation").fetchone() == (N,)
