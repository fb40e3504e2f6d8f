"""Small-cell protection for 2-D count tables published with row, column and grand totals.

Hand-written because no maintained Python library does cell suppression (tau-ARGUS, sdcTable
are Java/R). The rule, on the table *with its margins*:

1. primary: every entry (inner cell or total) with 1 <= count < threshold is suppressed;
2. secondary: every line of the table that adds up (a row with its row total, a column with its
   column total, the total row, the total column) has either no suppressed entry or at least
   two, and
3. no suppressed entry can be solved exactly from the published entries.

Rule 3 is stronger than rule 2. Think of the lines as vertices of a bipartite graph (row lines,
column lines) and the suppressed entries as edges: each line is one linear equation, and a
suppressed entry is exactly derivable when its edge lies on no cycle (a bridge): moving
+1/-1 round a cycle changes the suppressed values without changing any published sum, and an
edge on no cycle takes part in no such move. So bridges get a partner that closes a cycle.
Zeros are never primary (a zero discloses no person); they are avoided as partners where
possible, because a partner of known value protects nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PRIMARY = "primary"
SECONDARY = "secondary"


@dataclass(frozen=True, slots=True)
class SuppressedEntry:
    """One suppressed entry of the table with margins: row == n_rows is the total row."""

    row: int
    column: int
    status: str  # PRIMARY or SECONDARY
    reason: str

    def __post_init__(self) -> None:
        if self.status not in (PRIMARY, SECONDARY):
            raise ValueError(f"status must be {PRIMARY} or {SECONDARY}, got {self.status!r}")


@dataclass(frozen=True, slots=True)
class Protection:
    """Which entries of an R x C table with margins ((R+1) x (C+1)) are suppressed, and why."""

    n_rows: int
    n_columns: int
    threshold: int
    entries: tuple[SuppressedEntry, ...]

    def status(self, row: int, column: int) -> str | None:
        """PRIMARY, SECONDARY or None (published) for one entry; row/column n means total."""
        for entry in self.entries:
            if entry.row == row and entry.column == column:
                return entry.status
        return None

    def suppressed(self) -> frozenset[tuple[int, int]]:
        return frozenset((e.row, e.column) for e in self.entries)


def augmented(
    counts: Sequence[Sequence[int]],
    row_totals: Sequence[int] | None = None,
    column_totals: Sequence[int] | None = None,
    grand_total: int | None = None,
) -> list[list[int]]:
    """The table with its row totals as last column and column totals as last row.

    Totals default to sums; pass them when a conversation can be in several cells of a line
    (multi-valued variables), where the total is the number of conversations, not the sum.
    """
    rows = [list(map(int, row)) for row in counts]
    if not rows or not rows[0]:
        raise ValueError("a table needs at least one row and one column")
    n_columns = len(rows[0])
    if any(len(row) != n_columns for row in rows):
        raise ValueError("all rows of a table need the same number of columns")
    if any(value < 0 for row in rows for value in row):
        raise ValueError("counts cannot be negative")
    r_totals = list(row_totals) if row_totals is not None else [sum(row) for row in rows]
    c_totals = (
        list(column_totals)
        if column_totals is not None
        else [sum(row[j] for row in rows) for j in range(n_columns)]
    )
    if len(r_totals) != len(rows) or len(c_totals) != n_columns:
        raise ValueError("totals must match the table's shape")
    grand = grand_total if grand_total is not None else sum(r_totals)
    return [*([*row, total] for row, total in zip(rows, r_totals, strict=True)), [*c_totals, grand]]


def suppress_small_cells(
    counts: Sequence[Sequence[int]],
    threshold: int = 10,
    *,
    row_totals: Sequence[int] | None = None,
    column_totals: Sequence[int] | None = None,
    grand_total: int | None = None,
    rows_add_up: bool = True,
    columns_add_up: bool = True,
    forced: Mapping[tuple[int, int], tuple[str, str]] | None = None,
) -> Protection:
    """Decide which entries of a table with margins to suppress (primary and secondary).

    `rows_add_up`: each row's cells sum to its row total (a conversation falls in one column);
    `columns_add_up` likewise for columns. When a conversation can fall in several rows (a
    multi-valued variable), columns do not add up: a column is no equation an attacker can
    solve, and only the lines that add up are protected.
    `forced`: entries already hidden, {(row, column): (status, reason)} — hidden in a linked
    table, or in an earlier round; they stay hidden and get partners like any other.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    table = augmented(counts, row_totals, column_totals, grand_total)
    n_rows, n_columns = len(table) - 1, len(table[0]) - 1
    status: dict[tuple[int, int], tuple[str, str]] = {}
    for i, row in enumerate(table):
        for j, value in enumerate(row):
            if 1 <= value < threshold:
                status[i, j] = (PRIMARY, f"count between 1 and {threshold - 1}")
    for cell, (kind, reason) in (forced or {}).items():
        status.setdefault(cell, (kind, reason))
    while True:
        if _close_lonely_lines(table, status, rows_add_up, columns_add_up):
            continue
        # with one direction only, lines share no entries: lonely lines are all there is
        if rows_add_up and columns_add_up and _close_bridges(table, status):
            continue
        break
    entries = tuple(
        SuppressedEntry(i, j, kind, reason) for (i, j), (kind, reason) in sorted(status.items())
    )
    return Protection(n_rows=n_rows, n_columns=n_columns, threshold=threshold, entries=entries)


