"""Small, clearly fictional test data."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from inbeeld.corpus import Conversation, Message

CET = timezone(timedelta(hours=1))


def make_conversation(
    *texts: str,
    id: str = "t-0001",
    started_at: datetime | None = None,
    roles: tuple[str, ...] | None = None,
) -> Conversation:
    """A conversation whose messages alternate chatter/counsellor unless roles are given."""
    started = started_at or datetime(2021, 3, 14, 21, 5, tzinfo=CET)
    texts = texts or ("hoi ik weet niet of ik hier goed zit",)
    roles = roles or tuple("chatter" if i % 2 == 0 else "counsellor" for i in range(len(texts)))
    messages = tuple(
        Message(role=role, text=text, ts=started + timedelta(seconds=30 * i))
        for i, (role, text) in enumerate(zip(roles, texts, strict=True))
    )
    return Conversation(id=id, started_at=started, messages=messages)
