"""Confidence intervals for shares: 95% Wilson score intervals (statsmodels)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from statsmodels.stats.proportion import proportion_confint


def wilson_intervals(
    counts: Sequence[int], bases: Sequence[int], alpha: float = 0.05
) -> list[tuple[float, float] | None]:
    """Wilson interval for each count/base; None where the base is 0 (no share exists)."""
    count_arr = np.asarray(counts, dtype=float)
    base_arr = np.asarray(bases, dtype=float)
    if count_arr.shape != base_arr.shape:
        raise ValueError("counts and bases must have the same length")
    if np.any(count_arr < 0) or np.any(count_arr > base_arr):
        raise ValueError("each count must lie between 0 and its base")
    out: list[tuple[float, float] | None] = [None] * len(count_arr)
    ok = base_arr > 0
    if ok.any():
        low, high = proportion_confint(count_arr[ok], base_arr[ok], alpha=alpha, method="wilson")
        for index, lo, hi in zip(np.flatnonzero(ok), np.atleast_1d(low), np.atleast_1d(high), strict=True):
            out[int(index)] = (float(lo), float(hi))
    return out


def wilson_interval(count: int, base: int, alpha: float = 0.05) -> tuple[float, float] | None:
    """Wilson interval for one share; None when the base is 0."""
    return wilson_intervals([count], [base], alpha)[0]
