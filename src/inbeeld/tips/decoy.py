"""Decoy adverts: who responded, and the share that went on after learning the age was under 18.

Responders are kept only as keyed hashes (the tips link key), so repeat responders are counted
once without a list of numbers or handles. The share per year gets a Wilson score interval
(statsmodels), which behaves at small counts and at shares near 0 or 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from statsmodels.stats.proportion import proportion_confint


@dataclass(frozen=True)
class DecoyYear:
    year: int
    responses: int
    responders: int  # distinct responder hashes
    continued: int  # responses that went on after learning the minor age
    share: float
    low: float  # Wilson interval, 95 % unless asked otherwise
    high: float


def decoy_summary(rows: Iterable[tuple[int, str, bool]], confidence: float = 0.95) -> list[DecoyYear]:
    """Per year from (year, responder hash, continued) rows."""
    by_year: dict[int, list[tuple[str, bool]]] = {}
    for year, digest, continued in rows:
        by_year.setdefault(year, []).append((digest, bool(continued)))
    out = []
    for year in sorted(by_year):
        items = by_year[year]
        n, k = len(items), sum(c for _, c in items)
        low, high = proportion_confint(k, n, alpha=1 - confidence, method="wilson")
        out.append(DecoyYear(year, n, len({d for d, _ in items}), k, k / n, float(low), float(high)))
    return out
