"""`inbeeld mse`: JSON output, Rich tables, and one-line errors naming file, row and column."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from inbeeld.cli import main

NED = Path("/work/shared/data/mse/ned.csv")


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["inbeeld", "mse", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def small_csv(tmp_path):
    path = tmp_path / "lists.csv"
    path.write_text("A,B,C,count\n1,0,0,300\n0,1,0,250\n0,0,1,200\n1,1,0,60\n1,0,1,45\n0,1,1,40\n1,1,1,9\n")
    return path


@pytest.mark.skipif(not NED.exists(), reason="shared reference data not present")
def test_json_main_effects_on_the_dutch_data(monkeypatch, capsys):
    code, out, _ = _run(monkeypatch, capsys, str(NED), "--method", "main", "--json")

    data = json.loads(out)
    assert code == 0
    assert data["observed"] == 8234
    assert round(data["population"]) == 52823
    assert data["population"] == pytest.approx(data["observed"] + data["dark"])
    assert data["interval"]["low"] < data["population"] < data["interval"]["high"]
    assert data["lists"] == ["I", "K", "O", "P", "R", "Z"]
    assert data["terms"] == []


def test_terms_imply_the_fixed_model(monkeypatch, capsys, small_csv):
    code, out, _ = _run(monkeypatch, capsys, str(small_csv), "--terms", "B:A", "--json")

    data = json.loads(out)
    assert code == 0
    assert data["method"] == "fixed"
    assert data["terms"] == ["A:B"]


def test_merge_reduces_the_lists(monkeypatch, capsys, small_csv):
    _, out, _ = _run(monkeypatch, capsys, str(small_csv), "--merge", "A,B", "--method", "main", "--json")

    data = json.loads(out)
    assert data["lists"] == ["A+B", "C"]
    assert data["observed"] == 904


def test_bootstrap_is_seeded(monkeypatch, capsys, small_csv):
    runs = [
        json.loads(_run(monkeypatch, capsys, str(small_csv), "--bootstrap", "30", "--seed", "4", "--json")[1])
        for _ in range(2)
    ]

    assert runs[0]["bootstrap_interval"] == runs[1]["bootstrap_interval"]
    assert runs[0]["bootstrap_replicates"] + runs[0]["bootstrap_failed"] == 30


def test_table_output_shows_the_estimate(monkeypatch, capsys, small_csv):
    code, out, _ = _run(monkeypatch, capsys, str(small_csv))

    assert code == 0
    assert "population" in out and "observed" in out


def test_bad_row_is_one_line_naming_file_row_and_column(monkeypatch, capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("A,B,count\n1,0,5\n0,1,x\n")

    code, out, err = _run(monkeypatch, capsys, str(path))

    assert code == 1
    assert out == ""
    assert str(path) in err and "row 3" in err and "'count'" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_term_list_is_an_error_listing_the_lists(monkeypatch, capsys, small_csv):
    code, _, err = _run(monkeypatch, capsys, str(small_csv), "--terms", "A:Q")

    assert code == 1
    assert "lists are A, B, C" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--method", "best"], "choose from main, stepwise, fixed"),
        (["--bootstrap", "5", "--bootstrap-kind", "jackknife"], "choose from multinomial, parametric"),
        (["--method", "main", "--terms", "A:B"], "--terms is for --method fixed"),
    ],
)
def test_bad_options_are_one_line_errors(monkeypatch, capsys, small_csv, args, message):
    code, _, err = _run(monkeypatch, capsys, str(small_csv), *args)

    assert code == 1
    assert message in err


def test_no_estimate_is_reported_with_exit_code_2(monkeypatch, capsys, tmp_path):
    path = tmp_path / "nested.csv"  # every case on B is on A: the A:B model has no estimate
    path.write_text("A,B,C,count\n1,0,0,50\n1,1,0,20\n0,0,1,30\n1,0,1,5\n")

    code, out, _ = _run(monkeypatch, capsys, str(path), "--terms", "A:B", "--json")

    assert code == 2
    assert json.loads(out)["exists"] is False
