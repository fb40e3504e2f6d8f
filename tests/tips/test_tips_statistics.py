"""Tips statistics: counts per year and status with small cells suppressed."""

from inbeeld.tips.statistics import COLUMNS, tips_table


def test_counts_add_up_and_large_cells_are_published():
    tips = [(2024, "closed")] * 30 + [(2024, "new")] * 20 + [(2025, "closed")] * 25 + [(2025, "new")] * 15
    tips += [(y, s) for y in (2024, 2025) for s in ("investigating", "handed_over") for _ in range(12)]
    table = tips_table(tips, threshold=10)
    assert table.years == (2024, 2025)
    closed, new, total = COLUMNS.index("closed"), COLUMNS.index("new"), len(COLUMNS)
    assert table.cells[0][closed] == 30 and table.cells[1][new] == 15
    assert table.cells[0][total] == 30 + 20 + 24 and table.cells[-1][total] == len(tips)


def test_a_small_cell_is_hidden_and_cannot_be_worked_out_from_the_totals():
    tips = [(2024, "closed")] * 40 + [(2024, "handed_over")] * 3 + [(2024, "new")] * 20
    tips += [(2025, "closed")] * 30 + [(2025, "handed_over")] * 25 + [(2025, "new")] * 22
    table = tips_table(tips, threshold=10)
    handed = COLUMNS.index("handed_over")
    assert table.cells[0][handed] is None
    # with only the published entries of its row and its column, the hidden 3 cannot be solved
    row_hidden = sum(v is None for v in table.cells[0])
    column_hidden = sum(row[handed] is None for row in table.cells)
    assert row_hidden >= 2 and column_hidden >= 2


def test_no_tips_gives_an_empty_table():
    assert tips_table([]).cells == ()
