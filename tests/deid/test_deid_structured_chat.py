"""Structured identifiers as chatters type them: plates with spaces or foreign, document numbers
without a Dutch cue, mistyped IBANs, phone numbers split over messages or in words, birth dates
in words and other languages. Each rule with hits and near-misses (invented examples)."""

from __future__ import annotations

import pytest

from inbeeld.deid.recognisers.dates import BirthDateRecogniser
from inbeeld.deid.recognisers.phone import PhoneRecogniser
from inbeeld.deid.recognisers.structured import IbanRecogniser, IdNumberRecogniser, PlateRecogniser


def found(recogniser, text: str) -> list[str]:
    return sorted({text[f.start:f.end] for f in recogniser.find(text)})


def found_all(recogniser, texts: list[str]) -> list[list[str]]:
    found_spans = recogniser.find_all(texts)
    return [sorted({t[f.start:f.end] for f in fs}) for t, fs in zip(texts, found_spans, strict=True)]


@pytest.mark.parametrize("text, expected", [
    ("ze reed in een rode polo KX 417 T", ["KX 417 T"]),              # Dutch plate, spaces
    ("het was een mercedes ZB 90 RTL", ["ZB 90 RTL"]),
    ("kenteken stond op de foto 71hbk3", ["71hbk3"]),                 # lowercase, together
    ("zijn auto is een zwarte golf n612tk", ["n612tk"]),
    ("a white car from romania CJ 08 WPL", ["CJ 08 WPL"]),            # Romanian, 2 digits
    ("they drive the busje TM 319 KRA", ["TM 319 KRA"]),
    ("every day the van KRA 6641F comes", ["KRA 6641F"]),             # Polish: letter after digits
    ("he has minibus PB 4490 AH", ["PB 4490 AH"]),                    # Bulgarian
    ("my boss car is KL 19 DXE", ["KL 19 DXE"]),                      # British, a few words after 'car'
    ("de vrachtwagen met HRV 917 ging weg", ["HRV 917"]),             # Lithuanian: letters, digits
    ("het was TR 551 ZKM roemeense plaat", ["TR 551 ZKM"]),            # the cue after it
])
def test_plates_after_a_vehicle_word(text, expected):
    assert found(PlateRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "ik zag KX 417 T staan",              # no vehicle word or cue
    "hij heeft een BMW 320 gekocht, een auto",  # a model after the brand
    "een golf GTI 2019",                  # a model and a year
    "de auto is 15 jaar oud",             # an age, lowercase with spaces
    "met de bus 12 min",
    "ik kom van HAVO 4",                  # 'van' is a Dutch word: one digit, no plate
    "het huis van KL 19 DXE",             # 'van' after a noun: the Dutch preposition
    "onze auto mp3 speler",               # lowercase but no sidecode
    "ik zat in groep8",
    "in plaats van AB 12 C te gaan",      # 'plaats' is no plate cue
])
def test_plate_near_misses(text):
    assert found(PlateRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("maak maar over NL12 ABCD 0123 4567 89", ["NL12 ABCD 0123 4567 89"]),  # checksum fails, no cue
    ("NL 48 RABO 0312 7788 01 is van hem", ["NL 48 RABO 0312 7788 01"]),    # a space after NL
    ("nl07knab0223344556", ["nl07knab0223344556"]),
    ("DE12 5001 0517 0648 4898 91 is zijn duitse", ["DE12 5001 0517 0648 4898 91"]),  # right length
])
def test_iban_mistyped_checksum(text, expected):
    assert found(IbanRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "NL12 ABCD 0123 4567",           # too short for a Dutch IBAN
    "code DE12 ABCD EFGH IJKL MN",   # right length, but no account number in it
    "ik woon in NL 12 jaar",
])
def test_iban_near_misses(text):
    assert found(IbanRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("she keep it, the number was K48213907", ["K48213907"]),          # letter and 8 digits
    ("ok P7X20K4418 i have photo", ["P7X20K4418"]),                    # mixed, 6 digits
    ("personal code 49011203344 she write", ["49011203344"]),
    ("my asylum number W3318840", ["W3318840"]),
    ("seaman's book number D5512093", ["D5512093"]),
    ("ze heeft mn verblijfspas 410-2298571-33 gekopieerd", ["410-2298571-33"]),  # long middle group
    ("bsn is in the letter, they write it 240193856", ["240193856"]),   # value past the window
    ("dit is het nummer 318274650 van mij", ["318274650"]),            # nine digits, no cue
    ("hij stuurde 7734 1290 55 door", ["7734 1290 55"]),               # grouped by spaces
])
def test_id_numbers_without_a_dutch_cue(text, expected):
    assert found(IdNumberRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "het kost 10.000.000 euro",           # an amount
    "bel me 0612345678",                  # a phone number
    "mijn ordernummer is 48213907",       # an order number in a plain sentence
    "bestelling KX48213907 komt morgen",
    "geboren 14031998",                   # a date written together
    "in 2019 2020 2021 werkte ik daar",   # years
    "rekening NL50 BUNQ 2093 1177 42",    # the tail of an IBAN
    "ik heb COVID19 gehad",               # too few digits
    "+31 6 12345678",
    "om 10.30 uur, 1.000.000 views",
    "stap 1 2 3 4 5 6 7 8 9 gedaan",      # counted out, not a number
])
def test_id_number_near_misses(text):
    assert found(IdNumberRecogniser(), text) == []


