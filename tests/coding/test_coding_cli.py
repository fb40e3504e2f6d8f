"""The coding commands run as a user runs them: code, eval code, agreement, train; bad input errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.codebook import load_codebook
from inbeeld.coding import RuleFileError, load_coder
from inbeeld.corpus import read_codes, write_conversations
from inbeeld.corpus.codes import coded_to_dict
from inbeeld.synth import generate


def run(args, cwd):
    """As a user runs it: a subprocess, so that errors go through cli.main() (one line, exit 1)."""
    return subprocess.run([sys.executable, "-m", "inbeeld.cli", *args], cwd=cwd, capture_output=True,
                          text=True, env=dict(os.environ), timeout=600)


def invoke(args, cwd, monkeypatch):
    """In-process (faster) for the commands that succeed."""
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, args)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    book = load_codebook()
    items = list(generate(24, 8))
    write_conversations(folder / "in.jsonl", (c for c, _ in items))
    with (folder / "gold.jsonl").open("w", encoding="utf-8") as stream:
        for _, coded in items:
            stream.write(json.dumps(coded_to_dict(coded, book), ensure_ascii=False) + "\n")
    return folder


def test_code_writes_codes_with_evidence_in_input_order_on_two_workers(corpus, monkeypatch):
    args = ["code", "in.jsonl", "-o", "out.jsonl", "--markup", "--workers", "2"]
    result = invoke(args, corpus, monkeypatch)
    assert result.exit_code == 0, result.output
    book = load_codebook()
    coded = list(read_codes(corpus / "out.jsonl", book))
    inputs = [json.loads(line)["id"] for line in (corpus / "in.jsonl").open()]
    assert [c.id for c in coded] == inputs
    assert all(c.codebook_version == book.version and c.confidence for c in coded)
    assert any(c.evidence for c in coded)


def test_review_order_puts_the_least_certain_first(corpus, monkeypatch):
    args = ["code", "in.jsonl", "-o", "review.jsonl", "--markup", "--review-order"]
    result = invoke(args, corpus, monkeypatch)
    assert result.exit_code == 0, result.output
    coded = list(read_codes(corpus / "review.jsonl", load_codebook()))
    doubt = [sum(1 - p for p in c.confidence.values()) / len(c.confidence) for c in coded]
    assert doubt == sorted(doubt, reverse=True)


def test_eval_code_reports_every_variable_as_json(corpus, monkeypatch):
    result = invoke(["eval", "code", "gold.jsonl", "--conversations", "in.jsonl", "--markup", "--json",
                  "--reps", "20"], corpus, monkeypatch)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["variables"]) == set(load_codebook().names)
    assert report["units"] == 24
    assert all(v["accuracy"] is not None for v in report["variables"].values())


def test_agreement_of_a_file_with_itself_is_perfect(corpus, monkeypatch):
    result = invoke(["agreement", "gold.jsonl", "gold.jsonl", "--json", "--reps", "20"], corpus, monkeypatch)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["units"] == 24
    for figures in report["variables"].values():
        assert figures["disagreements"] == []
        assert figures["alpha"] in (None, 1.0)


def test_agreement_without_shared_ids_is_a_one_line_error(corpus, tmp_path):
    (tmp_path / "other.jsonl").write_text(json.dumps({"id": "zzz", "codes": {}}) + "\n", encoding="utf-8")
    result = run(["agreement", str(corpus / "gold.jsonl"), "other.jsonl"], tmp_path)
    assert result.returncode == 1
    assert "share no conversation ids" in result.stderr and "Traceback" not in result.stderr


def test_train_then_code_with_the_model(corpus, monkeypatch):
    result = invoke(["train", "--conversations", "in.jsonl", "--codes", "gold.jsonl", "-o", "m.joblib",
                  "--markup"], corpus, monkeypatch)
    assert result.exit_code == 0, result.output
    args = ["code", "in.jsonl", "-o", "by-model.jsonl", "--markup", "--model", "m.joblib"]
    result = invoke(args, corpus, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "model:m.joblib" in result.output


def test_a_bad_model_path_is_a_one_line_error(corpus):
    result = run(["code", "in.jsonl", "-o", "x.jsonl", "--model", "missing.joblib"], corpus)
    assert result.returncode == 1
    assert "missing.joblib" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_rule_file_names_file_and_key(tmp_path):
    from inbeeld.coding.rulebook import default_rules_dir

    rules = tmp_path / "rules"
    rules.mkdir()
    for source in default_rules_dir().glob("*.yaml"):
        (rules / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    text = (rules / "police_report.yaml").read_text(encoding="utf-8")
    (rules / "police_report.yaml").write_text(text.replace('  "yes":\n', '  "maybe":\n', 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_coder(load_codebook(), rules_dir=rules)
    message = str(caught.value)
    assert "police_report.yaml" in message and "'maybe'" in message and "values" in message


def test_an_unknown_rule_kind_names_the_valid_ones(tmp_path):
    from inbeeld.coding.rulebook import default_rules_dir

    rules = tmp_path / "rules"
    rules.mkdir()
    for source in default_rules_dir().glob("*.yaml"):
        (rules / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    text = (rules / "minor.yaml").read_text(encoding="utf-8")
    (rules / "minor.yaml").write_text(text.replace("use: minor", "use: magic"), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"minor.yaml: key 'use': 'magic' not in \[lexicon, age"):
        load_coder(load_codebook(), rules_dir=rules)


def test_rules_path_object(tmp_path):
    assert isinstance(tmp_path, Path)
