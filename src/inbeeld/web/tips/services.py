"""What the tip views do, apart from HTTP: receive, find by receipt, follow up, link, purge.

Every text is encrypted with the tip's own key before it reaches the database; the audit log
gets ids, statuses and recipients only.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from inbeeld.tips import (
    HANDOVER_TO,
    Status,
    TipKeys,
    TipsError,
    check_transition,
    find_identifiers,
    load_keys,
    new_receipt_code,
    normalise,
    receipt_hash,
)
from inbeeld.tips.identifiers import KINDS
from inbeeld.web.audit.services import record
from inbeeld.web.tips.models import Entry, RateWindow, Tip, TipIdentifier

# Structured fields of the public form: form field -> identifier kind.
STRUCTURED = {"phones": "phone", "handles": "handle", "links": "link", "plates": "plate", "places": "place"}
TEXT_FIELDS = ("seen", "where", "when", "about")


@lru_cache(maxsize=1)
def _cached_keys(master: str, key_file: str, pepper: str, link: str) -> TipKeys:
    return load_keys(
        {
            "INBEELD_TIPS_MASTER_KEY": master,
            "INBEELD_TIPS_MASTER_KEY_FILE": key_file,
            "INBEELD_TIPS_PEPPER": pepper,
            "INBEELD_TIPS_LINK_KEY": link,
        }
    )


def keys() -> TipKeys:
    """The tip keys from the environment (cached per value, so tests can change them)."""
    env = os.environ
    return _cached_keys(
        env.get("INBEELD_TIPS_MASTER_KEY", ""),
        env.get("INBEELD_TIPS_MASTER_KEY_FILE", ""),
        env.get("INBEELD_TIPS_PEPPER", ""),
        env.get("INBEELD_TIPS_LINK_KEY", ""),
    )


def env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


# --- rate limits: global counters per window --------------------------------------------------


def count_in_window(name: str, seconds: int, *, add: int = 0) -> int:
    """The counter of the current window (after adding `add`)."""
    now = int(timezone.now().timestamp())
    window = now - now % seconds
    if add:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    RateWindow.objects.create(name=name, window=window, count=add)
            except IntegrityError:
                RateWindow.objects.filter(name=name, window=window).update(count=F("count") + add)
        RateWindow.objects.filter(name=name, window__lt=window - 86400).delete()
    row = RateWindow.objects.filter(name=name, window=window).values_list("count", flat=True).first()
    return int(row or 0)


GUESS_WINDOW = 15 * 60


def guess_limits() -> tuple[int, int]:
    """(failures after which each try is slowed, failures after which the door is locked)."""
    return env_int("INBEELD_TIPS_GUESS_SLOW_AFTER", 10), env_int("INBEELD_TIPS_GUESS_LOCK_AFTER", 50)


def guess_delay(failures: int) -> float:
    """Seconds to wait before answering a receipt try: none at first, then growing, capped."""
    slow_after, _ = guess_limits()
    return 0.0 if failures < slow_after else min(5.0, 0.5 * (failures - slow_after + 1))


def guessing_locked() -> bool:
    return count_in_window("receipt_fail", GUESS_WINDOW) >= guess_limits()[1]


def submissions_full() -> bool:
    return count_in_window("submit", 3600) >= env_int("INBEELD_TIPS_MAX_PER_HOUR", 200)


# --- the reporter -------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


def _identifier_row(tip_key: bytes, k: TipKeys, kind: str, value: str) -> tuple[str, str, bytes] | None:
    """(kind, link digest, encrypted value) of an identifier, or None when it normalises to nothing."""
    value = normalise(kind, value)
    if not value:
        return None
    return kind, k.link_hash(kind, value), k.encrypt(tip_key, value)


def _add_identifier(tip: Tip, k: TipKeys, kind: str, value: str, *, confirmed: bool) -> TipIdentifier | None:
    row = _identifier_row(tip.wrapped_key, k, kind, value)
    if row is None:
        return None
    kind, digest, encrypted = row
    found, made = TipIdentifier.objects.get_or_create(
        tip=tip, digest=digest, defaults={"kind": kind, "value": encrypted, "confirmed": confirmed}
    )
    if not made and confirmed and not found.confirmed:
        found.confirmed = True
        found.save(update_fields=["confirmed"])
    return found


def receive(fields: dict[str, str]) -> tuple[Tip, str]:
    """Store a tip from the public form; returns it and its receipt code (never stored)."""
    k = keys()
    code = new_receipt_code()
    content = {name: fields.get(name, "").strip() for name in (*TEXT_FIELDS, "contact")}
    content["structured"] = {kind: _lines(fields.get(name, "")) for name, kind in STRUCTURED.items()}
    # the CPU work (hashing, encrypting, finding identifiers) is done before the transaction, so
    # that the database's write lock is held only for the inserts
    wrapped = k.new_wrapped_key()
    digest = receipt_hash(code, k.pepper)
    encrypted = k.encrypt(wrapped, json.dumps(content, ensure_ascii=False))
    identifiers: dict[str, tuple[str, bytes, bool]] = {}  # digest -> (kind, value, confirmed)
    # typed by the reporter: confirmed at once; found in the text: suggestions for the handler
    for kind, values in content["structured"].items():
        for value in values:
            if (row := _identifier_row(wrapped, k, kind, value)) and row[1] not in identifiers:
                identifiers[row[1]] = (row[0], row[2], True)
    text = "\n".join(content[name] for name in TEXT_FIELDS)
    for found in find_identifiers(text):
        if (row := _identifier_row(wrapped, k, found.kind, found.value)) and row[1] not in identifiers:
            identifiers[row[1]] = (row[0], row[2], False)
    with transaction.atomic():
        tip = Tip.objects.create(
            created_at=timezone.now(), wrapped_key=wrapped, receipt_hash=digest, content=encrypted
        )
        Entry.objects.create(tip=tip, at=tip.created_at, kind="report", status_to=Status.NEW)
        TipIdentifier.objects.bulk_create(
            TipIdentifier(tip=tip, digest=d, kind=kind, value=value, confirmed=confirmed)
            for d, (kind, value, confirmed) in identifiers.items()
        )
        count_in_window("submit", 3600, add=1)
        record(None, "tips.receive", tip=tip.pk)
    return tip, code


def find_by_receipt(code: str) -> Tip | None:
    """The tip of a receipt code, or None; a miss counts towards the guessing limit."""
    k = keys()
    try:
        digest = receipt_hash(code, k.pepper)
    except ValueError:
        digest = None
    tip = Tip.objects.filter(receipt_hash=digest, destroyed_at__isnull=True).first() if digest else None
    if tip is None:
        count_in_window("receipt_fail", GUESS_WINDOW, add=1)
    return tip


def add_entry(tip: Tip, kind: str, text: str, *, author: Any = None, **status: str) -> Entry:
    if tip.destroyed_at is not None:
        raise TipsError("this tip was destroyed")
    body = keys().encrypt(tip.wrapped_key, text) if text else b""
    return Entry.objects.create(
        tip=tip,
        at=timezone.now(),
        kind=kind,
        author=author if author is not None else None,
        body=body,
        status_from=status.get("status_from", ""),
        status_to=status.get("status_to", ""),
    )


def reporter_message(tip: Tip, kind: str, text: str) -> Entry:
    """The reporter answers a question or adds information (anonymously)."""
    if kind not in ("answer", "info") or not text.strip():
        raise TipsError("an answer needs text")
    with transaction.atomic():
        entry = add_entry(tip, kind, text.strip())
        record(None, f"tips.reporter_{kind}", tip=tip.pk)
        # a merged tip has left the queue: the message goes on to the tip it was merged into,
        # encrypted with that tip's key, so that no handler misses it
        target, seen = tip.merged_into, {tip.pk}
        while target is not None and target.pk not in seen and target.destroyed_at is None:
            if target.merged_into_id is None:
                add_entry(target, kind, f"[van de melder van melding {tip.pk}] {text.strip()}")
                break
            seen.add(target.pk)
            target = target.merged_into
    return entry


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    at: datetime
    kind: str
    author: str
    text: str
    status_from: str
    status_to: str


def content_of(tip: Tip) -> dict[str, Any]:
    return json.loads(keys().decrypt(tip.wrapped_key, tip.content))


def timeline(tip: Tip, *, for_reporter: bool = False) -> list[EntryView]:
    """The tip's entries decrypted; the reporter sees questions, answers and info only."""
    k = keys()
    entries = tip.entries.select_related("author")
    if for_reporter:
        entries = entries.filter(kind__in=("question", "answer", "info"))
    return [
        EntryView(
            at=e.at,
            kind=e.kind,
            author=e.author.get_username() if e.author else "",
            text=k.decrypt(tip.wrapped_key, e.body) if bytes(e.body) else "",
            status_from=e.status_from,
            status_to=e.status_to,
        )
        for e in entries
    ]


