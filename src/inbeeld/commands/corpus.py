"""`inbeeld import conversations` and `inbeeld demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from inbeeld.commands.groups import import_app
from inbeeld.commands.progress import console, count_records, progress_bar
from inbeeld.commands.store import (
    check_inputs,
    database_label,
    default_workers,
    deid_transform,
    open_store,
)


def register(app: typer.Typer) -> None:
    import_app.command("conversations")(import_conversations_command)
    from inbeeld.commands.demo import demo_command

    app.command("demo")(demo_command)


def import_conversations_command(
    files: Annotated[list[Path], typer.Argument(help="JSONL or CSV conversation files.")],
    fmt: Annotated[str | None, typer.Option("--format", help="jsonl or csv (default: by extension)")] = None,
    deid: Annotated[
        bool, typer.Option("--deid/--no-deid", help="De-identify before storing (default).")
    ] = True,
    keep_raw: Annotated[
        bool, typer.Option("--keep-raw", help="Also keep the raw text, encrypted (needs INBEELD_RAW_KEY).")
    ] = False,
    workers: Annotated[int, typer.Option(help="Parallel de-identification workers.")] = 0,
) -> None:
    """Import conversation files into the store: each file all or nothing, re-runs change nothing."""
    paths = check_inputs(files)
    encrypt = None
    if keep_raw:
        from inbeeld.web.store.crypto import raw_cipher

        encrypt = raw_cipher().encrypt  # refuses to start without a key
    transform, version = (None, "")
    if deid:
        transform, version = deid_transform(workers or default_workers())
    else:
        console.print("[yellow]--no-deid: text is stored as given; use only for de-identified data[/]")
    open_store()
    from inbeeld.web.store.services import import_conversations

    results = []
    with progress_bar() as progress:
        for path in paths:
            task = progress.add_task(f"import {path.name}", total=count_records(path))
            result = import_conversations(
                path, fmt, transform=transform, deid_version=version, encrypt_raw=encrypt,
                on_progress=lambda n, task=task: progress.advance(task, n),
            )
            progress.update(task, total=progress.tasks[task].completed)
            results.append(result)
    print_import_summary(results)
    if any(r.error for r in results):
        raise typer.Exit(1)


def print_import_summary(results: list) -> None:  # list[ImportResult]
    table = Table(title=f"Import into {database_label()}")
    for column in ("file", "imported", "skipped (known)", "conflicts", "rejected", "outcome"):
        table.add_column(column, justify="right" if column not in ("file", "outcome") else "left")
    for r in results:
        outcome = "[red]file rejected: nothing stored[/]" if r.error else "[green]ok[/]"
        table.add_row(
            r.path.name, str(r.imported), str(r.skipped), str(len(r.conflicts)),
            str(len(r.rejected)), outcome,
        )
    console.print(table)
    for r in results:
        if r.error:
            console.print(f"{r.path.name}: file rejected, nothing stored: {r.error}",
                          style="red", soft_wrap=True, markup=False, highlight=False)
        else:
            console.print(
                f"{r.path.name}: {r.imported} imported, {r.skipped} skipped (already stored), "
                f"{len(r.conflicts)} conflicts, {len(r.rejected)} rejected",
                soft_wrap=True, markup=False, highlight=False,
            )
        for line in r.conflicts[:20] + r.rejected[:20]:
            console.print(f"  {r.path.name}: {line}", soft_wrap=True, markup=False, highlight=False)
        hidden = max(0, len(r.conflicts) - 20) + max(0, len(r.rejected) - 20)
        if hidden:
            console.print(f"  ... and {hidden} more")
