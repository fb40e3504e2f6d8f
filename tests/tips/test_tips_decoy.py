"""Decoy-advert summary: counts, distinct responders and the Wilson interval per year."""

import math

import pytest

from inbeeld.tips.decoy import decoy_summary


def wilson(k, n, z=1.959963984540054):
    """The textbook formula, written out here to check the library call against."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_share_and_interval_per_year():
    rows = [(2024, "a", True), (2024, "a", False), (2024, "b", True), (2024, "c", False), (2025, "d", False)]
    first, second = decoy_summary(rows)
    assert (first.year, first.responses, first.responders, first.continued) == (2024, 4, 3, 2)
    assert first.share == 0.5
    assert (first.low, first.high) == pytest.approx(wilson(2, 4))
    assert second.continued == 0 and second.low == pytest.approx(0.0, abs=1e-12) and 0 < second.high < 1


def test_no_rows_no_years():
    assert decoy_summary([]) == []
