"""Duration of the exploitation from time expressions, read against started_at."""

from __future__ import annotations

from datetime import datetime

import pytest

from factories import CET
from inbeeld.coding.duration import last_before

MARCH_2021 = datetime(2021, 3, 14, 21, 5, tzinfo=CET)


@pytest.mark.parametrize("lines, expected", [
    (["ik moet drugs wegbrengen, al 2 jaar"], "yes"),
    (["het duurde bijna twee jaar", "ik moest met klanten mee"], "yes"),
    (["sinds vorige zomer moet ik drugs wegbrengen"], "no"),  # July 2020 to March 2021
    (["sinds 2019 moet ik met mannen mee"], "yes"),
    (["ik moet met mannen mee, sinds januari"], "no"),
    (["ik moet drugs wegbrengen sinds december 2018"], "yes"),
    (["het gaat nu een paar maanden zo", "ik moet drugs wegbrengen"], "no"),
    (["toen ik 14 was moest ik drugs wegbrengen", "dat ging door tot ik 16 was"], "yes"),
    # living together is not the exploitation
    (["ze woont sinds twee jaar bij ons", "sinds januari moet ze met mannen mee"], "no"),
    (["ik zit al 2 jaar op deze school"], "unknown"),  # no exploitation
])
def test_duration_year_or_more(code, lines, expected):
    assert code(*lines, started_at=MARCH_2021)["duration_year_or_more"] == expected


def test_a_season_counts_from_its_last_start_before_the_chat():
    assert last_before(MARCH_2021.date(), 7, 1).year == 2020
    assert last_before(MARCH_2021.date(), 1, 1).year == 2021
