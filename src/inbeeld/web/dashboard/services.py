"""Key figures per year from the stored codes, with the monitor's small-cell protection."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from inbeeld.codebook import Codebook, Variable
from inbeeld.monitor.records import MonitorRecord
from inbeeld.monitor.suppression import suppress_small_cells
from inbeeld.web.store.models import Conversation
from inbeeld.web.store.services import monitor_records

THRESHOLD = 10  # the report's threshold: counts of 1-9 are not shown


@dataclass(frozen=True, slots=True)
class Cell:
    count: int
    shown: bool  # False: suppressed (primary or secondary)

    @property
    def text(self) -> str:
        return str(self.count) if self.shown else "•"


@dataclass(frozen=True, slots=True)
class YearTable:
    """Counts of one variable's values (rows) per year (columns), protected."""

    variable: str
    years: tuple[int, ...]
    values: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]  # rows: values, then the total row
    totals: tuple[Cell, ...]  # per value: all years
    suppressed: int


@dataclass(frozen=True, slots=True)
class YearSummary:
    year: int
    conversations: int
    coded: int
    reviewed: int  # with at least one human decision


def protected(count: int) -> Cell:
    """A single published count: hidden when 1 to THRESHOLD-1 (a one-line table of its own)."""
    return Cell(count, not 1 <= count < THRESHOLD)


def years() -> list[int]:
    return sorted(Conversation.objects.values_list("year", flat=True).distinct())


def records() -> list[MonitorRecord]:
    span = years()
    if not span:
        return []
    return list(monitor_records(span[0], span[-1]))


def summaries(recs: list[MonitorRecord]) -> list[YearSummary]:
    totals = Counter(Conversation.objects.values_list("year", flat=True).order_by())
    coded, reviewed = Counter(), Counter()
    for rec in recs:
        coded[rec.year] += 1
        if rec.reviewed:
            reviewed[rec.year] += 1
    return [YearSummary(y, totals[y], coded[y], reviewed[y]) for y in sorted(totals)]


def value_labels(variable: Variable, recs: list[MonitorRecord]) -> tuple[str, ...]:
    if variable.values:
        return (*variable.values, *(() if variable.multi else ("unknown",)))
    seen = sorted({v for r in recs for v in (r.codes.get(variable.name) or []) if isinstance(v, str)})
    return tuple(seen)


def year_table(variable: Variable, recs: list[MonitorRecord]) -> YearTable:
    """The table of one categorical variable by year; totals count conversations (multi-valued
    codes can put one conversation in several rows), suppressed like the report."""
    span = sorted({r.year for r in recs})
    values = value_labels(variable, recs)
    counts: dict[tuple[str, int], int] = defaultdict(int)
    per_year: Counter[int] = Counter()
    per_value: Counter[str] = Counter()
    for rec in recs:
        code = rec.codes.get(variable.name, variable.empty())
        chosen = set(code) if isinstance(code, list) else {str(code)}
        per_year[rec.year] += 1
        for value in chosen & set(values):
            counts[value, rec.year] += 1
            per_value[value] += 1
    if not span or not values:
        return YearTable(variable.name, tuple(span), values, (), (), 0)
    matrix = [[counts[v, y] for y in span] for v in values]
    protection = suppress_small_cells(
        matrix, THRESHOLD, row_totals=[per_value[v] for v in values],
        column_totals=[per_year[y] for y in span], grand_total=len(recs),
    )
    hidden = protection.suppressed()
    n_values, n_years = len(values), len(span)
    rows = tuple(
        (
            *(Cell(matrix[i][j], (i, j) not in hidden) for j in range(n_years)),
            Cell(per_value[values[i]], (i, n_years) not in hidden),
        )
        for i in range(n_values)
    )
    total_row = (
        *(Cell(per_year[y], (n_values, j) not in hidden) for j, y in enumerate(span)),
        Cell(len(recs), (n_values, n_years) not in hidden),
    )
    return YearTable(variable.name, tuple(span), values, (*rows, total_row), total_row, len(hidden))


def chart_variables(book: Codebook) -> list[Variable]:
    """Variables a year table suits: categorical ones (ages are a distribution, not a table)."""
    return [v for v in book.variables if not v.is_integer]
