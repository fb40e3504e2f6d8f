"""Stepwise selection: the rules of SparseMSE's `stepwisefit`, checked step by step from outside."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.stats import poisson

from inbeeld.monitor.mse import (
    all_terms,
    check_estimate,
    fit_model,
    read_capture_table,
    simulate_captures,
    stepwise_fit,
    term_name,
)

NED = Path("/work/shared/data/mse/ned.csv")
THRESHOLD = 0.02


def _p_values(table, terms):
    """Poisson p-value of every candidate term, given the model with `terms` (computed here anew)."""
    fit = fit_model(table, terms)
    pat, y = table.patterns(), np.asarray(table.counts)
    kept = fit.design.patterns
    out = {}
    for i, j in all_terms(len(table.lists)):
        if (i, j) in terms:
            continue
        seen = int(y[(pat[:, i] & pat[:, j]) == 1].sum())
        mean = float(fit.fitted[(kept[:, i] & kept[:, j]) == 1].sum())
        out[(i, j)] = min(poisson.cdf(seen, mean), poisson.sf(seen - 1, mean))
    return out


@pytest.fixture(scope="module")
def ned():
    if not NED.exists():
        pytest.skip("shared reference data not present")
    table = read_capture_table(NED)
    fit, steps = stepwise_fit(table, THRESHOLD)
    return table, fit, steps


def test_each_step_adds_the_admissible_term_with_the_lowest_p_value(ned):
    table, fit, steps = ned
    chosen = []
    for step in steps:
        pvals = _p_values(table, chosen)
        admissible = {t: p for t, p in pvals.items() if check_estimate(table, [*chosen, t]).ok}
        best = min(admissible, key=lambda t: (admissible[t], t))
        assert step.term == best, f"step {len(chosen) + 1}: {term_name(table, step.term)}"
        assert step.p_value < THRESHOLD
        chosen.append(step.term)
    assert tuple(chosen) == fit.terms


def test_selection_stops_only_when_no_admissible_term_is_below_the_threshold(ned):
    table, fit, _ = ned

    pvals = _p_values(table, list(fit.terms))

    for term, p in pvals.items():
        assert p >= THRESHOLD or not check_estimate(table, [*fit.terms, term]).ok, term_name(table, term)


def test_the_final_model_exists_and_is_identifiable(ned):
    table, fit, _ = ned

    assert check_estimate(table, fit.terms).ok


def test_threshold_zero_gives_main_effects(ned):
    table, _, _ = ned

    fit, steps = stepwise_fit(table, 0)

    assert fit.terms == () and steps == ()


def test_a_strong_dependence_is_found_first():
    rng = np.random.default_rng(11)
    table = simulate_captures(5000, [0.2, 0.15, 0.1, 0.25], dependence={(1, 2): 1.5}, rng=rng)

    _, steps = stepwise_fit(table, THRESHOLD)

    assert steps[0].term == (1, 2)


def test_independent_lists_rarely_get_a_term():
    rng = np.random.default_rng(5)
    with_terms = 0
    for _ in range(50):
        table = simulate_captures(2000, [0.3, 0.25, 0.2], rng=rng)
        fit, _ = stepwise_fit(table, THRESHOLD)
        with_terms += bool(fit.terms)

    assert with_terms <= 10  # 3 candidates at p < 0.02: a few false additions at most


def test_pairs_without_overlap_are_candidates_unless_skipped(ned):
    table, fit, _ = ned

    skipped, _ = stepwise_fit(table, THRESHOLD, skip_empty_pairs=True)

    # SparseMSE lets a pair with no overlap in when its expected overlap is large enough
    assert any(table.overlap(i, j) == 0 for i, j in fit.terms)
    assert all(table.overlap(i, j) > 0 for i, j in skipped.terms)