def identifiers_of(tip: Tip) -> list[dict[str, Any]]:
    k = keys()
    return [
        {"id": i.pk, "kind": i.kind, "value": k.decrypt(tip.wrapped_key, i.value), "confirmed": i.confirmed}
        for i in tip.identifiers.order_by("kind", "pk")
    ]


def linked_tips(tip: Tip) -> dict[int, list[str]]:
    """Other live tips sharing a confirmed identifier with this one: tip id -> kinds shared."""
    digests = tip.identifiers.filter(confirmed=True).values_list("digest", flat=True)
    shared: dict[int, set[str]] = {}
    rows = (
        TipIdentifier.objects.filter(digest__in=list(digests), confirmed=True, tip__destroyed_at__isnull=True)
        .exclude(tip=tip)
        .values_list("tip_id", "kind")
    )
    for tip_id, kind in rows:
        shared.setdefault(tip_id, set()).add(kind)
    return {tip_id: sorted(kinds) for tip_id, kinds in sorted(shared.items())}


def awaiting_handler(tip: Tip) -> bool:
    """True when the reporter wrote last (an answer or new information nobody reacted to)."""
    last = tip.entries.exclude(kind="note").order_by("-at", "-id").values_list("kind", "author_id").first()
    return last is not None and last[0] in ("answer", "info") and last[1] is None


