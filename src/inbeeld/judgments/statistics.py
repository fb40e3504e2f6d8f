"""Statistics about criminal cases from extracted judgments, news reports or case files.

Everything here is UNPROTECTED: plain counts, including cells below any publication threshold.
Small-cell protection belongs to the monitor (data flows judgments -> monitor); the CLI applies it
before printing. The monitor's "Strafzaken" chapter calls `case_statistics`.

Definitions (one unit is one defendant object, i.e. one convicted or accused person in one case):
- the year is the decision year (`decision_date`, else `year`), "unknown" when neither is known;
- victim ages and genders count victims (each listed age/gender), not cases;
- the age difference is defendant age minus the youngest victim's age, for cases with both;
- a case "has an imposed sentence" when any imposed field is stated and it was not an acquittal;
  an imposed sentence with no unconditional prison stated counts as 0 unconditional days;
- "one day plus community service": exactly 1 unconditional day and a taakstraf of > 0 hours;
- "100 days or more": at least 100 unconditional prison days;
- the ratio is imposed / demanded unconditional prison days, for cases where both are stated and
  the demand is > 0;
- victim age group by the youngest victim: "<=15", "16-17", "18+" or "unknown".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from inbeeld.judgments.model import JudgmentFacts, Sentence

UNKNOWN = "unknown"
AGE_GROUPS = ("<=15", "16-17", "18+", UNKNOWN)


@dataclass(frozen=True, slots=True)
class CountTable:
    """A 1-D or 2-D count table: `rows` are (label, count) or (label, count, count, ...)."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"table {self.name}: row {row!r} does not fit columns {self.columns}")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "columns": list(self.columns), "rows": [list(r) for r in self.rows]}


@dataclass(frozen=True, slots=True)
class Share:
    """A count out of a base (e.g. cases with one day plus community service, of all sentenced)."""

    name: str
    count: int
    base: int

    def __post_init__(self) -> None:
        if not 0 <= self.count <= self.base:
            raise ValueError(f"share {self.name}: need 0 <= count <= base, got {self.count}/{self.base}")

    @property
    def value(self) -> float | None:
        return self.count / self.base if self.base else None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "count": self.count, "base": self.base, "value": self.value}


@dataclass(frozen=True, slots=True)
class CaseComparison:
    """Demanded against imposed unconditional prison days for one case (not for publication)."""

    source: str
    defendant: str | None
    demanded_days: float | None
    imposed_days: float | None
    ratio: float | None


@dataclass(frozen=True, slots=True)
class CaseStatistics:
    """All tables and shares of the criminal-justice part of the monitor (unprotected)."""

    cases: int
    cases_per_year: CountTable
    victim_ages: CountTable
    victim_genders: CountTable
    age_difference: CountTable
    age_difference_15_or_more: Share
    channels: CountTable
    channel_names: CountTable
    roles: CountTable
    one_day_plus_service: Share
    hundred_days_or_more: Share
    imposed_vs_demanded: CountTable  # lower / equal / higher than demanded
    by_victim_age_group: CountTable  # group, cases, sentenced, one day + service, >= 100 days
    comparisons: tuple[CaseComparison, ...]

    def tables(self) -> tuple[CountTable, ...]:
        return (self.cases_per_year, self.victim_ages, self.victim_genders, self.age_difference,
                self.channels, self.channel_names, self.roles, self.imposed_vs_demanded,
                self.by_victim_age_group)

    def shares(self) -> tuple[Share, ...]:
        return (self.age_difference_15_or_more, self.one_day_plus_service, self.hundred_days_or_more)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "tables": [t.to_dict() for t in self.tables()],
            "shares": [s.to_dict() for s in self.shares()],
            "comparisons": [
                {"source": c.source, "defendant": c.defendant, "demanded_days": c.demanded_days,
                 "imposed_days": c.imposed_days, "ratio": c.ratio} for c in self.comparisons],
        }


