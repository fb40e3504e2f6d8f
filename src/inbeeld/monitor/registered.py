"""Registered figures (year, group, count, source) and the helpline's ratio to them."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from inbeeld.errors import InputFormatError
from inbeeld.monitor.model import Comparison, ComparisonSeries, RegisteredValue
from inbeeld.monitor.records import MonitorRecord
from inbeeld.monitor.suppression import PRIMARY, SECONDARY, Protection, SuppressedEntry
from inbeeld.monitor.tablespec import Condition, MonitorSpec

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
    lines = text.splitlines()
    # Dutch spreadsheet programs save CSV with semicolons
    delimiter = ";" if lines and ";" in lines[0] and "," not in lines[0] else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
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
    *,
    linked: Mapping[frozenset[Condition], frozenset[int]] | None = None,
) -> Comparison:
    """One series per (group, source) — sources are never mixed — with helpline counts per year.

    `linked`: years hidden elsewhere in the report for the same helpline definition (the key
    figures); they stay hidden here, or the two tables together would give them back.
    """
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
        hidden_elsewhere = (linked or {}).get(frozenset(definition.where), frozenset())
        series.append(ComparisonSeries(
            group=group,
            source=source,
            helpline_label_nl=definition.label_nl,
            helpline_label_en=definition.label_en,
            years=years,
            registered=(*registered, sum(registered)),
            helpline=(*helpline, sum(helpline)),
            protection=_protect_series(years, helpline, threshold, hidden_elsewhere),
        ))
    return Comparison(
        source_file=source_file, series=tuple(series), outside_period=len(values) - len(in_period)
    )


def _protect_series(
    years: Sequence[int], helpline: Sequence[int], threshold: int, hidden_elsewhere: frozenset[int]
) -> Protection:
    """Hide small years and years hidden elsewhere; then hide the period sum as well.

    Hiding the period, not a second year, is what keeps a series safe next to another table
    that publishes some of the same years: that table's published years cannot be subtracted
    from a period sum that is not shown.
    """
    entries = []
    for j, count in enumerate(helpline):
        if 1 <= count < threshold:
            entries.append(SuppressedEntry(0, j, PRIMARY, f"count between 1 and {threshold - 1}"))
        elif years[j] in hidden_elsewhere:
            entries.append(SuppressedEntry(0, j, SECONDARY, "hidden in the key figures"))
    total = sum(helpline)
    if 1 <= total < threshold:
        entries.append(SuppressedEntry(0, len(years), PRIMARY, f"count between 1 and {threshold - 1}"))
    elif entries:
        entries.append(SuppressedEntry(0, len(years), SECONDARY, "the period would reveal a hidden year"))
    return Protection(n_rows=1, n_columns=len(years), threshold=threshold, entries=tuple(entries))
