"""Importing case files that are not public: a table (CSV or XLSX), one row per convicted person.

The columns are documented in docs/judgments.md (`COLUMNS` below is the source). The import is
all or nothing: the first bad cell raises a CaseFileError naming file, row and column, and no
output is produced. Row numbers are spreadsheet rows: the header is row 1.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inbeeld.judgments.errors import CaseFileError
from inbeeld.judgments.model import INSTANCES, ROLES, JudgmentFacts, Sentence
from inbeeld.judgments.numbers import UNIT_PATTERN, as_days, token_to_number, unit_of


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # text | int | date | days | hours | euros | bool | list_text | list_int | choice
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("case_id", "text", True, "Unique id of the case in the case-file collection (no names)."),
    Column("year", "int", False, "Year of the decision; required when decision_date is empty."),
    Column("decision_date", "date", False, "Date of the decision, YYYY-MM-DD."),
    Column("court", "text", False, "Court, e.g. 'Rechtbank Limburg'."),
    Column("instance", "choice", False, "rechtbank, hof or hoge raad.", INSTANCES),
    Column("articles", "list_text", False, "Articles, ';'- or ','-separated: '248b Sr; 273f Sr'."),
    Column("role_of_defendant", "choice", False, "client (default), trafficker, parent or other.", ROLES),
    Column("defendant_age", "int", False, "Age of the convicted person at the time of the facts."),
    Column("victim_ages", "list_int", False, "Victims' ages at the time, ';'/',' separated: '15, 16'."),
    Column("victim_genders", "list_text", False, "Victims' genders, ';'/',' separated: 'female, male'."),
    Column("contact_channel", "text", False, "How contact arose, e.g. 'sex advertisement website'."),
    Column("channel_names", "list_text", False, "Named sites or apps, separated by ';' or ','."),
    Column("demanded_prison_days_unconditional", "days", False,
           "Demanded unconditional prison: days, or a duration such as '6 maanden'."),
    Column("demanded_prison_days_conditional", "days", False, "Demanded conditional prison (days)."),
    Column("demanded_community_service_hours", "hours", False, "Demanded taakstraf in hours."),
    Column("demanded_fine_eur", "euros", False, "Demanded fine in euros."),
    Column("demanded_tbs", "bool", False, "TBS demanded: yes/no."),
    Column("imposed_prison_days_unconditional", "days", False, "Imposed unconditional prison (days)."),
    Column("imposed_prison_days_conditional", "days", False, "Imposed conditional prison (days)."),
    Column("imposed_community_service_hours", "hours", False, "Imposed taakstraf in hours."),
    Column("imposed_fine_eur", "euros", False, "Imposed fine in euros."),
    Column("imposed_tbs", "bool", False, "TBS imposed: yes/no."),
    Column("acquitted", "bool", False, "yes when cleared of all charges (then no imposed sentence)."),
)
_BY_NAME = {c.name: c for c in COLUMNS}
_TRUE = {"yes", "ja", "true", "1", "j", "y", "waar"}
_FALSE = {"no", "nee", "false", "0", "n", "onwaar"}


def import_cases(path: Path | str) -> list[JudgmentFacts]:
    """Read every row of a case-file table; raise CaseFileError on the first bad cell."""
    path = Path(path)
    rows = _rows(path)
    try:
        header = next(rows)
    except StopIteration:
        raise CaseFileError(path, None, None, "table is empty (no header row)") from None
    names = [str(h or "").strip().lower() for h in header]
    for index, name in enumerate(names):
        if name and name not in _BY_NAME:
            raise CaseFileError(path, 1, name, f"unknown column; valid columns: {', '.join(_BY_NAME)}")
        if name and names.index(name) != index:
            raise CaseFileError(path, 1, name, "column appears twice")
    for column in COLUMNS:
        if column.required and column.name not in names:
            raise CaseFileError(path, 1, column.name, "required column is missing")
    out: list[JudgmentFacts] = []
    seen: set[str] = set()
    for row_number, raw in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in raw):
            continue  # blank line at the end of a sheet
        values = {name: raw[i] if i < len(raw) else None for i, name in enumerate(names) if name}
        record = {name: _parse(path, row_number, _BY_NAME[name], value) for name, value in values.items()}
        case_id = record.get("case_id")
        if not case_id:
            raise CaseFileError(path, row_number, "case_id", "is empty")
        if case_id in seen:
            raise CaseFileError(path, row_number, "case_id", "appears in an earlier row")
        seen.add(case_id)
        out.append(_facts(path, row_number, record))
    if not out:
        raise CaseFileError(path, None, None, "table has a header but no rows")
    return out


def _rows(path: Path) -> Iterator[list[Any]]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise CaseFileError(path, None, None, "file not found")
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises several types for a broken workbook
            raise CaseFileError(path, None, None, f"cannot open workbook ({type(exc).__name__})") from exc
        sheet = workbook.worksheets[0]
        return (list(r) for r in sheet.iter_rows(values_only=True))
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_text(encoding="cp1252")
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = "\t" if "\t" in first else ";" if first.count(";") > first.count(",") else ","
        return iter(list(csv.reader(text.splitlines(), delimiter=delimiter)))
    raise CaseFileError(path, None, None, "unsupported file type; use .csv or .xlsx")


def _parse(path: Path, row: int, column: Column, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return [] if column.kind.startswith("list") else None
    text = str(value).strip()

    def fail(problem: str) -> CaseFileError:
        return CaseFileError(path, row, column.name, problem)

    if column.kind == "text":
        return text
    if column.kind == "choice":
        if text.lower() not in column.choices:
            raise fail(f"must be one of {', '.join(column.choices)}")
        return text.lower()
    if column.kind == "int":
        number = _number(value)
        if number is None or not float(number).is_integer() or number < 0:
            raise fail("must be a whole number >= 0")
        return int(number)
    if column.kind == "date":
        if hasattr(value, "strftime"):
            return value.strftime("%Y-%m-%d")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise fail("must be a date YYYY-MM-DD")
        return text
    if column.kind == "bool":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise fail("must be yes or no")
    if column.kind in ("hours", "euros"):
        number = _number(value)
        if number is None or number < 0:
            raise fail("must be a number >= 0")
        return number
    if column.kind == "days":
        number = _number(value)
        if number is None:
            match = re.fullmatch(rf"(\S+)\s+({UNIT_PATTERN})", text, re.I)
            unit = unit_of(match.group(2)) if match else None
            amount = token_to_number(match.group(1)) if match else None
            if amount is None or unit is None or unit == "uur":
                raise fail("must be a number of days or a duration such as '6 maanden'")
            number = as_days(amount, unit)
        if number < 0:
            raise fail("must not be negative")
        return number
    if column.kind == "list_text":
        return [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
    if column.kind == "list_int":
        parts = [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
        ages = [_number(p) for p in parts]
        if any(a is None or not float(a).is_integer() or a < 0 for a in ages):
            raise fail("must be whole numbers separated by ';' or ','")
        return [int(a) for a in ages if a is not None]
    raise ValueError(f"unknown column kind {column.kind}")


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(" ", "")
    if re.fullmatch(r"-?\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    return None


def _facts(path: Path, row: int, record: dict[str, Any]) -> JudgmentFacts:
    if record.get("year") is None and record.get("decision_date") is None:
        raise CaseFileError(path, row, "year", "year or decision_date is needed")
    date = record.get("decision_date")
    if date and record.get("year") is not None and int(date[:4]) != record["year"]:
        raise CaseFileError(path, row, "year", "does not match decision_date")

    def sentence(prefix: str) -> Sentence:
        return Sentence(
            prison_days_unconditional=record.get(f"{prefix}_prison_days_unconditional"),
            prison_days_conditional=record.get(f"{prefix}_prison_days_conditional"),
            community_service_hours=record.get(f"{prefix}_community_service_hours"),
            fine_eur=record.get(f"{prefix}_fine_eur"),
            tbs=record.get(f"{prefix}_tbs") or None,
        )

    acquitted = record.get("acquitted")
    imposed = sentence("imposed")
    if acquitted and not imposed.is_empty:
        raise CaseFileError(path, row, "acquitted", "is yes but an imposed sentence is filled in")
    return JudgmentFacts(
        source=f"{path.name}#{record['case_id']}",
        court=record.get("court"),
        decision_date=date,
        year=record.get("year") if record.get("year") is not None else int(date[:4]),
        instance=record.get("instance"),
        articles=tuple(record.get("articles") or ()),
        role_of_defendant=record.get("role_of_defendant") or "client",
        victim_ages=tuple(record.get("victim_ages") or ()),
        victim_genders=tuple(record.get("victim_genders") or ()),
        defendant_age=record.get("defendant_age"),
        contact_channel=record.get("contact_channel"),
        channel_names=tuple(record.get("channel_names") or ()),
        demanded=sentence("demanded"),
        imposed=imposed,
        acquitted=acquitted if acquitted is not None else (False if not imposed.is_empty else None),
    )
