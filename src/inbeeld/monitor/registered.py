"""Registered figures (year, group, count, source) and the helpline's ratio to them."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from inbeeld.errors import InputFormatError
from inbeeld.monitor.model import Comparison, ComparisonSeries, RegisteredValue
from inbeeld.monitor.records import MonitorRecord
from inbeeld.monitor.suppression import suppress_small_cells
from inbeeld.monitor.tablespec import MonitorSpec

REGISTERED_COLUMNS = ("year", "group", "count", "source")


class RegisteredFormatError(InputFormatError):
    """A registered-figures file does not follow year,group,count,source."""

    def __init__(self, path: Path | str, row: int | None, field: str | None, problem: str) -> None:
        super().__init__(path, row, field, problem, unit="row")


def read_registered(path: Path | str) -> tuple[RegisteredValue, ...]:
    """Read a registered-figures CSV; errors name the file, the row (header = row 1) and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RegisteredFormatError(path, None, None, f"cannot open: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RegisteredFormatError(path, None, None, "not UTF-8 text: save it as UTF-8") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REGISTERED_COLUMNS if c not in header]
    if missing:
        raise RegisteredFormatError(
            path, 1, missing[0], f"column missing; expected the columns {', '.join(REGISTERED_COLUMNS)}"
        )
    out: list[RegisteredValue] = []
    seen: dict[tuple[int, str, str], int] = {}
    for row_number, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        year = _integer(path, row_number, "year", row.get("year", ""), low=1900, high=2100)
        count = _integer(path, row_number, "count", row.get("count", ""), low=0, high=10**9)
        for field in ("group", "source"):
            if not row.get(field):
                raise RegisteredFormatError(path, row_number, field, "empty; every value needs its "
                                            + ("source" if field == "source" else "group"))
        key = (year, row["group"], row["source"])
        if key in seen:
            raise RegisteredFormatError(
                path, row_number, "year",
                f"{year} for this group and source already on row {seen[key]}",
            )
        seen[key] = row_number
        out.append(RegisteredValue(year, row["group"], count, row["source"], row_number))
    return tuple(out)


def _integer(path: Path, row: int, field: str, text: str, *, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise RegisteredFormatError(path, row, field, f"{text[:20]!r} is not a whole number") from None
    if not low <= value <= high:
        raise RegisteredFormatError(path, row, field, f"{value} outside {low}..{high}")
    return value


def compare_registered(
    values: Sequence[RegisteredValue],
    records: Sequence[MonitorRecord],
    spec: MonitorSpec,
    year_from: int,
    year_to: int,
    threshold: int,
    source_file: str = "",
) -> Comparison:
    """One series per (group, source) — sources are never mixed — with helpline counts per year."""
    in_period = [v for v in values if year_from <= v.year <= year_to]
    series_keys = list(dict.fromkeys((v.group, v.source) for v in in_period))
    series = []
    for group, source in series_keys:
        points = sorted(
            (v for v in in_period if (v.group, v.source) == (group, source)), key=lambda v: v.year
        )
        definition = spec.comparison_for(group)
        years = tuple(v.year for v in points)
        by_year = dict.fromkeys(years, 0)
        for record in records:
            if record.year in by_year and all(c.matches(record.codes) for c in definition.where):
                by_year[record.year] += 1
        helpline = [by_year[y] for y in years]
        registered = [v.count for v in points]
        protection = suppress_small_cells([helpline], threshold)  # the period is the row total
        series.append(ComparisonSeries(
            group=group,
            source=source,
            helpline_label_nl=definition.label_nl,
            helpline_label_en=definition.label_en,
            years=years,
            registered=(*registered, sum(registered)),
            helpline=(*helpline, sum(helpline)),
            protection=protection,
        ))
    return Comparison(
        source_file=source_file, series=tuple(series), outside_period=len(values) - len(in_period)
    )
