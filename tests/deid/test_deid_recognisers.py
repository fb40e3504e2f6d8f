"""One table per recogniser, with near-misses that must not match."""

from __future__ import annotations

import pytest

from inbeeld.deid.recognisers.dates import BirthDateRecogniser
from inbeeld.deid.recognisers.handle import HandleRecogniser
from inbeeld.deid.recognisers.names import ChatNameRecogniser
from inbeeld.deid.recognisers.phone import PhoneRecogniser
from inbeeld.deid.recognisers.places import ChatPlaceRecogniser
from inbeeld.deid.recognisers.propernouns import ProperNounRecogniser
from inbeeld.deid.recognisers.street import StreetRecogniser
from inbeeld.deid.recognisers.structured import (
    BsnRecogniser,
    EmailRecogniser,
    IbanRecogniser,
    IdNumberRecogniser,
    PlateRecogniser,
    PostcodeRecogniser,
    UrlRecogniser,
)


def found(recogniser, text: str) -> list[str]:
    return [text[f.start:f.end] for f in recogniser.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("bel me op 0612345678", "0612345678"),
    ("bel me op 06-12345678", "06-12345678"),
    ("zn nummer is 06-12 34 56 78 ok", "06-12 34 56 78"),
    ("06 23 31 87 44 als jullie iets kunnen", "06 23 31 87 44"),
    ("+31 6 1234 5678", "+31 6 1234 5678"),
    ("0031 6 12345678", "0031 6 12345678"),
    ("my phone is +40 723 481 992, whatsapp only", "+40 723 481 992"),
    ("vast nummer 020-1234567", "020-1234567"),
    ("bel 06-12 34 56 78 1234 AB", "06-12 34 56 78"),  # digits of a postcode right after
])
def test_phone_numbers_in_every_notation(text, expected):
    assert found(PhoneRecogniser(), text) == [expected]


