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

    def conditions(self, key: str) -> frozenset[Condition] | None:
        """The category as conditions on the codes, to find the same count in other tables."""
        return None


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

    def conditions(self, key: str) -> frozenset[Condition] | None:
        if key in (UNKNOWN, NONE, OTHER):
            return None
        return frozenset({Condition(self.name, values=(key,))})


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

    def conditions(self, key: str) -> frozenset[Condition] | None:
        for name, low, high in self.bounds:
            if name == key:
                return frozenset({Condition(self.name, minimum=low, maximum=high)})
        return None


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

    def conditions(self, key: str) -> frozenset[Condition] | None:
        for category, test in zip(self.categories, self.tests, strict=True):
            if category.key == key:
                return frozenset(test)
        return None


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


class KeyCache:
    """Each record's categories per dimension and each base, worked out once per monitor.

    Many tables share a dimension (year) or a base (conversations about exploitation); for
    100,000 records, asking every record again for every table is most of the time spent.
    """

    def __init__(self, records: Sequence[MonitorRecord]) -> None:
        self.records = records
        self._indices: dict[tuple[str, str], list[tuple[int, ...]]] = {}
        self._selected: dict[frozenset[Condition], Sequence[int]] = {}

    def indices(self, dimension: Dimension) -> list[tuple[int, ...]]:
        """Per record, the positions of its categories in `dimension.categories`."""
        name = (type(dimension).__name__, dimension.name)
        if name not in self._indices:
            index = {c.key: i for i, c in enumerate(dimension.categories)}
            self._indices[name] = [
                tuple(index[k] for k in dimension.keys(r) if k in index) for r in self.records
            ]
        return self._indices[name]

    def selected(self, where: Sequence[Condition]) -> Sequence[int]:
        """Positions of the records that meet every condition."""
        key = frozenset(where)
        if key not in self._selected:
            self._selected[key] = (
                [i for i, r in enumerate(self.records) if all(c.matches(r.codes) for c in where)]
                if where else range(len(self.records))
            )
        return self._selected[key]


def _series_key(request: TableRequest, key: str) -> frozenset[Condition] | None:
    """The conditions that define a row, for finding the same count in other tables.

    "unknown" / "none" rows have no conditions of their own, but they are the base minus the
    conversations where the variable is known (coded): another table may show both of those.
    So they share the key of "known", and are hidden exactly where "known" is hidden.
    """
    where = frozenset(request.where)
    if key in (UNKNOWN, NONE) and isinstance(request.rows, VariableDimension | GroupDimension):
        return where | {Condition(request.rows.name)}
    conditions = request.rows.conditions(key)
    return None if conditions is None else conditions | where


def count_table(
    request: TableRequest, records: Sequence[MonitorRecord], threshold: int,
    *, total_label: tuple[str, str] = ("Totaal", "Total"), cache: KeyCache | None = None,
) -> MonitorTable:
    """Count, protect and attach intervals to one table (`cache`: shared by one monitor's tables)."""
    if cache is None or cache.records is not records:
        cache = KeyCache(records)
    n_rows, n_columns = len(request.rows.categories), len(request.columns.categories)
    counts = [[0] * n_columns for _ in range(n_rows)]
    row_totals = [0] * n_rows
    column_totals = [0] * n_columns
    grand = reviewed = automatic = 0
    involved = request.involved
    row_lists, column_lists = cache.indices(request.rows), cache.indices(request.columns)
    for position in cache.selected(request.where):
        columns = column_lists[position]
        if not columns:
            continue  # e.g. a year outside the period
        grand += 1
        for j in columns:
            column_totals[j] += 1
        for i in row_lists[position]:
            row_totals[i] += 1
            counts_i = counts[i]
            for j in columns:
                counts_i[j] += 1
        human = len(involved & records[position].reviewed)
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
    rows_add_up, columns_add_up = not request.columns.multi, not request.rows.multi
    protection = suppress_small_cells(
        counts, threshold, row_totals=row_totals, column_totals=column_totals, grand_total=grand,
        rows_add_up=rows_add_up, columns_add_up=columns_add_up,
    )
    kept_rows = [request.rows.categories[i] for i in keep_rows]
    series: tuple[frozenset[Condition] | None, ...] = ()
    if request.columns.name == YEAR:  # a row by year is a series other tables may show too
        series = (*(_series_key(request, c.key) for c in kept_rows), frozenset(request.where))
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
        rows=tuple(kept_rows),
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
        rows_add_up=rows_add_up,
        columns_add_up=columns_add_up,
        series=series,
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