@pytest.mark.parametrize("texts, expected", [
    (["mijn nummer is 06 41", "77 20 93"], [["06 41"], ["77 20 93"]]),
    (["zn nr: 0623 1", "sorry 98 877 is de rest"], [["0623 1"], ["98 877"]]),
    (["nummer is 06", "47", "19 33 82"], [["06"], ["47"], ["19 33 82"]]),
    (["my number +40 721", "338 905"], [["+40 721"], ["338 905"]]),
])
def test_phone_split_over_messages(texts, expected):
    assert found_all(PhoneRecogniser(), texts) == expected


@pytest.mark.parametrize("texts", [
    ["mijn nummer is 06", "ik ben 15"],        # the digits together make no number
    ["het kost 12", "34 euro"],                 # no phone cue
    ["hij is 06", "38 49 21 70"],              # no phone cue
])
def test_phone_split_near_misses(texts):
    assert found_all(PhoneRecogniser(), texts) == [[] for _ in texts]


def test_phone_split_needs_a_partial_number() -> None:
    # a whole number already: the next message's digits are something else
    assert found_all(PhoneRecogniser(), ["mn nummer is 0612345678", "12 34"]) == [["0612345678"], []]


@pytest.mark.parametrize("text, expected", [
    ("bel hem: nul zes twee vier een een acht negen zeven drie",
     ["nul zes twee vier een een acht negen zeven drie"]),
    ("zero six one two, three four five six seven eight",
     ["zero six one two, three four five six seven eight"]),
    ("ik ben een twee drie vier keer gebeld", []),     # fewer than eight digit words
    ("nul komma nul", []),
    ("one two three four, five six seven? no", []),
])
def test_phone_in_digit_words(text, expected):
    assert found_all(PhoneRecogniser(), [text]) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("ik ben drie maart tweeduizendzes geboren", ["drie maart tweeduizendzes"]),  # cue after the date
    ("geboortedatum: twaalf oktober 2001", ["twaalf oktober 2001"]),
    ("she born 21st of June 1993 in Manila", ["21st of June 1993"]),               # English ordinal
    ("hij is geboren 3 listopada 2004", ["3 listopada 2004"]),                     # Polish
    ("data nasterii? born 14 septembrie 1999", ["14 septembrie 1999"]),           # Romanian
    ("роден 2 юли 1987", ["2 юли 1987"]),                                          # Bulgarian
    ("doğum 9 Ekim 2002", ["9 Ekim 2002"]),                                        # Turkish
    ("ze is geboren op 4 de julio de 1996", ["4 de julio de 1996"]),              # Spanish
    ("born 1988年11月5日", ["1988年11月5日"]),                                        # CJK
    ("geboren 2001年3月17日", ["2001年3月17日"]),                                     # a two-digit day
    ("geboren 07. 11. 2005 in Gdańsk", ["07. 11. 2005"]),                         # dots and spaces
    ("date of birth 1992.04.30", ["1992.04.30"]),                                  # year first
])
def test_birth_dates_in_any_form_after_a_cue(text, expected):
    assert found(BirthDateRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "we gaan op vijf mei naar het feest",       # a date in words without a birth cue
    "ik ben geboren in een klein dorp",          # a cue, but no date
    "de 3 mars was leuk",                        # a French month without a cue
    "ik heb 4 de julio de kaartjes gekocht",     # no cue
    "geboren en getogen, 15 jaar oud",
])
def test_birth_date_near_misses(text):
    assert found(BirthDateRecogniser(), text) == []