@pytest.mark.parametrize("text", [
    "ik ben geboren op 03-04-2006",          # a date, not a number
    "mijn id nummer is 648213957",           # nine digits without a leading 0: no phone
    "ik heb 500 euro en 20 minuten",
    "ordernummer 1234",
])
def test_phone_near_misses(text):
    assert found(PhoneRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("my email is maricel.s.aupair94x@gmail.com", ["maricel.s.aupair94x@gmail.com"]),
    ("mail naar lisa@web.de.", ["lisa@web.de"]),
    ("bookings@elite-hostess-promo4u.com", ["bookings@elite-hostess-promo4u.com"]),
    ("ik ben @ school", []),
    ("a@b", []),
])
def test_email(text, expected):
    assert found(EmailRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("kijk op www.topmodel-scouting4u.nl/talent", ["www.topmodel-scouting4u.nl/talent"]),
    ("link: https://elite-hostess-promo4u.com/apply.", ["https://elite-hostess-promo4u.com/apply"]),
    ("join t.me/lisa_xo", ["t.me/lisa_xo"]),
    ("stond op kinky.nl/advertentie/123", ["kinky.nl/advertentie/123"]),
    ("hij vond me op Kinky.nl", []),  # a bare platform domain is what research codes
    ("ok.dan zie ik je", []),
    ("vul in: forms.gle/AbC123xyz", ["forms.gle/AbC123xyz"]),  # another TLD, a path follows
    ("het is 50/50 en en/of", []),
])
def test_url(text, expected):
    assert found(UrlRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ze noemt zich @mama_luxe_0x", ["@mama_luxe_0x"]),
    ("mn snap is sammie_xx04", ["sammie_xx04"]),
    ("snap: lotte.dc", ["lotte.dc"]),
    ("zijn insta is dexje", ["dexje"]),
    ("hij noemt zich tsvetelina0money", ["tsvetelina0money"]),
    ("add me sanne2008", ["sanne2008"]),
    ("hij heeft een nieuw account, kimxluxe", ["kimxluxe"]),
    ("haar contact heet kimxluxe in haar telefoon", ["kimxluxe"]),
    ("op zijn telefoon stond dex07", ["dex07"]),            # short: letters, then digits
    ("insta: orkaan", ["orkaan"]),                          # a plain word typed after a colon
    ("van tiktok, romy.money. echt", ["romy.money"]),       # a first name and a word, dotted
    ("hij nomt zich zoeyxcash", ["zoeyxcash"]),             # the cue typed with a slip
    ("op insta heet ik kaas.koning", ["kaas.koning"]),      # dotted, with a platform just before
    ("op snap is hij milan.x dus", ["milan.x"]),            # dotted to a letter, near a platform
    ("praat op discord met nachtuil#0931", ["nachtuil#0931"]),  # a Discord tag
    ("mijn line id sunee.kk", ["sunee.kk"]),
    ("zijn accuont is tarikvb", ["tarikvb"]),              # 'account' typed with a slip
    ("haar account is petra", ["petra"]),                  # a first name after a clear cue
    ("op zijn telefoon stond larsboss", ["larsboss"]),      # a first name glued to a word
])
def test_handles_with_and_without_at(text, expected):
    assert found(HandleRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "ik ken hem van snap en insta",       # a platform named, no handle
    "mn snap is kapot",                   # a common word after the cue
    "ik ben 16jaar en zit in 3havo",      # digits first: not a username
    "mail me op lisa@web.de",             # e-mail, not a handle
    "ik zit op insta, maar niet op snap",  # a comma after a platform, then ordinary words
    "ik heb contact met hem gehad",       # 'contact' as an ordinary word
    "ik zit in groep8 en hij in klas2",   # a common word with a digit
    "snap: nee",                          # an answer, not a handle
    "het is klaar.morgen verder",         # a missing space after a full stop
    "wat een hansworst is dat",           # a name glued to a word, but a word itself
    "mijn insta is verwijderd",           # a participle says what happened to the account
    "bel de politie of 112",              # 'of' is 'or' here, and 112 a number
    "in my account, they have my card",   # a common English word after a cue
    "ga naar www.voorbeeld.nl op insta",  # a web address near a platform is no handle
])
def test_handle_near_misses(text):
    assert found(HandleRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("rekening NL91 ABNA 0417 1643 00 naar", ["NL91 ABNA 0417 1643 00"]),
    ("NL91ABNA0417164300", ["NL91ABNA0417164300"]),
    ("het rekeningnummer is BE07269050641608", ["BE07269050641608"]),  # checksum off, bank cue
    ("code NL91ABNA041716430 klopt niet", []),                          # a digit short, no cue
    ("NL12 3456", []),
])
def test_iban_checksum_and_cue(text, expected):
    assert found(IbanRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("een collega noteerde het kenteken: GZ-842-F.", ["GZ-842-F"]),
    ("auto met 12-ABC-3", ["12-ABC-3"]),
    ("kenteken 99XXX9", ["99XXX9"]),
    ("het kentekken is 4FJD24", ["4FJD24"]),   # the cue typed with a slip
    ("een Belgische auto, 1-KRT-562", ["1-KRT-562"]),
    ("bulgarian plate CH 4821 KM", ["CH 4821 KM"]),  # a foreign plate after a cue
    ("kenteken genoteerd: 7571SS.", ["7571SS"]),     # postcode-shaped, but SS is no postcode
    ("ik zag CH 4821 KM staan", []),                 # the same shape without a cue
    ("geboren 12-03-2006", []),        # digits only: a date
    ("ma-di-wo vrij", []),
    ("ik zag 99XXX9 staan", []),       # no dashes and no cue
])
def test_dutch_licence_plates(text, expected):
    assert found(PlateRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ons adres is Middenweg 14, 1782 BC.", ["1782 BC"]),
    ("postcode 1234ab", ["1234ab"]),
    ("woont op Narcissingel 179, 8134gu benschop", ["8134gu"]),
    ("Thorbeckeweg 166, 2777 tj Arnhem", ["2777 tj"]),
    ("in 2019 en 2020", []),          # a year and a word
    ("ik liep 1500 km", []),
    ("het kost 1000 is veel", []),
    ("Nieuwestraat 61, 8911 CM", ["8911 CM"]),        # capitals: a postcode, not centimetres
    ("ik heb 12 cm gemeten", []),
    ("Kerkplein 3, 2140 Antwerpen", ["2140"]),       # Belgian: four digits before a known town
    ("het kost 2140 Euro", []),
])
def test_postcodes(text, expected):
    assert found(PostcodeRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mijn bsn is 111222333", ["111222333"]),
    ("bsn 111.222.333", ["111.222.333"]),
    ("ordernummer 111222334", []),   # fails the eleven-test
    ("1112223330", []),              # ten digits
])
def test_bsn_eleven_test(text, expected):
    assert found(BsnRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("baas heeft mijn id kaart, nummer 648213957", ["648213957"]),
    ("Haar paspoort met nummer JD6UKPCD5 is ingenomen.", ["JD6UKPCD5"]),
    ("mn paspoort is weg, hij heeft het", []),
    ("ik heb een pas van de bieb", []),
    ("my sister card number is 715302468", ["715302468"]),
    ("zijn rijksregisternummer 10.11.09-284.37 staat", ["10.11.09-284.37"]),
    ("id card, number RX 419286", ["RX 419286"]),      # letters and digits apart
])
def test_id_numbers_after_a_cue(text, expected):
    assert found(IdNumberRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("daar staat gewoon 03-04-2006 op", ["03-04-2006"]),
    ("geboren op 3 maart 2008", ["3 maart 2008"]),
    ("ik ben jarig op 12 juni", ["12 juni"]),
    ("geb. 5/6", ["5/6"]),
    ("we spraken af op 12 juni", []),     # no year, no birth cue
    ("het was 5/6 keer", []),
    ("in 2019 begon het", []),
    ("op mn id staat 16 maa 1994", ["16 maa 1994"]),         # month typed short
    ("geboren 3 febuari 2005 in", ["3 febuari 2005"]),       # month misspelt
    ("ik moest 3 maanden 2019 uur werken", []),              # 'maanden' is no month name
    ("ze is gebroen op 14-2-09", ["14-2-09"]),               # the cue typed with a slip
    ("ik ben op 12 juni jarig", ["12 juni"]),                 # the cue after the date
    ("my name Joy, born March 3, 1988", ["March 3, 1988"]),  # English, month first
    ("we gaan op 14-2-09 naar de stad", []),                 # a short year needs a cue
    ("ik heb het gebouw op 14-2-09 gezien", []),             # 'gebouw' is no slip of 'geboren'
])
def test_birth_dates(text, expected):
    assert found(BirthDateRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ik woon op kerkstraat 12", ["kerkstraat 12"]),
    ("Van Speijkgracht 94-4, 8669 pl", ["Van Speijkgracht 94-4"]),
    ("ons adres is Meidoornring 113a", ["Meidoornring 113a"]),
    ("we wonen op Parkkade 235 II, 1e etage", ["Parkkade 235 II"]),  # floor in Roman numerals
    ("ik woon op kerkstraat 12 In de buurt", ["kerkstraat 12"]),
    ("ik loop 12 km per week", []),
    ("de straat 12 keer over", []),
])
def test_street_with_house_number(text, expected):
    assert found(StreetRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ik ben sanne", ["sanne"]),
    ("mn vriend kevin zei dat", ["kevin"]),
    ("die jongen heet dex", ["dex"]),
    ("vooral luuk en thijmen", ["luuk", "thijmen"]),
    ("een vriend van mn vader, ayaydın georgiev, laat me", ["ayaydın georgiev"]),
    ("Nevena zit bij mij op school", ["Nevena"]),
    ("Storm regelt de afspraken", ["Storm"]),
    ("mijn vriend Ben regelt alles", ["Ben"]),               # a capital after a relation
    ("het is mijn oudere neef, yonas, die belt", ["yonas"]),  # an adjective before the relation
    ("ik praat veel met tesfay", ["tesfay"]),                # rare in every language
    ("senait is heel lief", ["senait"]),                     # the subject of 'is'
    ("marco spreekt alles af", ["marco"]),                   # a known name before a verb in -t
    ("vooral Amir en peter", ["Amir", "peter"]),             # joined to a name
    ("Amira", ["Amira"]),                                    # a message that is only a name
    ("mijn naam is fenna van leeuwen", ["fenna van leeuwen"]),  # a surname after an interfix
    ("ik heet trouwens Bram", ["Bram"]),                     # a common word after the cue
    ("hij heet storm", ["storm"]),                           # a word as a name after 'heet'
    ("ze noemen hem 'kleintje' daar", ["kleintje"]),        # a quote between cue and name
    ("my name is Maricel dela Cruz, born", ["Maricel dela Cruz"]),  # a Filipino interfix
    ("het is een groep, ali is de baas", ["ali"]),           # the subject of a clause
    ("ik ben Zon trouwens", ["Zon"]),                        # a capital after 'ik ben'

    ("de jongens noemen hem Z-man", ["Z-man"]),
    ("Dana found me the job", ["Dana"]),
])
def test_names_in_chat_spelling(text, expected):
    assert found(ChatNameRecogniser(), text) == expected


