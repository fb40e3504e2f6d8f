"""`inbeeld synth`: write a synthetic corpus of conversations and its gold codes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from inbeeld.codebook import Codebook, load_codebook
from inbeeld.corpus import CodedConversation, Conversation, detect_format, strip_markup, write_conversations
from inbeeld.corpus.codes import coded_to_dict
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
    from inbeeld.synth import generate_parallel  # imported here: the CLI starts fast for other commands

    if n < 0:
        raise SynthOptionError(f"option -n: {n} is negative; give a number of conversations >= 0")
    if jobs < 1:
        raise SynthOptionError(f"option --jobs: {jobs} is less than 1")
    if from_year > to_year:
        raise SynthOptionError(f"option --from-year {from_year} is after --to-year {to_year}")
    kind = detect_format(output, fmt)
    book = load_codebook(codebook)
    console = Console(stderr=True)
    gold.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    with Progress(
        TextColumn("synth"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    ) as progress, gold.open("w", encoding="utf-8") as gold_stream:
        task = progress.add_task("synth", total=n)
        counter = _Counter()
        items = generate_parallel(n, seed, from_year, to_year, jobs=jobs,
                                  codebook_path=str(codebook) if codebook else None)
        written = write_conversations(
            output, _tee(items, gold_stream, book, plain, lambda: progress.advance(task), counter), kind
        )
    seconds = time.perf_counter() - began
    rate = written / seconds if seconds > 0 else float("inf")
    console.print(
        f"Wrote {written} conversations ({counter.messages} messages) to {output} and their codes to "
        f"{gold} in {seconds:.1f} s ({rate:,.0f} conversations/s, seed {seed}, {from_year}-{to_year})."
    )


class _Counter:
    def __init__(self) -> None:
        self.messages = 0


def _tee(
    items: Iterable[tuple[Conversation, CodedConversation]], gold_stream, book: Codebook,  # type: ignore[no-untyped-def]
    plain: bool, advance, counter: _Counter,
) -> Iterator[Conversation]:
    """Write each conversation's codes as it passes on its way to the conversations file."""
    for conversation, coded in items:
        gold_stream.write(json.dumps(coded_to_dict(coded, book), ensure_ascii=False))
        gold_stream.write("\n")
        counter.messages += len(conversation.messages)
        advance()
        if plain:
            conversation = replace(conversation, messages=tuple(
                replace(m, text=strip_markup(m.text)) for m in conversation.messages))
        yield conversation