def test_pipeline_masks_split_phone_and_foreign_plate(pipeline) -> None:
    texts = ["oke mijn nummer is 06 31", "55 08 72", "en de baas rijdt een transit BV 228 KLT"]
    found_spans = pipeline.find(texts)
    assert [texts[0][f.start:f.end] for f in found_spans[0]] == ["06 31"]
    assert [texts[1][f.start:f.end] for f in found_spans[1]] == ["55 08 72"]
    assert ("BV 228 KLT", "PLATE") in [(texts[2][f.start:f.end], f.type) for f in found_spans[2]]


@pytest.mark.parametrize("text, plate", [
    ("ze rijden in een zwarte BMW K 712 NR en", "K 712 NR"),     # a car make is a vehicle word
    ("zijn audi heeft XT 41 PV als plaat", "XT 41 PV"),
])
def test_plates_after_a_car_make(pipeline, text, plate):
    from factories import make_conversation
    from inbeeld.deid import deidentify

    assert plate not in deidentify(make_conversation(text), pipeline).messages[0].text


@pytest.mark.parametrize("text, expected", [
    ("die man rijdt een grijze polo tx 604 k", ["tx 604 k"]),          # lowercase, written apart
    ("scooter kenteken hbz 71 d zag ik", ["hbz 71 d"]),
    # the next one of a list, too far from the vehicle word to count by it
    ("twee busjes staan op zijn naam: ZK-771-B en P 503 TG", ["P 503 TG", "ZK-771-B"]),
])
def test_plates_in_lowercase_or_listed(text, expected):
    assert found(PlateRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "hij heeft een auto en is 19 en rijdt zelf",   # "is 19 en": words, not a plate's letters
    "de auto staat er al 12 uur",
    "twee auto's: 12-AB-34 en 3 KG meel",            # not plate-shaped after the list
])
def test_lowercase_plate_near_misses(text):
    assert all(" " not in f or f.isupper() for f in found(PlateRecogniser(), text))
    assert not any(w in " ".join(found(PlateRecogniser(), text)) for w in ("19 en", "12 uur", "3 KG"))