@pytest.mark.parametrize("text", [
    "ik ben bang",
    "mijn vader nam mij mee",
    "wat je beschrijft heet criminele uitbuiting",
    "ik ken hem van snap",
    "de storm was erg",
    "my boyfriend brought me here",
    "ewa hoe gaat het",
    "ik moet met mnanen mee",                                # a slip of 'mannen', not a name
    "ze zoeken meiden voor hostesswerk",                     # a compound of known words
    "mijn vriend vindt het goed",
    "alles is goed",
    "Oke",
    "kevin van school",
    "I am lucky to be here",                                 # an adjective after 'I am'
    "ik werk in de kas bij paprika's",
])
def test_name_near_misses(text):
    assert found(ChatNameRecogniser(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("daarna moest ik naar zwolle", ["zwolle"]),
    ("ik woon in den haag", ["den haag"]),
    ("een neef in holtenbroek, die", ["holtenbroek"]),
    ("woont op Narcissingel 179, 8134gu benschop", ["benschop"]),
    ("gewoon in de buurt", []),
    ("ik zat in de bus", []),
    ("in noord", []),  # a direction word, unless the conversation named Amsterdam-Noord
    ("werk in boedapest, alles betaald", ["boedapest"]),     # a Dutch exonym (GeoNames)
    ("het is op de markt in den bosch", ["den bosch"]),      # another name of a town
    ("hij woont in presikhaaf", ["presikhaaf"]),             # a district no list holds
    ("een groep in de kolenkit", ["de kolenkit"]),
    ("ik woon in zuidoost", ["zuidoost"]),
    ("Stationsweg 2, 2312 AV leiden", ["leiden"]),           # after a postcode: the town
    ("ik zat in de klassenapp", []),                         # a compound of known words
    ("advies bij het meldpunt", []),
    ("om daar te dealen", []),
    ("i did not go to police", []),
    ("ik woon in colombia", []),                             # a country, not a town
    ("ik denk amersfoort, misschien hengelo", ["amersfoort", "hengelo"]),  # towns no word spells
    ("verlaat dan de groep", []),                            # a village, but here a verb
    ("ze runnen een hele handel", []),
    ("om je aan te melden", []),                             # 'te' and an infinitive
])
def test_lowercase_places(text, expected):
    assert found(ChatPlaceRecogniser(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ik zit op het Wilgenrode College in", [("Wilgenrode College", "INSTITUTION")]),
    ("ik zit op De Brinkstede, daar", [("De Brinkstede", "INSTITUTION")]),
    ("ik woon in Capelle aan den IJssel", [("Capelle aan den IJssel", "PLACE")]),
    ("een garagebox in Spangen", [("Spangen", "PLACE")]),
    ("ik ging om in Amsterdam-West", [("Amsterdam-West", "PLACE")]),
    ("achter de Jan Evertsenstraat", [("Jan Evertsenstraat", "ADDRESS")]),
    ("Goedemiddag, u spreekt met iemand", []),   # a capital at a sentence start says nothing
    ("stonden Telegram-berichten op", []),
    ("Thank you. What you describe", []),
    ("ik woon in Nederland", []),                # countries are not identifiers
    ("hij werkt bij Bakkerij Jansen & Zonen", [("Bakkerij Jansen & Zonen", "INSTITUTION")]),
    ("ze zit op Gomarus college", [("Gomarus college", "INSTITUTION")]),   # a lowercase head
    ("soms. Stichting De Haven helpt", [("Stichting De Haven", "INSTITUTION")]),
    ("we zitten op Thomas a Kempis College", [("Thomas a Kempis College", "INSTITUTION")]),
    # a word no list knows, at a sentence start, begins a name when a capital or a head follows
    ("Harmsveld College in zwolle", [("Harmsveld College", "INSTITUTION")]),
    ("Kronwijk mavo 2e klas", [("Kronwijk mavo", "INSTITUTION")]),
    ("Tulpflex Uitzendingen. de baas", [("Tulpflex Uitzendingen", "INSTITUTION")]),
    ("Can I help you?", []),                       # common in English: no name
    ("Gisteren Mark gezien", [("Mark", "PERSON")]),  # common in Dutch: not part of the name
    # a legal form makes an employer, also where the tokens stop at its dots
    ("contract bij Kramsta Bouwdiensten B.V. in", [("Kramsta Bouwdiensten B.V.", "INSTITUTION")]),
    ("company Dakwerken Peeters bvba", [("Dakwerken Peeters bvba", "INSTITUTION")]),
    ("Snackbar De Vette Hap, zonder", [("Snackbar De Vette Hap", "INSTITUTION")]),
])
def test_proper_nouns_typed_by_their_words_and_cues(text, expected):
    r = ProperNounRecogniser()
    assert [(text[f.start:f.end], f.type) for f in r.find(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("bel Veilig Thuis Noord-Holland Noord gerust", ["Veilig Thuis Noord-Holland Noord"]),
    ("U kunt Veilig Thuis bellen.", ["Veilig Thuis"]),
    ("ik heb hulp bij comensha gevraagd", ["comensha"]),
    ("hij zit bij Nidos en Fier", ["Nidos", "Fier"]),
    ("ik ben weer veilig thuis", []),   # ordinary words without the organisation's capital
    ("ik ben fier op je", []),
])
def test_named_care_organisations_are_institutions(text, expected):
    r = ProperNounRecogniser()
    hits = [f for f in r.find(text) if f.type == "INSTITUTION"]
    assert [text[f.start:f.end] for f in hits] == expected


