"""`inbeeld report`: the yearly monitor as HTML, PDF, CSV, Excel and SPSS."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from inbeeld.errors import ConfigError, InputFormatError


def _records_from_store(year_from: int, year_to: int) -> Iterator[Any]:
    """Records from the store; Django is imported here only, never by the core."""
    try:
        from inbeeld.commands.store import open_store

        open_store()
        from inbeeld.web.store.services import monitor_records
    except ImportError as exc:
        raise ConfigError(
            f"the store is not available ({exc}); give --conversations and --codes to report "
            "from files"
        ) from None
    return monitor_records(year_from, year_to)


def _reliability(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFormatError(path, None, None, f"cannot read: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise InputFormatError(path, exc.lineno, None, f"not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputFormatError(path, None, None, "expected a JSON object with evaluation figures")
    return data


def report(
    year_from: Annotated[int, typer.Option("--from", help="First year of the period.")],
    year_to: Annotated[int, typer.Option("--to", help="Last year of the period.")],
    out_dir: Annotated[Path, typer.Option("-o", "--out", help="Folder for the report files.")],
    lang: Annotated[str, typer.Option(help="Language of the report: nl or en.")] = "nl",
    threshold: Annotated[int, typer.Option(help="Counts from 1 to threshold-1 are hidden.")] = 10,
    registered: Annotated[
        Path | None, typer.Option(help="CSV of registered figures: year,group,count,source.")
    ] = None,
    conversations: Annotated[
        Path | None, typer.Option(help="Conversations (JSONL/CSV): the year comes from started_at.")
    ] = None,
    codes: Annotated[Path | None, typer.Option(help="Code file (JSONL) for those conversations.")] = None,
    reliability: Annotated[
        Path | None, typer.Option(help="Coding evaluation (JSON) to report in the methods.")
    ] = None,
    codebook: Annotated[Path | None, typer.Option(help="Codebook YAML (default: shipped).")] = None,
    internal: Annotated[
        bool, typer.Option(help="Also write an UNPROTECTED Excel file for internal use only.")
    ] = False,
    pdf: Annotated[bool, typer.Option(help="Write the PDF (WeasyPrint).")] = True,
    mse: Annotated[
        Path | None, typer.Option(help="Capture table (CSV) for the dark-number chapter (MSE).")
    ] = None,
    mse_method: Annotated[str, typer.Option(help="MSE model: stepwise or main.")] = "stepwise",
    mse_bootstrap: Annotated[
        int, typer.Option(help="MSE bootstrap replicates (0: no bootstrap interval).")
    ] = 0,
    mse_seed: Annotated[int | None, typer.Option(help="Seed of the MSE bootstrap.")] = None,
    judgments: Annotated[
        list[Path] | None,
        typer.Option(help="Case facts (JSONL of `inbeeld judgments extract`/`import-cases`) for the "
                     "court-cases chapter; repeatable."),
    ] = None,
    judgments_role: Annotated[
        list[str] | None,
        typer.Option(help="Defendant roles the court-cases chapter counts (default client; 'all': "
                     "every role); repeatable."),
    ] = None,
) -> None:
    """Write the monitor for a period: protected tables, charts, comparison and methods."""
    from rich.table import Table

    from inbeeld.codebook import load_codebook
    from inbeeld.commands.progress import console
    from inbeeld.monitor import build_monitor, records_from_files
    from inbeeld.report import write_report
    from inbeeld.report.chapters import add_to_disclosure_log

    if lang not in ("nl", "en"):
        raise ConfigError(f"--lang: {lang!r} not in [nl, en]")
    if threshold < 2:  # 1 would hide nothing: unprotected figures belong in --internal only
        raise ConfigError("--threshold: must be at least 2; unprotected tables come only with --internal")
    if year_from > year_to:
        raise ConfigError(f"--from {year_from} is after --to {year_to}")
    if (conversations is None) != (codes is None):
        raise ConfigError("give --conversations and --codes together (or neither, to use the store)")
    if mse_method not in ("stepwise", "main"):
        raise ConfigError(f"--mse-method: {mse_method!r} not in [stepwise, main]")
    roles = _roles(judgments_role or ["client"])
    if mse_bootstrap < 0:
        raise ConfigError("--mse-bootstrap: must be 0 or more")
    book = load_codebook(codebook)
    evaluation = _reliability(reliability) if reliability is not None else None
    with console.status("Counting the monitor tables…"):
        if conversations is not None and codes is not None:
            records = records_from_files(conversations, codes, book)
        else:
            records = _records_from_store(year_from, year_to)
        monitor = build_monitor(records, book, year_from, year_to, threshold, registered)
    chapters = []
    if mse is not None:
        chapters.append(_mse_chapter(mse, mse_method, mse_bootstrap, mse_seed, lang, threshold))
    if judgments:
        chapters.append(_cases_chapter(judgments, lang, threshold, roles, (year_from, year_to)))
    with console.status("Writing the report (HTML, PDF, CSV, Excel, SPSS)…"):
        paths = write_report(
            monitor, out_dir, lang, extra_sections=[c.section for c in chapters],
            reliability=evaluation, reliability_source=reliability.name if reliability else "",
            internal=internal, pdf=pdf,
        )
        add_to_disclosure_log(paths["disclosure_log"], chapters)
    summary = Table(title=f"Monitor {year_from}–{year_to}: {monitor.n_records} coded conversations")
    summary.add_column("output")
    summary.add_column("file")
    for kind, path in paths.items():
        summary.add_row(kind, str(path))
    console.print(summary)
    if internal:
        console.print("[bold red]The internal Excel file is NOT protected: do not publish it.[/]")


def _mse_chapter(path: Path, method: str, bootstrap: int, seed: int | None, lang: str,
                 threshold: int) -> Any:
    from inbeeld.commands.progress import console, progress_bar
    from inbeeld.monitor.mse import estimate_population, read_capture_table
    from inbeeld.report.chapters import mse_chapter

    table = read_capture_table(path)
    if bootstrap:  # each replicate repeats the model choice: a bar, as it can take minutes
        with progress_bar() as progress:
            task = progress.add_task("MSE bootstrap", total=bootstrap)
            result = estimate_population(table, method=method, bootstrap=bootstrap, seed=seed,
                                         progress=lambda k: progress.update(task, completed=k))
    else:
        with console.status("Estimating the dark number (MSE)…"):
            result = estimate_population(table, method=method)
    return mse_chapter(result, table, lang, threshold)


def _roles(names: list[str]) -> tuple[str, ...] | None:
    from inbeeld.judgments.model import ROLES

    if "all" in names:
        return None
    for name in names:
        if name not in ROLES:
            raise ConfigError(f"--judgments-role: {name!r} not in [{', '.join(ROLES)}, all]")
    return tuple(names)


def _cases_chapter(paths: list[Path], lang: str, threshold: int, roles: tuple[str, ...] | None,
                   period: tuple[int, int]) -> Any:
    from inbeeld.judgments.casefiles import import_cases
    from inbeeld.judgments.io import read_facts
    from inbeeld.report.chapters import cases_chapter

    facts = []
    for path in paths:  # case-file tables are read as `inbeeld judgments stats` reads them
        if path.suffix.lower() in (".csv", ".xlsx", ".xlsm"):
            facts.extend(import_cases(path))
        else:
            facts.extend(read_facts(path))
    return cases_chapter(facts, lang, threshold, roles=roles, period=period)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.command("report")(report)
