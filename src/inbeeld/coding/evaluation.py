"""Automatic codes against gold codes: accuracy, F1 per value, alpha, confusions, exact ages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from inbeeld.codebook import Codebook
from inbeeld.coding.agreement import VariableAgreement, agreement


@dataclass(frozen=True, slots=True)
class ValueScore:
    value: str
    precision: float
    recall: float
    f1: float
    support: int  # gold conversations with this value


@dataclass(frozen=True, slots=True)
class VariableScore:
    variable: str
    units: int
    accuracy: float
    alpha: float
    alpha_ci: tuple[float, float]
    multi: bool
    values: tuple[ValueScore, ...] = ()
    confusions: tuple[tuple[Any, Any, int], ...] = ()  # (gold, predicted, count), most frequent first
    exact_stated: float | None = None  # integer variables: share right where gold states a value
    stated: int = 0


@dataclass(frozen=True, slots=True)
class Evaluation:
    units: int
    variables: tuple[VariableScore, ...]
    missing_predictions: tuple[str, ...] = field(default_factory=tuple)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(
    gold: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Mapping[str, Any]],
    codebook: Codebook, *, reps: int = 1000, seed: int = 0,
) -> Evaluation:
    """Score predicted codes against gold over the conversations in gold that were coded."""
    ids = [i for i in gold if i in predicted]
    missing = tuple(i for i in gold if i not in predicted)
    alphas: dict[str, VariableAgreement] = {
        a.variable: a for a in agreement({i: gold[i] for i in ids}, {i: predicted[i] for i in ids},
                                         codebook, reps=reps, seed=seed, kappa=False)
    }
    scores = []
    for variable in codebook.variables:
        name = variable.name
        g = [gold[i].get(name, variable.empty()) for i in ids]
        p = [predicted[i].get(name, variable.empty()) for i in ids]
        confusions: Counter[tuple[Any, Any]] = Counter()
        values: list[ValueScore] = []
        if variable.multi:
            right = sum(set(x) == set(y) for x, y in zip(g, p, strict=True))
            for x, y in zip(g, p, strict=True):
                for missed in set(x) - set(y):
                    confusions[(missed, "(missed)")] += 1
                for extra in set(y) - set(x):
                    confusions[("(none)", extra)] += 1
            names = list(variable.values) if not variable.open else sorted({v for s in g + p for v in s})
            for value in names:
                tp = sum(value in x and value in y for x, y in zip(g, p, strict=True))
                fp = sum(value not in x and value in y for x, y in zip(g, p, strict=True))
                fn = sum(value in x and value not in y for x, y in zip(g, p, strict=True))
                values.append(ValueScore(value, *_f1(tp, fp, fn), support=tp + fn))
        else:
            right = sum(x == y for x, y in zip(g, p, strict=True))
            for x, y in zip(g, p, strict=True):
                if x != y:
                    confusions[(x, y)] += 1
        exact = None
        stated = 0
        if variable.is_integer:
            pairs = [(x, y) for x, y in zip(g, p, strict=True) if isinstance(x, int)]
            stated = len(pairs)
            exact = sum(x == y for x, y in pairs) / stated if stated else None
        agree = alphas[name]
        scores.append(VariableScore(
            name, len(ids), right / len(ids) if ids else float("nan"), agree.alpha, agree.alpha_ci,
            variable.multi, tuple(values),
            tuple((a, b, n) for (a, b), n in confusions.most_common()), exact, stated,
        ))
    return Evaluation(len(ids), tuple(scores), missing)