@pytest.mark.parametrize("text, worth", [
    ("Dat klinkt naar. Hoe lang is dit al zo?", False),   # capitals only on common words at a start
    ("ik ben bang", False),
    ("ik zit bij Samira in de klas", True),               # a capital inside a sentence
    ("Samira zit bij mij in de klas", True),              # a sentence start on an uncommon word
    ("Ik ben ook bij meneer Bos geweest", True),
])
def test_deduce_reads_only_messages_with_a_capital_that_could_start_a_name(text, worth):
    from inbeeld.deid.recognisers.deduce_names import _capital_worth_reading

    assert _capital_worth_reading(text) is worth


@pytest.mark.parametrize("text, expected", [
    ("ik zit op het wolderwijd college", ["wolderwijd college"]),   # words before a school's head
    ("mn school is csg anquiro", ["csg anquiro"]),
    ("ik zit op t vechtstede maar", ["vechtstede"]),               # a word no dictionary knows
    ("mn mentor van het ludgerus vermoedt iets", ["ludgerus"]),
])
def test_schools_written_in_lowercase(text, expected):
    r = ProperNounRecogniser()
    assert [text[f.start:f.end] for f in r.find(text) if f.type == "INSTITUTION"] == expected


@pytest.mark.parametrize("text", [
    "ik zit op het werk",
    "ik zit op de nieuwe school",
    "ik zit op het college",
    "mn school is saai",
    "mn mentor van het jaar",
])
def test_lowercase_school_near_misses(text):
    assert [f for f in ProperNounRecogniser().find(text) if f.type == "INSTITUTION"] == []
