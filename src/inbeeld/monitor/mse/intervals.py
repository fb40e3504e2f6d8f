"""Intervals for the population size: SparseMSE's log-normal interval, profile likelihood, bootstrap.

- `log_normal_interval`: what SparseMSE's `estimatepopulation.0` reports for the chosen model:
  the log dark figure (the intercept) taken as normal with its GLM standard error.
- `profile_interval`: profile likelihood for the population size in the chosen model, with the
  population fixed (multinomial), as Rcapture's `closedpCI` and Cormack (1992).
- `bootstrap_interval`: SparseMSE's `estimatepopulation`: redraw the observed cases, repeat the
  whole estimation (model selection included) in every replicate, and take BCa limits with the
  acceleration from a jackknife over cases. A parametric variant redraws from the fitted model.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from scipy.optimize import brentq, minimize_scalar
from scipy.stats import chi2, norm
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

from inbeeld.monitor.mse.data import CaptureTable
from inbeeld.monitor.mse.models import ModelFit

__all__ = [
    "BootstrapResult",
    "Interval",
    "bca_limits",
    "bootstrap_interval",
    "log_normal_interval",
    "profile_interval",
]

Estimator = Callable[[CaptureTable], float]  # table -> population estimate (nan if none)


@dataclass(frozen=True, slots=True)
class Interval:
    """A two-sided interval for the population size at `level` (e.g. 0.95)."""

    low: float
    high: float
    method: str
    level: float

    def __post_init__(self) -> None:
        if not self.low <= self.high:
            raise ValueError(f"interval needs low <= high, got {self.low}..{self.high}")


def log_normal_interval(fit: ModelFit, level: float = 0.95) -> Interval:
    """SparseMSE's interval: observed + exp(intercept +- z * se)."""
    z = norm.ppf(0.5 + level / 2)
    obs = fit.table.observed
    return Interval(
        obs + math.exp(fit.log_dark - z * fit.log_dark_se),
        obs + math.exp(fit.log_dark + z * fit.log_dark_se),
        "log-normal",
        level,
    )


def _profile_loglik(fit: ModelFit, population: float) -> float:
    """Multinomial log-likelihood of the population size, the model's other parameters maximised.

    The unseen cell gets count N - observed and joins the table; the Poisson fit of the completed
    table has fitted total N, so its cell means over N are the maximising cell probabilities.
    """
    d = fit.design
    unseen = population - fit.table.observed
    x0 = np.zeros((1, d.X.shape[1]))
    x0[0, 0] = 1.0  # the all-zero cell: intercept only
    X = np.vstack([x0, d.X])
    y = np.concatenate([[unseen], d.y])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", PerfectSeparationWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        res = sm.GLM(y, X, family=sm.families.Poisson()).fit(start_params=fit.params)
    mu = np.asarray(res.fittedvalues)
    pos = y > 0
    return float(
        math.lgamma(population + 1) - math.lgamma(unseen + 1) + np.sum(y[pos] * np.log(mu[pos] / population))
    )


def profile_interval(fit: ModelFit, level: float = 0.95) -> Interval:
    """Profile-likelihood interval for the population size N (multinomial, N fixed), as Rcapture.

    Unlike the log-normal interval, which describes the uncertainty in the expected number
    unseen, this one is for the true size, so it includes the chance variation of the unseen count.
    """
    crit = chi2.ppf(level, 1) / 2
    obs = fit.table.observed
    center = fit.population
    # the maximum lies near the Poisson estimate; search a bracket around it
    se = fit.log_dark_se if math.isfinite(fit.log_dark_se) else 1.0
    span = max(fit.dark * 4 * max(se, 0.01), 1.0)
    best = minimize_scalar(
        lambda n: -_profile_loglik(fit, n),
        bounds=(obs, center + span),
        method="bounded",
        options={"xatol": 1e-3},
    )
    n_hat = float(best.x)
    top = -float(best.fun)

    def below(n: float) -> float:
        return top - _profile_loglik(fit, n) - crit

    low = obs if below(obs) <= 0 else brentq(below, obs, n_hat, xtol=1e-4)
    step = max(n_hat - obs, 1.0)
    high = math.inf
    for _ in range(60):  # widen until the likelihood falls past the cut-off
        outer = n_hat + step
        if below(outer) > 0:
            high = brentq(below, n_hat, outer, xtol=1e-4)
            break
        step *= 2
        if outer > 1e12:  # beyond any population: the interval is open above
            break
    return Interval(float(low), float(high), "profile-likelihood", level)