@pytest.mark.parametrize("text, expected", [
    ("zn werknummer is o6-41 27 93 08 echt", ["o6-41 27 93 08"]),    # a letter o for the zero
    ("stuur naar 06_52_19_30_44 pls", ["06_52_19_30_44"]),            # underscores between groups
])
def test_phone_typed_with_letters_for_digits(text, expected):
    assert found(PhoneRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "ik heb een o2 abonnement",
    "kamer o12 op de gang",
    "mijn naam_06 is leuk",
])
def test_letter_o_near_misses(text):
    assert found(PhoneRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("zn auto KR 4T912 is pools", ["KR 4T912"]),          # Polish district code and five signs
    ("he drive car WR 55120 every day", ["WR 55120"]),
    ("duits kenteken HH-XK 2041 zag ik", ["HH-XK 2041"]),   # German
    ("the van B 52 KLM, romanian", ["B 52 KLM"]),          # a nationality after the plate
])
def test_foreign_plates_after_a_cue(text, expected):
    assert found(PlateRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "een golf GTI 2019 gekocht",       # a model and a year
    "auto CH 4821 KM",                 # a longer foreign plate: found whole, not cut
])
def test_foreign_plate_near_misses(text):
    assert "GTI 2019" not in found(PlateRecogniser(), text)
    assert "CH 4821" not in found(PlateRecogniser(), text)


@pytest.mark.parametrize("text, expected", [
    ("her passport RK 118 402 is at the boss", ["RK 118 402"]),       # letters and digit groups
    ("het registratienummer is NL2201-3390012", ["NL2201-3390012"]),  # a code with a hyphen
])
def test_document_numbers_written_apart(text, expected):
    assert found(IdNumberRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "mijn id ben ik kwijt sinds 14-02",    # a date after the cue
    "id card AB 12 of zo",                 # too few digits
])
def test_document_number_near_misses(text):
    assert found(IdNumberRecogniser(), text) == []


def test_a_second_plate_in_a_list_far_from_the_cue():
    text = "die kentekens heb ik genoteerd voor jullie: HB KL 903 en MK TR 2210"
    assert found(PlateRecogniser(), text) == ["HB KL 903", "MK TR 2210"]


@pytest.mark.parametrize("text, expected", [
    ("stuur het naar bc1qz4n7yk2w9h3pj5d8sv0xgtfel6rq2mc7a9u4", ["bc1qz4n7yk2w9h3pj5d8sv0xgtfel6rq2mc7a9u4"]),
    ("eth: 0x9A3f61B0c27dE4a5B8c1D9e07F2a6c3B5d4E8f10", ["0x9A3f61B0c27dE4a5B8c1D9e07F2a6c3B5d4E8f10"]),
    ("wallet 1Kd8mQz3WpT7vHn2RcXy5LbA9sFgJ4uEo", ["1Kd8mQz3WpT7vHn2RcXy5LbA9sFgJ4uEo"]),
])
def test_crypto_wallets_are_accounts(text, expected):
    assert found(IbanRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "1234567890123456789012345678 is een lang getal",
    "Tegenwoordigheidvanbewustzijnnu",
])
def test_wallet_near_misses(text):
    assert found(IbanRecogniser(), text) == []


def test_a_letter_o_inside_a_phone_number():
    assert found(PhoneRecogniser(), "bel 06-4O1 88 27 3 ofzo") == ["06-4O1 88 27 3"]


@pytest.mark.parametrize("text, expected", [
    ("ze wonen in Maaseik, 3680.", ["3680"]),                     # after a Belgian town
    ("het adres is Stationsplein 7, 9300, denk ik", ["9300"]),   # after a street and number
])
def test_belgian_postcodes_standing_alone(text, expected):
    from inbeeld.deid.recognisers.structured import PostcodeRecogniser

    assert found(PostcodeRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "ik ben 14, 2019 was zwaar",
    "in Amsterdam, 1500 mensen",
    "ik woonde in Utrecht, 2010.",    # a Dutch town: its postcode has letters
])
def test_four_digits_that_are_no_postcode(text):
    from inbeeld.deid.recognisers.structured import PostcodeRecogniser

    assert found(PostcodeRecogniser(), text) == []


@pytest.mark.parametrize("texts, expected", [
    # the counsellor asks, the chatter answers with the number alone or after a few words
    (["Weet je het nummer van je verblijfspas?", "ja ik heb foto. K83J2L0P1"], [[], ["K83J2L0P1"]]),
    (["hij heeft mijn paspoort", "nummer NXR4P71K2"], [[], ["NXR4P71K2"]]),
])
def test_id_number_answering_a_cue_in_the_message_before(texts, expected):
    assert found_all(IdNumberRecogniser(), texts) == expected


