"""Existence (linear program) and identifiability (rank) of the estimate, as SparseMSE checks them."""

from __future__ import annotations

from inbeeld.monitor.mse import capture_table, check_estimate, estimate_population

# every case on B is also on A: with an A:B term the fitted B-only cells must be zero
_NESTED = capture_table(["A", "B", "C"], [((1, 0, 0), 50), ((1, 1, 0), 20), ((0, 0, 1), 30), ((1, 0, 1), 5)])


def test_main_effects_exist_for_data_with_a_nested_list():
    assert check_estimate(_NESTED, ()).ok


def test_a_term_that_forces_a_zero_cell_has_no_estimate():
    result = check_estimate(_NESTED, [(0, 1)])

    assert not result.exists
    assert result.identifiable
    assert result.code == 1


def test_too_many_terms_for_the_kept_cells_are_not_identifiable():
    # A:C and B:C never overlap, so their cells go; 4 cells remain for 5 parameters
    table = capture_table(
        ["A", "B", "C"], [((1, 0, 0), 40), ((0, 1, 0), 30), ((1, 1, 0), 6), ((0, 0, 1), 25)]
    )

    result = check_estimate(table, [(0, 1), (0, 2), (1, 2)])

    assert not result.identifiable


def test_estimate_reports_non_existence_instead_of_a_number():
    result = estimate_population(_NESTED, method="fixed", terms=[(0, 1)])

    assert not result.exists
    assert result.population is None
    assert result.to_dict()["exists"] is False


def test_a_list_with_no_cases_leaves_even_main_effects_without_estimate():
    table = capture_table(["A", "B", "C"], [((1, 0, 0), 10), ((0, 1, 0), 5), ((1, 1, 0), 3)])

    assert not check_estimate(table, ()).exists


def test_a_list_holding_every_case_leaves_main_effects_without_estimate():
    # nobody is off list A, so the fitted count of cases off A (the dark number included) is zero
    table = capture_table(["A", "B", "C"], [((1, 0, 0), 10), ((1, 1, 0), 5), ((1, 0, 1), 3)])

    assert not check_estimate(table, ()).exists