def case_statistics(facts: Iterable[JudgmentFacts], *,
                    roles: Collection[str] | None = ("client",)) -> CaseStatistics:
    """Return the unprotected case statistics over `facts`.

    Args:
        facts: extracted objects (`inbeeld judgments extract`) and/or imported case-file rows.
        roles: count only defendants with these roles (default: clients); None counts everyone.
    """
    selected = [f for f in _deduplicated(facts) if roles is None or f.role_of_defendant in roles]
    years = Counter(str(f.decision_year) if f.decision_year is not None else UNKNOWN for f in selected)
    ages = Counter(a for f in selected for a in f.victim_ages)
    genders = Counter(g for f in selected for g in f.victim_genders)
    differences = [f.defendant_age - min(f.victim_ages) for f in selected
                   if f.defendant_age is not None and f.victim_ages]
    channels = Counter(f.contact_channel or UNKNOWN for f in selected)
    names = Counter(n for f in selected for n in f.channel_names)
    role_counts = Counter(f.role_of_defendant or UNKNOWN for f in selected)
    sentenced = [f for f in selected if _sentenced(f)]
    comparisons = tuple(_compare(f) for f in selected if _sentenced(f) or not f.demanded.is_empty)
    direction = Counter(_direction(c) for c in comparisons if c.ratio is not None)
    groups = {g: [f for f in selected if _age_group(f) == g] for g in AGE_GROUPS}
    return CaseStatistics(
        cases=len(selected),
        cases_per_year=_table("cases_per_year", ("year", "cases"), years, order=_year_key),
        victim_ages=_table("victim_ages", ("age", "victims"), ages),
        victim_genders=_table("victim_genders", ("gender", "victims"), genders),
        age_difference=_table("age_difference", ("years", "cases"), Counter(differences)),
        age_difference_15_or_more=Share("age_difference_15_or_more",
                                        sum(d >= 15 for d in differences), len(differences)),
        channels=_table("channels", ("channel", "cases"), channels),
        channel_names=_table("channel_names", ("name", "cases"), names),
        roles=_table("roles", ("role", "cases"), role_counts),
        one_day_plus_service=Share("one_day_plus_service",
                                   sum(_one_day_plus_service(f.imposed) for f in sentenced), len(sentenced)),
        hundred_days_or_more=Share("hundred_days_or_more",
                                   sum(_unconditional(f.imposed) >= 100 for f in sentenced), len(sentenced)),
        imposed_vs_demanded=CountTable(
            "imposed_vs_demanded", ("imposed", "cases"),
            tuple((k, direction.get(k, 0)) for k in ("lower", "equal", "higher"))),
        by_victim_age_group=CountTable(
            "by_victim_age_group",
            ("victim_age_group", "cases", "sentenced", "one_day_plus_service", "hundred_days_or_more"),
            tuple((g, len(fs), sum(_sentenced(f) for f in fs),
                   sum(_sentenced(f) and _one_day_plus_service(f.imposed) for f in fs),
                   sum(_sentenced(f) and _unconditional(f.imposed) >= 100 for f in fs))
                  for g, fs in groups.items())),
        comparisons=comparisons,
    )


def _deduplicated(facts: Iterable[JudgmentFacts]) -> list[JudgmentFacts]:
    """Drop repeated objects for the same judgment and defendant (same ECLI read twice)."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for f in facts:
        if f.ecli:
            key = (f.ecli, f.defendant)
            if key in seen:
                continue
            seen.add(key)
        out.append(f)
    return out


def _sentenced(f: JudgmentFacts) -> bool:
    return not f.acquitted and not f.imposed.is_empty


def _unconditional(s: Sentence) -> float:
    return s.prison_days_unconditional or 0


def _one_day_plus_service(s: Sentence) -> bool:
    return _unconditional(s) == 1 and (s.community_service_hours or 0) > 0


def _compare(f: JudgmentFacts) -> CaseComparison:
    demanded = f.demanded.prison_days_unconditional
    imposed = f.imposed.prison_days_unconditional if _sentenced(f) else None
    if imposed is None and _sentenced(f):
        imposed = 0.0  # sentenced without unconditional prison
    ratio = imposed / demanded if demanded and imposed is not None else None
    return CaseComparison(f.source, f.defendant, demanded, imposed, ratio)


def _direction(c: CaseComparison) -> str:
    assert c.ratio is not None
    return "lower" if c.ratio < 1 else "equal" if c.ratio == 1 else "higher"


def _age_group(f: JudgmentFacts) -> str:
    if not f.victim_ages:
        return UNKNOWN
    youngest = min(f.victim_ages)
    return "<=15" if youngest <= 15 else "16-17" if youngest <= 17 else "18+"


def _year_key(label: Any) -> tuple[int, Any]:
    return (1, label) if label == UNKNOWN else (0, label)


def _table(name: str, columns: tuple[str, str], counts: Counter, order: Any = None) -> CountTable:
    key = order or (lambda label: (isinstance(label, str), label))
    return CountTable(name, columns, tuple((label, counts[label]) for label in sorted(counts, key=key)))
