"""Gold identifier markup: `[[TYPE:original text]]` in message texts (formats.md)."""

from __future__ import annotations

import re
from dataclasses import replace

from inbeeld.corpus.model import IDENTIFIER_TYPES, Conversation, Span

# Non-greedy up to the first "]]": identifiers never contain "]]".
_MARKUP = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.DOTALL)


def parse_markup(text: str) -> tuple[str, tuple[Span, ...]]:
    """Return the raw text (markup removed) and the marked spans with offsets into it."""
    raw: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for match in _MARKUP.finditer(text):
        kind, inner = match.group(1), match.group(2)
        if kind not in IDENTIFIER_TYPES:
            raise ValueError(f"unknown identifier type {kind!r}; valid: {', '.join(IDENTIFIER_TYPES)}")
        before = text[pos:match.start()]
        raw.append(before)
        length += len(before)
        if inner:
            spans.append(Span(length, length + len(inner), kind))
        raw.append(inner)
        length += len(inner)
        pos = match.end()
    raw.append(text[pos:])
    return "".join(raw), tuple(spans)


def strip_markup(text: str) -> str:
    """Return the text with every `[[TYPE:x]]` replaced by `x`."""
    return _MARKUP.sub(lambda m: m.group(2), text)


def mark(text: str, kind: str) -> str:
    """Wrap an identifier in gold markup."""
    if kind not in IDENTIFIER_TYPES:
        raise ValueError(f"unknown identifier type {kind!r}")
    return f"[[{kind}:{text}]]"


def gold_conversation(conversation: Conversation) -> Conversation:
    """Return the conversation with markup removed and the gold spans set on each message."""
    messages = []
    for message in conversation.messages:
        raw, spans = parse_markup(message.text)
        messages.append(replace(message, text=raw, spans=spans))
    return replace(conversation, messages=tuple(messages))
