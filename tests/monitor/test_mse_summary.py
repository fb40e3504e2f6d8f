"""The report's plain-data summary of an estimate, in Dutch and English."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from inbeeld.monitor.mse import Interval, capture_table, estimate_population, mse_summary, simulate_captures


@pytest.fixture(scope="module")
def result():
    table = simulate_captures(3000, [0.3, 0.2, 0.25], dependence={(0, 1): 0.8}, rng=np.random.default_rng(2))
    return estimate_population(table, method="stepwise")


def test_dutch_summary_has_title_paragraphs_and_a_table(result):
    summary = mse_summary(result, lang="nl")

    assert "dark number" in summary["title"]
    assert summary["table"]["columns"] == ["Grootheid", "Aantal"]
    assert summary["paragraphs"] and all(isinstance(p, str) for p in summary["paragraphs"])
    assert len(summary["table"]["rows"]) >= 4


def test_dutch_numbers_use_a_dot_for_thousands(result):
    summary = mse_summary(result, lang="nl")

    population_row = next(r for r in summary["table"]["rows"] if r[0].startswith("Geschatte totale"))
    assert population_row[1] == f"{round(result.population):,}".replace(",", ".")


def test_english_summary_names_the_chosen_terms(result):
    summary = mse_summary(result, lang="en")

    text = " ".join(summary["paragraphs"])
    for term in result.terms:
        assert term in text
    assert summary["table"]["columns"] == ["Quantity", "Number"]


def test_summary_says_so_when_no_estimate_exists():
    nested = capture_table(
        ["A", "B", "C"], [((1, 0, 0), 50), ((1, 1, 0), 20), ((0, 0, 1), 30), ((1, 0, 1), 5)]
    )
    result = estimate_population(nested, method="fixed", terms=[(0, 1)])

    summary = mse_summary(result, lang="nl")

    assert any("geen schatting" in p for p in summary["paragraphs"])
    assert len(summary["table"]["rows"]) == 1  # only what was observed


def test_unknown_language_is_refused(result):
    with pytest.raises(ValueError, match="nl, en"):
        mse_summary(result, lang="fr")


def test_an_open_upper_limit_is_written_as_unbounded(result):
    open_ended = replace(result, interval=Interval(result.observed, float("inf"), "profile-likelihood", 0.95))

    summary = mse_summary(open_ended, lang="nl")

    assert any("onbegrensd" in cell for row in summary["table"]["rows"] for cell in row)
