"""Case statistics against values computed by hand on a five-case fixture."""

from __future__ import annotations

import pytest

from inbeeld.judgments.model import JudgmentFacts, Sentence
from inbeeld.judgments.statistics import CountTable, Share, case_statistics


def _case(source: str, year: int, role: str = "client", **kw: object) -> JudgmentFacts:
    return JudgmentFacts(source=source, decision_date=f"{year}-06-01", role_of_defendant=role, **kw)


CASES = [
    _case("A", 2019, defendant_age=45, victim_ages=(15,), victim_genders=("female",),
          contact_channel="sex advertisement website", channel_names=("Kinky.nl",),
          demanded=Sentence(prison_days_unconditional=180),
          imposed=Sentence(prison_days_unconditional=1, community_service_hours=240), acquitted=False),
    _case("B", 2019, defendant_age=30, victim_ages=(16, 17), victim_genders=("female", "female"),
          demanded=Sentence(prison_days_unconditional=120), imposed=Sentence(prison_days_unconditional=120),
          acquitted=False),
    _case("C", 2020, imposed=Sentence(prison_days_unconditional=150), acquitted=False),
    _case("D", 2020, defendant_age=50, victim_ages=(14,), victim_genders=("male",),
          demanded=Sentence(prison_days_unconditional=90), acquitted=True),
    _case("E", 2021, role="trafficker", imposed=Sentence(prison_days_unconditional=1000), acquitted=False),
]


@pytest.fixture(scope="module")
def stats():
    return case_statistics(CASES)


def test_only_clients_by_default(stats) -> None:
    assert stats.cases == 4
    assert stats.cases_per_year.rows == (("2019", 2), ("2020", 2))


def test_every_role_when_asked() -> None:
    assert case_statistics(CASES, roles=None).cases_per_year.rows == (("2019", 2), ("2020", 2), ("2021", 1))


def test_victims_are_counted_not_cases(stats) -> None:
    assert stats.victim_ages.rows == ((14, 1), (15, 1), (16, 1), (17, 1))
    assert dict(stats.victim_genders.rows) == {"female": 3, "male": 1}


def test_age_difference_uses_the_youngest_victim(stats) -> None:
    assert stats.age_difference.rows == ((14, 1), (30, 1), (36, 1))  # 30-16, 45-15, 50-14
    assert (stats.age_difference_15_or_more.count, stats.age_difference_15_or_more.base) == (2, 3)


def test_channels_count_unknown(stats) -> None:
    assert dict(stats.channels.rows) == {"sex advertisement website": 1, "unknown": 3}
    assert stats.channel_names.rows == (("Kinky.nl", 1),)


def test_shares_are_of_sentenced_cases(stats) -> None:
    # A, B, C are sentenced; D was acquitted
    assert (stats.one_day_plus_service.count, stats.one_day_plus_service.base) == (1, 3)
    assert (stats.hundred_days_or_more.count, stats.hundred_days_or_more.base) == (2, 3)


def test_demanded_against_imposed(stats) -> None:
    ratios = {c.source: c.ratio for c in stats.comparisons}
    assert ratios["A"] == pytest.approx(1 / 180)
    assert ratios["B"] == 1.0
    assert ratios["C"] is None and ratios["D"] is None
    assert stats.imposed_vs_demanded.rows == (("lower", 1), ("equal", 1), ("higher", 0))


def test_by_victim_age_group(stats) -> None:
    assert stats.by_victim_age_group.rows == (
        ("<=15", 2, 1, 1, 0),
        ("16-17", 1, 1, 0, 1),
        ("18+", 0, 0, 0, 0),
        ("unknown", 1, 1, 0, 1),
    )


def test_same_judgment_read_twice_counts_once() -> None:
    twice = [JudgmentFacts(source=s, ecli="ECLI:NL:RBLIM:2099:1", role_of_defendant="client")
             for s in ("a.xml", "a.html")]
    assert case_statistics(twice).cases == 1


def test_tables_check_their_shape() -> None:
    with pytest.raises(ValueError):
        CountTable("t", ("a", "b"), (("x", 1, 2),))
    with pytest.raises(ValueError):
        Share("s", 3, 2)
