"""`inbeeld synth`: write a synthetic corpus of conversations and its gold codes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from inbeeld.codebook import load_codebook
from inbeeld.corpus import detect_format
from inbeeld.errors import InbeeldError


class SynthOptionError(InbeeldError):
    """An option of `inbeeld synth` is out of range."""


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.command("synth")(synth)


def synth(
    n: Annotated[int, typer.Option("-n", "--number", help="How many conversations to write.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Conversations file (.jsonl or .csv).")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold codes file (JSONL).")],
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same corpus.")] = 1,
    from_year: Annotated[int, typer.Option("--from-year", help="First year of started_at.")] = 2019,
    to_year: Annotated[int, typer.Option("--to-year", help="Last year of started_at.")] = 2024,
    fmt: Annotated[str | None, typer.Option("--format", help="jsonl or csv (default: by extension).")] = None,
    plain: Annotated[bool, typer.Option("--plain", help="Raw texts without [[TYPE:x]] markup.")] = False,
    codebook: Annotated[
        Path | None, typer.Option("--codebook", help="Codebook YAML (default: shipped).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes; the output is the same.")] = 1,
) -> None:
    """Write N fictional helpline conversations with their true codes and marked identifiers."""
    from inbeeld.synth import corpus_blocks, header_block  # imported here: other commands start fast

    if n < 0:
        raise SynthOptionError(f"option -n: {n} is negative; give a number of conversations >= 0")
    if jobs < 1:
        raise SynthOptionError(f"option --jobs: {jobs} is less than 1")
    if from_year > to_year:
        raise SynthOptionError(f"option --from-year {from_year} is after --to-year {to_year}")
    kind = detect_format(output, fmt)
    load_codebook(codebook)  # a broken codebook fails here, before any file is written
    console = Console(stderr=True)
    for path in (output, gold):
        path.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    written = messages = 0
    blocks = corpus_blocks(n, seed, from_year, to_year, fmt=kind, plain=plain, jobs=jobs,
                           codebook_path=str(codebook) if codebook else None)
    with Progress(
        TextColumn("synth"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    ) as progress, output.open("w", encoding="utf-8", newline="") as out_stream, \
            gold.open("w", encoding="utf-8") as gold_stream:
        task = progress.add_task("synth", total=n)
        out_stream.write(header_block(kind))
        for text, gold_line, count in blocks:
            out_stream.write(text)
            gold_stream.write(gold_line)
            written += 1
            messages += count
            if written % 100 == 0 or written == n:
                progress.update(task, completed=written)
    seconds = time.perf_counter() - began
    rate = written / seconds if seconds > 0 else float("inf")
    console.print(
        f"Wrote {written} conversations ({messages} messages) to {output} and their codes to "
        f"{gold} in {seconds:.1f} s ({rate:,.0f} conversations/s, seed {seed}, {from_year}-{to_year},"
        f" {jobs} process{'es' if jobs > 1 else ''}).",
        soft_wrap=True,  # one line, however narrow the terminal
    )
