"""Parts of the report: number notation, ratios, the reliability table, section checks."""

from __future__ import annotations

import pytest

from inbeeld.codebook import load_codebook
from inbeeld.monitor import MonitorRecord, build_monitor
from inbeeld.report import ReportFigure, ReportSection
from inbeeld.report.numbers import number, percent
from inbeeld.report.standard import ratio_text, reliability_table, report_table

CODEBOOK = load_codebook()


@pytest.mark.parametrize("value, lang, expected", [
    (1234.5, "nl", "1.234,5"), (1234.5, "en", "1,234.5"), (0.05, "nl", "0,1"),
])
def test_numbers_follow_the_language(value, lang, expected):
    assert number(value, lang) == expected


def test_percent_in_dutch_has_a_decimal_comma():
    assert percent(0.345, "nl") == "34,5%"


@pytest.mark.parametrize("ratio, expected", [(0.2, "0,20"), (0.0125, "0,013"), (0.004, "0,0040")])
def test_small_ratios_keep_two_significant_digits(ratio, expected):
    assert ratio_text(ratio, "nl") == expected


def test_coding_evaluation_becomes_a_table_per_variable():
    evaluation = {
        "coder": "rules", "units": 30, "method": "alpha nominal",
        "variables": {
            "minor": {"accuracy": 0.9, "alpha": 0.78, "alpha_ci95": [0.6, 0.9]},
            "perpetrator": {"accuracy": 0.7, "alpha": None, "alpha_ci95": [None, None]},
        },
    }
    monitor = build_monitor([], CODEBOOK, 2020, 2020)

    table = reliability_table(evaluation, "nl", "eval.json", monitor)

    assert table.rows[0] == ("Minderjarig", "90,0%", "0,78", "0,60–0,90")
    assert table.rows[1][2] == "–"
    assert "units: 30" in table.notes


def test_other_reliability_json_lists_its_numbers():
    table = reliability_table({"alpha": {"minor": 0.81}, "n": 12, "ok": True}, "en", "x.json")

    assert table.rows == (("alpha · minor", "0.810"), ("n", "12"))


def test_a_hidden_secondary_cell_shows_x_not_a_small_count():
    records = [MonitorRecord(f"t-{i}", 2020, CODEBOOK.validate({"minor": "yes"})) for i in range(40)]
    records += [MonitorRecord("t-99", 2020, CODEBOOK.validate({"minor": "no"}))]
    monitor = build_monitor(records, CODEBOOK, 2020, 2020)
    table = monitor.table("minor_by_year")

    shown = report_table(table, "nl", 10)

    cells = {row[0]: row[1] for row in shown.rows}
    assert cells["nee"] == "<10"
    assert cells["ja"] == "x"  # 40 is hidden to protect the 1, and must not read as small


def test_section_needs_a_title_and_tuples():
    with pytest.raises(ValueError, match="title"):
        ReportSection(title=" ")
    with pytest.raises(TypeError, match="paragraphs"):
        ReportSection(title="Strafzaken", paragraphs=["lijst"])  # type: ignore[arg-type]


def test_figure_must_be_png():
    with pytest.raises(ValueError, match="PNG"):
        ReportFigure("grafiek", b"<svg/>", "alt")


def test_typed_values_cannot_become_spreadsheet_formulas(tmp_path):
    from openpyxl import load_workbook

    from inbeeld.report.exports import write_csv, write_xlsx

    formula = '=HYPERLINK("http://example.invalid","klik")'
    records = [
        MonitorRecord(f"t-{i}", 2020, CODEBOOK.validate({"platforms": [formula]})) for i in range(12)
    ]
    monitor = build_monitor(records, CODEBOOK, 2020, 2020)

    book = load_workbook(write_xlsx(monitor, tmp_path / "t.xlsx", "nl"))
    csv_text = write_csv(monitor, tmp_path / "t.csv", "nl").read_text(encoding="utf-8")

    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(c.value == "'" + formula for c in cells)
    assert ",'=HYPERLINK" in csv_text or "\"'=HYPERLINK" in csv_text