def _lines(
    table: list[list[int]], rows_add_up: bool = True, columns_add_up: bool = True
) -> list[tuple[str, int, list[tuple[int, int]]]]:
    n_rows, n_columns = len(table), len(table[0])
    rows = [("row", i, [(i, j) for j in range(n_columns)]) for i in range(n_rows)]
    columns = [("column", j, [(i, j) for i in range(n_rows)]) for j in range(n_columns)]
    return (rows if rows_add_up else []) + (columns if columns_add_up else [])


def _cost(table: list[list[int]], cell: tuple[int, int]) -> tuple[int, int, int, int, int]:
    """Order of preference for a secondary suppression: cheapest first."""
    i, j = cell
    # a total hides more than a cell (shares use it as their base), the grand total most
    margin = int(i == len(table) - 1) + int(j == len(table[0]) - 1)
    value = table[i][j]
    return (margin, int(value == 0), value, i, j)


def _close_lonely_lines(
    table: list[list[int]], status: dict, rows_add_up: bool, columns_add_up: bool
) -> bool:
    """Give each line with exactly one suppressed entry a partner; True if anything changed."""
    changed = False
    for kind, index, cells in _lines(table, rows_add_up, columns_add_up):
        hidden = [cell for cell in cells if cell in status]
        if len(hidden) != 1:
            continue
        candidates = [cell for cell in cells if cell not in status]
        if not candidates:
            continue
        # prefer a partner whose other line also has one lonely suppression: fixes two at once
        def key(cell: tuple[int, int], kind: str = kind) -> tuple[int, ...]:
            margin, zero, value, i, j = _cost(table, cell)
            lonely = _other_line_count(table, status, cell, kind) == 1
            return (margin, zero, int(not lonely), value, i, j)

        best = min(candidates, key=key)
        status[best] = (SECONDARY, f"{kind} {index} would otherwise reveal a suppressed count")
        changed = True
    return changed


def _other_line_count(table: list[list[int]], status: dict, cell: tuple[int, int], kind: str) -> int:
    i, j = cell
    if kind == "row":  # the other line of a cell in a row is its column
        return sum((k, j) in status for k in range(len(table)))
    return sum((i, k) in status for k in range(len(table[0])))


def _close_bridges(table: list[list[int]], status: dict) -> bool:
    """Suppress a partner for the first suppressed entry that could be solved exactly."""
    edges = sorted(status)
    for edge in edges:
        i, j = edge
        rest = [e for e in edges if e != edge]
        side_a = _component(("r", i), rest)
        if ("c", j) in side_a:
            continue  # the edge lies on a cycle: not derivable
        side_b = _component(("c", j), rest)
        rows_b = [index for kind, index in side_b if kind == "r"]
        columns_a = [index for kind, index in side_a if kind == "c"]
        candidates = [(r, c) for r in rows_b for c in columns_a if (r, c) not in status]
        if not candidates:  # cannot happen after lonely lines are closed; guard anyway
            candidates = [
                (r, c) for r in range(len(table)) for c in range(len(table[0])) if (r, c) not in status
            ]
        if not candidates:
            continue
        best = min(candidates, key=lambda c: _cost(table, c))
        status[best] = (SECONDARY, f"entry {i},{j} could be solved from several rows and columns")
        return True
    return False


def _component(start: tuple[str, int], edges: list[tuple[int, int]]) -> set[tuple[str, int]]:
    """Line-vertices reachable from `start` over suppressed entries (edges row--column)."""
    neighbours: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for r, c in edges:
        neighbours.setdefault(("r", r), []).append(("c", c))
        neighbours.setdefault(("c", c), []).append(("r", r))
    seen = {start}
    stack = [start]
    while stack:
        for nxt in neighbours.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen
