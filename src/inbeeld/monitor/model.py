"""The monitor as plain data: protected tables, the comparison, and what was counted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inbeeld.monitor.suppression import Protection
from inbeeld.monitor.tablespec import Condition


@dataclass(frozen=True, slots=True)
class Category:
    """A row or column of a table: a codebook value, a group, a year, or unknown/none."""

    key: str
    label_nl: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_nl


@dataclass(frozen=True, slots=True)
class MonitorTable:
    """Counts of conversations with row and column totals, their shares, intervals and protection.

    Entries are addressed on the table with margins: row == len(rows) is the total row (the base
    of each column), column == len(columns) is the total column (the period, or all columns).
    The share of an entry is its count over the total of its column.
    """

    key: str
    title_nl: str
    title_en: str
    rows: tuple[Category, ...]
    columns: tuple[Category, ...]
    row_variable: str
    column_variable: str
    counts: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    intervals: tuple[tuple[tuple[float, float] | None, ...], ...]  # (R+1) x (C+1)
    protection: Protection
    base_nl: str
    base_en: str
    multi_valued_rows: bool
    reviewed_codes: int
    automatic_codes: int
    total_label_nl: str = "Totaal"
    total_label_en: str = "Total"
    rows_add_up: bool = True  # each row sums to its total (a conversation is in one column)
    columns_add_up: bool = True
    # for tables by year: each row (and last, the base row) as conditions on the codes, so that
    # the same counts in other tables are hidden alike; None where a row has no such meaning
    series: tuple[frozenset[Condition] | None, ...] = ()

    def __post_init__(self) -> None:
        n_rows, n_columns = len(self.rows), len(self.columns)
        if len(self.counts) != n_rows or any(len(r) != n_columns for r in self.counts):
            raise ValueError(f"table {self.key}: counts do not match rows x columns")
        if len(self.row_totals) != n_rows or len(self.column_totals) != n_columns:
            raise ValueError(f"table {self.key}: totals do not match rows x columns")

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.columns)

    def count(self, row: int, column: int) -> int:
        """The unprotected count of an entry (for internal use and for the protection itself)."""
        n_rows, n_columns = self.shape
        if row == n_rows:
            return self.grand_total if column == n_columns else self.column_totals[column]
        return self.row_totals[row] if column == n_columns else self.counts[row][column]

    def base(self, column: int) -> int:
        return self.count(self.shape[0], column)

    def share(self, row: int, column: int) -> float | None:
        base = self.base(column)
        return self.count(row, column) / base if base else None

    def interval(self, row: int, column: int) -> tuple[float, float] | None:
        return self.intervals[row][column]

    def published(self, row: int, column: int) -> bool:
        return self.protection.status(row, column) is None

    def share_published(self, row: int, column: int) -> bool:
        """A share shows only when its count and its base show (else base x share = count)."""
        return self.published(row, column) and self.published(self.shape[0], column)

    def label(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl

    def base_text(self, lang: str) -> str:
        return self.base_en if lang == "en" else self.base_nl

    def total_label(self, lang: str) -> str:
        return self.total_label_en if lang == "en" else self.total_label_nl


@dataclass(frozen=True, slots=True)
class RegisteredValue:
    """One row of a registered-figures file."""

    year: int
    group: str
    count: int
    source: str
    row: int  # row number in the file, for messages


@dataclass(frozen=True, slots=True)
class ComparisonSeries:
    """Helpline conversations against one registered series (one group from one source).

    `years` holds the years of the period the source has a value for; index len(years) of
    `helpline`/`registered` is the period sum over those years.
    """

    group: str
    source: str
    helpline_label_nl: str
    helpline_label_en: str
    years: tuple[int, ...]
    registered: tuple[int, ...]
    helpline: tuple[int, ...]
    protection: Protection

    def helpline_published(self, index: int) -> bool:
        return self.protection.status(0, index) is None

    def ratio(self, index: int) -> float | None:
        """Helpline conversations per registered case; None when not publishable or no base."""
        if not self.helpline_published(index) or not self.registered[index]:
            return None
        return self.helpline[index] / self.registered[index]

    def helpline_label(self, lang: str) -> str:
        return self.helpline_label_en if lang == "en" else self.helpline_label_nl


@dataclass(frozen=True, slots=True)
class Comparison:
    source_file: str
    series: tuple[ComparisonSeries, ...]
    outside_period: int  # registered rows outside the period, not compared


@dataclass(frozen=True, slots=True)
class Monitor:
    """The yearly monitor: everything the report shows, computed once from the records."""

    year_from: int
    year_to: int
    threshold: int
    codebook_version: str
    unit: str
    n_records: int
    n_outside_period: int
    sources: dict[str, int]
    key_figures: MonitorTable
    tables: tuple[MonitorTable, ...]
    comparison: Comparison | None
    reviewed_codes: int
    automatic_codes: int
    spec_source: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    variable_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # name -> {lang: label}

    def variable_label(self, name: str, lang: str) -> str:
        return self.variable_labels.get(name, {}).get(lang, name)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.year_from, self.year_to + 1))

    def table(self, key: str) -> MonitorTable:
        for table in (self.key_figures, *self.tables):
            if table.key == key:
                return table
        raise KeyError(key)

    def disclosure_log(self) -> dict[str, Any]:
        """Which entries were suppressed and why: positions only, never the hidden counts."""
        tables = []
        for table in (self.key_figures, *self.tables):
            n_rows, n_columns = table.shape
            rows = [c.key for c in table.rows] + ["total"]
            columns = [c.key for c in table.columns] + ["total"]
            tables.append({
                "table": table.key,
                "rows": n_rows,
                "columns": n_columns,
                "suppressed": [
                    {"row": rows[e.row], "column": columns[e.column], "status": e.status,
                     "reason": e.reason}
                    for e in table.protection.entries
                ],
                "shares_suppressed_with_base": [
                    {"row": rows[i], "column": columns[j]}
                    for i in range(n_rows + 1) for j in range(n_columns + 1)
                    if table.published(i, j) and not table.share_published(i, j)
                ],
            })
        comparison = []
        if self.comparison is not None:
            for series in self.comparison.series:
                labels = [str(y) for y in series.years] + ["period"]
                comparison.append({
                    "group": series.group,
                    "source": series.source,
                    "suppressed": [
                        {"year": labels[e.column], "status": e.status, "reason": e.reason}
                        for e in series.protection.entries if e.row == 0
                    ],
                })
        return {
            "threshold": self.threshold,
            "rule": (
                f"counts from 1 to {self.threshold - 1} are shown as <{self.threshold} (primary); "
                "further entries are suppressed so that no suppressed count can be recomputed from "
                "the row, column and grand totals (secondary), in each direction in which the "
                "table adds up (not across the values of a multi-valued variable); shares and "
                "intervals are shown only where their count and base are shown"
            ),
            "period": [self.year_from, self.year_to],
            "tables": tables,
            "comparison": comparison,
        }
