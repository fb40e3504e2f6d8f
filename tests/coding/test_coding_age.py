"""Age extraction: digits and number words, 'bijna', corrections, past ages, whose age it is."""

from __future__ import annotations

import pytest

from inbeeld.coding.age import parse_number

C = "counsellor"


@pytest.mark.parametrize("lines, age", [
    (["ik ben 15"], 15),
    (["ik ben bijna 16"], 15),  # codebook: "bijna 16" is 15
    (["ik ben een jongen van dertien"], 13),
    (["ik ben eenentwintig jaar"], 21),
    (["ik ben 18", "eigenlijk ben ik 16"], 16),  # the latest statement wins
    (["ik ben niet 18... eigenlijk 16"], 16),
    (["ik word volgende maand 16"], 15),
    (["ik ben 16 en hij is 22"], 16),  # someone else's age in the same sentence
    (["mijn vriend is 20, ik ken hem van snap"], "unknown"),  # only his age
    (["ik ben 23", "toen ik 15 was moest ik met mannen mee"], 23),  # age now, not then
    (["ik zit in de 2e klas"], "unknown"),  # a school year gives no age
    ([(C, "Ben je 15?"), "weet ik niet"], "unknown"),  # a counsellor's question is no fact
    ([(C, "Hoe oud ben je, als ik vragen mag?"), "14"], 14),
    (["ik maak me zorgen om mijn vriendin", "ze is 15", "ik ben zelf 19"], 15),  # a friend writes
    (["ik ben de grote zus van een jongen in groep 8", (C, "Hoe oud ben jij?"), "ik ben 20"], "unknown"),
    (["Goedenavond, ik ben moeder van een jongen van vijftien."], 15),
])
def test_victim_age(code, lines, age):
    assert code(*lines)["victim_age"] == age


@pytest.mark.parametrize("lines, minor", [
    (["ik ben 15"], "yes"),
    (["ik ben 21"], "no"),
    (["ik ben 23", "toen ik 15 was moest ik met mannen mee"], "yes"),  # an adult about her teens
    (["ik zit in de 2e klas"], "yes"),  # a school year implies yes
    (["ik zit in 4 havo"], "yes"),
    (["hoi", "ik word gepest"], "unknown"),
])
def test_minor(code, lines, minor):
    assert code(*lines)["minor"] == minor


@pytest.mark.parametrize("text, number", [
    ("15", 15), ("vijftien", 15), ("eenentwintig", 21), ("dertien", 13), ("tafel", None),
])
def test_number_words(text, number):
    assert parse_number(text) == number
