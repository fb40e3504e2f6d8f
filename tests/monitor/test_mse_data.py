"""Reading capture data: pattern tables, case records, filters, merging, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbeeld.monitor.mse import (
    CaptureTable,
    MSEError,
    MSEInputError,
    capture_table,
    merge_lists,
    read_capture_table,
)

NED = Path("/work/shared/data/mse/ned.csv")


def _write(tmp_path: Path, text: str, name: str = "captures.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not NED.exists(), reason="shared reference data not present")
def test_reference_table_reads_six_lists_and_all_victims():
    table = read_capture_table(NED)

    assert table.lists == ("I", "K", "O", "P", "R", "Z")
    assert table.observed == 8234  # the README: 8,234 victims


def test_pattern_rows_with_the_same_pattern_are_added_up(tmp_path):
    path = _write(tmp_path, "A,B,count\n1,0,5\n0,1,7\n1,0,3\n1,1,2\n")

    table = read_capture_table(path)

    assert table.counts == (8, 7, 2)  # codes 1 (A), 2 (B), 3 (A and B)


def test_case_records_are_aggregated_and_covariates_ignored(tmp_path):
    path = _write(tmp_path, "id,year,A,B,C\nx1,2014,1,0,0\nx2,2014,1,1,0\nx3,2015,0,0,1\nx4,2014,1,0,0\n")

    table = read_capture_table(path, lists=["A", "B", "C"])

    assert table.lists == ("A", "B", "C")
    assert table.observed == 4
    assert table.list_totals() == {"A": 3, "B": 1, "C": 1}


def test_case_records_without_named_lists_take_the_zero_one_columns(tmp_path):
    path = _write(tmp_path, "id,year,A,B\nx1,2014,1,0\nx2,2015,1,1\n")

    table = read_capture_table(path)

    assert table.lists == ("A", "B")


def test_where_keeps_only_matching_rows(tmp_path):
    path = _write(tmp_path, "year,A,B\n2014,1,0\n2014,1,1\n2015,0,1\n")

    table = read_capture_table(path, lists=["A", "B"], where={"year": "2014"})

    assert table.observed == 2
    assert table.overlap(0, 1) == 1


@pytest.mark.parametrize(
    "text, row, column",
    [
        ("A,B,count\n1,0,5\n1,2,3\n", 3, "B"),  # membership not 0/1
        ("A,B,count\n1,0,5\n0,1,many\n", 3, "count"),  # count not a number
        ("A,B,count\n1,0,-1\n", 2, "count"),  # negative count
    ],
)
def test_bad_values_name_file_row_and_column(tmp_path, text, row, column):
    path = _write(tmp_path, text)

    with pytest.raises(MSEInputError) as err:
        read_capture_table(path)

    assert err.value.line == row
    assert err.value.field == column
    assert str(path) in str(err.value)
    assert f"row {row}" in str(err.value)


def test_a_case_on_no_list_is_refused_with_its_row(tmp_path):
    path = _write(tmp_path, "A,B,count\n1,0,5\n0,0,4\n")

    with pytest.raises(MSEInputError, match="row 3"):
        read_capture_table(path)


def test_a_row_with_too_few_values_names_its_row(tmp_path):
    path = _write(tmp_path, "A,B,count\n1,0,5\n1,0\n")

    with pytest.raises(MSEInputError, match="row 3"):
        read_capture_table(path)


def test_a_missing_list_column_is_named(tmp_path):
    path = _write(tmp_path, "A,B,count\n1,0,5\n")

    with pytest.raises(MSEInputError) as err:
        read_capture_table(path, lists=["A", "Q"])

    assert err.value.field == "Q"


def test_one_list_is_not_enough(tmp_path):
    path = _write(tmp_path, "A,count\n1,5\n")

    with pytest.raises(MSEInputError, match="two list columns"):
        read_capture_table(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(MSEInputError, match="not found"):
        read_capture_table(tmp_path / "nowhere.csv")


def test_merged_list_holds_every_case_of_either_list():
    table = capture_table(
        ["A", "B", "C"], [((1, 0, 0), 10), ((0, 1, 0), 20), ((1, 1, 0), 3), ((0, 0, 1), 40), ((1, 0, 1), 2)]
    )

    merged = merge_lists(table, ["A", "B"])

    assert merged.lists == ("A+B", "C")
    assert merged.list_totals() == {"A+B": 35, "C": 42}
    assert merged.overlap(0, 1) == 2


def test_merging_an_unknown_list_names_the_valid_ones():
    table = capture_table(["A", "B", "C"], [((1, 0, 0), 1)])

    with pytest.raises(MSEError, match="lists are A, B, C"):
        merge_lists(table, ["A", "X"])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=15, max_size=15), st.sampled_from([(0, 1), (1, 3), (0, 2, 3)]))
def test_merging_keeps_every_case_and_the_union_of_the_lists(counts, which):
    table = CaptureTable(("A", "B", "C", "D"), tuple(counts))
    names = [table.lists[i] for i in which]

    merged = merge_lists(table, names)

    assert merged.observed == table.observed
    pat = table.patterns()
    union = sum(c for row, c in zip(pat, counts, strict=True) if row[list(which)].any())
    assert merged.list_totals()["+".join(names)] == union
