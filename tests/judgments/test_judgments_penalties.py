"""Sentence phrasings: what counts as a demand or a sentence, and near-misses that must not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inbeeld.judgments.penalties import find_statements

U, C, H, F = ("prison_days_unconditional", "prison_days_conditional", "community_service_hours",
              "fine_eur")


def _frames(text: str, *, judgment: bool = False, instance: str | None = None) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for statement in find_statements(text, judgment=judgment, instance=instance):
        out.setdefault(statement.frame, {k: v for k, v in statement.sentence.to_dict().items()
                                         if v is not None})
    return out


@pytest.mark.parametrize("text, frame, expected", [
    ("De rechtbank veroordeelde de man tot zes maanden cel, waarvan drie voorwaardelijk, en 240 uur "
     "werkstraf.", "imposed", {U: 90, C: 90, H: 240}),
    ("Hij is veroordeeld tot een taakstraf van 90 uur en 1 dag cel.", "imposed", {U: 1, H: 90}),
    ("De man kreeg een gevangenisstraf van één dag en een werkstraf van 180 uur.", "imposed", {U: 1, H: 180}),
    ("Veroordeelt verdachte tot een gevangenisstraf voor de duur van 6 (zes) maanden.", "imposed", {U: 180}),
    ("De vrouw kreeg 4,5 jaar cel.", "imposed", {U: 1642.5}),
    ("De man kreeg vier en een half jaar gevangenisstraf.", "imposed", {U: 1642.5}),
    ("De rechter legde anderhalf jaar celstraf op.", "imposed", {U: 547.5}),
    ("Hij kreeg 7 jaar en 9 maanden.", "imposed", {U: 2825}),
    ("De jongen kreeg twaalf maanden jeugddetentie, waarvan acht voorwaardelijk.", "imposed",
     {U: 120, C: 240}),
    ("De rechtbank legde drie weken cel op.", "imposed", {U: 21}),
    ("Ze kreeg een voorwaardelijke celstraf van twee maanden.", "imposed", {C: 60}),
    ("Hij kreeg 6 maanden onvoorwaardelijk en 6 maanden voorwaardelijk.", "imposed", {U: 180, C: 180}),
    ("Hij kreeg een gevangenisstraf van 12 maanden, waarvan 4 maanden onvoorwaardelijk.", "imposed",
     {U: 120, C: 240}),
    ("De eigenaar kreeg drie jaar opsluiting met uitstel.", "imposed", {C: 1095}),
    ("De man moet een geldboete van € 1.500,- betalen.", "imposed", {F: 1500}),
    ("Hij kreeg een boete van 750 euro.", "imposed", {F: 750}),
    ("De man moet zes maanden de cel in.", "imposed", {U: 180}),
    ("De man die vaak contact had met het meisje kreeg 6 maanden cel.", "imposed", {U: 180}),
    ("Het OM eiste tegen de 52-jarige man 240 uur werkstraf en 3 maanden voorwaardelijke celstraf.",
     "demanded", {C: 90, H: 240}),
    ("De officier van justitie eiste twee jaar cel, waarvan een jaar voorwaardelijk.", "demanded",
     {U: 365, C: 365}),
    ("Tegen de man was 18 maanden cel geëist.", "demanded", {U: 540}),
    ("De tien jaar die is geëist, vindt de advocaat te hoog.", "demanded", {U: 3650}),
    ("Een pooier riskeert vijf jaar cel.", "demanded", {U: 1825}),
    ("De straf is lager dan de eis van het OM: die was 2 jaar cel.", "demanded", {U: 730}),
    ("De 47-jarige man hoorde zes jaar cel en tbs met dwangverpleging tegen zich eisen.", "demanded",
     {U: 2190, "tbs": True}),
])
def test_sentence_phrasings(text: str, frame: str, expected: dict) -> None:
    assert _frames(text).get(frame) == expected


def test_a_demand_is_not_a_sentence() -> None:
    frames = _frames("De officier van justitie eiste acht maanden cel tegen de man.")
    assert "imposed" not in frames
    assert frames["demanded"] == {U: 240}


def test_demand_and_sentence_in_one_sentence_are_kept_apart() -> None:
    text = ("De straf die de rechtbank oplegde is lager dan de vier maanden onvoorwaardelijk die de "
            "officier van justitie had geëist. De man kreeg 1 dag cel.")
    frames = _frames(text)
    assert frames["demanded"] == {U: 120}
    assert frames["imposed"] == {U: 1}


@pytest.mark.parametrize("text", [
    "Hij werd veroordeeld tot een taakstraf van 100 uren, subsidiair 50 dagen hechtenis.",
    "veroordeeld tot een taakstraf voor de duur van 100 uren, indien niet naar behoren verricht te "
    "vervangen door 50 dagen hechtenis.",
    "Veroordeelt verdachte tot een taakstraf van 100 uren. Beveelt dat de vervangende hechtenis wordt "
    "toegepast voor het geval dat de veroordeelde de taakstraf niet naar behoren heeft verricht, voor de "
    "duur van 50 dagen.",
])
def test_substitute_custody_is_not_counted(text: str) -> None:
    assert _frames(text)["imposed"] == {H: 100}


@pytest.mark.parametrize("text, expected", [
    ("Hij kreeg 8 maanden cel, met aftrek van de 120 dagen die hij in voorarrest heeft gezeten.", {U: 240}),
    ("De man zat al 200 dagen vast. Hij kreeg 8 maanden cel.", {U: 240}),
    ("Hij heeft 45 dagen in voorarrest gezeten en kreeg een gevangenisstraf van 45 dagen.", {U: 45}),
])
def test_pretrial_detention_is_neither_counted_nor_subtracted(text: str, expected: dict) -> None:
    assert _frames(text)["imposed"] == expected


@pytest.mark.parametrize("text, expected", [
    ("De rechtbank legde vier jaar cel en tbs met dwangverpleging op.", {U: 1460, "tbs": True}),
    ("Hij kreeg 6 maanden cel en tbs met voorwaarden voor de duur van 2 jaar.", {U: 180, "tbs": True}),
])
def test_tbs_is_flagged_not_counted_as_prison(text: str, expected: dict) -> None:
    assert _frames(text)["imposed"] == expected


@pytest.mark.parametrize("text", [
    "Op mensenhandel staat een maximumstraf van 12 jaar cel.",
    "De verdachte riskeert maximaal acht jaar gevangenisstraf.",
    "Het meisje was toen 15 jaar oud.",
    "Het slachtoffer werkte gedurende zes weken in de prostitutie.",
    "Drie jaar geleden werd de man aangehouden.",
    "Veroordeeld tot een voorwaardelijke straf met een proeftijd van twee jaren.",
    "Het onderzoek duurde twee jaar.",
    "De onvoorwaardelijke gevangenisstraf bedraagt ten minste één dag.",
    "De oriëntatiepunten noemen een gevangenisstraf van 6 maanden.",
    "De raadsman bepleitte een taakstraf van 100 uur.",
    "Het OM eist in bijna alle zaken een celstraf van meer dan een maand.",
    "In zestig procent van de zaken legt de rechter maar één dag cel op.",
])
def test_near_misses_state_no_sentence(text: str) -> None:
    assert _frames(text) == {}


def test_dictum_with_conditional_part_gives_one_day() -> None:
    text = ("Veroordeelt verdachte tot een gevangenisstraf voor de duur van 6 (zes) maanden.\n"
            "Bepaalt dat een gedeelte van de gevangenisstraf, groot 5 (vijf) maanden en 29 "
            "(negenentwintig) dagen, niet ten uitvoer zal worden gelegd.\n"
            "Veroordeelt verdachte tot een taakstraf van 240 (tweehonderdveertig) uren.")
    assert _frames(text, judgment=True)["imposed"] == {U: 1, C: 179, H: 240}


def test_dictum_line_making_a_whole_term_conditional() -> None:
    text = ("Veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag.\n"
            "Veroordeelt verdachte tot een gevangenisstraf voor de duur van 2 (twee) maanden.\n"
            "Bepaalt dat deze gevangenisstraf niet ten uitvoer zal worden gelegd, tenzij de rechter later "
            "anders gelast.")
    assert _frames(text, judgment=True)["imposed"] == {U: 1, C: 60}


def test_hoge_raad_quotes_a_lower_court_and_imposes_nothing() -> None:
    text = "Het hof heeft de verdachte veroordeeld tot vijf maanden gevangenisstraf."
    frames = _frames(text, judgment=True, instance="hoge raad")
    assert "imposed" not in frames
    assert frames["lower"] == {U: 150}


def test_appeal_court_reporting_the_first_instance_sentence() -> None:
    text = "De rechtbank heeft verdachte veroordeeld tot een gevangenisstraf van 10 maanden."
    assert "imposed" not in _frames(text, judgment=True, instance="hof")


def test_a_list_of_sentences_for_several_defendants_is_split() -> None:
    text = ("De rechtbank heeft drie mannen celstraffen van 7 maanden en twee keer drie jaar opgelegd. "
            "De officier had 30 maanden, twee jaar en drie jaar geëist.")
    got = [(s.frame, s.respectively, s.sentence.prison_days_unconditional)
           for s in find_statements(text, judgment=False)]
    assert got == [("imposed", 0, 210), ("imposed", 1, 1095), ("imposed", 2, 1095),
                   ("demanded", 0, 900), ("demanded", 1, 730), ("demanded", 2, 1095)]


def test_two_terms_for_one_defendant_are_not_split() -> None:
    statements = find_statements("Hij kreeg 6 maanden onvoorwaardelijk en 6 maanden voorwaardelijk.",
                                 judgment=False)
    assert [s.respectively for s in statements] == [None]


def test_respectively_gives_one_statement_per_defendant() -> None:
    text = ("Het OM heeft celstraffen geëist tegen een 48-jarige vader en zijn 29-jarige zoon, van "
            "respectievelijk acht jaar en drie jaar.")
    statements = find_statements(text, judgment=False)
    assert [(s.respectively, s.sentence.prison_days_unconditional) for s in statements] == [
        (0, 2920), (1, 1095)]


@given(total=st.integers(min_value=2, max_value=60), data=st.data())
def test_conditional_part_splits_the_total(total: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(min_value=1, max_value=total - 1))
    text = (f"De rechtbank legde een gevangenisstraf op van {total} maanden, "
            f"waarvan {part} maanden voorwaardelijk.")
    imposed = _frames(text)["imposed"]
    assert imposed[U] + imposed[C] == total * 30
    assert imposed[C] == part * 30


def test_evidence_offsets_point_at_the_phrase() -> None:
    text = "Na een lange zitting kreeg de man 20 maanden celstraf."
    (statement,) = find_statements(text, judgment=False)
    assert text[statement.start:statement.end] == "20 maanden celstraf"


@pytest.mark.parametrize("text, expected", [
    ("veroordeelt de verdachte tot hechtenis voor de duur van 3 (drie) maanden;", {U: 90}),
    ("Veroordeelt verdachte tot honderdtachtig (180) dagen jeugddetentie.", {U: 180}),
    ("veroordeelt de verdachte tot een gevangenisstraf voor de duur van 2 (twee) jaar en 6 maanden;",
     {U: 910}),
    ("veroordeelt verdachte tot een gevangenisstraf van 5 jaar, en verbindt hieraan een proeftijd, die "
     "wordt gesteld op 2 jaar;", {U: 1825}),
    ("veroordeelt verdachte tot een gevangenisstraf van 6 (zes) maanden; bepaalt dat deze gevangenisstraf "
     "niet ten uitvoer zal worden gelegd, tenzij de rechter later anders mocht gelasten;", {C: 180}),
    ("Veroordeelt verdachte tot een gevangenisstraf van 4 maanden. Van deze gevangenisstraf zal een "
     "gedeelte, groot 3 (drie) maanden, niet tenuitvoergelegd worden.", {U: 30, C: 90}),
    ("veroordeelt verdachte tot een taakstraf bestaande uit het verrichten van onbetaalde arbeid voor de "
     "duur van 60 (zestig) uren, subsidiair 30 dagen hechtenis", {H: 60}),
    ("Veroordeelt verdachte tot een taakstraf van 40 uren. Bepaalt dat de tijd in voorarrest in mindering "
     "wordt gebracht naar rato van 2 uur per dag.", {H: 40}),
    ("Veroordeelt verdachte tot een gevangenisstraf van 8 maanden. Gelast dat de verdachte ter beschikking "
     "wordt gesteld.", {U: 240, "tbs": True}),
    ("Veroordeelt verdachte tot een gevangenisstraf van 2 maanden. Ontzegt de verdachte de bevoegdheid "
     "motorrijtuigen te besturen voor de tijd van 6 (zes) maanden.", {U: 60}),
    ("Veroordeelt verdachte tot een gevangenisstraf van 8 maanden. Gelast de tenuitvoerlegging van de "
     "voorwaardelijk opgelegde straf, te weten een gevangenisstraf voor de duur van twee weken.", {U: 240}),
    ("veroordeelt verdachte tot:\n- een gevangenisstraf voor de duur van 3 maanden;\n- een taakstraf voor de "
     "duur van 240 uren, subsidiair 120 dagen hechtenis.", {U: 90, H: 240}),
])
def test_dictum_formulas(text: str, expected: dict) -> None:
    imposed = [s for s in find_statements(text, judgment=True, instance="rechtbank") if s.frame == "imposed"]
    assert len(imposed) == 1
    assert {k: v for k, v in imposed[0].sentence.to_dict().items() if v is not None} == expected
