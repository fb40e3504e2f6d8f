"""Turn plain dicts into checked Conversations and back; errors name file, line and field."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from inbeeld.corpus.model import IDENTIFIER_TYPES, ROLES, Conversation, Message, Span
from inbeeld.errors import CorpusFormatError

_KNOWN_KEYS = {"id", "started_at", "source", "messages"}


def parse_timestamp(value: Any, *, path: Path, line: int, field: str, unit: str = "line") -> datetime:
    """Parse an ISO 8601 timestamp that carries a time zone."""
    if not isinstance(value, str):
        raise CorpusFormatError(
            path, line, field,
            f"expected an ISO 8601 timestamp string with time zone, got {_kind(value)}",
            unit=unit,
        )
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CorpusFormatError(
            path, line, field,
            f"bad date {value[:40]!r}: expected ISO 8601 with time zone, "
            "e.g. 2021-03-14T21:05:00+01:00",
            unit=unit,
        ) from None
    if stamp.tzinfo is None:
        raise CorpusFormatError(
            path, line, field,
            f"date {value[:40]!r} has no time zone: add one, e.g. +01:00 or Z",
            unit=unit,
        )
    return stamp


def check_id(value: Any, *, path: Path, line: int, field: str, unit: str = "line") -> str:
    if not isinstance(value, str) or not value.strip():
        raise CorpusFormatError(
            path, line, field, f"expected a non-empty string id, got {_kind(value)}", unit=unit
        )
    return value.strip()


def check_role(value: Any, *, path: Path, line: int, field: str, unit: str = "line") -> str:
    if value not in ROLES:
        raise CorpusFormatError(
            path, line, field,
            f"unknown role {str(value)[:40]!r}: expected one of {', '.join(ROLES)}",
            unit=unit,
        )
    return str(value)


def check_text(value: Any, *, path: Path, line: int, field: str, unit: str = "line") -> str:
    if not isinstance(value, str):
        raise CorpusFormatError(
            path, line, field, f"expected a string, got {_kind(value)}", unit=unit
        )
    return value


def parse_spans(value: Any, text_length: int, *, path: Path, line: int, field: str) -> tuple[Span, ...]:
    if not isinstance(value, list):
        raise CorpusFormatError(path, line, field, "expected a list of spans")
    spans = []
    for i, raw in enumerate(value):
        where = f"{field}[{i}]"
        if not isinstance(raw, dict):
            raise CorpusFormatError(path, line, where, "expected an object {start, end, type, tag}")
        start, end, kind = raw.get("start"), raw.get("end"), raw.get("type")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_length):
            raise CorpusFormatError(
                path, line, where, f"expected 0 <= start < end <= {text_length}, got {start}..{end}"
            )
        if kind not in IDENTIFIER_TYPES:
            raise CorpusFormatError(
                path, line, where, f"unknown type {kind!r}: expected one of {', '.join(IDENTIFIER_TYPES)}"
            )
        spans.append(Span(start, end, kind, str(raw.get("tag", ""))))
    return tuple(spans)


def conversation_from_dict(obj: dict[str, Any], *, path: Path, line: int) -> Conversation:
    """Check one conversation object of the JSONL format and build it."""
    if "id" not in obj:
        raise CorpusFormatError(path, line, "id", "missing (every conversation needs an id)")
    conv_id = check_id(obj["id"], path=path, line=line, field="id")
    if "started_at" not in obj:
        raise CorpusFormatError(
            path, line, "started_at", "missing (the monitor counts conversations by year)"
        )
    started_at = parse_timestamp(obj["started_at"], path=path, line=line, field="started_at")
    source = obj.get("source", "chat")
    if not isinstance(source, str) or not source:
        raise CorpusFormatError(path, line, "source", f"expected a string, got {_kind(source)}")
    if "messages" not in obj:
        raise CorpusFormatError(path, line, "messages", "missing")
    raw_messages = obj["messages"]
    if not isinstance(raw_messages, list) or not raw_messages:
        raise CorpusFormatError(
            path, line, "messages", f"expected a non-empty list of messages, got {_kind(raw_messages)}"
        )
    messages = []
    for i, raw in enumerate(raw_messages):
        field = f"messages[{i}]"
        if not isinstance(raw, dict):
            raise CorpusFormatError(path, line, field, "expected an object {role, text, ts}")
        if "role" not in raw:
            raise CorpusFormatError(path, line, f"{field}.role", "missing")
        role = check_role(raw["role"], path=path, line=line, field=f"{field}.role")
        if "text" not in raw:
            raise CorpusFormatError(path, line, f"{field}.text", "missing")
        text = check_text(raw["text"], path=path, line=line, field=f"{field}.text")
        ts = None
        if raw.get("ts") is not None:
            ts = parse_timestamp(raw["ts"], path=path, line=line, field=f"{field}.ts")
        spans: tuple[Span, ...] = ()
        if raw.get("spans") is not None:
            spans = parse_spans(raw["spans"], len(text), path=path, line=line, field=f"{field}.spans")
        messages.append(Message(role=role, text=text, ts=ts, spans=spans))
    extra = {k: v for k, v in obj.items() if k not in _KNOWN_KEYS}
    return Conversation(
        id=conv_id, started_at=started_at, messages=tuple(messages), source=source, extra=extra
    )


def span_to_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "type": span.type, "tag": span.tag}


def message_to_dict(message: Message) -> dict[str, Any]:
    out: dict[str, Any] = {"role": message.role, "text": message.text}
    if message.ts is not None:
        out["ts"] = message.ts.isoformat()
    if message.spans:
        out["spans"] = [span_to_dict(s) for s in message.spans]
    return out


def conversation_to_dict(conversation: Conversation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": conversation.id,
        "started_at": conversation.started_at.isoformat(),
        "source": conversation.source,
        "messages": [message_to_dict(m) for m in conversation.messages],
    }
    out.update(conversation.extra)
    return out


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"string {value[:40]!r}"
    return type(value).__name__
