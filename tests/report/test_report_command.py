"""`inbeeld report` from files: outputs written, bad input named by file, row and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.errors import ConfigError, InputFormatError


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    conversations = tmp_path / "c.jsonl"
    codes = tmp_path / "codes.jsonl"
    lines_c, lines_k = [], []
    for k in range(24):
        year = 2021 + k % 2
        lines_c.append(
            f'{{"id": "f-{k}", "started_at": "{year}-06-01T12:00:00+02:00", '
            '"messages": [{"role": "chatter", "text": "hoi"}]}'
        )
        minor = "yes" if k % 3 else "no"
        lines_k.append(f'{{"id": "f-{k}", "codes": {{"minor": "{minor}", "exploitation_type": ["sexual"]}}}}')
    conversations.write_text("\n".join(lines_c) + "\n", encoding="utf-8")
    codes.write_text("\n".join(lines_k) + "\n", encoding="utf-8")
    return conversations, codes


def test_report_from_files_writes_every_output(tmp_path: Path, files):
    conversations, codes = files
    out = tmp_path / "out"

    result = CliRunner().invoke(app, [
        "report", "--from", "2021", "--to", "2022", "-o", str(out), "--no-pdf", "--threshold", "5",
        "--conversations", str(conversations), "--codes", str(codes),
    ])

    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"monitor_2021_2022.html", "monitor_2021_2022_tabellen.csv", "monitor_2021_2022_tabellen.xlsx",
            "monitor_2021_2022_tabellen.sav", "disclosure_log.json"} <= names
    assert not any("INTERN" in n for n in names)  # the unprotected export only on request


def test_bad_registered_file_is_one_line_naming_file_row_and_field(tmp_path: Path, files):
    conversations, codes = files
    registered = tmp_path / "reg.csv"
    registered.write_text("year,group,count,source\n2021,g,veel,S\n", encoding="utf-8")

    result = CliRunner().invoke(app, [
        "report", "--from", "2021", "--to", "2022", "-o", str(tmp_path / "out"), "--no-pdf",
        "--conversations", str(conversations), "--codes", str(codes), "--registered", str(registered),
    ])

    assert isinstance(result.exception, InputFormatError)
    assert "reg.csv, row 2, field 'count'" in str(result.exception)


def test_codes_without_conversations_is_refused(tmp_path: Path, files):
    _, codes = files

    result = CliRunner().invoke(app, [
        "report", "--from", "2021", "--to", "2022", "-o", str(tmp_path / "out"), "--codes", str(codes),
    ])

    assert isinstance(result.exception, ConfigError)
    assert "--conversations" in str(result.exception)


def test_cli_prints_input_errors_as_one_line(tmp_path: Path, files):
    conversations, codes = files
    reliability = tmp_path / "eval.json"
    reliability.write_text("[1, 2]", encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "inbeeld.cli", "report", "--from", "2021", "--to", "2022", "-o",
         str(tmp_path / "out"), "--no-pdf", "--conversations", str(conversations), "--codes", str(codes),
         "--reliability", str(reliability)],
        capture_output=True, text=True, timeout=120,
    )

    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "eval.json" in done.stderr
