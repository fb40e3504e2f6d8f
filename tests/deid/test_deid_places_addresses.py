"""Places and addresses as chatters write them: districts next to towns, named districts after
"in de", the big city in lowercase, addresses after an address cue, "nr" before a house number."""

from __future__ import annotations

import pytest

from factories import make_conversation
from inbeeld.deid import deidentify
from inbeeld.deid.recognisers.places import ChatPlaceRecogniser
from inbeeld.deid.recognisers.street import StreetRecogniser


def places(text: str) -> list[str]:
    return [text[f.start:f.end] for f in ChatPlaceRecogniser().find(text)]


@pytest.mark.parametrize("text, expected", [
    ("ik woon in zwolle holtenbroekpark eig", ["zwolle holtenbroekpark"]),  # district after a town
    ("ik kom uit Deurne antwerpen", ["Deurne antwerpen"]),                 # town after a district
    ("we wonen in amsterdam", ["amsterdam"]),                                 # the big city, lowercase
    ("in rotterdam zuid", ["rotterdam zuid"]),
    ("ik ben uit nieuw west weg", ["nieuw west"]),
    ("ik woon in de vogelaarwijk hier", ["de vogelaarwijk"]),               # a named district
])
def test_places_next_to_places_and_named_districts(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", [
    "ik woon in utrecht maar niet lang",   # an ordinary word after the town
    "ik woon in de woonwijk bij school",   # a district word that only describes
    "ik woon meer in het oosten",
    "ik ben in de wijk",
])
def test_place_near_misses(text):
    found = places(text)
    assert all(word not in found for word in ("maar", "de woonwijk", "meer", "de wijk"))


def streets(text: str) -> list[str]:
    return [text[f.start:f.end] for f in StreetRecogniser().find(text)]


@pytest.mark.parametrize("text, expected", [
    ("ze vroegen mn adres, Lindenhoek 14 en zo", ["Lindenhoek 14"]),
    ("hij woont op Brederode nr 7 denk ik", ["Brederode nr 7"]),
    ("she lives at Marktveld Oost 3", ["Marktveld Oost 3"]),
])
def test_any_street_after_an_address_cue(text, expected):
    assert streets(text) == expected


@pytest.mark.parametrize("text", [
    "mijn adres weet hij niet",
    "ik woon op 3 hoog",
    "ik woon op kamer 12",
])
def test_address_cue_near_misses(text):
    assert streets(text) == []


def test_nr_before_the_house_number_belongs_to_the_address(pipeline):
    out = deidentify(make_conversation("het huis is Veldhovenseweg nr 12, in de kelder"), pipeline)
    assert "nr 12" not in out.messages[0].text


@pytest.mark.parametrize("text, expected", [
    ("ik woon bij mn tante aan de lindelaan nu", ["lindelaan"]),     # a street without a number
    ("het feest is op de bosschestraat", ["bosschestraat"]),
    ("we liepen over de snelweg en de zijstraat in", []),             # kinds of road
    ("ik sta op de parkeerplaats", []),
])
def test_lowercase_streets_after_aan_de_or_op_de(text, expected):
    assert streets(text) == expected


def test_a_town_and_its_district_are_one_span(pipeline):
    text = "we wonen in zwolle holtenbroek sinds kort"
    out = deidentify(make_conversation(text), pipeline).messages[0]
    places_found = [s for s in out.spans if s.type == "PLACE"]
    assert [text[s.start:s.end] for s in places_found] == ["zwolle holtenbroek"]


@pytest.mark.parametrize("text, expected", [
    ("ik woon in drachtn sinds kort", ["drachtn"]),             # a letter dropped
    ("ik kom uit amersfort", ["amersfort"]),
    ("we gingen naar zwollle", ["zwollle"]),                    # a letter added
])
def test_a_town_typed_with_a_slip_after_a_place_cue(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", [
    "ik zit in de klsa",        # a slip of an ordinary word
    "ik ging naar huiss",
    "het was drachtn ofzo",     # no place cue before it
])
def test_slips_that_are_no_town(text):
    assert places(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ze woont ergens tolsteegsingel geloof ik", ["tolsteegsingel"]),          # lowercase, no cue
    ("bij willem de zwijger laan om de hoek", ["willem de zwijger laan"]),     # written apart
    ("hij staat vaak oude gracht bij de brug", ["oude gracht"]),               # adjective first
    ("afspreken op laan van meerdervoort zei hij", ["laan van meerdervoort"]),  # named after its kind
    ("ik zat bij hem in west singel toen", ["west singel"]),                   # compass word first
])
def test_streets_of_the_register_in_any_spelling(text, expected):
    assert streets(text) == expected


