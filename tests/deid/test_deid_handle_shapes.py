"""Handles people type without @: dotted usernames and display names with an emoji."""

from __future__ import annotations

import pytest

from inbeeld.deid.recognisers.handle import HandleRecogniser


def found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in HandleRecogniser().find(text)]


@pytest.mark.parametrize("text, expected", [
    ("hij stuurt nu als r.vermaat en", ["r.vermaat"]),          # initial dotted to a surname
    ("ze volgt d4ni.el op tiktok", ["d4ni.el"]),                 # digits inside
    ("zijn andere is 9bas.tiaan.07", ["9bas.tiaan.07"]),          # starts with a digit
    ("mn nicht (yaren.x) zei het", ["yaren.x"]),                  # a rare word dotted to a letter
])
def test_dotted_usernames_without_a_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "ja.ik weet het",              # two words typed without a space
    "zie foto.jpg",                # a file
    "kijk op helpwanted.nl",       # a web address (the URL recogniser's)
    "o.a. school en d.w.z. thuis",  # abbreviations
    "om 12.30 of 13.00",           # times, also after "of" (which is also OnlyFans)
    "nog 1.5km lopen",             # a number with a unit
])
def test_dotted_near_misses(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("op snap heet hij Tor 💸", ["Tor 💸"]),
    ("op whatsapp staat hij als JK Media 📸", ["JK Media 📸"]),
    ("de man noemt zich Mr. Cash 💰", ["Mr. Cash 💰"]),
    ("mn eigen insta is lieke ✨ maar", ["lieke ✨"]),
    ("in de groep zit iemand die Haagse Tijger 🐯 heet", ["Haagse Tijger 🐯"]),
    ("ze gebruikt facebook name Auntie Grace Ola", ["Auntie Grace Ola"]),
])
def test_display_names_after_a_cue(text, expected):
    # the whole display name with its emoji is found (a cue rule may find its first word too)
    assert set(expected) <= set(found(text))


@pytest.mark.parametrize("text", [
    "mn insta is echt leeg 😢",     # plain lowercase words before an emoji: a feeling
    "ik ben zo bang 😢",            # no cue
    "dankjewel ❤️ echt",
])
def test_display_name_near_misses(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("my facebook Anh Tran 2001 and", ["Anh Tran 2001"]),          # a profile name with a number
    ("ze verkoopt op insta als Lola Hair Styles", ["Lola Hair Styles"]),   # "als" before it
    ("hij volgt me met nepaccount Kees Vos 070", ["Kees Vos 070"]),
])
def test_profile_names_after_a_platform(text, expected):
    assert set(expected) <= set(found(text))


def test_a_name_after_a_platform_without_number_or_as_is_left_to_the_name_recognisers():
    assert found("op facebook Tesfay Gebre") == []


@pytest.mark.parametrize("text, expected", [
    ("hij heeft tiktok kiraxvibesz en zegt dingen", ["kiraxvibesz"]),   # a word no dictionary knows
    ("zoek maar op insta lorrenzomoney", ["lorrenzomoney"]),
])
def test_an_unknown_word_right_after_a_platform_is_the_username(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "de mentor of vertrouwenspersoon weet het",   # "of" is also "or"
    "ik zag het op snap gisteren",                # a common word
    "stuur het via snap doorsturen",              # a compound of known words
])
def test_words_after_a_platform_near_misses(text):
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "kijk op www.larsboss.nl",        # a glued name inside a web address
    "stuur naar @larsboss.x",          # already a handle by its @, not twice
    "de map /home/larsboss/foto",     # inside a path
])
def test_glued_names_inside_other_shapes_are_not_taken_alone(text):
    spans = [text[f.start:f.end] for f in HandleRecogniser()._find_words(text)]
    assert "larsboss" not in spans