@pytest.mark.parametrize("texts", [
    ["id RX 448217", "born 30.11.1992"],                            # the cue had its own number
    ["ze hebben ook mn id kaart foto", "mn geboortedatum 02-02-2007 staat erop"],  # a date
    ["wat is je bsn?", "weet ik niet, ik woon hier sinds 2019 en werk 48734 uur"],  # too far in
])
def test_id_number_answer_near_misses(texts):
    assert found_all(IdNumberRecogniser(), texts)[1] == []


def test_number_recognisers_read_each_message_alone():
    # the cue at the end of one message reaches no further than the number in the next: "BSN"
    # itself, at the start of the answer, stays (the joined text let the value pattern start there)
    texts = ["Do you have your contract and your BSN?", "BSN 3120.55.874 yes"]
    assert found_all(IdNumberRecogniser(), texts) == [[], ["3120.55.874"]]
    # a message without a digit is not read by them, but a date in words after a cue still is
    assert found_all(BirthDateRecogniser(), ["geboren op vijf maart", "ok"]) == [["vijf maart"], []]


@pytest.mark.parametrize("text, expected", [
    ("mijn v-number is V 3310 2287 zegt de brief", ["V 3310 2287"]),      # the immigration number
    ("my work permit W 7712 0045 expired", ["W 7712 0045"]),
    ("they took my paszport ab 5512903", ["ab 5512903"]),                # Polish, lowercase letters
    ("mn bsn is 1 9 4 2 2 7 3 0 5 sorry", ["1 9 4 2 2 7 3 0 5"]),        # digits typed one by one
    ("het nummer van de pv is NL3300-2024-771203", ["NL3300-2024-771203"]),  # a police report
])
def test_id_numbers_after_more_cues(text, expected):
    # (a long number inside may be found as well; the overlap stage keeps the longest)
    assert expected[0] in found(IdNumberRecogniser(), text)


@pytest.mark.parametrize("text", [
    "ik heb een permit tot 2026",          # a year
    "de pv is van 12 maart",               # a date
    "my passport ok 12 days left",         # few digits after lowercase letters
])
def test_more_id_cue_near_misses(text):
    assert found(IdNumberRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("ik ben 16. negen april 2008", ["negen april 2008"]),           # a full date, day in words
    ("born twenty-first march 1999 in lagos", ["twenty-first march 1999"]),
])
def test_full_dates_with_the_day_in_words(text, expected):
    assert found(BirthDateRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "in april 2008 kwam ik hier",        # a month and a year: no day
    "we gaan op negen april",            # no year and no birth cue
])
def test_day_in_words_near_misses(text):
    assert found(BirthDateRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("ik heb alleen een pasje met nummer W-55120934", ["W-55120934"]),     # a bare "nummer"
    ("onder nummer Kvbt 330219 staat hij", ["Kvbt 330219"]),
    ("mijn personeelsnummer daar is HT-20417", ["HT-20417"]),             # a staff number
    ("chauffeurskaart is DK 5512 0931 ok", ["DK 5512 0931"]),
])
def test_codes_after_a_bare_number_word_or_a_staff_cue(text, expected):
    assert expected[0] in found(IdNumberRecogniser(), text)


@pytest.mark.parametrize("text", [
    "nummer 5 van de lijst",               # no letters
    "mijn nummer is 0612345678",           # a phone number: the phone recogniser's
    "huisnummer A12 toch",                 # too few digits
])
def test_bare_number_word_near_misses(text):
    assert found(IdNumberRecogniser(), text) == []


def test_belgian_plates_in_lowercase():
    assert found(PlateRecogniser(), "een auto met belgisch kenteken 2-kzt-604") == ["2-kzt-604"]
