"""Build the yearly monitor from coded conversations: tables, key figures, comparison."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from inbeeld.codebook import Codebook, Variable
from inbeeld.errors import CodebookError, ConfigError
from inbeeld.monitor.counting import (
    ConditionDimension,
    Dimension,
    KeyCache,
    TableRequest,
    base_sentences,
    count_table,
    involved_variables,
    variable_dimension,
    year_dimension,
)
from inbeeld.monitor.linking import PERIOD, protect_linked
from inbeeld.monitor.model import Category, Monitor, MonitorTable, RegisteredValue
from inbeeld.monitor.records import MonitorRecord
from inbeeld.monitor.registered import compare_registered, read_registered
from inbeeld.monitor.tablespec import YEAR, Condition, MonitorSpec, TableSpec, load_spec

KEY_FIGURES = "key_figures"


def build_monitor(
    records: Iterable[MonitorRecord],
    codebook: Codebook,
    year_from: int,
    year_to: int,
    threshold: int = 10,
    registered: Path | str | Sequence[RegisteredValue] | None = None,
    *,
    spec: MonitorSpec | Path | str | None = None,
) -> Monitor:
    """Count the records of the period into protected tables (and compare with registered figures)."""
    if year_from > year_to:
        raise ValueError(f"year_from {year_from} is after year_to {year_to}")
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if not isinstance(spec, MonitorSpec):
        spec = load_spec(codebook, spec)
    all_records = list(records)
    variables = {v.name: v for v in codebook.variables}
    period = [_checked(r, variables) for r in all_records if year_from <= r.year <= year_to]
    years = list(range(year_from, year_to + 1))
    period_label = f"{year_from}–{year_to}" if year_from != year_to else str(year_from)
    columns_year = year_dimension(years)

    def request(table: TableSpec) -> TableRequest:
        rows = variable_dimension(codebook[table.rows], spec, period)
        columns = (
            columns_year if table.columns == YEAR
            else variable_dimension(codebook[table.columns], spec, period)
        )
        base_nl, base_en = base_sentences(table.where, columns, codebook, spec, rows.multi, period_label)
        return TableRequest(
            key=table.key, title_nl=table.title_nl, title_en=table.title_en,
            rows=rows, columns=columns, where=table.where, base_nl=base_nl, base_en=base_en,
            involved=involved_variables(table.rows, table.columns, where=table.where),
        )

    def total(table: TableSpec) -> tuple[str, str]:
        if table.columns == YEAR:
            return period_label, period_label
        return "Totaal", "Total"

    specs = [*spec.tables, *_per_variable_specs(codebook, spec)]  # the published ones first
    clash = sorted(k for k, n in Counter(t.key for t in specs).items() if n > 1)
    if clash:
        raise ConfigError(
            f"{spec.source}: table key(s) {', '.join(clash)} also name a per-variable table "
            "(<variable>_by_year): choose another key"
        )
    cache = KeyCache(period)
    tables = tuple(
        count_table(request(t), period, threshold, total_label=total(t), cache=cache) for t in specs
    )
    key_figures = _key_figures(codebook, spec, period, columns_year, threshold, period_label, cache)
    linked_tables, hidden = protect_linked([key_figures, *tables], threshold)
    key_figures, tables = linked_tables[0], tuple(linked_tables[1:])
    comparison = None
    if registered is not None:
        if isinstance(registered, str | Path):
            values, source_file = read_registered(registered), Path(registered).name
        else:
            values, source_file = tuple(registered), ""
        comparison = compare_registered(
            values, period, spec, year_from, year_to, threshold, source_file,
            linked={
                key: frozenset(int(c) for c in columns if c != PERIOD) for key, columns in hidden.items()
            },
        )
    reviewed = sum(len(r.reviewed & set(codebook.names)) for r in period)
    return Monitor(
        year_from=year_from,
        year_to=year_to,
        threshold=threshold,
        codebook_version=codebook.version,
        unit=codebook.unit,
        n_records=len(period),
        n_outside_period=len(all_records) - len(period),
        sources=dict(Counter(r.source for r in period)),
        key_figures=key_figures,
        tables=tables,
        comparison=comparison,
        reviewed_codes=reviewed,
        automatic_codes=len(period) * len(codebook.names) - reviewed,
        spec_source=spec.source,
        # the codebook's own words: tables may say "age group", an evaluation is about the age
        variable_labels={
            v.name: {"nl": v.label_nl, "en": v.label_en or (
                v.name.replace("_", " ") if v.is_integer else spec.variable_label(v, "en"))}
            for v in codebook.variables
        },
    )


def _checked(record: MonitorRecord, variables: dict[str, Variable]) -> MonitorRecord:
    """The record with every code checked against the codebook (missing ones unknown / []).

    Same checks as Codebook.validate, with the variables looked up in a dict: this runs once
    per conversation, 100,000 times for a large monitor.
    """
    where = f"conversation {record.id}"
    codes = {}
    for name, value in record.codes.items():
        variable = variables.get(name)
        if variable is None:
            raise CodebookError(f"{where}: unknown variable {name!r}; known: {', '.join(variables)}")
        if value is not None:
            codes[name] = variable.check(value, where=where)
    for name, variable in variables.items():
        if name not in codes:
            codes[name] = variable.empty()
    return replace(record, codes=codes)


def _per_variable_specs(codebook: Codebook, spec: MonitorSpec) -> list[TableSpec]:
    """One table by year over all conversations for every codebook variable (none hard-coded)."""
    declared = {(t.rows, t.columns) for t in spec.tables if not t.where}
    out = []
    for variable in codebook.variables:
        if (variable.name, YEAR) in declared:
            continue  # the published cross-table is this very table
        label_nl = spec.variable_label(variable, "nl")
        label_en = spec.variable_label(variable, "en")
        out.append(TableSpec(
            key=f"{variable.name}_by_year", title_nl=f"{label_nl} per jaar",
            title_en=f"{label_en} by year", rows=variable.name, columns=YEAR,
        ))
    return out


def _key_figures(
    codebook: Codebook, spec: MonitorSpec, records: Sequence[MonitorRecord],
    columns: Dimension, threshold: int, period_label: str, cache: KeyCache | None = None,
) -> MonitorTable:
    """Conversations per year and those about (a minor's) exploitation: the report's first table."""
    exploitation = Condition("exploitation_type") if "exploitation_type" in codebook else None
    rows: list[tuple[Category, tuple[Condition, ...]]] = []
    if exploitation is not None:
        rows.append((Category("exploitation", "over uitbuiting", "about exploitation"), (exploitation,)))
        if "minor" in codebook:
            rows.append((
                Category("exploitation_minor", "over uitbuiting van een minderjarige",
                         "about exploitation of a minor"),
                (exploitation, Condition("minor", values=("yes",))),
            ))
        if "clients_mentioned" in codebook:
            rows.append((
                Category("clients", "waarin klanten genoemd worden", "that mention clients"),
                (Condition("clients_mentioned", values=("yes",)),),
            ))
    if not rows:  # a codebook without these variables: the year totals alone
        rows.append((Category("all", "alle gesprekken", "all conversations"), ()))
    dimension = ConditionDimension(
        "key_figures", tuple(c for c, _ in rows), multi=True, tests=tuple(t for _, t in rows)
    )
    base_nl, base_en = base_sentences((), columns, codebook, spec, True, period_label)
    return count_table(
        TableRequest(
            key=KEY_FIGURES, title_nl="Kerncijfers: gesprekken per jaar",
            title_en="Key figures: conversations by year", rows=dimension, columns=columns,
            where=(), base_nl=base_nl, base_en=base_en,
            involved=frozenset(c.variable for _, test in rows for c in test),
        ),
        records, threshold, total_label=(period_label, period_label), cache=cache,
    )
