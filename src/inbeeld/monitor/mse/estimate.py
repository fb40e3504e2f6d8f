"""One call from capture table to population estimate with its intervals."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from inbeeld.monitor.mse.data import CaptureTable, MSEError
from inbeeld.monitor.mse.existence import check_estimate
from inbeeld.monitor.mse.intervals import (
    Interval,
    bootstrap_interval,
    log_normal_interval,
    profile_interval,
)
from inbeeld.monitor.mse.models import ModelFit, Term, fit_model, term_name
from inbeeld.monitor.mse.stepwise import Step, stepwise_fit

__all__ = ["METHODS", "MSEResult", "estimate_population", "population_estimator"]

METHODS = ("main", "stepwise", "fixed")
BOOTSTRAP_KINDS = ("multinomial", "parametric")


@dataclass(frozen=True, slots=True)
class StepSummary:
    """A stepwise step in plain data: the term added and its p-value."""

    term: str
    observed_overlap: int
    expected_overlap: float
    p_value: float


@dataclass(frozen=True, slots=True)
class MSEResult:
    """The estimate of one capture table: model, dark figure, population and intervals.

    `interval` is the profile-likelihood interval for the population size; `sparsemse_interval`
    is the log-normal interval SparseMSE prints. When the maximum-likelihood estimate does not
    exist (or is not identifiable) `exists` is False and dark, population and intervals are None.
    """

    lists: tuple[str, ...]
    list_totals: dict[str, int]
    observed: int
    method: str
    terms: tuple[str, ...]
    empty_overlap_terms: tuple[str, ...]
    exists: bool
    identifiable: bool
    dark: float | None
    population: float | None
    interval: Interval | None  # profile likelihood for the population size
    sparsemse_interval: Interval | None  # SparseMSE's log-normal interval, for comparison
    bootstrap_interval: Interval | None = None
    bootstrap_replicates: int = 0
    bootstrap_failed: int = 0
    steps: tuple[StepSummary, ...] = ()
    p_threshold: float | None = None
    deviance: float | None = None
    aic: float | None = None
    merged: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `inbeeld mse --json`."""

        def interval(iv: Interval | None) -> dict[str, Any] | None:
            if iv is None:
                return None
            high = iv.high if math.isfinite(iv.high) else None
            return {"low": iv.low, "high": high, "method": iv.method, "level": iv.level}

        return {
            "observed": self.observed,
            "dark": self.dark,
            "population": self.population,
            "interval": interval(self.interval),
            "sparsemse_interval": interval(self.sparsemse_interval),
            "bootstrap_interval": interval(self.bootstrap_interval),
            "bootstrap_replicates": self.bootstrap_replicates,
            "bootstrap_failed": self.bootstrap_failed,
            "terms": list(self.terms),
            "empty_overlap_terms": list(self.empty_overlap_terms),
            "lists": list(self.lists),
            "list_totals": dict(self.list_totals),
            "merged": list(self.merged),
            "method": self.method,
            "p_threshold": self.p_threshold,
            "exists": self.exists,
            "identifiable": self.identifiable,
            "deviance": self.deviance,
            "aic": self.aic,
            "steps": [
                {
                    "term": s.term,
                    "observed_overlap": s.observed_overlap,
                    "expected_overlap": s.expected_overlap,
                    "p_value": s.p_value,
                }
                for s in self.steps
            ],
        }


def _select(
    table: CaptureTable, method: str, terms: Sequence[Term], p_threshold: float, skip_empty_pairs: bool
) -> tuple[ModelFit | None, tuple[Step, ...], tuple[bool, bool], tuple[Term, ...]]:
    if method == "stepwise":
        fit, steps = stepwise_fit(table, p_threshold, skip_empty_pairs=skip_empty_pairs)
        check = check_estimate(table, fit.terms)
        return fit, steps, (check.exists, check.identifiable), fit.terms
    chosen = tuple(terms) if method == "fixed" else ()
    check = check_estimate(table, chosen)
    if not check.ok:
        return None, (), (check.exists, check.identifiable), chosen
    return fit_model(table, chosen), (), (True, True), chosen


