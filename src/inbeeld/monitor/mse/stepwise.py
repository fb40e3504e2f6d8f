"""Stepwise selection of two-list terms by Poisson p-values, as SparseMSE's `stepwisefit`.

Start from main effects. For every two-list term not yet in the model, the number of cases on
both lists is, without that term, Poisson with mean the model's fitted count of those cells;
the p-value is the smaller tail probability min(P(X <= n), P(X >= n)). A term whose model would
fail the existence or identifiability check gets p = 1. Add the term with the lowest p-value
if it is below the threshold (ties: the first in list order); stop when none is.

Pairs with no observed overlap stay candidates as in SparseMSE (their p-value is exp(-mean), the
chance of seeing no overlap); when one enters, the cells holding both lists leave the data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

from inbeeld.monitor.mse.data import CaptureTable
from inbeeld.monitor.mse.existence import check_estimate
from inbeeld.monitor.mse.models import ModelFit, Term, all_terms, fit_model

__all__ = ["Step", "stepwise_fit"]


@dataclass(frozen=True, slots=True)
class Step:
    """One term added: its observed overlap, the overlap the previous model expected, p-value."""

    term: Term
    observed_overlap: int
    expected_overlap: float
    p_value: float


def stepwise_fit(
    table: CaptureTable, p_threshold: float = 0.02, *, skip_empty_pairs: bool = False
) -> tuple[ModelFit, tuple[Step, ...]]:
    """Choose two-list terms stepwise and return the final fit with the steps taken.

    `skip_empty_pairs` leaves pairs with no observed overlap out of the candidates (not what
    SparseMSE does; offered to show how much the estimate depends on them).
    """
    if not 0 <= p_threshold <= 1:
        raise ValueError(f"p_threshold must be in [0, 1], got {p_threshold}")
    m = len(table.lists)
    candidates = all_terms(m)
    if p_threshold == 1 and check_estimate(table, candidates).ok:
        return fit_model(table, candidates), ()  # SparseMSE: threshold 1 means all terms if possible
    fit = fit_model(table, ())
    if p_threshold == 0:
        return fit, ()
    pat = table.patterns()
    y = np.asarray(table.counts)
    n_star = [int(y[(pat[:, i] * pat[:, j]) == 1].sum()) for i, j in candidates]
    chosen: list[Term] = []
    steps: list[Step] = []
    while len(chosen) < len(candidates):
        kept = fit.design.patterns
        scored = []
        for k, (i, j) in enumerate(candidates):
            if (i, j) in chosen or (skip_empty_pairs and n_star[k] == 0):
                continue
            mean = float(fit.fitted[(kept[:, i] * kept[:, j]) == 1].sum())
            p = min(poisson.cdf(n_star[k], mean), poisson.sf(n_star[k] - 1, mean))
            scored.append((float(p), k, mean))
        # SparseMSE checks every candidate; only those under the threshold can be chosen, and the
        # first in (p, list order) that passes is the one it would pick, so check in that order.
        scored.sort()
        pick = None
        for p, k, mean in scored:
            if p >= p_threshold:
                break
            if check_estimate(table, [*chosen, candidates[k]]).ok:
                pick = (p, k, mean)
                break
        if pick is None:
            break
        p, k, mean = pick
        chosen.append(candidates[k])
        steps.append(Step(candidates[k], n_star[k], mean, p))
        fit = fit_model(table, chosen)
    return fit, tuple(steps)
