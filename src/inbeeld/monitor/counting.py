"""Count conversations into one table: dimensions turn a record's codes into categories."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from inbeeld.codebook import Codebook, Variable
from inbeeld.monitor.intervals import wilson_intervals
from inbeeld.monitor.model import Category, MonitorTable
from inbeeld.monitor.records import MonitorRecord
from inbeeld.monitor.suppression import suppress_small_cells
from inbeeld.monitor.tablespec import UNKNOWN, YEAR, Condition, MonitorSpec

NONE = "none"
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Dimension:
    """How a table's rows or columns split conversations; `multi`: one may fall in several."""

    name: str  # variable name, or "year"
    categories: tuple[Category, ...]
    multi: bool

    def keys(self, record: MonitorRecord) -> list[str]:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class YearDimension(Dimension):
    def keys(self, record: MonitorRecord) -> list[str]:
        return [str(record.year)]


@dataclass(frozen=True, slots=True)
class VariableDimension(Dimension):
    variable: Variable | None = None
    kept: frozenset[str] = frozenset()  # open variables: values with their own category

    def keys(self, record: MonitorRecord) -> list[str]:
        value = record.codes.get(self.name)
        if self.variable is not None and self.variable.multi:
            if not value:
                return [NONE]
            if self.variable.open:
                return list(dict.fromkeys(v if v in self.kept else OTHER for v in value))
            return list(dict.fromkeys(value))
        if value is None or value == UNKNOWN:
            return [UNKNOWN]
        return [str(value)]


@dataclass(frozen=True, slots=True)
class GroupDimension(Dimension):
    bounds: tuple[tuple[str, int | None, int | None], ...] = ()

    def keys(self, record: MonitorRecord) -> list[str]:
        value = record.codes.get(self.name)
        if isinstance(value, bool) or not isinstance(value, int):
            return [UNKNOWN]
        for key, low, high in self.bounds:
            if (low is None or value >= low) and (high is None or value <= high):
                return [key]
        return [UNKNOWN]


@dataclass(frozen=True, slots=True)
class ConditionDimension(Dimension):
    """Rows that are tests (e.g. 'about exploitation'), not values of one variable."""

    tests: tuple[tuple[Condition, ...], ...] = ()

    def keys(self, record: MonitorRecord) -> list[str]:
        return [
            category.key
            for category, test in zip(self.categories, self.tests, strict=True)
            if all(c.matches(record.codes) for c in test)
        ]


def year_dimension(years: Sequence[int]) -> YearDimension:
    return YearDimension(YEAR, tuple(Category(str(y), str(y), str(y)) for y in years), multi=False)


def variable_dimension(
    variable: Variable, spec: MonitorSpec, records: Sequence[MonitorRecord]
) -> Dimension:
    """The categories of a codebook variable: its values (or groups), then unknown / none."""
    def special(key: str, label: str) -> Category:
        return Category(key, spec.special_label(label, "nl"), spec.special_label(label, "en"))

    if variable.is_integer:
        groups = spec.groups_for(variable)
        categories = tuple(Category(g.key, g.label_nl, g.label_en) for g in groups)
        return GroupDimension(
            variable.name, (*categories, special(UNKNOWN, "unknown")), multi=False,
            bounds=tuple((g.key, g.minimum, g.maximum) for g in groups),
        )
    values: tuple[str, ...] = variable.values
    kept: frozenset[str] = frozenset()
    extra: tuple[Category, ...] = ()
    if variable.open:
        frequency = Counter(v for r in records for v in (r.codes.get(variable.name) or ()))
        top = [v for v, _ in sorted(frequency.items(), key=lambda kv: (-kv[1], kv[0]))]
        kept = frozenset(top[: spec.max_open_values])
        values = tuple(v for v in top if v in kept)
        if len(top) > len(kept):
            extra = (special(OTHER, "other_open"),)
    categories = tuple(
        Category(v, spec.value_label(v, "nl"), spec.value_label(v, "en")) for v in values
    )
    tail = special(NONE, "none") if variable.multi else special(UNKNOWN, "unknown")
    return VariableDimension(
        variable.name, (*categories, *extra, tail), multi=variable.multi, variable=variable, kept=kept
    )


@dataclass(frozen=True, slots=True)
class TableRequest:
    key: str
    title_nl: str
    title_en: str
    rows: Dimension
    columns: Dimension
    where: tuple[Condition, ...]
    base_nl: str
    base_en: str
    involved: frozenset[str]  # codebook variables whose codes the table uses