def bca_limits(replicates: np.ndarray, estimate: float, ahat: float, level: float) -> tuple[float, float]:
    """BCa limits as SparseMSE's `bcaconfvalues` (quantiles of type 8 = numpy 'median_unbiased')."""
    share_below = float(np.mean(replicates < estimate))
    share_below = min(max(share_below, 0.5 / len(replicates)), 1 - 0.5 / len(replicates))
    z0 = norm.ppf(share_below)
    za = norm.ppf([0.5 - level / 2, 0.5 + level / 2])
    za0 = za + z0
    probs = norm.cdf(z0 + za0 / (1 - ahat * za0))
    low, high = np.quantile(replicates, probs, method="median_unbiased")
    return float(min(low, high)), float(max(low, high))  # a large acceleration can swap them


@dataclass(frozen=True, slots=True, eq=False)
class BootstrapResult:
    """Bootstrap replicates, the BCa interval, and how many replicates gave no estimate."""

    interval: Interval
    replicates: np.ndarray
    acceleration: float
    failed: int
    kind: str


def _jackknife_acceleration(table: CaptureTable, estimator: Estimator) -> float:
    """SparseMSE's acceleration: leave one case out per pattern, weight by the pattern's count."""
    counts = np.asarray(table.counts, dtype=float)
    jack = np.zeros(len(counts))
    for k in np.flatnonzero(counts > 0):
        reduced = counts.copy()
        reduced[k] -= 1
        jack[k] = estimator(table.with_counts(reduced.astype(int)))
    ok = counts > 0
    if not np.all(np.isfinite(jack[ok])):
        return 0.0
    resid = np.sum(counts * jack) / counts.sum() - jack
    denom = 6 * np.sum(counts * resid**2) ** 1.5
    return float(np.sum(counts * resid**3) / denom) if denom > 0 else 0.0


def bootstrap_interval(
    table: CaptureTable,
    estimator: Estimator,
    *,
    n: int = 1000,
    level: float = 0.95,
    seed: int | None = None,
    kind: str = "multinomial",
    fit: ModelFit | None = None,
    progress: Callable[[int], None] | None = None,
) -> BootstrapResult:
    """BCa bootstrap interval for the population, repeating the whole estimation per replicate.

    kind "multinomial" (SparseMSE): the observed cases redrawn with replacement. kind
    "parametric": the number seen drawn binomially from the estimated population, then spread
    over the cells by the fitted model `fit` (as in SparseMSE's simulation study).
    """
    if n < 2:
        raise ValueError(f"the bootstrap needs at least 2 replicates, got {n}")
    if kind not in ("multinomial", "parametric"):
        raise ValueError(f"bootstrap kind must be 'multinomial' or 'parametric', got {kind!r}")
    rng = np.random.default_rng(seed)
    estimate = estimator(table)
    counts = np.asarray(table.counts, dtype=float)
    nobs = int(counts.sum())
    if kind == "parametric":
        if fit is None:
            raise ValueError("the parametric bootstrap needs the fitted model")
        probs = np.zeros(len(counts))
        probs[fit.design.kept] = fit.fitted
        total = round(fit.population)
        seen_share = float(probs.sum() / fit.population)
        probs = probs / probs.sum()
    else:
        probs = counts / nobs
    reps = np.empty(n)
    for b in range(n):
        size = int(rng.binomial(total, seen_share)) if kind == "parametric" else nobs
        reps[b] = estimator(table.with_counts(rng.multinomial(size, probs)))
        if progress is not None:
            progress(b + 1)
    good = reps[np.isfinite(reps)]
    failed = n - len(good)
    if len(good) < 2:
        raise ValueError("fewer than two bootstrap replicates gave an estimate")
    ahat = _jackknife_acceleration(table, estimator)
    low, high = bca_limits(good, estimate, ahat, level)
    return BootstrapResult(Interval(low, high, f"bootstrap-bca-{kind}", level), good, ahat, failed, kind)
