"""Protected count tables for report chapters built outside the monitor (MSE, court cases).

The rule is the monitor's (monitor/suppression.py): counts from 1 to threshold-1 are shown as
"<threshold"; where a column adds up to a shown total, a second entry is hidden ("x") so that
the first cannot be recomputed. Columns of one table may be nested (sentenced cases are a part
of all cases): a child count next to its parent gives away their difference, so when that
difference is small the child is hidden too (and gets a partner in its own column).
Shares are shown only where the count and its base are both shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from statsmodels.stats.proportion import proportion_confint

from inbeeld.monitor.suppression import SECONDARY, suppress_small_cells
from inbeeld.report.numbers import hidden_mark, interval, percent, whole
from inbeeld.report.section import ReportSection, ReportTable

__all__ = ["Chapter", "ProtectedTable", "count_cell", "protect_columns", "render_protected", "share_cell"]


@dataclass(frozen=True, slots=True)
class Chapter:
    """A finished report chapter and what it hid, for the disclosure log."""

    section: ReportSection
    disclosure: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    """Counts (rows x columns, plus a total row when the rows add up) and each entry's status.

    `status[(i, j)]` is "primary" or "secondary" for a hidden entry; row index len(labels) is the
    total row. `reasons` gives the why of each hidden entry.
    """

    key: str
    labels: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    totals: tuple[int, ...] | None
    status: Mapping[tuple[int, int], str]
    reasons: Mapping[tuple[int, int], str]

    def value(self, row: int, column: int) -> int:
        if row == len(self.labels):
            assert self.totals is not None
            return self.totals[column]
        return self.counts[row][column]

    def shown(self, row: int, column: int) -> bool:
        return (row, column) not in self.status

    def disclosure(self) -> dict[str, Any]:
        rows = [*self.labels, "total"]
        return {
            "table": self.key,
            "suppressed": [
                {"row": rows[i], "column": self.columns[j], "status": s, "reason": self.reasons[i, j]}
                for (i, j), s in sorted(self.status.items())
            ],
        }


def protect_columns(
    key: str,
    labels: Sequence[str],
    columns: Sequence[str],
    counts: Sequence[Sequence[int]],
    threshold: int,
    *,
    adds_up: bool = True,
    parents: Mapping[int, int] | None = None,
) -> ProtectedTable:
    """Protect each column of a table whose rows are disjoint categories (a unit in one row).

    adds_up=False is for multi-valued rows (a case names several platforms): no total row and
    only primary suppression, as no line of the table is an equation. `parents` maps a column
    to the column it is a part of (complement protection, see the module docstring).
    """
    rows = [tuple(int(c) for c in row) for row in counts]
    n_columns = len(columns)
    totals = tuple(sum(r[j] for r in rows) for j in range(n_columns)) if adds_up else None
    forced: dict[int, dict[tuple[int, int], tuple[str, str]]] = {j: {} for j in range(n_columns)}
    while True:
        status: dict[tuple[int, int], str] = {}
        reasons: dict[tuple[int, int], str] = {}
        for j in range(n_columns):
            column = [[r[j]] for r in rows] or [[0]]
            protection = suppress_small_cells(
                column, threshold, rows_add_up=False, columns_add_up=adds_up, forced=forced[j]
            )
            for e in protection.entries:
                if e.column != 0 or (e.row == len(rows) and not adds_up) or not rows:
                    continue  # the row-total column of a one-column table repeats the cells
                status[e.row, j] = e.status
                reasons[e.row, j] = e.reason
        table = ProtectedTable(key, tuple(labels), tuple(columns), tuple(rows), totals, status, reasons)
        changed = False
        for child, parent in (parents or {}).items():
            for i in range(len(rows) + (1 if adds_up else 0)):
                rest = table.value(i, parent) - table.value(i, child)
                if table.shown(i, child) and table.shown(i, parent) and 1 <= rest < threshold:
                    forced[child][i, 0] = (SECONDARY, f"its part of column {columns[parent]!r} "
                                           f"leaves a count between 1 and {threshold - 1}")
                    changed = True
        if not changed:
            return table


def count_cell(table: ProtectedTable, row: int, column: int, threshold: int, lang: str) -> str:
    status = table.status.get((row, column))
    if status is not None:
        return hidden_mark(status, threshold)
    return whole(table.value(row, column), lang)


def share_cell(table: ProtectedTable, row: int, column: int, base: int | None, lang: str) -> str:
    """'34,5%\\n(30,1–38,9)' (95% Wilson interval) or '' when the count or its base is hidden.

    The base is column `base` of the same row, or with base=None the column's total row.
    """
    base_row, base_column = (len(table.labels), column) if base is None else (row, base)
    n, total = table.value(row, column), table.value(base_row, base_column)
    if not (table.shown(row, column) and table.shown(base_row, base_column)) or total == 0:
        return ""
    low, high = proportion_confint(n, total, alpha=0.05, method="wilson")
    return f"{percent(n / total, lang)}\n({interval((float(low), float(high)), lang)})"


def render_protected(
    table: ProtectedTable,
    title: str,
    header: Sequence[str],
    threshold: int,
    lang: str,
    *,
    total_label: str,
    shares: Mapping[int, int | None] | None = None,
    notes: Sequence[str] = (),
) -> ReportTable:
    """The table as display strings; `shares` {column: base column} adds a % after a column.

    A base column of None means the share of the column's total (needs a total row).
    """
    shares = shares or {}
    n_rows = len(table.labels) + (1 if table.totals is not None else 0)
    out = []
    for i in range(n_rows):
        label = table.labels[i] if i < len(table.labels) else total_label
        cells = [label]
        for j in range(len(table.columns)):
            cells.append(count_cell(table, i, j, threshold, lang))
            if j in shares:  # a column's total is 100% of itself: no share there
                whole_column = shares[j] is None and i == len(table.labels)
                cells.append("" if whole_column else share_cell(table, i, j, shares[j], lang))
        out.append(tuple(cells))
    return ReportTable(title=title, header=tuple(header), rows=tuple(out), notes=tuple(notes),
                       key=table.key, total_row=table.totals is not None)