@pytest.mark.parametrize("text", [
    "hij wil dat ik dagen weg blijf",      # "dagen weg": a register street only when written together
    "zonder haar weg naar huis",
    "dan slaan ze me weer",               # a verb ending like a street
    "ik ben nu onderweg",                  # an ordinary word in the register
    "ik werk in een wasstraat",            # a kind of business, not a street's name
    "ik ga weg van hier",
])
def test_register_street_near_misses(text):
    assert streets(text) == []


def institutions(text: str) -> list[str]:
    from inbeeld.deid.recognisers.propernouns import ProperNounRecogniser

    return [text[f.start:f.end] for f in ProperNounRecogniser().find(text) if f.type == "INSTITUTION"]


@pytest.mark.parametrize("text, expected", [
    ("ik voetbal bij vv achilles veen op zaterdag", ["vv achilles veen"]),   # lowercase club
    ("trainer van RKSV Nuenen '32 zei dat", ["RKSV Nuenen '32"]),           # a year after the name
    ("ze zit op roc van amsterdam sinds kort", ["roc van amsterdam"]),       # a regional college
])
def test_clubs_and_colleges_by_their_abbreviation(text, expected):
    assert institutions(text) == expected


@pytest.mark.parametrize("text", [
    "ik zit op het roc en het is saai",
    "de voetbalclub van mn broer",
    "hij is fan van een fc en nog iets",
])
def test_club_near_misses(text):
    assert institutions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ze rijden naar breda, tilburg en oss", ["breda", "tilburg", "oss"]),   # a list of towns
    ("soms in almere soms lelystad", ["almere", "lelystad"]),
    ("hij woont in azc budel nu", ["budel"]),                                # a place type before
])
def test_towns_in_a_list_or_after_a_place_type(text, expected):
    found = places(text)
    assert all(any(town in span for span in found) for town in expected)
    assert not any(word in " ".join(found) for word in ("naar", " en ", "soms", "azc"))


@pytest.mark.parametrize("text, expected", [
    ("het bedrijf heet Glans & Co Zuid", ["Glans & Co Zuid"]),              # ordinary words, named
    ("via uitzendbureau: Sterk Werk Flex BV", ["Sterk Werk Flex BV"]),
    ("ze werkt in een salon genaamd Beauty by Mira", ["Beauty by Mira"]),
    ("hij zegt dat hij bij Sportschool Power4All werkt", ["Sportschool Power4All"]),   # capitalised head
])
def test_employers_named_after_a_company_word(text, expected):
    assert institutions(text) == expected


@pytest.mark.parametrize("text", [
    "ik werk in een winkel In het centrum",          # one ordinary capitalised word
    "via een uitzendbureau\n\nGoedemorgen",          # never across a message
    "het bedrijf. Daarna ging ik",
])
def test_company_word_near_misses(text):
    assert institutions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ik zit op friesland college sinds kort", ["friesland college"]),       # a province's name
])
def test_school_named_after_a_region(text, expected):
    assert institutions(text) == expected


def test_a_short_answer_to_a_place_question_is_a_place(pipeline):
    from inbeeld.deid import deidentify as run

    conv = make_conversation("In welke wijk woon je?", "presikhaaf", "en waar is je school?", "weet niet")
    out = [m.text for m in run(conv, pipeline).messages]
    assert out[1] != "presikhaaf" and out[3] == "weet niet"


@pytest.mark.parametrize("text, expected", [
    ("ik woon in breda de heuvel", "breda"),               # no district after the article
    ("ik woon in enschede de eschmarke", "enschede de eschmarke"),   # a district with its article
    ("soms schiedam noord ofzo", "schiedam noord"),         # a plain town and its compass part
])
def test_district_and_compass_after_a_town(text, expected):
    assert expected in places(text)


