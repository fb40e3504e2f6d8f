"""The report's own chapters, built from a Monitor: key figures, tables, comparison, methods."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inbeeld.monitor import Monitor, MonitorTable, suppress_small_cells
from inbeeld.report import charts
from inbeeld.report.numbers import (
    SECONDARY_MARK,
    count_text,
    hidden,
    hidden_mark,
    number,
    percent,
    share_lines,
    whole,
)
from inbeeld.report.section import ReportFigure, ReportSection, ReportTable
from inbeeld.report.texts import text

# Which tables get a chart, as data: (table key, kind, caption key in texts.py).
FIGURES: tuple[tuple[str, str, str | None], ...] = (
    ("key_figures", "trend_counts", "figure_trend"),
    ("exploitation_forms_by_year", "trend_shares", "figure_forms"),
    ("perpetrator_minor_victims_by_year", "bars", "figure_perpetrators"),
    ("exploitation_locations_by_year", "bars", "figure_locations"),
    ("client_signals_when_clients", "bars", "figure_client_signals"),
)
_REPORTED_MAX = 80  # reliability entries listed at most


def period_label(monitor: Monitor) -> str:
    if monitor.year_from == monitor.year_to:
        return str(monitor.year_from)
    return f"{monitor.year_from}–{monitor.year_to}"


def report_table(table: MonitorTable, lang: str, threshold: int) -> ReportTable:
    """A monitor table as display strings: count, and under it share (interval); <10 where hidden."""
    n_rows, n_columns = table.shape
    header = ("", *(c.label(lang) for c in table.columns), table.total_label(lang))
    rows = []
    for i, category in enumerate(table.rows):
        cells = []
        for j in range(n_columns + 1):
            lines = [count_text(table, i, j, threshold, lang), *share_lines(table, i, j, lang)]
            cells.append("\n".join(lines))
        rows.append((category.label(lang), *cells))
    rows.append((
        text(lang, "base_row"),
        *(count_text(table, n_rows, j, threshold, lang) for j in range(n_columns + 1)),
    ))
    notes = [table.base_text(lang)]
    notes.append(text(lang, "review_note", reviewed=whole(table.reviewed_codes, lang),
                      automatic=whole(table.automatic_codes, lang)))
    if table.automatic_codes > table.reviewed_codes:
        notes.append(text(lang, "automatic_warning"))
    if table.protection.entries:
        notes.append(text(lang, "suppressed_note", hidden=hidden(threshold), below=threshold - 1))
    return ReportTable(
        title=table.label(lang), header=header, rows=tuple(rows), notes=tuple(notes),
        key=table.key, total_row=True,
    )


def _figure(monitor: Monitor, key: str, kind: str, caption: str | None, lang: str) -> ReportFigure | None:
    try:
        table = monitor.table(key)
    except KeyError:
        return None  # a deployment's table spec may not have this table
    if kind == "trend_counts":
        return charts.trend_counts(table, lang, monitor.threshold, text(lang, caption or "figure_trend"))
    if kind == "trend_shares":
        return charts.trend_shares(table, lang, text(lang, caption) if caption else table.label(lang))
    title = text(lang, "figure_bars", title=text(lang, caption) if caption else table.label(lang),
                 period=period_label(monitor))
    return charts.bars_period(table, lang, monitor.threshold, title)


def ratio_text(ratio: float, lang: str) -> str:
    """Two significant digits at least: a ratio of 0.004 must not read as 0,00."""
    decimals = 2
    while decimals < 6 and 0 < ratio < 10 ** (1 - decimals):
        decimals += 1
    return number(ratio, lang, decimals)


def key_figures_section(monitor: Monitor, lang: str) -> ReportSection:
    table = monitor.key_figures
    n_rows, n_columns = table.shape
    rows = {c.key: i for i, c in enumerate(table.rows)}

    def in_words(row: int) -> str:
        shown = count_text(table, row, n_columns, monitor.threshold, lang)
        return text(lang, "unpublished") if shown == SECONDARY_MARK else shown  # "x" is no word

    def period_count(key: str) -> str:
        return in_words(rows[key]) if key in rows else "–"

    paragraphs = [
        text(lang, "key_intro", period=period_label(monitor), n=in_words(n_rows),
             exploitation=period_count("exploitation"), minor=period_count("exploitation_minor")),
    ]
    total_codes = monitor.reviewed_codes + monitor.automatic_codes
    if total_codes:
        paragraphs.append(text(
            lang, "review_status",
            reviewed=percent(monitor.reviewed_codes / total_codes, lang),
            automatic=percent(monitor.automatic_codes / total_codes, lang),
        ))
    figures = [
        _figure(monitor, key, kind, caption, lang)
        for key, kind, caption in FIGURES[:2]
    ]
    return ReportSection(
        title=text(lang, "key_figures"), paragraphs=tuple(paragraphs),
        tables=(report_table(table, lang, monitor.threshold),),
        figures=tuple(f for f in figures if f is not None), key="key_figures",
    )


def tables_section(monitor: Monitor, lang: str) -> ReportSection:
    figures = [_figure(monitor, key, kind, caption, lang) for key, kind, caption in FIGURES[2:]]
    return ReportSection(
        title=text(lang, "tables"),
        paragraphs=(text(lang, "tables_intro", below=monitor.threshold - 1,
                         hidden=hidden(monitor.threshold)),),
        tables=tuple(report_table(t, lang, monitor.threshold) for t in monitor.tables),
        figures=tuple(f for f in figures if f is not None),
        key="tables",
    )


def comparison_section(monitor: Monitor, lang: str) -> ReportSection:
    comparison = monitor.comparison
    if comparison is None or not comparison.series:
        return ReportSection(title=text(lang, "comparison"),
                             paragraphs=(text(lang, "comparison_none"),), key="comparison")
    paragraphs = [
        text(lang, "comparison_intro", file=comparison.source_file or "–"),
        text(lang, "comparison_meaning"),
    ]
    if comparison.outside_period:
        paragraphs.append(text(lang, "comparison_outside", n=comparison.outside_period))
    tables = []
    for series in comparison.series:
        labels = [str(y) for y in series.years]
        if len(series.years) > 1:
            labels.append(f"{text(lang, 'period')} ({', '.join(map(str, series.years))})")
        rows = []
        for index, label in enumerate(labels):
            index = index if index < len(series.years) else len(series.years)
            helpline = (
                whole(series.helpline[index], lang) if series.helpline_published(index)
                else hidden_mark(series.protection.status(0, index), monitor.threshold)
            )
            ratio = series.ratio(index)
            rows.append((label, whole(series.registered[index], lang), helpline,
                         ratio_text(ratio, lang) if ratio is not None else "–"))
        tables.append(ReportTable(
            title=text(lang, "series_title", group=series.group, source=series.source),
            header=(text(lang, "year"), text(lang, "registered"), text(lang, "helpline"),
                    text(lang, "ratio")),
            rows=tuple(rows),
            notes=(text(lang, "series_note", label=series.helpline_label(lang)),),
            key=f"comparison-{series.group}",
            total_row=len(series.years) > 1,
        ))
    return ReportSection(title=text(lang, "comparison"), paragraphs=tuple(paragraphs),
                         tables=tuple(tables), key="comparison")


def _sources_text(monitor: Monitor, lang: str) -> str:
    names = sorted(monitor.sources)
    if not names:
        return "–"
    counts = [monitor.sources[n] for n in names]
    protection = suppress_small_cells([counts], monitor.threshold)

    def shown(j: int, count: int) -> str:
        status = protection.status(0, j)
        return whole(count, lang) if status is None else hidden_mark(status, monitor.threshold)

    return ", ".join(f"{name}: {shown(j, c)}" for j, (name, c) in enumerate(zip(names, counts, strict=True)))


def reliability_table(
    data: Mapping[str, Any], lang: str, source: str, monitor: Monitor | None = None
) -> ReportTable:
    """Figures from a coding evaluation (`inbeeld eval code --json`), or any JSON of numbers."""
    variables = data.get("variables")
    if isinstance(variables, Mapping) and variables and all(
        isinstance(v, Mapping) for v in variables.values()
    ):
        return _evaluation_table(data, variables, lang, source, monitor)
    rows: list[tuple[str, str]] = []

    def walk(prefix: str, value: Any) -> None:
        if len(rows) >= _REPORTED_MAX or isinstance(value, bool):
            return
        if isinstance(value, int):
            rows.append((prefix, whole(value, lang)))
        elif isinstance(value, float):
            rows.append((prefix, number(value, lang, 3)))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                walk(f"{prefix} · {key}" if prefix else str(key), item)

    walk("", data)
    header = ("", "waarde" if lang == "nl" else "value")
    return ReportTable(title=text(lang, "reliability_heading"), header=header,
                       rows=tuple(rows) or (("–", "–"),), notes=(source,), key="reliability")


def _evaluation_table(
    data: Mapping[str, Any], variables: Mapping[str, Mapping[str, Any]], lang: str, source: str,
    monitor: Monitor | None,
) -> ReportTable:
    def figure(value: Any, as_percent: bool = False) -> str:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "–"
        return percent(float(value), lang) if as_percent else number(float(value), lang, 2)

    rows = []
    for name, figures in variables.items():
        label = monitor.variable_label(name, lang) if monitor is not None else name
        ci = figures.get("alpha_ci95")
        ci_text = (
            f"{figure(ci[0])}–{figure(ci[1])}" if isinstance(ci, list | tuple) and len(ci) == 2 else "–"
        )
        rows.append((label, figure(figures.get("accuracy"), as_percent=True),
                     figure(figures.get("alpha")), ci_text))
    header = (
        ("Variabele", "Overeenstemming", "Krippendorffs α", "95%-interval α") if lang == "nl"
        else ("Variable", "Agreement", "Krippendorff's α", "95% interval α")
    )
    notes = [source]
    for key in ("coder", "units", "method"):
        if isinstance(data.get(key), str | int) and not isinstance(data.get(key), bool):
            notes.append(f"{key}: {data[key]}")
    return ReportTable(title=text(lang, "reliability_heading"), header=header, rows=tuple(rows),
                       notes=tuple(notes), key="reliability")


def methods_section(
    monitor: Monitor, lang: str, *, reliability: Mapping[str, Any] | None, reliability_source: str,
    log_name: str,
) -> ReportSection:
    table = monitor.key_figures
    n_rows, n_columns = table.shape
    paragraphs = [
        text(lang, "sources_heading") + ". " + text(
            lang, "sources_text", period=period_label(monitor),
            n=count_text(table, n_rows, n_columns, monitor.threshold, lang),
            sources=_sources_text(monitor, lang), outside=whole(monitor.n_outside_period, lang),
            codebook=monitor.codebook_version, spec=monitor.spec_source.rsplit("/", 1)[-1],
        ),
        text(lang, "suppression_heading") + ". " + text(
            lang, "suppression_text", below=monitor.threshold - 1, hidden=hidden(monitor.threshold),
            log=log_name,
        ),
        text(lang, "automatic_heading") + ". " + text(lang, "automatic_text"),
        text(lang, "intervals_heading") + ". " + text(lang, "intervals_text"),
        # last, so that the table of figures follows it
        text(lang, "reliability_heading") + ". " + (
            text(lang, "reliability_text", file=reliability_source) if reliability is not None
            else text(lang, "reliability_none")
        ),
    ]
    tables = ()
    if reliability is not None:
        tables = (reliability_table(reliability, lang, reliability_source, monitor),)
    return ReportSection(title=text(lang, "methods"), paragraphs=tuple(paragraphs),
                         tables=tables, key="methods")
