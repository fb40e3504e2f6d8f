"""Conversations as JSON Lines: one conversation object per line (formats.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from inbeeld.corpus.model import Conversation
from inbeeld.corpus.parse import conversation_from_dict, conversation_to_dict
from inbeeld.errors import CorpusFormatError, InputFormatError


def read_jsonl_objects(
    path: Path, stream: Iterable[str], error: type[InputFormatError] = CorpusFormatError
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; streams, never loads the file.

    A bad line raises `error` (the caller's subclass) naming file and line.
    """
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(
                path, number, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
            ) from None
        if not isinstance(obj, dict):
            raise error(path, number, None, f"expected a JSON object, got {type(obj).__name__}")
        yield number, obj


def read_jsonl(path: Path, stream: IO[str]) -> Iterator[Conversation]:
    seen: dict[str, int] = {}
    for number, obj in read_jsonl_objects(path, stream):
        conversation = conversation_from_dict(obj, path=path, line=number)
        if conversation.id in seen:
            raise CorpusFormatError(
                path, number, "id",
                f"duplicate conversation id {conversation.id!r} (first on line {seen[conversation.id]})",
            )
        seen[conversation.id] = number
        yield conversation


def write_jsonl(stream: IO[str], conversations: Iterable[Conversation]) -> int:
    count = 0
    for conversation in conversations:
        stream.write(json.dumps(conversation_to_dict(conversation), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count
