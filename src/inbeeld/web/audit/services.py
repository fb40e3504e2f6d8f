"""Append to the audit log and check it. Callers append inside their own transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from inbeeld.web.audit.chain import GENESIS, ChainEntry, ChainReport, entry_digest, verify_entries
from inbeeld.web.audit.models import AuditEntry, AuditHead

# What may appear in `target`: ids, variable names and counts, never free text.
_ALLOWED_TARGET_KEYS = frozenset(
    {"conversation", "conversations", "variables", "count", "format", "role", "account", "seed",
     "coders", "sample", "years",
     "tip", "tips", "recipient", "status", "contact"}
)


def record(user: Any, action: str, **target: Any) -> AuditEntry:
    """Append one entry, chained to the last; atomic with the caller's transaction."""
    unknown = set(target) - _ALLOWED_TARGET_KEYS
    if unknown:
        # a guard against someone logging free text under a new key
        raise ValueError(f"audit target keys {sorted(unknown)} are not allowed")
    # savepoint=False: inside a caller's transaction this adds no round trips of its own
    with transaction.atomic(savepoint=False):
        seq, previous = _advance_head()
        at = timezone.now().astimezone(UTC)
        at_text = at.isoformat(timespec="microseconds")
        user_id = getattr(user, "pk", None) if getattr(user, "is_authenticated", False) else None
        username = user.get_username() if user_id is not None else ""
        digest = entry_digest(seq, at_text, user_id, username, action, target, previous)
        entry = AuditEntry.objects.create(
            seq=seq, at=at, user_id_ref=user_id, username=username, action=action,
            target=target, previous=previous, digest=digest,
        )
        AuditHead.objects.filter(pk=1).update(digest=digest)
    return entry


def _advance_head() -> tuple[int, str]:
    """Take the next sequence number and the previous digest, locking the head until commit.

    Writing the head first takes the write lock at once (SQLite) or the row lock (PostgreSQL),
    so concurrent appends queue here instead of forking the chain. One statement with
    RETURNING (SQLite 3.35+, PostgreSQL) saves a round trip on every audited request.
    """
    table = connection.ops.quote_name(AuditHead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET seq = seq + 1 WHERE id = 1 RETURNING seq, digest")
        row = cursor.fetchone()
    if row is None:  # the head row is made by a migration; a flushed test database lacks it
        AuditHead.objects.create(pk=1, seq=1)
        return 1, GENESIS
    return int(row[0]), str(row[1])


def _as_chain(row: AuditEntry) -> ChainEntry:
    return ChainEntry(
        seq=row.seq, at=row.at.astimezone(UTC).isoformat(timespec="microseconds"),
        user_id=row.user_id_ref, username=row.username, action=row.action, target=row.target,
        previous=row.previous, digest=row.digest,
    )


def stored_chain() -> Iterator[ChainEntry]:
    for row in AuditEntry.objects.order_by("seq").iterator(chunk_size=5000):
        yield _as_chain(row)


def verify() -> ChainReport:
    """Check the whole stored chain against its head."""
    head = AuditHead.objects.filter(pk=1).values_list("seq", "digest").first()
    return verify_entries(stored_chain(), head=head or (0, GENESIS))