# --- the handler ------------------------------------------------------------------------------


def change_status(tip: Tip, new: str, reason: str, *, by: Any, recipient: str = "") -> None:
    then = check_transition(tip.status, new, reason)
    if then == Status.HANDED_OVER and recipient not in HANDOVER_TO:
        raise TipsError(f"a hand-over needs a recipient: {', '.join(HANDOVER_TO)}")
    with transaction.atomic():
        add_entry(
            tip,
            "status",
            reason.strip() + (f" [{recipient}]" if recipient else ""),
            author=by,
            status_from=tip.status,
            status_to=then,
        )
        tip.status = then
        tip.closed_at = timezone.now() if then == Status.CLOSED else None
        tip.save(update_fields=["status", "closed_at"])
        extra = {"recipient": recipient} if recipient else {}
        record(by, "tips.status", tip=tip.pk, status=then.value, **extra)


def handler_entry(tip: Tip, kind: str, text: str, *, by: Any) -> None:
    """A question to the reporter or a note for colleagues."""
    if kind not in ("question", "note") or not text.strip():
        raise TipsError("a question or note needs text")
    with transaction.atomic():
        add_entry(tip, kind, text.strip(), author=by)
        record(by, f"tips.{kind}", tip=tip.pk)


def set_summary(tip: Tip, text: str, *, by: Any) -> None:
    with transaction.atomic():
        tip.summary = keys().encrypt(tip.wrapped_key, text.strip())
        tip.save(update_fields=["summary"])
        record(by, "tips.summary", tip=tip.pk)


def summary_of(tip: Tip) -> str:
    return keys().decrypt(tip.wrapped_key, tip.summary) if bytes(tip.summary) else ""


def confirm_identifier(tip: Tip, identifier_id: int, *, by: Any) -> None:
    with transaction.atomic():
        updated = tip.identifiers.filter(pk=identifier_id).update(confirmed=True)
        if not updated:
            raise TipsError(f"tip {tip.pk} has no identifier {identifier_id}")
        record(by, "tips.identifier_confirm", tip=tip.pk)


def add_identifier(tip: Tip, kind: str, value: str, *, by: Any) -> None:
    if kind not in KINDS:
        raise TipsError(f"identifier kind must be one of {', '.join(KINDS)}")
    with transaction.atomic():
        if _add_identifier(tip, keys(), kind, value, confirmed=True) is None:
            raise TipsError("an identifier needs a value")
        record(by, "tips.identifier_add", tip=tip.pk)


def merge(duplicate: Tip, into: Tip, *, by: Any) -> None:
    """Merge a duplicate into another tip: the duplicate keeps its own history (and key) and
    points to the tip it was merged into; its identifiers are copied over; it leaves the queue."""
    if duplicate.pk == into.pk or into.merged_into_id is not None or into.destroyed_at is not None:
        raise TipsError("a tip can only be merged into another live tip")
    k = keys()
    with transaction.atomic():
        for ident in identifiers_of(duplicate):
            _add_identifier(into, k, ident["kind"], ident["value"], confirmed=ident["confirmed"])
        add_entry(duplicate, "merge", f"samengevoegd met melding {into.pk}", author=by)
        add_entry(into, "merge", f"melding {duplicate.pk} is hierin samengevoegd", author=by)
        duplicate.merged_into = into
        duplicate.save(update_fields=["merged_into"])
        record(by, "tips.merge", tip=duplicate.pk, tips=[duplicate.pk, into.pk])


# --- retention ----------------------------------------------------------------------------------


def purge(*, months: int = 12, now: datetime | None = None, by: Any = None) -> list[int]:
    """Destroy closed tips older than `months` by destroying their keys; returns their ids."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=round(months * 365.25 / 12))
    ids = list(
        Tip.objects.filter(status=Status.CLOSED, closed_at__lt=cutoff, destroyed_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for tip_id in ids:
        with transaction.atomic():
            # the key goes, and with it every ciphertext of the tip; the rows left say only
            # that a tip existed and when it was destroyed
            Tip.objects.filter(pk=tip_id).update(
                wrapped_key=b"",
                content=b"",
                summary=b"",
                receipt_hash=None,
                destroyed_at=now,
            )
            Entry.objects.filter(tip_id=tip_id).update(body=b"")
            TipIdentifier.objects.filter(tip_id=tip_id).delete()
            record(by, "tips.destroy", tip=tip_id)
    return ids


# --- decoy adverts ------------------------------------------------------------------------------


def record_decoy(year: int, kind: str, responder: str, continued: bool, *, by: Any) -> None:
    """Store one response to a decoy advert; the responder only as an HMAC of its normal form."""
    from inbeeld.web.tips.models import DecoyResponse

    value = normalise(kind, responder)
    if not value:
        raise TipsError("a decoy response needs a responder")
    with transaction.atomic():
        DecoyResponse.objects.create(
            year=year,
            responder=keys().link_hash(f"decoy-{kind}", value),
            continued=continued,
            recorded_at=timezone.now(),
            recorded_by=by if getattr(by, "pk", None) else None,
        )
        record(by, "tips.decoy_record", years=[year])
