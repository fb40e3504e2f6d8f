"""Capture data for multiple systems estimation: counts per capture pattern, read from CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from inbeeld.errors import InbeeldError, InputFormatError

__all__ = [
    "CaptureTable",
    "MSEError",
    "MSEInputError",
    "capture_table",
    "merge_lists",
    "read_capture_table",
]

_COUNT_NAMES = ("count", "aantal", "n", "freq")
_MAX_LISTS = 16  # 2^16 cells; more lists than this is not a capture study but a mistake


class MSEError(InbeeldError):
    """Input to the estimation that a person can fix: unknown list names, bad terms, too few lists."""


class MSEInputError(InputFormatError):
    """A capture file does not follow its format (names file, row and column)."""


@dataclass(frozen=True, slots=True)
class CaptureTable:
    """Observed counts for every capture pattern except the unobserved all-zero one.

    `counts[k]` is the number of cases whose pattern has bit i set exactly when they are on
    list i, for pattern code k + 1 (so all 2^m - 1 patterns are present, zeros included).
    """

    lists: tuple[str, ...]
    counts: tuple[int, ...]

    def __post_init__(self) -> None:
        m = len(self.lists)
        if m < 2:
            raise ValueError(f"need at least two lists, got {m}")
        if len(set(self.lists)) != m:
            raise ValueError(f"list names must be unique, got {self.lists}")
        if len(self.counts) != 2**m - 1:
            raise ValueError(f"need {2**m - 1} pattern counts for {m} lists, got {len(self.counts)}")
        if any(c < 0 for c in self.counts):
            raise ValueError("counts must be >= 0")

    @property
    def observed(self) -> int:
        """Number of cases seen on at least one list."""
        return sum(self.counts)

    def patterns(self) -> np.ndarray:
        """The 0/1 matrix of capture patterns (one row per count, one column per list)."""
        return _patterns(len(self.lists))

    def y(self) -> np.ndarray:
        """Counts as a float array, in pattern order."""
        return np.asarray(self.counts, dtype=float)

    def list_totals(self) -> dict[str, int]:
        """Number of cases on each list."""
        totals = self.patterns().T @ np.asarray(self.counts)
        return {name: int(t) for name, t in zip(self.lists, totals, strict=True)}

    def overlap(self, i: int, j: int) -> int:
        """Number of cases on both list i and list j (whatever other lists they are on)."""
        pat = self.patterns()
        return int(np.asarray(self.counts)[(pat[:, i] * pat[:, j]) == 1].sum())

    def index(self, name: str) -> int:
        """Position of a list by name."""
        try:
            return self.lists.index(name)
        except ValueError:
            raise MSEError(f"unknown list '{name}'; lists are {', '.join(self.lists)}") from None

    def with_counts(self, counts: Iterable[int]) -> CaptureTable:
        """The same lists with other counts (used by the bootstrap and the jackknife)."""
        return CaptureTable(self.lists, tuple(int(c) for c in counts))


def _patterns(m: int) -> np.ndarray:
    codes = np.arange(1, 2**m)
    return ((codes[:, None] >> np.arange(m)[None, :]) & 1).astype(np.int64)


def _code(pattern: Sequence[int]) -> int:
    return sum(bit << i for i, bit in enumerate(pattern))


def capture_table(lists: Sequence[str], rows: Iterable[tuple[Sequence[int], int]]) -> CaptureTable:
    """Build a table from (pattern, count) pairs; repeated patterns are added up."""
    lists = tuple(lists)
    if len(lists) > _MAX_LISTS:
        raise MSEError(f"{len(lists)} lists is more than the {_MAX_LISTS} this estimator handles")
    counts = [0] * (2 ** len(lists) - 1)
    for pattern, count in rows:
        code = _code(pattern)
        if code == 0:
            if count:
                raise ValueError("the all-zero pattern cannot have observed cases")
            continue
        counts[code - 1] += int(count)
    return CaptureTable(lists, tuple(counts))


def merge_lists(table: CaptureTable, names: Sequence[str], name: str | None = None) -> CaptureTable:
    """Merge lists into one (a case is on the merged list if it is on any of them).

    The merged list takes the place of the first merged list; its name is the names joined by
    '+' unless `name` is given.
    """
    if len(names) < 2:
        raise MSEError(f"merging needs at least two lists, got {', '.join(names) or 'none'}")
    idx = [table.index(n) for n in names]
    if len(set(idx)) != len(idx):
        raise MSEError(f"a list is named twice in the merge {'+'.join(names)}")
    new_name = name or "+".join(names)
    keep = [i for i in range(len(table.lists)) if i not in idx[1:]]
    lists = tuple(new_name if i == idx[0] else table.lists[i] for i in keep)
    if len(lists) < 2:
        raise MSEError("after merging fewer than two lists remain; nothing to estimate")
    rows = [
        ([int(row[idx].max()) if i == idx[0] else int(row[i]) for i in keep], count)
        for row, count in zip(table.patterns(), table.counts, strict=True)
    ]
    return capture_table(lists, rows)


def read_capture_table(
    path: Path | str,
    *,
    lists: Sequence[str] | None = None,
    count_column: str | None = None,
    where: Mapping[str, str] | None = None,
) -> CaptureTable:
    """Read capture data from CSV: either patterns with a count column, or one row per case.

    Pattern table: one 0/1 column per list and a count column ('count' unless `count_column`).
    Records: one row per case with 0/1 list columns and optional other columns (covariates such
    as year); give the list columns in `lists`, or every column with only 0/1 values is taken as
    a list. `where` keeps only rows whose column equals the value (e.g. {"year": "2014"}); rows
    with the same pattern are added up. Row numbers in errors count the header as row 1.
    """
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            body = list(reader)
    except FileNotFoundError:
        raise MSEInputError(path, None, None, "file not found", unit="row") from None
    except UnicodeDecodeError:
        raise MSEInputError(path, None, None, "not UTF-8 text", unit="row") from None
    if not header:
        raise MSEInputError(path, 1, None, "empty file: expected a header row", unit="row")
    header = [h.strip() for h in header]
    _check_header(path, header)
    count_col = _find_count_column(path, header, count_column)

    rows: list[tuple[int, list[str]]] = []
    for k, raw in enumerate(body, start=2):
        if not any(cell.strip() for cell in raw):
            continue  # blank line
        if len(raw) != len(header):
            raise MSEInputError(path, k, None, f"{len(raw)} values for {len(header)} columns", unit="row")
        rows.append((k, [cell.strip() for cell in raw]))
    rows = _filter(path, header, rows, where or {})

    list_cols = _list_columns(path, header, rows, lists, count_col)
    col = {h: i for i, h in enumerate(header)}
    parsed = []
    for k, values in rows:
        pattern = [_binary(path, k, name, values[col[name]]) for name in list_cols]
        count = 1 if count_col is None else _count(path, k, count_col, values[col[count_col]])
        if not any(pattern) and count:
            raise MSEInputError(
                path, k, None, "case on no list: the all-zero pattern is what is estimated", unit="row"
            )
        parsed.append((pattern, count))
    if not parsed:
        raise MSEInputError(path, None, None, "no data rows (after filtering)", unit="row")
    return capture_table(list_cols, parsed)


def _check_header(path: Path, header: list[str]) -> None:
    seen: set[str] = set()
    for name in header:
        if not name:
            raise MSEInputError(path, 1, None, "empty column name in header", unit="row")
        if name in seen:
            raise MSEInputError(path, 1, name, "column appears twice", unit="row")
        seen.add(name)


def _find_count_column(path: Path, header: list[str], count_column: str | None) -> str | None:
    if count_column is not None:
        if count_column not in header:
            raise MSEInputError(
                path, 1, count_column, f"count column missing; columns are {', '.join(header)}", unit="row"
            )
        return count_column
    for name in header:
        if name.lower() in _COUNT_NAMES:
            return name
    return None


def _filter(
    path: Path, header: list[str], rows: list[tuple[int, list[str]]], where: Mapping[str, str]
) -> list[tuple[int, list[str]]]:
    for name in where:
        if name not in header:
            raise MSEInputError(
                path, 1, name, f"filter column missing; columns are {', '.join(header)}", unit="row"
            )
    col = {h: i for i, h in enumerate(header)}
    return [(k, v) for k, v in rows if all(v[col[n]] == str(val) for n, val in where.items())]


def _list_columns(
    path: Path,
    header: list[str],
    rows: list[tuple[int, list[str]]],
    lists: Sequence[str] | None,
    count_col: str | None,
) -> list[str]:
    if lists:
        for name in lists:
            if name not in header:
                raise MSEInputError(
                    path, 1, name, f"list column missing; columns are {', '.join(header)}", unit="row"
                )
            if name == count_col:
                raise MSEInputError(path, 1, name, "the count column cannot be a list", unit="row")
        chosen = list(lists)
    elif count_col is not None:
        # a pattern table: every other column is a list, and the value checks below hold them to 0/1
        chosen = [h for h in header if h != count_col]
    else:
        col = {h: i for i, h in enumerate(header)}
        chosen = [h for h in header if all(v[col[h]] in ("0", "1") for _, v in rows)]
    if len(chosen) < 2:
        raise MSEInputError(
            path, 1, None, f"need at least two list columns (0/1), found {len(chosen)}", unit="row"
        )
    return chosen


def _binary(path: Path, row: int, column: str, value: str) -> int:
    if value in ("0", "1"):
        return int(value)
    raise MSEInputError(path, row, column, "list membership must be 0 or 1", unit="row")


def _count(path: Path, row: int, column: str, value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise MSEInputError(path, row, column, "count must be a whole number", unit="row") from None
    if count < 0:
        raise MSEInputError(path, row, column, f"count must be >= 0, got {count}", unit="row")
    return count
