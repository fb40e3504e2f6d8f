"""Reliability measures checked against published worked examples and invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbeeld.coding import agreement, alpha_nominal, cohen_kappa
from inbeeld.coding.agreement import bootstrap_interval, cohen_kappa_reference, variable_agreement

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers,
# 12 units, missing values; published nominal alpha 0.743.
KRIPPENDORFF_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def test_alpha_matches_krippendorffs_published_example():
    assert alpha_nominal(KRIPPENDORFF_C) == pytest.approx(0.743, abs=0.0005)


def test_kappa_matches_the_textbook_example():
    # 50 proposals read by two editors: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; kappa = 0.4
    # (the worked example of Cohen's kappa in Wikipedia and many textbooks).
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=2, max_size=40))
def test_fast_kappa_equals_scikit_learn(pairs):
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    fast = cohen_kappa(a, b)
    if math.isnan(fast):
        return
    assert fast == pytest.approx(cohen_kappa_reference(a, b), abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["yes", "no", "unknown"]), min_size=2, max_size=30))
def test_identical_coders_agree_perfectly(codes):
    if len(set(codes)) < 2:
        assert math.isnan(alpha_nominal([codes, codes]))  # undefined with one value only
        return
    assert alpha_nominal([codes, codes]) == pytest.approx(1.0)
    assert cohen_kappa(codes, codes) == pytest.approx(1.0)


def test_bootstrap_interval_is_seeded_and_contains_the_estimate():
    rng = np.random.default_rng(1)
    a = list(rng.choice(["x", "y"], 60))
    b = [v if rng.random() < 0.8 else ("x" if v == "y" else "y") for v in a]

    def stat(idx):
        return alpha_nominal([[a[i] for i in idx], [b[i] for i in idx]])

    first = bootstrap_interval(stat, len(a), reps=200, seed=7)
    again = bootstrap_interval(stat, len(a), reps=200, seed=7)
    assert first == again
    assert first[0] <= alpha_nominal([a, b]) <= first[1]


def test_multi_valued_alpha_is_the_mean_of_binary_alphas_per_value():
    a = [["x"], ["x", "y"], [], ["y"], ["x"]]
    b = [["x"], ["y"], [], ["y"], []]
    result = variable_agreement("v", a, b, [str(i) for i in range(5)], multi=True, reps=10)
    per_value = [alpha_nominal([[("x" in s) for s in a], [("x" in s) for s in b]]),
                 alpha_nominal([[("y" in s) for s in a], [("y" in s) for s in b]])]
    assert result.alpha == pytest.approx(sum(per_value) / 2)
    assert [d[0] for d in result.disagreements] == ["1", "4"]


def test_agreement_counts_unknown_as_a_value(codebook):
    a = {"1": {"minor": "yes"}, "2": {"minor": "unknown"}, "3": {"minor": "no"}}
    b = {"1": {"minor": "yes"}, "2": {"minor": "no"}, "3": {"minor": "no"}}
    minor = next(r for r in agreement(a, b, codebook, reps=20) if r.variable == "minor")
    assert minor.units == 3
    assert minor.disagreements == (("2", "unknown", "no"),)
    assert minor.alpha < 1.0
