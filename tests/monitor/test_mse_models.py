"""Log-linear models of the capture cells: the reference figure, closed forms, non-overlapping pairs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from inbeeld.monitor.mse import MSEError, capture_table, fit_model, parse_terms, read_capture_table

NED = Path("/work/shared/data/mse/ned.csv")


@pytest.mark.skipif(not NED.exists(), reason="shared reference data not present")
def test_main_effects_on_the_dutch_data_give_the_r_glm_figure():
    table = read_capture_table(NED)

    fit = fit_model(table)

    # 52,823 is R's glm(count ~ ., poisson) on this table, as given in the issue
    assert round(fit.population) == 52823
    assert table.observed == 8234


def test_two_lists_give_the_lincoln_petersen_estimate():
    table = capture_table(["A", "B"], [((1, 0), 120), ((0, 1), 80), ((1, 1), 30)])

    fit = fit_model(table)

    # for two lists the independence model's unseen cell is n10 * n01 / n11
    assert fit.dark == pytest.approx(120 * 80 / 30, rel=1e-8)


def test_a_pair_without_overlap_drops_its_cells_instead_of_a_parameter():
    table = capture_table(
        ["A", "B", "C"],
        [((1, 0, 0), 50), ((0, 1, 0), 60), ((0, 0, 1), 70), ((1, 0, 1), 8), ((0, 1, 1), 9)],
    )

    fit = fit_model(table, [(0, 1)])

    assert fit.design.empty == ((0, 1),)
    assert not np.any(fit.design.patterns[:, 0] & fit.design.patterns[:, 1])
    assert fit.design.X.shape[1] == 4  # intercept and three lists; no A:B column
    assert np.isfinite(fit.dark)


def test_fitted_counts_keep_the_observed_total():
    table = capture_table(
        ["A", "B", "C"],
        [((1, 0, 0), 50), ((0, 1, 0), 60), ((0, 0, 1), 70), ((1, 1, 0), 12), ((0, 1, 1), 9), ((1, 1, 1), 2)],
    )

    fit = fit_model(table, [(0, 1)])

    assert fit.fitted.sum() == pytest.approx(table.observed)


def test_terms_parse_in_either_order_and_without_duplicates():
    table = capture_table(["A", "B", "C"], [((1, 0, 0), 1)])

    assert parse_terms(table, "B:A, C:A,A:B") == ((0, 1), (0, 2))


@pytest.mark.parametrize(
    "spec, message", [("A:X", "unknown list 'X'"), ("A", "two lists"), ("A:A", "same list")]
)
def test_bad_terms_say_what_is_wrong(spec, message):
    table = capture_table(["A", "B", "C"], [((1, 0, 0), 1)])

    with pytest.raises(MSEError, match=message):
        parse_terms(table, spec)