def population_estimator(
    method: str = "stepwise",
    terms: Sequence[Term] = (),
    p_threshold: float = 0.02,
    skip_empty_pairs: bool = False,
) -> Callable[[CaptureTable], float]:
    """The point estimate as a function of the table (nan when it does not exist), for the bootstrap."""

    def estimate(table: CaptureTable) -> float:
        fit, _, (exists, identifiable), _ = _select(table, method, terms, p_threshold, skip_empty_pairs)
        if fit is None or not (exists and identifiable) or not fit.converged:
            return math.nan
        return fit.population

    return estimate


def estimate_population(
    table: CaptureTable,
    *,
    method: str = "stepwise",
    terms: Sequence[Term] = (),
    p_threshold: float = 0.02,
    level: float = 0.95,
    bootstrap: int = 0,
    bootstrap_kind: str = "multinomial",
    seed: int | None = None,
    progress: Callable[[int], None] | None = None,
    merged: Sequence[str] = (),
    skip_empty_pairs: bool = False,
) -> MSEResult:
    """Estimate the population (observed + dark figure) of a capture table.

    method: "main" (main effects), "fixed" (main effects plus `terms`) or "stepwise" (SparseMSE's
    selection with `p_threshold`; `skip_empty_pairs` keeps pairs without overlap out of it).
    `bootstrap` > 0 adds a BCa bootstrap interval with that many
    replicates, the model selection repeated in each; `seed` makes it reproducible.
    `bootstrap_kind` "parametric" redraws from the fitted model (the number seen varies);
    "multinomial" is SparseMSE's redraw of the observed cases (the number seen held fixed).
    """
    if method not in METHODS:
        raise MSEError(f"unknown method '{method}'; choose from {', '.join(METHODS)}")
    if bootstrap_kind not in BOOTSTRAP_KINDS:
        raise MSEError(f"unknown bootstrap kind '{bootstrap_kind}'; choose from {', '.join(BOOTSTRAP_KINDS)}")
    if bootstrap < 0:
        raise MSEError(f"bootstrap replicates must be 0 or more, got {bootstrap}")
    if method == "fixed" and not terms:
        raise MSEError("method 'fixed' needs terms, e.g. A:B,C:D")
    if not 0 < level < 1:
        raise MSEError(f"interval level must be between 0 and 1, got {level}")
    if not 0 <= p_threshold <= 1:
        raise MSEError(f"p-value threshold must be between 0 and 1, got {p_threshold}")
    fit, steps, (exists, identifiable), model_terms = _select(
        table, method, terms, p_threshold, skip_empty_pairs
    )
    names = tuple(term_name(table, t) for t in model_terms)
    common = {
        "lists": table.lists,
        "list_totals": table.list_totals(),
        "observed": table.observed,
        "method": method,
        "terms": names,
        "p_threshold": p_threshold if method == "stepwise" else None,
        "merged": tuple(merged),
        "steps": tuple(
            StepSummary(term_name(table, s.term), s.observed_overlap, s.expected_overlap, s.p_value)
            for s in steps
        ),
    }
    if fit is None or not (exists and identifiable):
        return MSEResult(
            **common,
            empty_overlap_terms=(),
            exists=exists,
            identifiable=identifiable,
            dark=None,
            population=None,
            interval=None,
            sparsemse_interval=None,
        )
    boot = None
    if bootstrap:
        boot = bootstrap_interval(
            table,
            population_estimator(method, terms, p_threshold, skip_empty_pairs),
            n=bootstrap,
            level=level,
            seed=seed,
            kind=bootstrap_kind,
            fit=fit,
            progress=progress,
        )
    return MSEResult(
        **common,
        empty_overlap_terms=tuple(term_name(table, t) for t in fit.design.empty),
        exists=True,
        identifiable=True,
        dark=fit.dark,
        population=fit.population,
        interval=profile_interval(fit, level),
        sparsemse_interval=log_normal_interval(fit, level),
        bootstrap_interval=None if boot is None else boot.interval,
        bootstrap_replicates=0 if boot is None else len(boot.replicates),
        bootstrap_failed=0 if boot is None else boot.failed,
        deviance=fit.deviance,
        aic=fit.aic,
    )