def count_table(
    request: TableRequest, records: Sequence[MonitorRecord], threshold: int,
    *, total_label: tuple[str, str] = ("Totaal", "Total"),
) -> MonitorTable:
    """Count, protect and attach intervals to one table."""
    row_index = {c.key: i for i, c in enumerate(request.rows.categories)}
    column_index = {c.key: j for j, c in enumerate(request.columns.categories)}
    n_rows, n_columns = len(row_index), len(column_index)
    counts = [[0] * n_columns for _ in range(n_rows)]
    row_totals = [0] * n_rows
    column_totals = [0] * n_columns
    grand = reviewed = automatic = 0
    involved = request.involved
    where = request.where
    row_keys, column_keys = request.rows.keys, request.columns.keys
    for record in records:
        if where and not all(c.matches(record.codes) for c in where):
            continue
        rows = [row_index[k] for k in row_keys(record) if k in row_index]
        columns = [column_index[k] for k in column_keys(record) if k in column_index]
        if not columns:
            continue  # e.g. a year outside the period
        grand += 1
        for j in columns:
            column_totals[j] += 1
        for i in rows:
            row_totals[i] += 1
            for j in columns:
                counts[i][j] += 1
        human = len(involved & record.reviewed)
        reviewed += human
        automatic += len(involved) - human
    keep_rows = [
        i for i, c in enumerate(request.rows.categories)
        if row_totals[i] or c.key not in (UNKNOWN, NONE, OTHER)
    ]
    keep_columns = [
        j for j, c in enumerate(request.columns.categories)
        if column_totals[j] or c.key not in (UNKNOWN, NONE, OTHER)
    ]
    keep_rows = keep_rows or list(range(n_rows))  # nothing counted: keep the empty table's shape
    keep_columns = keep_columns or list(range(n_columns))
    counts = [[counts[i][j] for j in keep_columns] for i in keep_rows]
    row_totals = [row_totals[i] for i in keep_rows]
    column_totals = [column_totals[j] for j in keep_columns]
    # totals are given explicitly: with multi-valued variables they are not sums of cells
    protection = suppress_small_cells(
        counts, threshold, row_totals=row_totals, column_totals=column_totals, grand_total=grand,
        rows_add_up=not request.columns.multi, columns_add_up=not request.rows.multi,
    )
    full = [[*row, total] for row, total in zip(counts, row_totals, strict=True)]
    full.append([*column_totals, grand])
    bases = [*column_totals, grand]
    flat_counts = [value for row in full for value in row]
    flat_bases = [bases[j] for _ in full for j in range(len(bases))]
    flat = wilson_intervals(flat_counts, flat_bases)
    width = len(bases)
    intervals = tuple(tuple(flat[i * width:(i + 1) * width]) for i in range(len(full)))
    return MonitorTable(
        key=request.key,
        title_nl=request.title_nl,
        title_en=request.title_en,
        rows=tuple(request.rows.categories[i] for i in keep_rows),
        columns=tuple(request.columns.categories[j] for j in keep_columns),
        row_variable=request.rows.name,
        column_variable=request.columns.name,
        counts=tuple(tuple(row) for row in counts),
        row_totals=tuple(row_totals),
        column_totals=tuple(column_totals),
        grand_total=grand,
        intervals=intervals,
        protection=protection,
        base_nl=request.base_nl,
        base_en=request.base_en,
        multi_valued_rows=request.rows.multi,
        reviewed_codes=reviewed,
        automatic_codes=automatic,
        total_label_nl=total_label[0],
        total_label_en=total_label[1],
    )


def condition_text(condition: Condition, codebook: Codebook, spec: MonitorSpec, lang: str) -> str:
    """A condition in words for the base sentence under a table."""
    variable = codebook[condition.variable]
    name = f"‘{spec.variable_label(variable, lang)}’"
    if condition.minimum is not None or condition.maximum is not None:
        low = condition.minimum if condition.minimum is not None else 0
        high = condition.maximum if condition.maximum is not None else 99
        return f"{name} {low}–{high}"
    if not condition.values:
        if variable.multi:
            return f"{name}: ten minste één gecodeerd" if lang == "nl" else f"{name}: at least one coded"
        return f"{name} bekend" if lang == "nl" else f"{name} known"
    words = " of " if lang == "nl" else " or "
    return f"{name} = {words.join(spec.value_label(v, lang) for v in condition.values)}"


def base_sentences(
    where: Sequence[Condition], columns: Dimension, codebook: Codebook, spec: MonitorSpec,
    multi_rows: bool, period: str,
) -> tuple[str, str]:
    """The base of a table, in Dutch and English, written from what was counted."""
    out = []
    for lang in ("nl", "en"):
        conditions = [condition_text(c, codebook, spec, lang) for c in where]
        joiner = " en " if lang == "nl" else " and "
        if lang == "nl":
            who = "alle gesprekken" if not conditions else "gesprekken waarin " + joiner.join(conditions)
            per = "in dat jaar" if columns.name == YEAR else "in die kolom"
            text = (
                f"Eenheid: het gesprek. Basis: {who} ({period}). Percentage = aandeel van de "
                f"gesprekken {per} (n onderaan de kolom); 95%-betrouwbaarheidsinterval (Wilson) "
                "tussen haakjes."
            )
            if multi_rows:
                text += " Per gesprek kunnen meerdere waarden gelden; de percentages tellen niet op tot 100%."
        else:
            who = "all conversations" if not conditions else "conversations where " + joiner.join(conditions)
            per = "in that year" if columns.name == YEAR else "in that column"
            text = (
                f"Unit: the conversation. Base: {who} ({period}). Percentage = share of the "
                f"conversations {per} (n at the foot of the column); 95% confidence interval "
                "(Wilson) in brackets."
            )
            if multi_rows:
                text += " A conversation can have several values; percentages do not add up to 100%."
        out.append(text)
    return out[0], out[1]


def involved_variables(*names: str, where: Sequence[Condition] = ()) -> frozenset[str]:
    return frozenset(n for n in names if n != YEAR) | frozenset(c.variable for c in where)

