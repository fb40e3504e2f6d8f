"""The monitor's tables from the stored codes, for the dashboard.

The counting and the small-cell protection are inbeeld.monitor's (build_monitor, the same
tables and suppression as the report); this module reads the store and shapes tables for HTML.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import connections
from django.db.models import Max
from django.utils import timezone

from inbeeld.codebook import Codebook
from inbeeld.monitor import Monitor, MonitorTable, build_monitor
from inbeeld.web.store.models import Coding, Conversation
from inbeeld.web.store.services import monitor_records

THRESHOLD = 10  # the report's threshold: counts of 1-9 are not published
_CACHE_SECONDS = 24 * 3600
# From this many coded conversations a rebuild takes seconds: show the last monitor meanwhile.
BACKGROUND_FROM = 5000
log = logging.getLogger(__name__)
_lock = threading.Lock()
_building: set[str] = set()


@dataclass(frozen=True, slots=True)
class CellView:
    text: str  # the count, or "•" when suppressed
    shown: bool
    share: str  # "42%" when count and base are published, else ""
    interval: str  # "(35–49%)": the monitor's 95% interval of the share, when the share shows
    width: int  # bar width in percent of the column base (0 when the share is not published)


@dataclass(frozen=True, slots=True)
class RowView:
    label: str
    cells: tuple[CellView, ...]  # one per column, then the row total
    total: bool = False


@dataclass(frozen=True, slots=True)
class TableView:
    key: str
    title: str
    base: str
    columns: tuple[str, ...]  # column labels, then the total column's
    rows: tuple[RowView, ...]  # value rows, then the total row
    suppressed: int


def _stamp() -> tuple[int, int]:
    """Changes whenever a code or a conversation is added (rows are only ever inserted)."""
    return (
        Coding.objects.aggregate(m=Max("pk"))["m"] or 0,
        Conversation.objects.aggregate(m=Max("pk"))["m"] or 0,
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    monitor: Monitor | None
    built_at: datetime
    stale: bool  # the store changed since; a newer monitor is being built


def _build(book: Codebook) -> Monitor | None:
    span = sorted(Conversation.objects.order_by().values_list("year", flat=True).distinct())
    if not span:
        return None
    records = list(monitor_records(span[0], span[-1]))
    return build_monitor(records, book, span[0], span[-1], threshold=THRESHOLD)


def _key(book: Codebook) -> str:
    return f"inbeeld-dashboard-{book.version}-{THRESHOLD}"


def _store(book: Codebook, stamp: tuple[int, int]) -> None:
    cache.set(_key(book), (stamp, timezone.now(), _build(book)), _CACHE_SECONDS)


def _rebuild_in_background(book: Codebook, stamp: tuple[int, int]) -> None:
    def work() -> None:
        try:
            _store(book, stamp)
        except Exception as exc:  # the last monitor stays shown; the next visit tries again
            log.warning("dashboard rebuild failed: %s", type(exc).__name__)
        finally:
            with _lock:
                _building.discard(_key(book))
            connections.close_all()  # this thread's connections only

    with _lock:
        if _key(book) in _building:
            return
        _building.add(_key(book))
    threading.Thread(target=work, daemon=True, name="dashboard-rebuild").start()


def snapshot(book: Codebook, *, background: bool = True) -> Snapshot:
    """The monitor over every stored year.

    Counting 100,000 conversations takes seconds, and coders add codes all day: when the store
    has changed since the last build, the last monitor is shown (marked stale) while a new one
    is built in the background. A small store, a first visit, or background=False builds it now.
    """
    stamp = _stamp()
    cached = cache.get(_key(book))
    if cached is not None:
        built_stamp, built_at, monitor = cached
        if built_stamp == stamp:
            return Snapshot(monitor, built_at, stale=False)
        if background and monitor is not None and monitor.n_records >= BACKGROUND_FROM:
            _rebuild_in_background(book, stamp)
            return Snapshot(monitor, built_at, stale=True)
    _store(book, stamp)
    _, built_at, monitor = cache.get(_key(book))
    return Snapshot(monitor, built_at, stale=False)


def current_monitor(book: Codebook) -> Monitor | None:
    """The monitor of the store as it is now (built here when it changed)."""
    return snapshot(book, background=False).monitor


def table_view(table: MonitorTable, language: str) -> TableView:
    """A protected table as rows of display cells: suppressed entries show no count or share."""
    n_rows, n_columns = table.shape

    def cell(i: int, j: int) -> CellView:
        shown = table.published(i, j)
        share = table.share(i, j) if table.share_published(i, j) else None
        bounds = table.interval(i, j) if share is not None else None
        return CellView(
            text=str(table.count(i, j)) if shown else "•", shown=shown,
            share=f"{round(100 * share)}%" if share is not None else "",
            interval=f"({round(100 * bounds[0])}–{round(100 * bounds[1])}%)" if bounds else "",
            width=round(100 * share) if share is not None else 0,
        )

    rows = tuple(
        RowView(table.rows[i].label(language), tuple(cell(i, j) for j in range(n_columns + 1)))
        for i in range(n_rows)
    )
    total = RowView(
        "Total" if language == "en" else "Gesprekken",
        tuple(cell(n_rows, j) for j in range(n_columns + 1)), total=True,
    )
    return TableView(
        key=table.key, title=table.label(language), base=table.base_text(language),
        columns=(*(c.label(language) for c in table.columns), table.total_label(language)),
        rows=(*rows, total), suppressed=len(table.protection.entries),
    )
