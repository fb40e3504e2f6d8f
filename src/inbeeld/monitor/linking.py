"""Protection across tables: a count hidden in one table is hidden in every table that shows it.

Tables by year share rows: the number of conversations about exploitation per year is a row of
the key figures and the base row of every table over those conversations. If one table hides
such a year (to protect a small count next to it) and another shows it, the two together give
the small count back. So each row by year is keyed by its conditions on the codes; a year
hidden under a key anywhere is hidden under that key everywhere, with partners found again,
until nothing changes (hidden sets only grow, so this ends).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from inbeeld.monitor.model import MonitorTable
from inbeeld.monitor.suppression import SECONDARY, suppress_small_cells
from inbeeld.monitor.tablespec import Condition

PERIOD = "period"


def _column_key(table: MonitorTable, column: int) -> str:
    return table.columns[column].key if column < len(table.columns) else PERIOD


def hidden_by_series(tables: Sequence[MonitorTable]) -> dict[frozenset[Condition], frozenset[str]]:
    """For each row key, the years (and "period") hidden in at least one table."""
    out: dict[frozenset[Condition], set[str]] = {}
    for table in tables:
        for i, key in enumerate(table.series):
            if key is None:
                continue
            for j in range(len(table.columns) + 1):
                if not table.published(i, j):
                    out.setdefault(key, set()).add(_column_key(table, j))
    return {key: frozenset(columns) for key, columns in out.items()}


def protect_linked(
    tables: Sequence[MonitorTable], threshold: int
) -> tuple[list[MonitorTable], dict[frozenset[Condition], frozenset[str]]]:
    """The tables with shared rows hidden alike, and what is hidden per row key."""
    tables = list(tables)
    while True:
        hidden = hidden_by_series(tables)
        changed = False
        for index, table in enumerate(tables):
            forced = {}
            for i, key in enumerate(table.series):
                if key is None:
                    continue
                for j in range(len(table.columns) + 1):
                    if table.published(i, j) and _column_key(table, j) in hidden.get(key, ()):
                        forced[i, j] = (SECONDARY, "hidden in another table that shows the same count")
            if not forced:
                continue
            for entry in table.protection.entries:  # keep what is hidden: sets only grow
                forced[entry.row, entry.column] = (entry.status, entry.reason)
            protection = suppress_small_cells(
                table.counts, threshold, row_totals=table.row_totals,
                column_totals=table.column_totals, grand_total=table.grand_total,
                rows_add_up=table.rows_add_up, columns_add_up=table.columns_add_up, forced=forced,
            )
            tables[index] = replace(table, protection=protection)
            changed = True
        if not changed:
            return tables, hidden
