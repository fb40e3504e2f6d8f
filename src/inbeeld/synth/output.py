"""The corpus as text, ready to write: one block per conversation, made by one or more processes.

Workers return strings, not objects: pickling conversations back to the writing process cost more
than generating them.
"""

from __future__ import annotations

import io
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import replace

from inbeeld.codebook import load_codebook
from inbeeld.corpus import Conversation, strip_markup
from inbeeld.corpus.codes import coded_to_dict
from inbeeld.corpus.csvformat import write_csv
from inbeeld.corpus.jsonl import write_jsonl
from inbeeld.synth.generate import generate_range

Block = tuple[str, str, int]  # conversation text (a JSONL line or CSV rows), gold line, messages


def header_block(fmt: str) -> str:
    """What the conversations file starts with: the CSV header, nothing for JSONL."""
    if fmt != "csv":
        return ""
    stream = io.StringIO()
    write_csv(stream, [])
    return stream.getvalue()


def corpus_blocks(
    n: int, seed: int, year_from: int = 2019, year_to: int = 2024, *, fmt: str = "jsonl",
    plain: bool = False, jobs: int = 1, codebook_path: str | None = None, chunk_size: int = 1000,
) -> Iterator[Block]:
    """Yield the text blocks of generate(n, seed, ...) in order; jobs > 1 uses that many processes."""
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"format must be jsonl or csv, got {fmt!r}")
    ranges = [(start, min(start + chunk_size, n)) for start in range(0, n, chunk_size)]
    args = (seed, year_from, year_to, fmt, plain, codebook_path)
    if jobs <= 1:
        for start, stop in ranges:
            yield from _blocks(start, stop, *args)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        for start, stop in ranges:
            if len(pending) >= 2 * jobs:  # bounded: at most two chunks per worker in memory
                yield from pending.popleft().result()
            pending.append(pool.submit(_blocks, start, stop, *args))
        while pending:
            yield from pending.popleft().result()


def _blocks(start: int, stop: int, seed: int, year_from: int, year_to: int, fmt: str, plain: bool,
            codebook_path: str | None) -> list[Block]:
    book = load_codebook(codebook_path)
    out: list[Block] = []
    for conversation, coded in generate_range(start, stop, seed, year_from, year_to, book):
        if plain:
            conversation = _plain(conversation)
        stream = io.StringIO()
        if fmt == "csv":
            write_csv(stream, [conversation])
            text = stream.getvalue().split("\n", 1)[1]  # rows only: the header is written once
        else:
            write_jsonl(stream, [conversation])
            text = stream.getvalue()
        gold = json.dumps(coded_to_dict(coded, book), ensure_ascii=False) + "\n"
        out.append((text, gold, len(conversation.messages)))
    return out


def _plain(conversation: Conversation) -> Conversation:
    messages = tuple(replace(m, text=strip_markup(m.text)) for m in conversation.messages)
    return replace(conversation, messages=messages)
