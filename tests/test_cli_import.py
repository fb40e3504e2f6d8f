"""The `inbeeld import conversations` command, run as a user runs it (a subprocess)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(args, cwd, **env):
    return subprocess.run(
        [sys.executable, "-m", "inbeeld.cli", *args],
        cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}, timeout=300,
    )


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path


def write(path: Path, *items):
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def conversation(cid, role="chatter"):
    return {"id": cid, "started_at": "2021-03-14T21:05:00+01:00",
            "messages": [{"role": role, "text": "hoi"}]}


def test_a_rejected_file_exits_1_and_names_line_and_field(store):
    write(store / "bad.jsonl", conversation("c-1"), conversation("c-2", role="bot"))
    result = run(["import", "conversations", "bad.jsonl", "--no-deid"], store)
    assert result.returncode == 1
    assert "line 2" in result.stderr and "messages[0].role" in result.stderr
    assert "nothing stored" in result.stderr
    assert (store / "inbeeld.db").exists()  # the default store is an SQLite file in the folder


def test_the_summary_counts_imported_then_skipped(store):
    write(store / "a.jsonl", conversation("c-1"), conversation("c-2"))
    first = run(["import", "conversations", "a.jsonl", "--no-deid"], store)
    second = run(["import", "conversations", "a.jsonl", "--no-deid"], store)
    assert first.returncode == 0 and second.returncode == 0
    assert "a.jsonl: 2 imported, 0 skipped (already stored), 0 conflicts, 0 rejected" in first.stderr
    assert "a.jsonl: 0 imported, 2 skipped (already stored), 0 conflicts, 0 rejected" in second.stderr


def test_keep_raw_without_a_key_refuses_to_start(store):
    write(store / "a.jsonl", conversation("c-1"))
    result = run(["import", "conversations", "a.jsonl", "--keep-raw", "--no-deid"], store,
                 INBEELD_RAW_KEY="")
    assert result.returncode == 1 and "INBEELD_RAW_KEY" in result.stderr
    assert not (store / "inbeeld.db").exists()  # refused before touching the store


def test_a_missing_file_is_named(store):
    result = run(["import", "conversations", "nowhere.jsonl", "--no-deid"], store)
    assert result.returncode == 1 and "nowhere.jsonl: no such file" in result.stderr
