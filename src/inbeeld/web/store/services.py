"""Store services: import conversation files, save suggestions, read records for the monitor.

Each service calls the core and writes the result in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from inbeeld.codebook import Codebook
from inbeeld.corpus import CodedConversation, Conversation, Message, read_conversations
from inbeeld.corpus.parse import conversation_to_dict
from inbeeld.errors import InbeeldError
from inbeeld.monitor.records import MonitorRecord
from inbeeld.web.store import models

CHUNK = 500  # conversations per database round trip

# A stage applied to each conversation before it is stored (de-identification); it returns the
# conversation to store, or raises InbeeldError to reject that conversation.
Transform = Callable[[Iterable[Conversation]], Iterator[Conversation | InbeeldError]]


@dataclass
class ImportResult:
    """What one file's import did; `error` set means nothing of the file was stored."""

    path: Path
    imported: int = 0
    skipped: int = 0  # same id, same content: already there
    conflicts: list[str] = field(default_factory=list)  # same id, different content: left alone
    rejected: list[str] = field(default_factory=list)  # per conversation: "id: reason"
    imported_ids: list[str] = field(default_factory=list)
    error: str | None = None


def content_hash(conversation: Conversation) -> str:
    """A stable hash of a conversation as received, to tell a re-import from changed content."""
    canonical = json.dumps(conversation_to_dict(conversation), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_conversations(
    path: Path,
    fmt: str | None = None,
    *,
    transform: Callable[[Iterable[Conversation]], Iterator[Conversation | InbeeldError]] | None = None,
    deid_version: str = "",
    encrypt_raw: Callable[[bytes], bytes] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import one file: all of it or nothing; known ids with equal content are skipped.

    `transform` de-identifies (in input order); without it the text is stored as received and
    marked not de-identified. `encrypt_raw` keeps the raw conversation, encrypted.
    """
    path = Path(path)
    result = ImportResult(path=path)
    try:
        with transaction.atomic():
            batch = models.ImportBatch.objects.create(file_name=path.name, file_sha256=file_sha256(path))
            _import_stream(path, fmt, batch, result, transform, deid_version, encrypt_raw, on_progress)
            batch.imported, batch.skipped, batch.conflicts = (
                result.imported, result.skipped, len(result.conflicts))
            if result.imported == 0:
                batch.delete()  # a re-run that adds nothing leaves no trace
            else:
                batch.save()
    except InbeeldError as exc:
        # the transaction rolled back: the store is as it was before this file
        return ImportResult(path=path, error=str(exc))
    return result


def _import_stream(
    path: Path,
    fmt: str | None,
    batch: models.ImportBatch,
    result: ImportResult,
    transform: Callable[[Iterable[Conversation]], Iterator[Conversation | InbeeldError]] | None,
    deid_version: str,
    encrypt_raw: Callable[[bytes], bytes] | None,
    on_progress: Callable[[int], None] | None,
) -> None:
    # One transform stream for the whole file: a de-identification pool starts once, not per chunk.
    fresh: deque[tuple[Conversation, str]] = deque()

    def new_conversations() -> Iterator[Conversation]:
        pending: list[tuple[Conversation, str]] = []
        for conversation in read_conversations(path, fmt):
            pending.append((conversation, content_hash(conversation)))
            if len(pending) >= CHUNK:
                yield from _only_new(pending, result, fresh, on_progress)
                pending = []
        yield from _only_new(pending, result, fresh, on_progress)

    stored = transform(new_conversations()) if transform else new_conversations()
    rows: list[tuple[Conversation, str, Conversation | InbeeldError]] = []
    for outcome in stored:
        raw, digest = fresh.popleft()
        rows.append((raw, digest, outcome))
        if len(rows) >= CHUNK:
            _store_chunk(rows, batch, result, transform is not None, deid_version, encrypt_raw)
            if on_progress:
                on_progress(len(rows))
            rows = []
    _store_chunk(rows, batch, result, transform is not None, deid_version, encrypt_raw)
    if on_progress and rows:
        on_progress(len(rows))


def _only_new(
    pending: list[tuple[Conversation, str]],
    result: ImportResult,
    fresh: deque[tuple[Conversation, str]],
    on_progress: Callable[[int], None] | None,
) -> Iterator[Conversation]:
    """Count known conversations (skipped or in conflict); yield the new ones, remembered in fresh."""
    if not pending:
        return
    existing = dict(
        models.Conversation.objects.filter(external_id__in=[c.id for c, _ in pending]).values_list(
            "external_id", "content_hash"
        )
    )
    known = 0
    for conversation, digest in pending:
        stored_digest = existing.get(conversation.id)
        if stored_digest is None:
            fresh.append((conversation, digest))
            yield conversation
            continue
        known += 1
        if stored_digest == digest:
            result.skipped += 1
        else:
            result.conflicts.append(
                f"{conversation.id}: already stored with different content; left unchanged"
            )
    if on_progress and known:
        on_progress(known)


def _store_chunk(
    rows: list[tuple[Conversation, str, Conversation | InbeeldError]],
    batch: models.ImportBatch,
    result: ImportResult,
    deidentified: bool,
    deid_version: str,
    encrypt_raw: Callable[[bytes], bytes] | None,
) -> None:
    conversations: list[models.Conversation] = []
    kept: list[Conversation] = []
    for raw, digest, outcome in rows:
        if isinstance(outcome, InbeeldError):
            result.rejected.append(f"{raw.id}: {outcome}")
            continue
        conversations.append(
            models.Conversation(
                external_id=raw.id,
                started_at=raw.started_at,
                year=raw.started_at.year,
                source=raw.source,
                content_hash=digest,
                deidentified=deidentified,
                deid_version=deid_version,
                raw_encrypted=encrypt_raw(_raw_bytes(raw)) if encrypt_raw else None,
                batch=batch,
            )
        )
        kept.append(outcome)
    if not kept:
        return
    models.Conversation.objects.bulk_create(conversations)
    ids = dict(
        models.Conversation.objects.filter(external_id__in=[c.id for c in kept]).values_list(
            "external_id", "pk"
        )
    )
    messages = [
        models.Message(conversation_id=ids[c.id], index=i, role=m.role, text=m.text, ts=m.ts)
        for c in kept
        for i, m in enumerate(c.messages)
    ]
    models.Message.objects.bulk_create(messages, batch_size=2000)
    result.imported += len(kept)
    result.imported_ids.extend(c.id for c in kept)


def _raw_bytes(conversation: Conversation) -> bytes:
    return json.dumps(conversation_to_dict(conversation), ensure_ascii=False).encode("utf-8")


def stored_conversations(ids: Iterable[str] | None = None) -> Iterator[Conversation]:
    """The stored (de-identified) conversations as core data, in started_at order."""
    query = models.Conversation.objects.order_by("started_at", "external_id")
    if ids is not None:
        query = query.filter(external_id__in=list(ids))
    for chunk_start in range(0, query.count(), CHUNK):
        chunk = list(query[chunk_start:chunk_start + CHUNK].prefetch_related("messages"))
        for row in chunk:
            yield Conversation(
                id=row.external_id,
                started_at=row.started_at,
                source=row.source,
                messages=tuple(
                    Message(role=m.role, text=m.text, ts=m.ts) for m in row.messages.all()
                ),
            )


def save_suggestions(
    coded: Iterable[CodedConversation], codebook: Codebook, source: str
) -> int:
    """Store automatic codes as suggestions (marked automatic), one row per variable."""
    saved = 0
    batch: list[CodedConversation] = []

    def flush() -> None:
        nonlocal saved
        ids = dict(
            models.Conversation.objects.filter(external_id__in=[c.id for c in batch]).values_list(
                "external_id", "pk"
            )
        )
        rows = []
        for item in batch:
            if item.id not in ids:
                raise InbeeldError(f"conversation {item.id!r} is not in the store")
            checked = codebook.validate(item.codes, where=f"conversation {item.id}")
            for variable, value in checked.items():
                refs = item.evidence.get(variable, ())
                rows.append(
                    models.Coding(
                        conversation_id=ids[item.id],
                        variable=variable,
                        value=value,
                        evidence=[{"message": r.message, "start": r.start, "end": r.end} for r in refs],
                        automatic=True,
                        source=source,
                        confidence=item.confidence.get(variable),
                        codebook_version=item.codebook_version or codebook.version,
                    )
                )
        models.Coding.objects.bulk_create(rows, batch_size=5000)
        saved += len(batch)
        batch.clear()

    with transaction.atomic():
        for item in coded:
            batch.append(item)
            if len(batch) >= CHUNK:
                flush()
        if batch:
            flush()
    return saved


def monitor_records(year_from: int, year_to: int) -> Iterator[MonitorRecord]:
    """The latest code per variable of each stored conversation in the period, for the monitor.

    A human decision outranks any automatic suggestion, whatever their order.
    """
    conversations = models.Conversation.objects.filter(year__gte=year_from, year__lte=year_to)
    meta = dict(conversations.values_list("pk", "external_id"))
    years = dict(conversations.values_list("pk", "year"))
    sources = dict(conversations.values_list("pk", "source"))
    latest: dict[int, dict[str, tuple[bool, object]]] = {}
    rows = (
        models.Coding.objects.filter(conversation__in=conversations)
        .order_by("conversation_id", "variable", "created_at", "pk")
        .values_list("conversation_id", "variable", "value", "automatic")
        .iterator(chunk_size=5000)
    )
    for conv_pk, variable, value, automatic in rows:
        codes = latest.setdefault(conv_pk, {})
        previous = codes.get(variable)
        human = not automatic
        if previous is None or human or not previous[0]:
            codes[variable] = (human, value)
    for pk, codes in latest.items():
        yield MonitorRecord(
            id=meta[pk],
            year=years[pk],
            codes={variable: value for variable, (_, value) in codes.items()},
            reviewed=frozenset(variable for variable, (human, _) in codes.items() if human),
            source=sources[pk],
        )
