"""Small-cell protection: primary and secondary suppression, checked against a linear-algebra oracle."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbeeld.monitor.suppression import PRIMARY, SECONDARY, augmented, suppress_small_cells


def derivable(
    table: list[list[int]], hidden: frozenset[tuple[int, int]], rows: bool = True, columns: bool = True
) -> set[tuple[int, int]]:
    """Suppressed entries an attacker can solve exactly from the published entries and margins.

    Independent of the implementation: every line of the table with margins is one equation
    (cells minus total = 0); an unknown is determined iff its unit vector lies in the row space
    of the equations restricted to the unknowns.
    """
    n_rows, n_cols = len(table), len(table[0])
    unknowns = sorted(hidden)
    index = {cell: k for k, cell in enumerate(unknowns)}
    equations = []
    if rows:  # each row adds up to its total
        equations += [[(i, j) for j in range(n_cols)] for i in range(n_rows)]
    if columns:
        equations += [[(i, j) for i in range(n_rows)] for j in range(n_cols)]
    matrix = []
    for line in equations:
        total = line[-1]
        row = np.zeros(len(unknowns))
        for cell in line:
            if cell in index:
                row[index[cell]] += -1.0 if cell == total else 1.0
        matrix.append(row)
    m = np.array(matrix)
    if not unknowns:
        return set()
    m = m.reshape(len(equations), len(unknowns))
    rank = np.linalg.matrix_rank(m)
    solved = set()
    for cell, k in index.items():
        unit = np.zeros(len(unknowns))
        unit[k] = 1.0
        if np.linalg.matrix_rank(np.vstack([m, unit])) == rank:
            solved.add(cell)
    return solved


def lines(table: list[list[int]]) -> list[list[tuple[int, int]]]:
    n_rows, n_cols = len(table), len(table[0])
    return [[(i, j) for j in range(n_cols)] for i in range(n_rows)] + [
        [(i, j) for i in range(n_rows)] for j in range(n_cols)
    ]


def test_counts_below_threshold_are_primary_and_zeros_are_not():
    protection = suppress_small_cells([[3, 40], [0, 50]], threshold=10)

    assert protection.status(0, 0) == PRIMARY
    assert protection.status(1, 0) is None  # a zero discloses nobody
    assert protection.status(0, 1) is None or protection.status(0, 1) == SECONDARY


def test_count_equal_to_threshold_is_published():
    protection = suppress_small_cells([[10, 40], [20, 50]], threshold=10)

    assert protection.entries == ()


def test_single_small_cell_gets_partners_in_its_row_and_column():
    # 3 in a row of [3, 40 | 43]: without a partner, 43 - 40 gives it back
    table = [[3, 40, 25], [30, 50, 20], [22, 35, 60]]

    hidden = suppress_small_cells(table, threshold=10).suppressed()

    assert (0, 0) in hidden
    assert len([c for c in hidden if c[0] == 0]) >= 2
    assert len([c for c in hidden if c[1] == 0]) >= 2
    assert derivable(augmented(table), hidden) == set()


def test_secondary_partner_is_the_smallest_nonzero_inner_cell():
    table = [[3, 40, 25], [30, 50, 20], [22, 35, 60]]

    protection = suppress_small_cells(table, threshold=10)

    # row 0: partner 25 is the smallest other inner cell; column 0: partner 22
    assert protection.status(0, 2) == SECONDARY
    assert protection.status(2, 0) == SECONDARY


def test_small_row_total_is_protected_against_the_other_totals():
    # row 0 total is 5: primary; grand total minus the other row totals would give it back
    table = [[2, 3], [30, 40], [25, 35]]

    hidden = suppress_small_cells(table, threshold=10).suppressed()

    assert (0, 2) in hidden
    assert derivable(augmented(table), hidden) == set()


def test_bridge_between_two_protected_blocks_is_closed():
    # Two 2x2 blocks of small cells, linked by one more small cell: the link is a bridge.
    table = [
        [2, 3, 50, 50],
        [4, 5, 1, 50],
        [50, 50, 6, 7],
        [50, 50, 8, 9],
    ]
    hidden = suppress_small_cells(table, threshold=10).suppressed()

    assert derivable(augmented(table), hidden) == set()


def test_explicit_totals_for_multi_valued_rows_are_used_as_margins():
    # two values per conversation possible: the column total is the number of conversations
    protection = suppress_small_cells([[12, 3], [15, 20]], threshold=10, column_totals=[20, 21])

    assert protection.status(2, 0) is None
    assert protection.status(0, 1) == PRIMARY


def test_threshold_must_be_positive():
    with pytest.raises(ValueError, match="threshold"):
        suppress_small_cells([[1]], threshold=0)


def test_ragged_table_is_refused():
    with pytest.raises(ValueError, match="same number of columns"):
        suppress_small_cells([[1, 2], [3]])


small_counts = st.one_of(st.integers(0, 12), st.integers(0, 200))
tables = st.integers(1, 5).flatmap(
    lambda n_cols: st.lists(st.lists(small_counts, min_size=n_cols, max_size=n_cols), min_size=1, max_size=5)
)


@settings(max_examples=300, deadline=None)
@given(table=tables, threshold=st.integers(2, 12))
def test_no_suppressed_entry_can_be_solved_from_the_published_ones(table, threshold):
    full = augmented(table)

    hidden = suppress_small_cells(table, threshold=threshold).suppressed()

    assert derivable(full, hidden) == set()


@settings(max_examples=300, deadline=None)
@given(table=tables, threshold=st.integers(2, 12))
def test_no_published_entry_is_a_small_count(table, threshold):
    full = augmented(table)

    hidden = suppress_small_cells(table, threshold=threshold).suppressed()

    published = [
        full[i][j] for i in range(len(full)) for j in range(len(full[0])) if (i, j) not in hidden
    ]
    assert all(value == 0 or value >= threshold for value in published)


@settings(max_examples=300, deadline=None)
@given(table=tables, threshold=st.integers(2, 12))
def test_no_line_has_exactly_one_suppressed_entry(table, threshold):
    full = augmented(table)

    hidden = suppress_small_cells(table, threshold=threshold).suppressed()

    for line in lines(full):
        assert sum(cell in hidden for cell in line) != 1


def test_oracle_finds_a_lone_suppressed_cell_and_a_bridge():
    # guards the property tests: the oracle must see what an attacker sees
    table = augmented([[2, 3, 50, 50], [4, 5, 1, 50], [50, 50, 6, 7], [50, 50, 8, 9]])
    blocks = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)}

    assert derivable(table, frozenset({(0, 0)})) == {(0, 0)}
    assert derivable(table, frozenset(blocks)) == set()
    assert derivable(table, frozenset(blocks | {(1, 2)})) == {(1, 2)}


@settings(max_examples=200, deadline=None)
@given(table=tables, threshold=st.integers(2, 12), rows_add_up=st.booleans())
def test_tables_that_add_up_one_way_are_protected_that_way(table, threshold, rows_add_up):
    # a multi-valued variable: a conversation can be in several rows (or columns)
    full = augmented(table)
    columns_add_up = not rows_add_up

    hidden = suppress_small_cells(
        table, threshold, rows_add_up=rows_add_up, columns_add_up=columns_add_up
    ).suppressed()

    assert derivable(full, hidden, rows=rows_add_up, columns=columns_add_up) == set()
    assert all(not 1 <= full[i][j] < threshold for i in range(len(full))
               for j in range(len(full[0])) if (i, j) not in hidden)


def test_columns_that_do_not_add_up_need_no_partner_in_the_column():
    # rows = forms of exploitation (several per conversation), columns = years
    table = [[40, 30], [35, 38], [3, 20]]

    hidden = suppress_small_cells(table, 10, columns_add_up=False).suppressed()

    assert (2, 0) in hidden
    assert [cell for cell in hidden if cell[1] == 0 and cell[0] != 2] == []  # column 0 kept
    assert len([cell for cell in hidden if cell[0] == 2]) >= 2  # the row still needs a partner
