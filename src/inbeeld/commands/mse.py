"""`inbeeld mse`: estimate the dark number from list overlaps (multiple systems estimation)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from inbeeld.monitor.mse import (
    METHODS,
    MSEError,
    MSEResult,
    estimate_population,
    merge_lists,
    parse_terms,
    read_capture_table,
)


def _where(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise MSEError(f"--where needs COLUMN=VALUE, got '{pair}'")
        out[name.strip()] = value.strip()
    return out


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    return "unbounded" if not math.isfinite(x) else f"{round(x):,}"


def _print(result: MSEResult, console: Console) -> None:
    lists = Table(title="Lists", title_justify="left")
    lists.add_column("list")
    lists.add_column("cases", justify="right")
    for name, total in result.list_totals.items():
        lists.add_row(name, f"{total:,}")
    console.print(lists)
    model = Table(title=f"Model ({result.method})", title_justify="left")
    model.add_column("term")
    model.add_column("overlap seen", justify="right")
    model.add_column("expected before", justify="right")
    model.add_column("p-value", justify="right")
    if result.steps:
        for s in result.steps:
            empty = " (no overlap: cells dropped)" if s.term in result.empty_overlap_terms else ""
            expected = f"{s.expected_overlap:.1f}"
            model.add_row(s.term + empty, str(s.observed_overlap), expected, f"{s.p_value:.2g}")
    elif result.terms:
        for term in result.terms:
            empty = " (no overlap: cells dropped)" if term in result.empty_overlap_terms else ""
            model.add_row(term + empty, "", "", "")
    else:
        model.add_row("main effects only", "", "", "")
    console.print(model)
    est = Table(title="Estimate", title_justify="left")
    est.add_column("")
    est.add_column("value", justify="right")
    est.add_row("observed", f"{result.observed:,}")
    if not (result.exists and result.identifiable):
        why = "does not exist" if not result.exists else "is not identifiable"
        est.add_row("estimate", f"the maximum-likelihood estimate {why} for this model")
    else:
        est.add_row("dark figure", _fmt(result.dark))
        est.add_row("population", _fmt(result.population))
        for iv in (result.interval, result.sparsemse_interval, result.bootstrap_interval):
            if iv is not None:
                label = f"{round(iv.level * 100)}% interval, {iv.method}"
                est.add_row(label, f"{_fmt(iv.low)} - {_fmt(iv.high)}")
        if result.bootstrap_failed:
            est.add_row("bootstrap replicates without estimate", str(result.bootstrap_failed))
    console.print(est)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""

    @app.command("mse")
    def mse(
        file: Annotated[Path, typer.Argument(help="CSV: 0/1 list columns and a count, or one row per case.")],
        method: Annotated[
            str | None, typer.Option(help=f"{', '.join(METHODS)} (default stepwise; fixed with --terms).")
        ] = None,
        terms: Annotated[str | None, typer.Option(help="Terms for --method fixed, e.g. A:B,C:D.")] = None,
        alpha: Annotated[float, typer.Option(help="p-value threshold of the stepwise selection.")] = 0.02,
        level: Annotated[float, typer.Option(help="Confidence level of the intervals.")] = 0.95,
        bootstrap: Annotated[int, typer.Option(help="Bootstrap replicates (0: no bootstrap interval).")] = 0,
        bootstrap_kind: Annotated[
            str, typer.Option(help="multinomial (SparseMSE) or parametric (from the fitted model).")
        ] = "multinomial",
        seed: Annotated[int | None, typer.Option(help="Seed for the bootstrap.")] = None,
        merge: Annotated[
            list[str] | None, typer.Option(help="Merge lists into one, e.g. --merge I,O (repeatable).")
        ] = None,
        lists: Annotated[str | None, typer.Option(help="List columns, comma-separated.")] = None,
        where: Annotated[
            list[str] | None, typer.Option(help="Keep rows where COLUMN=VALUE (repeatable), e.g. year=2014.")
        ] = None,
        count_column: Annotated[str | None, typer.Option(help="Name of the count column.")] = None,
        skip_empty_pairs: Annotated[
            bool, typer.Option(help="Stepwise: never add pairs without overlap (SparseMSE does).")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    ) -> None:
        """Estimate how many victims no list saw, from the overlap between lists."""
        table = read_capture_table(
            file,
            lists=[s.strip() for s in lists.split(",")] if lists else None,
            count_column=count_column,
            where=_where(where or []),
        )
        merged: list[str] = []
        for spec in merge or []:
            names = [s.strip() for s in spec.split(",") if s.strip()]
            table = merge_lists(table, names)
            merged.append("+".join(names))
        chosen = method or ("fixed" if terms else "stepwise")
        parsed = parse_terms(table, terms) if terms else ()
        if parsed and chosen != "fixed":
            raise MSEError(f"--terms is for --method fixed, not '{chosen}'")
        err = Console(stderr=True)
        options = dict(
            method=chosen, terms=parsed, p_threshold=alpha, level=level, bootstrap=bootstrap,
            bootstrap_kind=bootstrap_kind, seed=seed, merged=merged, skip_empty_pairs=skip_empty_pairs,
        )
        if bootstrap > 0 and not as_json:
            with Progress(
                TextColumn("bootstrap"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err
            ) as bar:
                task = bar.add_task("bootstrap", total=bootstrap)
                result = estimate_population(
                    table, progress=lambda k: bar.update(task, completed=k), **options
                )
        else:
            result = estimate_population(table, **options)
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            _print(result, Console())
        if not (result.exists and result.identifiable):
            raise typer.Exit(2)
