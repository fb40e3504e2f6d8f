"""Reliability: Krippendorff's alpha (krippendorff package) and Cohen's kappa (scikit-learn), with
seeded bootstrap intervals, per codebook variable.

'unknown' counts as a value of a single-valued variable. A multi-valued variable is split into one
binary present/absent variable per value; its alpha and kappa are the mean over the values that
occur (a value nobody used has no defined alpha and is left out of the mean).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

from inbeeld.codebook import Codebook

NAN = float("nan")


def alpha_nominal(data: Sequence[Sequence[Any]]) -> float:
    """Krippendorff's alpha, nominal, for coders x units; None or NaN marks a missing value.

    Returns NaN when the data hold fewer than two distinct values (alpha is undefined).
    """
    labels: dict[Any, int] = {}
    matrix = np.full((len(data), len(data[0]) if data else 0), np.nan)
    for i, row in enumerate(data):
        for j, value in enumerate(row):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            matrix[i, j] = labels.setdefault(_key(value), len(labels))
    if len(labels) < 2:
        return NAN
    paired = (~np.isnan(matrix)).sum(axis=0) >= 2
    if not paired.any():
        return NAN
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal",
                                    value_domain=list(range(len(labels)))))


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Cohen's kappa of two coders over the same units; NaN when undefined (one value only).

    Computed from the contingency table here because scikit-learn's cohen_kappa_score costs about
    1.4 ms per call in its input checks, too slow inside a 1000-fold bootstrap per value; the tests
    check this function against scikit-learn and a published example.
    """
    left, right = [_key(x) for x in a], [_key(x) for x in b]
    labels = sorted(set(left) | set(right))
    if len(labels) < 2 or not left:
        return NAN
    index = {label: i for i, label in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)))
    np.add.at(table, ([index[x] for x in left], [index[y] for y in right]), 1)
    total = table.sum()
    observed = np.trace(table) / total
    expected = float((table.sum(axis=0) * table.sum(axis=1)).sum()) / total**2
    if expected == 1.0:
        return NAN
    return float((observed - expected) / (1 - expected))


def cohen_kappa_reference(a: Sequence[Any], b: Sequence[Any]) -> float:
    """scikit-learn's Cohen's kappa, the reference the fast version is checked against."""
    return float(cohen_kappa_score([_key(x) for x in a], [_key(x) for x in b]))


def _key(value: Any) -> str:
    return str(value)


def bootstrap_interval(
    statistic: Callable[[np.ndarray], float], n_units: int, reps: int = 1000, seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile interval of a statistic over units resampled with replacement (seeded)."""
    if n_units < 2:
        return (NAN, NAN)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(reps):
        value = statistic(rng.integers(0, n_units, n_units))
        if not math.isnan(value):
            values.append(value)
    if len(values) < reps / 2:  # mostly undefined: no honest interval
        return (NAN, NAN)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return (float(low), float(high))


@dataclass(frozen=True, slots=True)
class VariableAgreement:
    """Agreement of two codings on one variable."""

    variable: str
    units: int
    alpha: float
    alpha_ci: tuple[float, float]
    kappa: float
    kappa_ci: tuple[float, float]
    agreement: float  # share of units with the same code (the same set for multi-valued variables)
    multi: bool
    disagreements: tuple[tuple[str, Any, Any], ...] = ()
    per_value_alpha: dict[str, float] = field(default_factory=dict)


_Stat = Callable[[np.ndarray], float]


def _single_stats(a: list[Any], b: list[Any]) -> tuple[_Stat, _Stat]:
    def alpha_of(idx: np.ndarray) -> float:
        return alpha_nominal([[a[i] for i in idx], [b[i] for i in idx]])

    def kappa_of(idx: np.ndarray) -> float:
        return cohen_kappa([a[i] for i in idx], [b[i] for i in idx])

    return alpha_of, kappa_of


def _mean(values: list[float]) -> float:
    defined = [v for v in values if not math.isnan(v)]
    return sum(defined) / len(defined) if defined else NAN


def variable_agreement(
    variable: str, a: list[Any], b: list[Any], ids: list[str], *, multi: bool,
    values: Sequence[str] = (), reps: int = 1000, seed: int = 0, kappa: bool = True,
) -> VariableAgreement:
    """Alpha and kappa with bootstrap intervals for one variable's codes by two coders."""
    n = len(ids)
    if not multi:
        alpha_of, kappa_of = _single_stats(a, b)
        everything = np.arange(n)
        disagreements = tuple((ids[i], a[i], b[i]) for i in range(n) if _key(a[i]) != _key(b[i]))
        return VariableAgreement(
            variable, n, alpha_of(everything), bootstrap_interval(alpha_of, n, reps, seed),
            kappa_of(everything) if kappa else NAN,
            bootstrap_interval(kappa_of, n, reps, seed) if kappa else (NAN, NAN),
            (n - len(disagreements)) / n if n else NAN, False, disagreements,
        )
    seen = sorted({v for codes in a + b for v in codes} | set(values))
    present_a = {v: [v in codes for codes in a] for v in seen}
    present_b = {v: [v in codes for codes in b] for v in seen}

    def alpha_of(idx: np.ndarray) -> float:
        return _mean([alpha_nominal([[present_a[v][i] for i in idx], [present_b[v][i] for i in idx]])
                      for v in seen])

    def kappa_of(idx: np.ndarray) -> float:
        return _mean([cohen_kappa([present_a[v][i] for i in idx], [present_b[v][i] for i in idx])
                      for v in seen])

    everything = np.arange(n)
    per_value = {v: alpha_nominal([present_a[v], present_b[v]]) for v in seen}
    disagreements = tuple(
        (ids[i], sorted(a[i]), sorted(b[i])) for i in range(n) if set(a[i]) != set(b[i])
    )
    return VariableAgreement(
        variable, n, alpha_of(everything), bootstrap_interval(alpha_of, n, reps, seed),
        kappa_of(everything) if kappa else NAN,
        bootstrap_interval(kappa_of, n, reps, seed) if kappa else (NAN, NAN),
        (n - len(disagreements)) / n if n else NAN, True, disagreements, per_value,
    )


def agreement(
    codes_a: Mapping[str, Mapping[str, Any]], codes_b: Mapping[str, Mapping[str, Any]],
    codebook: Codebook, *, reps: int = 1000, seed: int = 0, kappa: bool = True,
) -> list[VariableAgreement]:
    """Agreement per codebook variable over the conversations both codings share."""
    ids = [i for i in codes_a if i in codes_b]
    out = []
    for variable in codebook.variables:
        a = [codes_a[i].get(variable.name, variable.empty()) for i in ids]
        b = [codes_b[i].get(variable.name, variable.empty()) for i in ids]
        values = variable.values if variable.multi and not variable.open else ()
        out.append(variable_agreement(variable.name, a, b, ids, multi=variable.multi, values=values,
                                      reps=reps, seed=seed, kappa=kappa))
    return out
