"""CLI commands of de-identification: `inbeeld deid` and `inbeeld eval deid`."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from inbeeld.commands.groups import eval_app

_err = Console(stderr=True)


def _count_lines(path: Path) -> int | None:
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        return None
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return None


_Config = Annotated[Path | None, typer.Option("--config", help="Pipeline config overlaying the default.")]
_Disable = Annotated[
    list[str] | None, typer.Option("--disable", help="Switch a named recogniser or stage off.")
]


def deid(
    src: Annotated[Path, typer.Argument(help="Conversations to de-identify (JSONL or CSV).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Where to write them (JSONL or CSV).")],
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes (0 = all cores).")] = 0,
    config: _Config = None,
    disable: _Disable = None,
    fmt: Annotated[str | None, typer.Option("--format", help="jsonl or csv (default: by extension).")] = None,
) -> None:
    """De-identify the conversations in SRC and write them to OUT with pseudonyms and spans."""
    from inbeeld.corpus import write_conversations
    from inbeeld.deid import deidentify_stream
    from inbeeld.deid.stream import read_for_deid

    workers = workers or os.cpu_count() or 1
    failures: list[tuple[str, str]] = []
    total = _count_lines(src) if fmt in (None, "jsonl") else None
    progress = Progress(
        TextColumn("[bold]deid"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_err, transient=False,
    )
    with progress:
        task = progress.add_task("deid", total=total)
        outcomes = deidentify_stream(read_for_deid(src, fmt), workers, config, frozenset(disable or ()))

        def good():
            for outcome in outcomes:
                progress.advance(task)
                if outcome.ok:
                    yield outcome.conversation
                else:
                    failures.append((outcome.id, outcome.error or ""))

        written = write_conversations(out, good(), fmt)
    _err.print(f"{written} conversations de-identified → {out}")
    if failures:
        table = Table(title=f"{len(failures)} conversations not de-identified (left out of {out.name})")
        table.add_column("conversation")
        table.add_column("problem")
        for conv_id, problem in failures:
            table.add_row(conv_id, problem)
        _err.print(table)
        raise typer.Exit(1)


def eval_deid(
    gold: Annotated[list[Path], typer.Argument(
        help="Conversations with [[TYPE:text]] gold markup (JSONL); several files are scored together.",
    )],
    config: _Config = None,
    disable: _Disable = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON on stdout.")] = False,
    show_leaks: Annotated[bool, typer.Option(
        "--show-leaks",
        help="Also list each missed identifier and each over-masked span with its context "
             "(shows identifiers!).",
    )] = False,
) -> None:
    """Recall per identifier type, precision, codable terms kept, and the leaks."""
    from inbeeld.corpus import read_conversations
    from inbeeld.deid import load_pipeline
    from inbeeld.deid.evaluate import evaluate

    with _err.status("loading the de-identification pipeline"):
        pipeline = load_pipeline(config, frozenset(disable or ()))
    scores = evaluate(itertools.chain.from_iterable(read_conversations(path) for path in gold), pipeline)
    result = scores.as_dict(show_leaks=show_leaks)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console = Console()
    table = Table(title=f"De-identificatie: {scores.conversations} gesprekken, {scores.messages} berichten")
    for column in ("type", "gold", "gevonden", "recall", "95%-interval"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for kind, row in result["recall"].items():  # type: ignore[union-attr]
        table.add_row(kind, str(row["gold"]), str(row["caught"]), f"{row['recall']:.3f}",
                      _interval(row["ci95"]))
    overall = scores.recall()
    table.add_row("[bold]totaal", str(sum(scores.gold.values())), str(sum(scores.caught.values())),
                  f"[bold]{overall:.3f}" if overall is not None else "-",
                  _interval(scores.recall_interval()))
    console.print(table)
    precision, share = scores.precision, scores.codable_share
    if precision is not None:
        console.print(f"precisie: {precision:.3f} "
                      f"({scores.predicted_true} van {scores.predicted} gemaskeerde stukken)")
    if share is not None:
        console.print(f"codeerbare termen behouden: {share:.3f} "
                      f"({scores.codable_kept} van {scores.codable_total})")
    if show_leaks:
        leaks = Table(title=f"Lekken: {len(scores.leaks)} gemiste identificerende gegevens")
        for column in ("gesprek", "bericht", "type", "tekst", "context"):
            leaks.add_column(column)
        for leak in scores.leaks:
            leaks.add_row(leak.conversation_id, str(leak.message), leak.type, leak.text, leak.context)
        console.print(leaks)
        over = Table(
            title=f"Te veel gemaskeerd: {len(scores.over_masked)} stukken zonder identificerend gegeven"
        )
        for column in ("gesprek", "bericht", "type", "tekst", "context"):
            over.add_column(column)
        for span in scores.over_masked:
            over.add_row(span.conversation_id, str(span.message), span.type, span.text, span.context)
        console.print(over)
    else:
        console.print(f"lekken: {len(scores.leaks)} "
                      "(lijst met --show-leaks; die toont identificerende gegevens)")


def _interval(bounds: tuple[float, float] | None) -> str:
    return f"{bounds[0]:.3f}–{bounds[1]:.3f}" if bounds else "-"


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.command("deid")(deid)
    eval_app.command("deid")(eval_deid)
