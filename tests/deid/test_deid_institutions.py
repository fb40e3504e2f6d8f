"""Schools and employers typed in lowercase: after a verb of working or attending, a role, or a
kind of business. Each rule with hits and near-misses (invented examples)."""

from __future__ import annotations

import pytest

from inbeeld.deid.recognisers.institutions import LowercaseInstitutionRecogniser


def found(text: str) -> list[str]:
    return sorted({text[f.start:f.end] for f in LowercaseInstitutionRecogniser().find(text)})


@pytest.mark.parametrize("text, expected", [
    ("ik zit op wartburg in de 2e", ["wartburg"]),                      # a school, no article
    ("ze zit op het vellesan nu", ["vellesan"]),
    ("mijn broer werkt bij lidl", ["lidl"]),                            # a chain as employer
    ("ze werkt bij de hema op zaterdag", ["hema"]),                     # a shop named like a name
    ("ik werk bij bouwmij tjoelker nu", ["bouwmij tjoelker"]),           # two rare words
    ("i work for agency tempowerk noord", ["tempowerk noord"]),          # the kind left out
    ("mn mentor van het lorentz vond het raar", ["lorentz"]),            # after a role
    ("mn school spinoza lyceum is groot", ["spinoza lyceum"]),
    ("bakkerij van der meulen", ["bakkerij van der meulen"]),            # a kind before the name
    ("mijn oom heeft cafetaria de kikvors", ["cafetaria de kikvors"]),
    ("ik ken haar van stichting lumen", ["stichting lumen"]),
    ("haar voogd is van jeugdbescherming zuid", ["jeugdbescherming zuid"]),  # a compass word
    ("i go to isk zwolle", ["isk zwolle"]),                              # a kind and a town
])
def test_lowercase_institutions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "ik zit op school",                  # a plain word
    "ik zit op havo",                    # a level, no school
    "ik zit op de bank te wachten",
    "ik zit op snap de hele dag",        # a platform
    "hij werkt bij de politie",          # a service, a common word
    "mn vader werkt bij de bakker",      # a trade, however common a surname
    "mn moeder werkt bij de plus",       # a plain word (also a shop)
    "ik werk bij een carwash",           # a kind of business with "een"
    "i work at carwash every day",       # the kind alone
    "ik werk bij mn oom in de zaak",
    "she works for embassy people",      # a common English word
    "moet ik school inlichten?",         # "school" without a possessive or "is"
    "mn stagebegeleider van school dhr. de boer",  # a title: a person follows
    "ik werk bij de receptie van een hotel",       # a frequent Dutch word
])
def test_lowercase_institution_near_misses(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ik werk bij een dc, via wezep logistics", ["wezep logistics"]),   # a tail word ends the name
    ("agency is dravik staffing in venlo", ["dravik staffing"]),
    ("we slapen in hotel de zeekoe ofzo", ["de zeekoe"]),             # the codable kind stays
    ("ze werkt in restaurant het kompas", ["restaurant het kompas"]),   # an article: any word
    ("mn broertje zit op obs de klimop", ["obs de klimop"]),
])
def test_tail_words_and_named_kinds(text, expected):
    assert found(text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "het is een goede carwash",         # plain words before the tail
    "after 23:00 only, restaurant closes",  # a kind named by a plain word needs an article
    "heeft uw hotel een protocol",       # "een": a village, but an article here
    "we moeten naar het hotel toe",
])
def test_tail_and_kind_near_misses(text):
    assert found(text) == []


def test_a_cue_does_not_reach_into_the_next_message():
    texts = ["ik vraag het wel aan mn mentor", "op het rooster staat niks"]
    assert LowercaseInstitutionRecogniser().find_all(texts) == [[], []]
