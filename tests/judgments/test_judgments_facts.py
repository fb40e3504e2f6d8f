"""Facts beside the sentence: articles, victim ages and genders, channels, role, metadata."""

from __future__ import annotations

import pytest

from inbeeld.judgments.facts import (
    court_from_ecli,
    find_acquittal,
    find_articles,
    find_birth_year,
    find_channels,
    find_date,
    find_ecli,
    find_victim_ages,
    find_victim_genders,
    instance_from,
    role_from,
)


def _articles(text: str, own: str | None = None) -> list[str]:
    return [a for a, _, _ in find_articles(text, own)]


@pytest.mark.parametrize("text, expected", [
    ("Jeugdprostitutie, art. 248b Sr.", ["248b Sr"]),
    ("art. 273f.1 aanhef en onder 1,2 en 4 Sr", ["273f Sr"]),
    ("art. 273f, eerste lid, aanhef en onder 9⁰, (oud) Sr", ["273f Sr"]),
    ("(art. 273f.1.1, 273f.1.4 en 273f.1.6 Sr) en poging tot oplichting (art. 326 Sr)",
     ["273f Sr", "326 Sr"]),
    ("het in artikel 273f, eerste lid onder 1o van het Wetboek van Strafrecht omschreven feit", ["273f Sr"]),
    ("De beslissing berust op de artikelen 14a, 14b, 22c, 57 en 248b van het Wetboek van Strafrecht.",
     ["248b Sr"]),
    ("Deze combinatie is, gelet op art. 9.4 Sr en art. 22b.3 Sr, mogelijk.", []),  # Book 1: sentencing
    ("HR: art. 81.1 RO. Met toepassing van art. 6:4:20 Sv.", []),  # other codes
    ("Verdachte is veroordeeld voor overtreding van artikel 248b.", ["248b Sr"]),
    ("Vrijspraak van mensenhandel.", ["273f Sr"]),  # implied by the offence name
    ("Klant van een minderjarige (248b Sr) en grooming (248e Sr).", ["248b Sr", "248e Sr"]),
    ("onder 4 Sr en lid 2 Sr", []),
])
def test_articles(text: str, expected: list[str]) -> None:
    assert _articles(text) == expected


def test_articles_of_a_cited_precedent_are_not_this_cases() -> None:
    text = ("Zie art. 248b Sr. HR herhaalt ECLI:NL:HR:2000:ZD0001 m.b.t. de term a.b.i. art. 250a (oud) Sr.")
    assert _articles(text, "ECLI:NL:HR:2099:1") == ["248b Sr"]


@pytest.mark.parametrize("text, expected", [
    ("Een 46-jarige man had seks met een 16-jarig meisje.", [16]),
    ("via WhatsApp berichten aan een 14-jarige jongen", [14]),
    ("met [slachtoffer], die toen 15 jaar oud was", [15]),
    ("de minderjarige [slachtoffer 1] (15) en [slachtoffer 2] (16 jaar)", [15, 16]),
    ("twee meisjes van 14 en 15 jaar", [14, 15]),
    ("een vijftienjarig meisje en later weer het vijftienjarige meisje", [15]),
    ("een jonge vrouw (jonger dan 18 jaar) uit Nigeria", []),
    ("een persoon die de leeftijd van zestien jaren nog niet heeft bereikt", []),
    ("Het slachtoffer kreeg 16 jaar cel", []),
])
def test_victim_ages(text: str, expected: list[int]) -> None:
    assert [a for a, _, _ in find_victim_ages(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("seksueel verleiden van minderjarige meisjes", ("female",)),
    ("een bericht aan een 14-jarige jongen", ("male",)),
    ("haar dochter en kleindochter", ("female",)),
    ("de verdachte en zijn advocaat", ()),
])
def test_victim_genders(text: str, expected: tuple[str, ...]) -> None:
    assert find_victim_genders(text) == expected


