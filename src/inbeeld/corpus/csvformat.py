"""Conversations as CSV with one message per row: conversation_id,started_at,role,text[,ts]."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

from inbeeld.corpus.model import Conversation, Message
from inbeeld.corpus.parse import (
    check_id,
    check_role,
    check_text,
    parse_spans,
    parse_timestamp,
    span_to_dict,
)
from inbeeld.errors import CorpusFormatError

REQUIRED_COLUMNS = ("conversation_id", "started_at", "role", "text")
OPTIONAL_COLUMNS = ("ts", "source", "spans")

# A message may be long; the csv module's default field limit (128 kB) would reject it.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(path: Path, stream: IO[str]) -> Iterator[Conversation]:
    """Stream conversations from rows; a conversation's rows must be consecutive."""
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise CorpusFormatError(path, 1, None, f"not valid CSV ({exc})", unit="row") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusFormatError(
            path, 1, missing[0],
            f"column missing from the header; expected columns {', '.join(REQUIRED_COLUMNS)}"
            f"[, {', '.join(OPTIONAL_COLUMNS)}], found {', '.join(header)}",
            unit="row",
        )
    col = {name: header.index(name) for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if name in header}

    current_id: str | None = None
    current_start: datetime | None = None
    current_source = "chat"
    messages: list[Message] = []
    finished: dict[str, int] = {}
    first_row = 0
    row = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CorpusFormatError(path, row + 1, None, f"not valid CSV ({exc})", unit="row") from None
        row += 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise CorpusFormatError(
                path, row, None,
                f"expected {len(header)} columns as in the header, got {len(values)}",
                unit="row",
            )

        def get(name: str, values: list[str] = values) -> str | None:
            return values[col[name]] if name in col else None

        conv_id = check_id(get("conversation_id"), path=path, line=row, field="conversation_id", unit="row")
        started = parse_timestamp(get("started_at"), path=path, line=row, field="started_at", unit="row")
        role = check_role(get("role"), path=path, line=row, field="role", unit="row")
        text = check_text(get("text"), path=path, line=row, field="text", unit="row")
        ts_raw = get("ts")
        ts = None
        if ts_raw:
            ts = parse_timestamp(ts_raw, path=path, line=row, field="ts", unit="row")
        spans = ()
        spans_raw = get("spans")
        if spans_raw:
            try:
                spans_value = json.loads(spans_raw)
            except json.JSONDecodeError:
                raise CorpusFormatError(path, row, "spans", "not valid JSON", unit="row") from None
            spans = parse_spans(spans_value, len(text), path=path, line=row, field="spans")

        if conv_id != current_id:
            if current_id is not None:
                yield _build(current_id, current_start, current_source, messages)
                finished[current_id] = first_row
            if conv_id in finished:
                raise CorpusFormatError(
                    path, row, "conversation_id",
                    f"rows of conversation {conv_id!r} are not consecutive (it started at row "
                    f"{finished[conv_id]}): sort the file by conversation, or it is a duplicate id",
                    unit="row",
                )
            current_id, current_start, messages, first_row = conv_id, started, [], row
            current_source = get("source") or "chat"
        elif started != current_start:
            raise CorpusFormatError(
                path, row, "started_at",
                f"differs from the conversation's first row ({first_row}); "
                "all rows of a conversation share started_at",
                unit="row",
            )
        messages.append(Message(role=role, text=text, ts=ts, spans=spans))
    if current_id is not None:
        yield _build(current_id, current_start, current_source, messages)


def _build(conv_id: str, started: datetime | None, source: str, messages: list[Message]) -> Conversation:
    assert started is not None
    return Conversation(id=conv_id, started_at=started, messages=tuple(messages), source=source)


def write_csv(stream: IO[str], conversations: Iterable[Conversation]) -> int:
    writer = csv.writer(stream)  # \r\n endings: fields holding a lone \r get quoted too
    writer.writerow([*REQUIRED_COLUMNS, "ts", "source", "spans"])
    count = 0
    for conversation in conversations:
        for message in conversation.messages:
            writer.writerow([
                conversation.id,
                conversation.started_at.isoformat(),
                message.role,
                message.text,
                message.ts.isoformat() if message.ts else "",
                conversation.source,
                json.dumps([span_to_dict(s) for s in message.spans]) if message.spans else "",
            ])
        count += 1
    return count
