"""The hash chain: the digest of an entry and the check of a whole chain (plain Python)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(fields: dict[str, Any]) -> bytes:
    """The canonical JSON of an entry's fields: sorted keys, no spaces, UTF-8."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_digest(
    seq: int, at: str, user_id: int | None, username: str, action: str, target: dict[str, Any],
    previous: str,
) -> str:
    """sha256 over the canonical JSON of the entry's fields, the previous digest included."""
    fields = {
        "seq": seq, "at": at, "user_id": user_id, "username": username, "action": action,
        "target": target, "previous": previous,
    }
    return hashlib.sha256(canonical(fields)).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainEntry:
    seq: int
    at: str  # ISO 8601 in UTC, as hashed
    user_id: int | None
    username: str
    action: str
    target: dict[str, Any]
    previous: str
    digest: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of a check: ok, how many entries were read, and the first bad one."""

    ok: bool
    checked: int
    bad_seq: int | None = None
    problem: str = ""


def verify_entries(entries: Iterable[ChainEntry], head: tuple[int, str] | None = None) -> ChainReport:
    """Check sequence, links and digests in order; `head` (last seq, digest) catches a cut tail."""
    expected_seq, previous, checked = 1, GENESIS, 0
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainReport(False, checked, expected_seq, f"entry {expected_seq} is missing")
        if entry.previous != previous:
            return ChainReport(False, checked, entry.seq, "does not link to the entry before it")
        recomputed = entry_digest(
            entry.seq, entry.at, entry.user_id, entry.username, entry.action, entry.target, entry.previous
        )
        if recomputed != entry.digest:
            return ChainReport(False, checked, entry.seq, "content changed after it was written")
        previous, expected_seq, checked = entry.digest, expected_seq + 1, checked + 1
    if head is not None:
        last_seq, last_digest = head
        if last_seq != checked:
            return ChainReport(False, checked, checked + 1, f"entries after {checked} are missing "
                               f"(the chain head says {last_seq})")
        if last_digest != previous:
            return ChainReport(False, checked, checked, "last entry differs from the chain head")
    return ChainReport(True, checked)
