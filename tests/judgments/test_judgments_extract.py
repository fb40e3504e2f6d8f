"""Whole documents: one object per defendant, nulls where the text stops, no guessing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbeeld.judgments.extract import extract
from inbeeld.judgments.model import Document, Sentence
from inbeeld.judgments.readers import read_document


def _one(text: str, source: str = "doc.txt") -> list:
    return extract(Document(source=source, text=text))


def test_news_report_with_two_defendants_gives_two_objects() -> None:
    text = ("De rechtbank veroordeelde een 34-jarige man uit Venlo tot 1 dag cel en 200 uur werkstraf. "
            "Het OM had zes maanden cel geëist. Zijn 51-jarige vriend kreeg acht maanden cel.")
    facts = _one(text)
    assert [(f.defendant_age, f.imposed.prison_days_unconditional) for f in facts] == [(34, 1), (51, 240)]
    assert facts[0].demanded.prison_days_unconditional == 180
    assert facts[1].demanded.is_empty
    assert {f.source for f in facts} == {"doc.txt"}


def test_repeated_sentence_in_a_news_text_is_one_defendant() -> None:
    text = "Zes jaar cel voor pooier.\nDe rechtbank veroordeelde de 29-jarige pooier tot zes jaar cel."
    (facts,) = _one(text)
    assert facts.imposed.prison_days_unconditional == 2190
    assert facts.defendant_age == 29
    assert facts.role_of_defendant == "trafficker"


def test_judgment_cut_off_before_the_decision_leaves_sentence_fields_null() -> None:
    text = ("RECHTBANK LIMBURG\nParketnummer: 03/000000-99\nVonnis van de meervoudige kamer\n"
            "Aan verdachte is ten laste gelegd dat hij met een 16-jarig meisje ontuchtige handelingen "
            "heeft gepleegd tegen betaling (art. 248b Sr).\nDe officier van justitie heeft gevorderd dat "
            "verdachte wordt veroordeeld tot een gevangenisstr")
    (facts,) = _one(text)
    assert facts.imposed.is_empty and facts.imposed_text is None
    assert facts.demanded.is_empty
    assert facts.acquitted is None
    assert facts.victim_ages == (16,)
    assert facts.role_of_defendant == "client"
    assert facts.instance == "rechtbank"


def test_cassation_ruling_quotes_the_lower_sentence_without_imposing_it() -> None:
    text = ("ECLI:NL:HR:2099:1\nHoge Raad\nHet gerechtshof heeft de verdachte veroordeeld tot een "
            "gevangenisstraf voor de duur van 27 maanden (met aftrek van het voorarrest).")
    (facts,) = _one(text, "ECLI_NL_HR_2099_1.txt")
    assert facts.instance == "hoge raad"
    assert facts.imposed.is_empty
    assert facts.lower_court_imposed is not None
    assert facts.lower_court_imposed.prison_days_unconditional == 810
    assert facts.acquitted is None


def test_acquittal_leaves_imposed_null() -> None:
    text = ("RECHTBANK AMSTERDAM\nParketnummer: 13/000000-99\nDe officier van justitie heeft gevorderd "
            "dat verdachte wordt veroordeeld tot een gevangenisstraf van 3 maanden.\nBeslissing\n"
            "Spreekt verdachte vrij van het ten laste gelegde.")
    (facts,) = _one(text)
    assert facts.acquitted is True
    assert facts.imposed.is_empty
    assert facts.demanded.prison_days_unconditional == 90


def test_evidence_offsets_cover_the_sentence_text() -> None:
    text = "Het OM eiste vier maanden cel. De man kreeg een taakstraf van 90 uur en 1 dag cel."
    (facts,) = _one(text)
    start, end = facts.evidence["imposed"]
    assert text[start:end] == facts.imposed_text == "taakstraf van 90 uur en 1 dag cel"
    start, end = facts.evidence["demanded"]
    assert text[start:end] == "vier maanden cel"


def test_news_text_without_any_sentence_gives_no_object() -> None:
    assert _one("Een artikel over mensenhandel zonder uitspraak.") == []


def test_judgment_without_any_sentence_still_gives_its_object() -> None:
    (facts,) = _one("ECLI:NL:RBLIM:2099:3\nInhoudsindicatie\nMensenhandel.", "ECLI_NL_RBLIM_2099_3.txt")
    assert facts.imposed.is_empty and facts.demanded.is_empty
    assert facts.articles == ("273f Sr",)


def test_to_dict_and_from_dict_round_trip() -> None:
    (facts,) = _one("De 40-jarige klant kreeg 1 dag cel en 120 uur werkstraf voor seks met een "
                    "15-jarig meisje.")
    assert type(facts).from_dict(facts.to_dict()) == facts


def test_demand_list_and_sentence_list_pair_up_by_position() -> None:
    text = ("De rechtbank heeft drie mannen celstraffen van 7 maanden en twee keer drie jaar opgelegd. "
            "De officier had 30 maanden, twee jaar en drie jaar geëist.")
    facts = _one(text)
    assert [(f.demanded.prison_days_unconditional, f.imposed.prison_days_unconditional) for f in facts] == [
        (900, 210), (730, 1095), (1095, 1095)]


def test_age_in_a_van_phrase_and_a_predicate_victim_age() -> None:
    text = ("Justitie eist 3 jaar cel waarvan 1 jaar voorwaardelijk tegen een man van 21 uit Ergens. "
            "Het meisje was destijds nog maar 14 jaar oud.")
    (facts,) = _one(text)
    assert (facts.defendant_age, facts.victim_ages) == (21, (14,))
    assert (facts.demanded.prison_days_unconditional, facts.demanded.prison_days_conditional) == (730, 365)


FIXTURES = Path(__file__).parent / "fixtures"


def test_full_fictional_judgment_with_traps() -> None:
    """Defence plea, guideline, prior conviction, probation advice, custody and substitute custody
    all mention amounts; only the demand and the dictum count."""
    (facts,) = extract(read_document(FIXTURES / "vonnis_fictief.txt"))
    assert (facts.court, facts.instance, facts.decision_date) == ("Rechtbank Oost-Brabant", "rechtbank",
                                                                  "2099-03-14")
    assert facts.demanded == Sentence(60, 60, 240, None)
    assert facts.imposed == Sentence(1, 29, 180, None)
    assert (facts.articles, facts.role_of_defendant, facts.victim_ages) == (("248b Sr",), "client", (16,))
    assert facts.contact_channel == "sex advertisement website"
    assert facts.defendant_birth_year == 1971


def test_full_fictional_appeal_keeps_the_first_instance_apart() -> None:
    (facts,) = extract(read_document(FIXTURES / "arrest_fictief.txt"))
    assert facts.instance == "hof"
    assert facts.lower_court_imposed == Sentence(300)
    assert facts.demanded == Sentence(240)
    assert facts.imposed == Sentence(180)
    assert facts.role_of_defendant == "trafficker"


_WORDS = st.sampled_from([
    "de", "een", "man", "meisje", "15-jarig", "kreeg", "eiste", "geëist", "6", "(zes)", "maanden", "jaar",
    "uur", "dag", "cel", "waarvan", "voorwaardelijk", "taakstraf", "werkstraf", "respectievelijk", "en", ",",
    ".", ";", "\n", "art.", "248b", "273f", "Sr", "ECLI:NL:HR:2099:1", "Veroordeelt", "groot", "€", "500",
    "boete", "vier", "en een half", "tbs", "vrijgesproken", "Nicky", "L.", "(32)", "[slachtoffer]", "-",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=80))
def test_extraction_never_crashes_and_keeps_evidence_inside_the_text(words: list[str]) -> None:
    text = " ".join(words)
    for facts in extract(Document("fuzz.txt", text)):
        for start, end in facts.evidence.values():
            assert 0 <= start <= end <= len(text)
        for sentence in (facts.demanded, facts.imposed):
            assert all(v is None or v >= 0 for v in (sentence.prison_days_unconditional,
                                                     sentence.prison_days_conditional))


@pytest.mark.parametrize("text", [
    "Nu krijgen daders gemiddeld een gevangenisstraf tussen de 1 en 2 jaar.",
    "Ruim een kwart moest tussen de 1 en 2 jaar de cel in.",
    "Vaak maar één dag cel voor betaalde seks met minderjarigen.",
    "De strafeis varieert tussen een 1 en 15 maanden gevangenisstraf.",
    "De maximale straf voor uitbuiting van minderjarigen is in Nederland 15 jaar.",
    "In de meeste gevallen leggen rechters een celstraf van één dag op.",
])
def test_general_statements_about_sentencing_give_no_case(text: str) -> None:
    assert _one(text) == []


def test_statutory_statement_is_not_a_victim_age() -> None:
    text = ("De minimumstrafeis bij uitbuiting van een minderjarige gaat van 1 jaar naar 2 jaar. "
            "De man kreeg 3 jaar cel.")
    (facts,) = _one(text)
    assert facts.victim_ages == ()


def test_sentence_as_demanded_copies_the_demand() -> None:
    text = "Het OM eiste tegen de 30-jarige man 8 maanden cel. De rechtbank legde de straf conform de eis op."
    (facts,) = _one(text)
    assert facts.imposed == facts.demanded == Sentence(240)
    start, end = facts.evidence["imposed"]
    assert text[start:end] == "conform de eis"


def test_news_acquittal_after_a_demand() -> None:
    (facts,) = _one("Het OM had twee jaar cel geëist tegen de 40-jarige man. De man werd vrijgesproken.")
    assert facts.acquitted is True
    assert facts.imposed.is_empty
    assert facts.demanded == Sentence(730)


def test_saved_news_page_date_gives_the_year() -> None:
    (facts,) = _one(" date 2018-05 Pooier voor rechter\n\nEen pooier riskeert vijf jaar cel.")
    assert (facts.year, facts.decision_date, facts.decision_year) == (2018, None, 2018)
