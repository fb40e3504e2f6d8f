"""Simulated capture data with a known population, for tests and benchmarks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from inbeeld.monitor.mse.data import CaptureTable
from inbeeld.monitor.mse.models import Term

__all__ = ["cell_probabilities", "simulate_captures"]


def cell_probabilities(
    probabilities: Sequence[float], dependence: Mapping[Term, float] | None = None
) -> np.ndarray:
    """Probability of each capture pattern (code 0 = unseen first) under a log-linear model.

    Without `dependence` list i catches a case with probability probabilities[i], independently
    of the other lists. `dependence[(i, j)]` is a log odds ratio between lists i and j (> 0:
    a case on one list is more likely to be on the other).
    """
    p = np.asarray(probabilities, dtype=float)
    if np.any((p <= 0) | (p >= 1)):
        raise ValueError("capture probabilities must be strictly between 0 and 1")
    m = len(p)
    codes = np.arange(2**m)
    pat = (codes[:, None] >> np.arange(m)[None, :]) & 1
    log_weight = pat @ np.log(p / (1 - p))
    for (i, j), lam in (dependence or {}).items():
        log_weight = log_weight + lam * pat[:, i] * pat[:, j]
    w = np.exp(log_weight - log_weight.max())
    return w / w.sum()


def simulate_captures(
    population: int,
    probabilities: Sequence[float],
    *,
    dependence: Mapping[Term, float] | None = None,
    rng: np.random.Generator,
    lists: Sequence[str] | None = None,
) -> CaptureTable:
    """Spread a population of known size over the capture patterns and keep the seen ones."""
    probs = cell_probabilities(probabilities, dependence)
    counts = rng.multinomial(population, probs)
    names = tuple(lists) if lists else tuple(chr(ord("A") + i) for i in range(len(probabilities)))
    return CaptureTable(names, tuple(int(c) for c in counts[1:]))
