"""Intervals: coverage of a known population in simulations, BCa arithmetic, seeded bootstrap."""

from __future__ import annotations

import numpy as np
import pytest

from inbeeld.monitor.mse import (
    bootstrap_interval,
    estimate_population,
    fit_model,
    log_normal_interval,
    population_estimator,
    profile_interval,
    simulate_captures,
)
from inbeeld.monitor.mse.intervals import bca_limits

N = 2000
PROBS = [0.3, 0.25, 0.2]
REPS = 200  # binomial sd of a 95% coverage over 200 runs is 1.5 points


def _coverage(method, dependence, terms=(), seed=0):
    rng = np.random.default_rng(seed)
    hits = np.zeros(2)
    for _ in range(REPS):
        table = simulate_captures(N, PROBS, dependence=dependence, rng=rng)
        result = estimate_population(table, method=method, terms=terms)
        hits += [
            result.sparsemse_interval.low <= N <= result.sparsemse_interval.high,
            result.interval.low <= N <= result.interval.high,
        ]
    return hits / REPS


@pytest.mark.slow
def test_independent_lists_main_effects_cover_the_true_size_at_about_95_percent():
    sparsemse, profile = _coverage("main", {})

    assert 0.90 <= profile <= 0.99
    # SparseMSE's interval is for the expected number unseen, not the realised one: a bit narrower
    assert 0.88 <= sparsemse <= profile + 0.02


@pytest.mark.slow
def test_dependent_lists_with_the_dependence_modelled_cover_at_about_95_percent():
    _, profile = _coverage("fixed", {(0, 1): 1.0}, terms=[(0, 1)], seed=1)

    assert 0.90 <= profile <= 0.99


def test_ignoring_a_positive_dependence_misses_the_true_size():
    _, profile = _coverage("main", {(0, 1): 1.0}, seed=3)

    # the overlap of A and B looks large, so the independence model sees too few unseen cases
    assert profile < 0.5


def test_profile_and_log_normal_intervals_agree_for_large_counts():
    table = simulate_captures(20000, PROBS, rng=np.random.default_rng(4))
    fit = fit_model(table)

    a, b = log_normal_interval(fit), profile_interval(fit)

    assert a.low == pytest.approx(b.low, rel=0.01)
    assert a.high == pytest.approx(b.high, rel=0.01)
    assert a.low < fit.population < a.high


def test_bca_without_bias_or_acceleration_is_the_percentile_interval():
    reps = 1000.0 + np.linspace(-100, 100, 1000)  # half below the estimate: no bias correction

    low, high = bca_limits(reps, 1000.0, 0.0, 0.95)

    want = np.quantile(reps, [0.025, 0.975], method="median_unbiased")
    assert (low, high) == pytest.approx(tuple(want))


def test_positive_acceleration_moves_both_bca_limits_up():
    reps = 1000.0 + np.linspace(-100, 100, 1000)

    plain = bca_limits(reps, 1000.0, 0.0, 0.95)
    accelerated = bca_limits(reps, 1000.0, 0.1, 0.95)

    assert accelerated[0] > plain[0] and accelerated[1] > plain[1]


@pytest.fixture(scope="module")
def small_table():
    return simulate_captures(1500, PROBS, dependence={(0, 1): 0.8}, rng=np.random.default_rng(9))


def test_bootstrap_with_the_same_seed_gives_the_same_interval(small_table):
    estimator = population_estimator("stepwise")

    a = bootstrap_interval(small_table, estimator, n=40, seed=7)
    b = bootstrap_interval(small_table, estimator, n=40, seed=7)
    c = bootstrap_interval(small_table, estimator, n=40, seed=8)

    assert a.interval == b.interval
    assert a.interval != c.interval


def test_bootstrap_interval_holds_the_point_estimate(small_table):
    estimate = population_estimator("stepwise")(small_table)

    result = bootstrap_interval(small_table, population_estimator("stepwise"), n=60, seed=1)

    assert result.interval.low < estimate < result.interval.high
    assert len(result.replicates) + result.failed == 60


def test_parametric_bootstrap_needs_and_uses_the_fit(small_table):
    fit = fit_model(small_table, [(0, 1)])
    estimator = population_estimator("fixed", [(0, 1)])

    result = bootstrap_interval(small_table, estimator, n=60, seed=1, kind="parametric", fit=fit)

    assert result.interval.method == "bootstrap-bca-parametric"
    assert result.interval.low < fit.population < result.interval.high
    with pytest.raises(ValueError):
        bootstrap_interval(small_table, estimator, n=10, kind="parametric")
