"""CLI commands of the judgments area: extract, eval, import-cases, stats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from inbeeld.commands.groups import eval_app

judgments_app = typer.Typer(help="Court judgments and sentence reports.", no_args_is_help=True)
_err = Console(stderr=True)


@judgments_app.command("extract")
def extract_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.xml, .html, .txt).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output JSON Lines file.")],
) -> None:
    """Extract sentences and facts from judgments and news texts into OUT.jsonl (one line per defendant)."""
    from inbeeld.judgments.errors import DocumentReadError
    from inbeeld.judgments.io import extract_file, write_facts
    from inbeeld.judgments.readers import iter_paths

    files = list(iter_paths(paths))
    results = []
    skipped: list[tuple[Path, str]] = []
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=_err) as progress:
        task = progress.add_task("Uitspraken lezen", total=len(files))
        for path in files:
            try:
                results.extend(extract_file(path))
            except DocumentReadError as exc:
                skipped.append((path, exc.problem))
            except Exception as exc:  # a rule bug on one document must not stop the batch
                skipped.append((path, f"extraction failed ({type(exc).__name__})"))
            progress.advance(task)
    written = write_facts(output, results)
    for path, problem in skipped:
        _err.print(f"[yellow]skipped[/yellow] {path}: {problem}", markup=True, highlight=False)
    _err.print(f"{len(files) - len(skipped)} documents read, {len(skipped)} skipped, "
               f"{written} objects written to {output}", highlight=False)


def _evaluate(gold: Path, docs: Path, as_json: bool) -> None:
    from inbeeld.judgments.io import run_evaluation

    report = run_evaluation(gold, docs)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{gold} ({report.gold_format}: {report.texts} texts, "
                        f"{report.gold_cases} gold cases, {report.predicted_cases} extracted)")
    table.add_column("field")
    table.add_column("correct", justify="right")
    table.add_column("total", justify="right")
    table.add_column("accuracy", justify="right")
    for name, score in sorted(report.fields.items()):
        acc = "-" if score.accuracy is None else f"{score.accuracy:.0%}"
        table.add_row(name, str(score.correct), str(score.total), acc)
    for name, score in sorted(report.texts_stated.items()):
        acc = "-" if score.accuracy is None else f"{score.accuracy:.0%}"
        table.add_row(f"texts stating {name}", str(score.correct), str(score.total), acc)
    Console().print(table)
    if report.unreadable:
        _err.print(f"unreadable: {', '.join(report.unreadable)}", highlight=False)
    _err.print(f"unmatched gold cases: {report.unmatched_gold}, "
               f"extra extracted cases: {report.spurious_predicted}", highlight=False)


@judgments_app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (per judgment, or per text with cases).")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder with the documents the gold names.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Per-field accuracy of the extractor against GOLD."""
    _evaluate(gold, docs, as_json)


@eval_app.command("judgments")
def eval_alias(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (per judgment, or per text with cases).")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder with the documents the gold names.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Per-field accuracy of the judgment extractor (same as `inbeeld judgments eval`)."""
    _evaluate(gold, docs, as_json)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.add_typer(judgments_app, name="judgments")
