"""Case-file import: documented columns, errors naming file/row/column, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.judgments.casefiles import COLUMNS, import_cases
from inbeeld.judgments.errors import CaseFileError

HEADER = ("case_id;year;role_of_defendant;defendant_age;victim_ages;victim_genders;contact_channel;"
          "demanded_prison_days_unconditional;imposed_prison_days_unconditional;"
          "imposed_community_service_hours;acquitted")


def _csv(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "zaken.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_rows_become_facts(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Z1;2019;client;45;15;female;sex advertisement website;6 maanden;1;240;nee",
                "Z2;2020;;38;16, 17;female;;;90;;nee")
    first, second = import_cases(path)
    assert first.source == "zaken.csv#Z1"
    assert (first.year, first.defendant_age, first.victim_ages) == (2019, 45, (15,))
    assert first.demanded.prison_days_unconditional == 180  # "6 maanden" read as a duration
    assert (first.imposed.prison_days_unconditional, first.imposed.community_service_hours) == (1, 240)
    assert second.role_of_defendant == "client"  # the default: one row per convicted client
    assert second.victim_ages == (16, 17)


@pytest.mark.parametrize("row, row_number, column", [
    ("Z1;twee;client;45;15;female;;;1;240;nee", 2, "year"),
    ("Z1;2019;klant;45;15;female;;;1;240;nee", 2, "role_of_defendant"),
    ("Z1;2019;client;45;15 of 16;female;;;1;240;nee", 2, "victim_ages"),
    ("Z1;2019;client;45;15;female;;zes;1;240;nee", 2, "demanded_prison_days_unconditional"),
    ("Z1;2019;client;45;15;female;;;1;240;misschien", 2, "acquitted"),
    ("Z1;2019;client;45;15;female;;;1;240;ja", 2, "acquitted"),  # acquitted but a sentence given
    (";2019;client;45;15;female;;;1;240;nee", 2, "case_id"),
    ("Z1;;client;45;15;female;;;1;240;nee", 2, "year"),
])
def test_bad_cells_name_file_row_and_column(tmp_path: Path, row: str, row_number: int, column: str) -> None:
    path = _csv(tmp_path, "Z0;2018;client;40;16;female;;;1;100;nee", row)
    with pytest.raises(CaseFileError) as info:
        import_cases(path)
    assert info.value.line == row_number + 1  # the good row first, so the bad one is row 3
    assert info.value.field == column
    assert "zaken.csv" in str(info.value) and "row 3" in str(info.value) and column in str(info.value)


def test_duplicate_case_id_is_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Z1;2019;;;;;;;1;;", "Z1;2020;;;;;;;1;;")
    with pytest.raises(CaseFileError, match="earlier row") as info:
        import_cases(path)
    assert info.value.line == 3


def test_unknown_column_names_the_valid_ones(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Z1;2019;Jan", header="case_id;year;naam_verdachte")
    with pytest.raises(CaseFileError, match="unknown column") as info:
        import_cases(path)
    assert info.value.field == "naam_verdachte" and info.value.line == 1
    assert "case_id" in str(info.value)


def test_missing_required_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, "2019", header="year")
    with pytest.raises(CaseFileError, match="required") as info:
        import_cases(path)
    assert info.value.field == "case_id"


def test_xlsx_is_read_with_spreadsheet_row_numbers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["case_id", "decision_date", "imposed_prison_days_unconditional", "victim_ages"])
    ws.append(["A", "2021-05-01", 1, "15"])
    ws.append(["B", "2021-06-01", -3, "16"])
    path = tmp_path / "zaken.xlsx"
    wb.save(path)
    with pytest.raises(CaseFileError) as info:
        import_cases(path)
    assert (info.value.line, info.value.field) == (3, "imposed_prison_days_unconditional")


def test_cli_import_is_all_or_nothing(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Z1;2019;client;45;15;female;;;1;240;nee",
                "Z2;2019;client;45;15;female;;;x;240;nee")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["judgments", "import-cases", str(path), "-o", str(out)])
    assert result.exit_code != 0
    assert not out.exists()
    assert not (tmp_path / "out.jsonl.part").exists()


def test_cli_import_writes_every_row(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Z1;2019;client;45;15;female;;;1;240;nee",
                "Z2;2019;client;45;15;female;;;2;240;nee")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["judgments", "import-cases", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_every_column_has_help_for_the_docs() -> None:
    assert all(c.help for c in COLUMNS)
    assert len({c.name for c in COLUMNS}) == len(COLUMNS)
