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
    empty = 0  # news texts that state no demand or sentence give no object (spec)
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=_err) as progress:
        task = progress.add_task("Uitspraken lezen", total=len(files))
        for path in files:
            try:
                found = extract_file(path)
                results.extend(found)
                empty += not found
            except DocumentReadError as exc:
                skipped.append((path, exc.problem))
            except Exception as exc:  # a rule bug on one document must not stop the batch
                skipped.append((path, f"extraction failed ({type(exc).__name__})"))
            progress.advance(task)
    written = write_facts(output, results)
    for path, problem in skipped:
        _err.print(f"[yellow]skipped[/yellow] {path}: {problem}", markup=True, highlight=False)
    _err.print(f"{len(files) - len(skipped)} documents read ({empty} without a stated sentence), "
               f"{len(skipped)} skipped, {written} objects written to {output}", highlight=False)


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


@judgments_app.command("import-cases")
def import_cases_cmd(
    table: Annotated[Path, typer.Argument(help="Case-file table (.csv or .xlsx), one row per person.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output JSON Lines file.")],
) -> None:
    """Import non-public case files (columns: docs/judgments.md); all rows or nothing."""
    from inbeeld.judgments.casefiles import import_cases
    from inbeeld.judgments.io import write_facts

    facts = import_cases(table)  # raises before anything is written
    tmp = output.with_name(output.name + ".part")
    written = write_facts(tmp, facts)
    tmp.replace(output)
    _err.print(f"{written} cases imported to {output}", highlight=False)


@judgments_app.command("stats")
def stats_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL from extract/import-cases, or .csv/.xlsx.")],
    threshold: Annotated[int, typer.Option("--threshold", help="Publish no count below this.")] = 10,
    role: Annotated[list[str] | None, typer.Option("--role", help="Roles to count (default client).")] = None,
    all_roles: Annotated[bool, typer.Option("--all-roles", help="Count every defendant.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print protected tables as JSON.")] = False,
) -> None:
    """Case statistics (cases per year, ages, channels, sentences), with small cells suppressed."""
    from inbeeld.judgments.casefiles import import_cases
    from inbeeld.judgments.io import read_facts
    from inbeeld.judgments.statistics import case_statistics

    if threshold < 1:
        raise typer.BadParameter("threshold must be at least 1", param_hint="--threshold")
    facts = []
    for path in inputs:
        if path.suffix.lower() in (".csv", ".xlsx", ".xlsm"):
            facts.extend(import_cases(path))
        else:
            facts.extend(read_facts(path))
    stats = case_statistics(facts, roles=None if all_roles else (role or ["client"]))
    tables = [_protect_table(t, threshold) for t in stats.tables()]
    shares = [_protect_share(s, threshold) for s in stats.shares()]
    if as_json:
        typer.echo(json.dumps({"cases": _cell(stats.cases, threshold), "threshold": threshold,
                               "tables": tables, "shares": shares}, indent=2, ensure_ascii=False))
        return
    console = Console()
    console.print(f"Zaken: {_cell(stats.cases, threshold)} (drempel {threshold})", highlight=False)
    for t in tables:
        table = Table(title=_LABELS_NL.get(t["name"], t["name"]))
        for column in t["columns"]:
            table.add_column(str(column))
        for row in t["rows"]:
            table.add_row(*(str(v) for v in row))
        console.print(table)
    for sh in shares:
        console.print(f"{_LABELS_NL.get(sh['name'], sh['name'])}: {sh['count']} van {sh['base']}"
                      + (f" ({sh['value']:.0%})" if isinstance(sh.get("value"), float) else ""),
                      highlight=False)


# Titles the researcher reads (Dutch); the JSON keeps the English names the monitor uses.
_LABELS_NL = {
    "cases_per_year": "Zaken per jaar",
    "victim_ages": "Leeftijd slachtoffers",
    "victim_genders": "Geslacht slachtoffers",
    "age_difference": "Leeftijdsverschil verdachte-slachtoffer (jaren)",
    "age_difference_15_or_more": "Leeftijdsverschil 15 jaar of meer",
    "channels": "Contactkanaal",
    "channel_names": "Genoemde sites en apps",
    "roles": "Rol van de verdachte",
    "imposed_vs_demanded": "Opgelegd ten opzichte van geëist (onvoorwaardelijk)",
    "by_victim_age_group": "Naar leeftijdsgroep slachtoffer",
    "one_day_plus_service": "Eén dag onvoorwaardelijk plus taakstraf",
    "hundred_days_or_more": "100 dagen of meer onvoorwaardelijk",
}


def _cell(count: int, threshold: int) -> int | str:
    return f"<{threshold}" if 0 < count < threshold else count


def _protect_table(table: object, threshold: int) -> dict:
    """Suppress small counts per count column (the columns of one table are nested, not additive)."""
    from inbeeld.monitor.suppression import suppress_small_cells

    data = table.to_dict()  # type: ignore[attr-defined]
    rows = [list(r) for r in data["rows"]]
    for col in range(1, len(data["columns"])):
        counts = [[int(r[col])] for r in rows]
        if not counts:
            continue
        protection = suppress_small_cells(counts, threshold)
        for i, row in enumerate(rows):
            if protection.status(i, 0) is not None:
                row[col] = "x"
    # a label that is itself a small count (an age, a year) is a category, not a count: kept
    data["rows"] = rows
    return data


def _protect_share(share: object, threshold: int) -> dict:
    data = share.to_dict()  # type: ignore[attr-defined]
    count, base = data["count"], data["base"]
    if any(0 < n < threshold for n in (count, base - count)):
        # the count or its complement is small: neither the count nor the share is published
        data.update(count="x", value=None, base=_cell(base, threshold))
    return data


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.add_typer(judgments_app, name="judgments")
