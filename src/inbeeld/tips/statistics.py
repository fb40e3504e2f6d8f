"""Tips per year and status for the monitor, with small cells suppressed (primary and secondary)
by inbeeld.monitor.suppression, so that no published count singles out a handful of tips."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from inbeeld.monitor.suppression import suppress_small_cells
from inbeeld.tips.status import Status

COLUMNS = tuple(s.value for s in Status)


@dataclass(frozen=True)
class TipsTable:
    """Rows: years; columns: statuses, then the row total; last row: column totals.
    A suppressed entry is None."""

    years: tuple[int, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]


def tips_table(tips: Iterable[tuple[int, str]], threshold: int = 10) -> TipsTable:
    """Count (year, status) pairs, one per tip, and hide entries below the threshold."""
    counts: dict[int, list[int]] = {}
    for year, status in tips:
        counts.setdefault(year, [0] * len(COLUMNS))[COLUMNS.index(status)] += 1
    years = tuple(sorted(counts))
    if not years:
        return TipsTable(years=(), columns=(*COLUMNS, "total"), cells=())
    matrix = [counts[y] for y in years]
    protection = suppress_small_cells(matrix, threshold)
    hidden = protection.suppressed()
    full = [[*row, sum(row)] for row in matrix]
    full.append([sum(col) for col in zip(*full, strict=True)])
    cells = tuple(
        tuple(None if (i, j) in hidden else value for j, value in enumerate(row))
        for i, row in enumerate(full)
    )
    return TipsTable(years=years, columns=(*COLUMNS, "total"), cells=cells)