@pytest.mark.parametrize("text, channel, names", [
    ("Hij vond het meisje via een advertentie op Kinky.nl en appte haar via WhatsApp.",
     "sex advertisement website", ("Kinky.nl", "WhatsApp")),
    ("contact via een advertentie op een sekssite", "sex advertisement website", ()),
    ("door middel van chat- en whatsappberichten", "chat", ("WhatsApp",)),
    ("Ze leerden elkaar kennen op Snapchat.", "social media", ("Snapchat",)),
    ("Het meisje werd op straat aangesproken.", None, ()),
])
def test_channels(text: str, channel: str | None, names: tuple[str, ...]) -> None:
    found_channel, found_names, _ = find_channels(text)
    assert (found_channel, found_names) == (channel, names)


@pytest.mark.parametrize("articles, text, role", [
    (["248b Sr"], "", "client"),
    (["273g Sr"], "", "client"),
    (["273f Sr"], "Verdachte heeft de vrouw uitgebuit.", "trafficker"),
    (["273f Sr", "311 Sr"], "diefstallen waarbij verdachte haar (klein)kind heeft ingezet", "parent"),
    (["248e Sr"], "Grooming via WhatsApp.", "other"),
    ([], "De klant betaalde het meisje.", "client"),
])
def test_role(articles: list[str], text: str, role: str) -> None:
    assert role_from(articles, text) == role


@pytest.mark.parametrize("text, expected", [
    ("Spreekt verdachte vrij van het ten laste gelegde.", True),
    ("Verklaart het onder 1 ten laste gelegde bewezen.", False),
    ("Ontslaat verdachte van alle rechtsvervolging.", True),
])
def test_acquittal(text: str, expected: bool) -> None:
    assert (find_acquittal(text) is not None) == expected


def test_own_ecli_comes_from_the_file_name_before_a_quoted_one() -> None:
    text = "Voetnoot: ECLI:NL:HR:1998:ZD0001.\nECLI:NL:HR:2099:7\n"
    assert find_ecli(text, "ECLI_NL_HR_2099_7.txt") == "ECLI:NL:HR:2099:7"


def test_own_ecli_is_the_most_repeated_one_without_a_file_name() -> None:
    text = "ECLI:NL:HR:1998:ZD0001 eerder.\nECLI:NL:GHAMS:2099:3\nUitspraak ECLI:NL:GHAMS:2099:3"
    assert find_ecli(text, "download.txt") == "ECLI:NL:GHAMS:2099:3"


@pytest.mark.parametrize("ecli, court, instance", [
    ("ECLI:NL:RBLIM:2017:1234", "Rechtbank Limburg", "rechtbank"),
    ("ECLI:NL:GHARN:2012:BV8583", "Gerechtshof Arnhem", "hof"),
    ("ECLI:NL:PHR:2019:1158", "Parket bij de Hoge Raad", "hoge raad"),
])
def test_court_and_instance_from_ecli(ecli: str, court: str, instance: str) -> None:
    assert court_from_ecli(ecli) == court
    assert instance_from(court, ecli) == instance


@pytest.mark.parametrize("text, expected", [
    ("Instantie\nHoge Raad\nDatum\n10-09-2013\n", "2013-09-10"),
    ("Datum uitspraak\n8 september 2015\nDatum publicatie\n25 november 2015", "2015-09-08"),
    ("Datum publicatie\n25 november 2015\nDatum uitspraak\n8 september 2015", "2015-09-08"),
    ("- Datum uitspraak\n- 24 april 2018\n", "2018-04-24"),
    ("Uitspraak 12‑03‑2012\n", "2012-03-12"),
])
def test_decision_date(text: str, expected: str) -> None:
    assert find_date(text) == expected


def test_birth_year_from_the_anonymised_party_line() -> None:
    assert find_birth_year("[verdachte],\ngeboren te [geboorteplaats] op [geboortedatum] 1972.") == 1972
    assert find_birth_year("geboren te [geboorteplaats] op [1976],") == 1976
