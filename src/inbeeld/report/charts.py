"""Charts as PNG bytes (matplotlib, Agg canvas): only published numbers are drawn.

Figures are made with matplotlib.figure.Figure and the Agg canvas directly, not pyplot, so no
global backend or state is touched and charts can be drawn in any thread or worker.
"""

from __future__ import annotations

import io
import math

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from inbeeld.monitor import MonitorTable
from inbeeld.report.numbers import percent, whole
from inbeeld.report.section import ReportFigure
from inbeeld.report.texts import text

_SPECIAL = ("unknown", "none")  # rows not worth a bar of their own
_COLOURS = ("#1b4f72", "#c0392b", "#1e8449", "#7d3c98", "#b9770e", "#566573")
_DPI = 110


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=_DPI, bbox_inches="tight",
                   metadata={"Software": None})  # no version stamp: same input, same bytes
    return buffer.getvalue()


def _style(axes) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)


def trend_counts(table: MonitorTable, lang: str, threshold: int, title: str) -> ReportFigure:
    """Lines per row of a by-year table (counts), the column base as the top line; gaps where hidden."""
    years = [c.label(lang) for c in table.columns]
    n_rows = len(table.rows)
    series = [(text(lang, "chart_count"), n_rows)] + [(c.label(lang), i) for i, c in enumerate(table.rows)]
    figure = Figure(figsize=(6.4, 3.2))
    axes = figure.add_subplot()
    items = []
    for number, (label, row) in enumerate(series):
        values = [
            table.count(row, j) if table.published(row, j) else math.nan for j in range(len(years))
        ]
        axes.plot(years, values, marker="o", color=_COLOURS[number % len(_COLOURS)], label=label)
        items.append(f"{label}: " + ", ".join(
            f"{y} {whole(int(v), lang) if not math.isnan(v) else text(lang, 'chart_hidden')}"
            for y, v in zip(years, values, strict=True)
        ))
    axes.set_ylabel(text(lang, "chart_count"))
    axes.set_ylim(bottom=0)
    _style(axes)
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ReportFigure(title, _png(figure), text(lang, "alt_trend", items="; ".join(items)))


def trend_shares(table: MonitorTable, lang: str, title: str) -> ReportFigure:
    """Share per year for each row, with its interval as a band; gaps where hidden."""
    years = [c.label(lang) for c in table.columns]
    figure = Figure(figsize=(6.4, 3.2))
    axes = figure.add_subplot()
    items = []
    for i, category in enumerate(table.rows):
        if category.key in _SPECIAL:
            continue
        shares, lows, highs = [], [], []
        for j in range(len(years)):
            share, bounds = table.share(i, j), table.interval(i, j)
            ok = table.share_published(i, j) and share is not None and bounds is not None
            shares.append(100 * share if ok else math.nan)
            lows.append(100 * bounds[0] if ok else math.nan)
            highs.append(100 * bounds[1] if ok else math.nan)
        colour = _COLOURS[i % len(_COLOURS)]
        label = category.label(lang)
        if all(math.isnan(v) for v in shares):  # say why a line in the legend is missing
            label = f"{label} ({text(lang, 'chart_hidden')})"
        axes.plot(years, shares, marker="o", color=colour, label=label)
        axes.fill_between(years, lows, highs, color=colour, alpha=0.12, linewidth=0)
        items.append(f"{category.label(lang)}: " + ", ".join(
            f"{y} {percent(s / 100, lang) if not math.isnan(s) else '–'}"
            for y, s in zip(years, shares, strict=True)
        ))
    axes.set_ylabel(text(lang, "chart_share"))
    axes.set_ylim(0, 100)
    _style(axes)
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ReportFigure(title, _png(figure), text(lang, "alt_trend", items="; ".join(items)))


def bars_period(table: MonitorTable, lang: str, threshold: int, title: str) -> ReportFigure:
    """Horizontal bars: each row's share of the period base with its interval; hidden rows say so."""
    column = len(table.columns)  # the total column
    labels, shares, errors, notes = [], [], [], []
    for i, category in enumerate(table.rows):
        if category.key in _SPECIAL:
            continue
        labels.append(category.label(lang))
        share, bounds = table.share(i, column), table.interval(i, column)
        if table.share_published(i, column) and share is not None and bounds is not None:
            shares.append(100 * share)
            errors.append((100 * (share - bounds[0]), 100 * (bounds[1] - share)))
            notes.append(f"{category.label(lang)} {percent(share, lang)}")
        else:
            shares.append(0.0)
            errors.append((0.0, 0.0))
            notes.append(f"{category.label(lang)} {text(lang, 'chart_hidden')}")
    figure = Figure(figsize=(6.4, 0.9 + 0.32 * max(len(labels), 1)))
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, shares, color="#1b4f72",
              xerr=[[e[0] for e in errors], [e[1] for e in errors]],
              error_kw={"ecolor": "#555555", "capsize": 2, "linewidth": 0.8})
    for position, note in zip(positions, notes, strict=True):
        if note.endswith(text(lang, "chart_hidden")):
            axes.text(1, position, text(lang, "chart_hidden"), va="center", fontsize=7, color="#555555")
    axes.set_yticks(positions, labels, fontsize=8)
    axes.set_xlabel(text(lang, "chart_share"))
    axes.set_xlim(0, 100)
    _style(axes)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.grid(axis="y", visible=False)
    return ReportFigure(title, _png(figure), text(lang, "alt_bars", items="; ".join(notes)))