@pytest.mark.parametrize("text, expected", [
    ("ik woon nu in leiden", ["leiden"]),                  # a town that is a verb, at the clause end
    ("ze komt uit leiden en werkt hier", ["leiden"]),
    ("ik werk in magazijn tiel", ["tiel"]),                # a place type before the town
])
def test_towns_that_are_verbs_and_after_a_workplace(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", ["ze gaan het gesprek leiden", "in noord", "dat kan leiden tot problemen"])
def test_verb_town_near_misses(text):
    assert "leiden" not in places(text) and "noord" not in places(text)


def test_a_post_office_box_is_an_address():
    assert streets("stuur het naar Postbus 4410 in Breda") == ["Postbus 4410"]


@pytest.mark.parametrize("text, expected", [
    ("ik zit nu op het vellesancollege", ["het vellesancollege"]),           # one word, a head at the end
    ("hij werkt bij het gelre ziekenhuis in apeldoorn", ["het gelre ziekenhuis"]),
])
def test_lowercase_schools_and_hospitals_written_as_one_word_or_with_their_head(text, expected):
    assert [x.removeprefix("het ") for x in institutions(text)] == [x.removeprefix("het ") for x in expected]


@pytest.mark.parametrize(
    "text", ["ik zit op het vakcollege", "ze ligt in het ziekenhuis", "op het praktijkcollege"]
)
def test_kinds_of_school_stay(text):
    assert institutions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ik woon in overvecht sinds kort", ["overvecht"]),        # districts named after old
    ("we gaan naar brandevoort", ["brandevoort"]),             # waters, fields and farms
    ("hij komt uit rietkampen", ["rietkampen"]),
    ("ze woont in stadshagen bij haar oma", ["stadshagen"]),
])
def test_districts_by_the_endings_of_old_field_names(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", [
    "ik zat in trainingskamp",        # a camp: a kind of place
    "we gaan naar zomerkamp",
    "ze speelden in boomgaard",
    "hij heeft overvecht",             # no place cue before it
])
def test_field_name_endings_near_misses(text):
    assert places(text) == []


@pytest.mark.parametrize("text, expected", [
    ("den haag. laak. weet de straat niet", ["den haag"]),    # no cue, at the start
    ("i live for den haag near the station", ["den haag"]),  # a cue typed wrong
    ("mn tante zit nu bergen op zoom ofzo", ["bergen op zoom"]),
])
def test_towns_of_several_words_need_no_cue(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", [
    "op den duur wil ik weg",          # "den" in a phrase that is no town
    "hij zit aan de kant",
    "ik sta op de stoep",
])
def test_towns_of_several_words_near_misses(text):
    assert places(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ze woont rue de la station 14 sinds kort", ["rue de la station 14"]),   # kind first
    ("i sleep chaussée de mons 310 with others", ["chaussée de mons 310"]),
    ("het was Avenue Brugmann 77 denk ik", ["Avenue Brugmann 77"]),
])
def test_streets_of_brussels_and_wallonia(text, expected):
    assert [text[f.start:f.end] for f in StreetRecogniser().find(text)] == expected


@pytest.mark.parametrize("text", [
    "we hebben place voor 2 mensen",       # plain words between the kind and a number
    "de rue is 3 keer zo duur",
    "the avenue was 5 min away",
])
def test_french_street_near_misses(text):
    assert list(StreetRecogniser().find(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("we zitten in een flat in nieuwegein, dukatenburg 14", ["dukatenburg 14"]),  # no street ending
    ("mn tante woont kanaleneiland 22 toch", []),             # a district, no street of the list
])
def test_register_streets_without_a_street_ending_need_a_number(text, expected):
    assert streets(text) == expected


@pytest.mark.parametrize("text", [
    "ik ben 17", "ik kom om 12 uur", "we waren met 4 man", "in groep 7 zat ik", "op de markt 5 euro",
])
def test_register_street_number_near_misses(text):
    assert streets(text) == []
