"""The report's tables for researchers: CSV, Excel (.xlsx) and SPSS (.sav).

Published exports carry only protected values. The internal export (unprotected counts) says
so on every sheet and is never written unless asked for.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyreadstat
from openpyxl import Workbook
from openpyxl.styles import Font

from inbeeld.monitor import Monitor, MonitorTable
from inbeeld.report.numbers import hidden, hidden_mark, interval
from inbeeld.report.texts import text

LONG_COLUMNS = (
    "table", "table_title", "row", "row_label", "column", "column_label", "count", "count_shown",
    "share", "ci_low", "ci_high", "base", "status",
)
_SAV_LABELS = {
    "table": "Tabel (sleutel)", "table_title": "Tabel", "row": "Rij (waarde)", "row_label": "Rij",
    "column": "Kolom (jaar of waarde)", "column_label": "Kolom",
    "count": "Aantal gesprekken (leeg = afgeschermd)", "count_shown": "Aantal zoals gepubliceerd",
    "share": "Aandeel van de basis (0-1)", "ci_low": "95%-interval ondergrens (Wilson)",
    "ci_high": "95%-interval bovengrens (Wilson)", "base": "Basis (gesprekken in de kolom)",
    "status": "published / primary / secondary / share_hidden",
}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula gets a leading quote (CSV injection).

    Values such as platform names come from codes people typed; "=HYPERLINK(...)" must stay text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _append(sheet, values: list[Any]) -> None:
    sheet.append([safe_cell(v) for v in values])


def _entries(table: MonitorTable) -> Iterator[tuple[int, int, str, str]]:
    n_rows, n_columns = table.shape
    rows = [*((c.key, c.label_nl) for c in table.rows), ("total", "n (basis)")]
    columns = [*((c.key, c.label_nl) for c in table.columns), ("total", table.total_label_nl)]
    for i in range(n_rows + 1):
        for j in range(n_columns + 1):
            yield i, j, *rows[i], *columns[j]  # type: ignore[misc]


def long_rows(monitor: Monitor, lang: str, *, protected: bool = True) -> list[dict[str, Any]]:
    """One row per entry of every table; hidden values are empty when protected."""
    out = []
    for table in (monitor.key_figures, *monitor.tables):
        n_rows, n_columns = table.shape
        for i, j, row_key, row_label, column_key, column_label in _entries(table):
            if lang == "en":
                row_label = table.rows[i].label_en if i < n_rows else "n (base)"
                column_label = table.columns[j].label_en if j < n_columns else table.total_label_en
            status = table.protection.status(i, j) or "published"
            show_count = not protected or status == "published"
            show_share = i < n_rows and (not protected or table.share_published(i, j))
            if status == "published" and i < n_rows and not table.share_published(i, j):
                status = "share_hidden"
            share, bounds, base = table.share(i, j), table.interval(i, j), table.base(j)
            out.append({
                "table": table.key,
                "table_title": table.label(lang),
                "row": row_key,
                "row_label": row_label,
                "column": column_key,
                "column_label": column_label,
                "count": table.count(i, j) if show_count else None,
                "count_shown": (
                    str(table.count(i, j)) if show_count else hidden_mark(status, monitor.threshold)
                ),
                "share": share if show_share and share is not None else None,
                "ci_low": bounds[0] if show_share and bounds else None,
                "ci_high": bounds[1] if show_share and bounds else None,
                "base": base if (not protected or table.published(n_rows, j)) else None,
                "status": status,
            })
    return out


def write_csv(monitor: Monitor, path: Path, lang: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=LONG_COLUMNS)
        writer.writeheader()
        for row in long_rows(monitor, lang):
            writer.writerow({k: "" if v is None else safe_cell(v) for k, v in row.items()})
    return path


def write_sav(monitor: Monitor, path: Path, lang: str) -> Path:
    frame = pd.DataFrame(long_rows(monitor, lang), columns=list(LONG_COLUMNS))
    for name in ("count", "share", "ci_low", "ci_high", "base"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce")  # None -> system-missing
    pyreadstat.write_sav(
        frame, str(path), column_labels=[_SAV_LABELS[c] for c in LONG_COLUMNS],
        file_label=f"inbeeld monitor {monitor.year_from}-{monitor.year_to}"[:64],
    )
    return path


def _sheet_name(index: int, key: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "_", f"{index:02d} {key}")[:31]  # Excel's limits
    while name in used:
        name = name[:-1] + "_"
    used.add(name)
    return name


def write_xlsx(monitor: Monitor, path: Path, lang: str, *, internal: bool = False) -> Path:
    """One sheet per table (count, share, interval per column) and one sheet with all cells."""
    book = Workbook()
    readme = book.active
    readme.title = text(lang, "readme_sheet")
    banner = text(lang, "internal_banner") if internal else ""
    bold = Font(bold=True)
    red = Font(bold=True, color="B00000")

    def start(sheet, title: str) -> None:
        if banner:
            _append(sheet, [banner])
            sheet["A1"].font = red
        _append(sheet, [title])
        sheet.cell(sheet.max_row, 1).font = bold

    start(readme, text(lang, "title", period=f"{monitor.year_from}–{monitor.year_to}"))
    _append(readme, [text(lang, "subtitle")])
    _append(readme, [text(lang, "generated", codebook=monitor.codebook_version,
                        threshold=monitor.threshold)])
    if not internal:
        _append(readme, [text(lang, "suppression_text", below=monitor.threshold - 1,
                            hidden=hidden(monitor.threshold), log="disclosure_log.json")])
    used = {readme.title}
    for index, table in enumerate((monitor.key_figures, *monitor.tables), start=1):
        sheet = book.create_sheet(_sheet_name(index, table.key, used))
        start(sheet, table.label(lang))
        _append(sheet, [table.base_text(lang)])
        n_rows, n_columns = table.shape
        header: list[str] = [""]
        for category in [*table.columns, None]:
            label = category.label(lang) if category else table.total_label(lang)
            header += [f"{label} n", f"{label} %", f"{label} 95%-BI" if lang == "nl" else f"{label} 95% CI"]
        _append(sheet, header)
        for i in range(n_rows + 1):
            label = table.rows[i].label(lang) if i < n_rows else text(lang, "base_row")
            line: list[Any] = [label]
            for j in range(n_columns + 1):
                visible = internal or table.published(i, j)
                line.append(
                    table.count(i, j) if visible
                    else hidden_mark(table.protection.status(i, j), monitor.threshold)
                )
                if i < n_rows and (internal or table.share_published(i, j)):
                    share, bounds = table.share(i, j), table.interval(i, j)
                    line.append(round(100 * share, 1) if share is not None else None)
                    line.append(interval(bounds, lang) if bounds else None)
                else:
                    line += [None, None]
            _append(sheet, line)
    cells = book.create_sheet(_sheet_name(len(monitor.tables) + 2, text(lang, "all_cells_sheet"), used))
    start(cells, text(lang, "all_cells_sheet"))
    _append(cells, list(LONG_COLUMNS))
    for row in long_rows(monitor, lang, protected=not internal):
        _append(cells, [row[c] for c in LONG_COLUMNS])
    book.save(path)
    return path
