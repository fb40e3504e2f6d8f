"""Log-linear Poisson models of the observed capture cells (statsmodels GLM).

The dark figure is the fitted count of the all-zero cell, exp(intercept). As in SparseMSE
(Chan, Silverman and Vincent 2019), a two-list term whose lists have no observed overlap is
not estimated as a parameter: its parameter is minus infinity, so every cell containing both
lists is dropped from the data instead.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

from inbeeld.monitor.mse.data import CaptureTable, MSEError

__all__ = ["Design", "ModelFit", "Term", "all_terms", "build_design", "fit_model", "parse_terms", "term_name"]

Term = tuple[int, int]  # two list positions, first < second


def all_terms(m: int) -> tuple[Term, ...]:
    """All two-list terms for m lists, in SparseMSE's order (1:2, 1:3, ..., 2:3, ...)."""
    return tuple((i, j) for i in range(m - 1) for j in range(i + 1, m))


def term_name(table: CaptureTable, term: Term) -> str:
    """'A:B' for the term of lists A and B."""
    return f"{table.lists[term[0]]}:{table.lists[term[1]]}"


def parse_terms(table: CaptureTable, spec: str | Sequence[str]) -> tuple[Term, ...]:
    """Turn 'A:B,C:D' (or ['A:B', 'C:D']) into terms; unknown lists name the valid ones."""
    parts = [p.strip() for p in spec.split(",")] if isinstance(spec, str) else [p.strip() for p in spec]
    terms: list[Term] = []
    for part in parts:
        if not part:
            continue
        names = part.split(":")
        if len(names) != 2:
            raise MSEError(f"term '{part}' must name two lists as A:B")
        i, j = sorted(table.index(n.strip()) for n in names)
        if i == j:
            raise MSEError(f"term '{part}' names the same list twice")
        if (i, j) not in terms:
            terms.append((i, j))
    return tuple(sorted(terms))


@dataclass(frozen=True, slots=True, eq=False)
class Design:
    """Model matrix over the cells a model keeps, and which terms had no observed overlap."""

    X: np.ndarray  # columns: intercept, one per list, one per estimated two-list term
    y: np.ndarray
    patterns: np.ndarray  # capture patterns of the kept cells
    kept: np.ndarray  # boolean mask over all 2^m - 1 cells
    estimated: tuple[Term, ...]
    empty: tuple[Term, ...]


def build_design(table: CaptureTable, terms: Sequence[Term]) -> Design:
    """Model matrix for main effects plus `terms`, dropping cells of non-overlapping pairs."""
    pat = table.patterns()
    y_all = table.y()
    kept = np.ones(len(y_all), dtype=bool)
    estimated, empty = [], []
    for i, j in terms:
        both = (pat[:, i] * pat[:, j]) == 1
        if y_all[both].sum() == 0:
            empty.append((i, j))
            kept &= ~both
        else:
            estimated.append((i, j))
    pk = pat[kept]
    pairs = [(pk[:, i] * pk[:, j]).astype(float) for i, j in estimated]
    cols = [np.ones(len(pk)), *pk.T.astype(float), *pairs]
    return Design(np.column_stack(cols), y_all[kept], pk, kept, tuple(estimated), tuple(empty))


@dataclass(frozen=True, slots=True, eq=False)
class ModelFit:
    """A fitted model: its terms, the dark figure on the log scale with its standard error."""

    table: CaptureTable
    terms: tuple[Term, ...]  # all two-list terms in the model, in the order they were given
    design: Design
    params: np.ndarray
    fitted: np.ndarray  # expected counts of the kept cells
    log_dark: float
    log_dark_se: float
    deviance: float
    aic: float  # SparseMSE's AIC: counts each non-overlapping pair as a parameter
    converged: bool

    @property
    def dark(self) -> float:
        """Fitted count of the unobserved all-zero cell."""
        return math.exp(self.log_dark)

    @property
    def population(self) -> float:
        """Observed cases plus the dark figure."""
        return self.table.observed + self.dark

    def term_names(self) -> list[str]:
        return [term_name(self.table, t) for t in self.terms]


def fit_model(table: CaptureTable, terms: Sequence[Term] = ()) -> ModelFit:
    """Fit the Poisson log-linear model with main effects and the given two-list terms.

    Does not check that the estimate exists; call `check_estimate` first when that matters.
    """
    design = build_design(table, terms)
    with warnings.catch_warnings():
        # near the boundary IRLS warns; existence is checked separately by linear programming
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", PerfectSeparationWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        result = sm.GLM(design.y, design.X, family=sm.families.Poisson()).fit()
    params = np.asarray(result.params)
    cov = np.asarray(result.cov_params())
    se = math.sqrt(cov[0, 0]) if cov[0, 0] >= 0 else math.nan
    converged = bool(getattr(result, "converged", True)) and bool(np.all(np.isfinite(params)))
    return ModelFit(
        table=table,
        terms=tuple(terms),
        design=design,
        params=params,
        fitted=np.asarray(result.fittedvalues),
        log_dark=float(params[0]),
        log_dark_se=se,
        deviance=float(result.deviance),
        aic=float(result.aic) + 2 * len(design.empty),
        converged=converged,
    )
