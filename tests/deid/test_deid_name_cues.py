"""Names behind cues found in hand-written chats: months that are names, aliases, quoted and
article nicknames, inverted "heet ik", a message opened by a name."""

from __future__ import annotations

import pytest

from factories import make_conversation
from inbeeld.deid import deidentify


def masked(pipeline, *texts: str) -> list[str]:
    """Each message as de-identified."""
    return [m.text for m in deidentify(make_conversation(*texts), pipeline).messages]


@pytest.mark.parametrize("text, name", [
    ("mn beste vriendin juni heeft een vriend", "juni"),
    ("zijn vrouw Mei houdt de uren bij", "Mei"),
    ("hoi ik ben April", "April"),
])
def test_a_month_after_a_relation_or_ik_ben_is_a_name(pipeline, text, name):
    assert name not in masked(pipeline, text)[0]


def test_a_month_name_is_propagated_but_not_to_the_month(pipeline):
    out = masked(
        pipeline, "mn vriendin juli is bang", "juli zegt niks", "in juli was het erger, op 3 juli ook"
    )
    assert "juli" not in out[0] and "juli" not in out[1]
    assert out[2] == "in juli was het erger, op 3 juli ook"


@pytest.mark.parametrize("text", [
    "ik ben in april geboren",
    "eind mei gaan we",
    "mn vriendin juni 2010 leerde ik haar kennen",   # a number next to it: the month
])
def test_months_in_dates_stay(pipeline, text):
    assert masked(pipeline, text)[0] == text


@pytest.mark.parametrize("text, alias", [
    ("de baas heet Thomas of Tom", "Tom"),                 # a short form after "of"
    ("ik hoorde: Mohammed, of 'Mo'.", "Mo"),              # quoted
    ("ze noemen hem de generaal", "de generaal"),         # an article nickname after a naming verb
    ("Ze noemen hem 'lange' en hij", "lange"),            # a common word in quotes after a naming verb
    ("daar heet ik noor", "noor"),                        # inverted "heet ik"
    ("my name on site is kelly but", "kelly"),
])
def test_aliases_and_nicknames(pipeline, text, alias):
    assert alias not in masked(pipeline, text)[0]


@pytest.mark.parametrize("text", [
    "koffie of thee",
    "Ok, dan",
    "ze noemen het een baan",
])
def test_alias_and_opening_near_misses(pipeline, text):
    assert masked(pipeline, text)[0] == text


def test_a_message_opened_by_a_rare_word_and_a_full_stop_is_a_name(pipeline):
    out = masked(pipeline, "hoe heet je?", "Tesfalem. boss is Kemal")
    assert "Tesfalem" not in out[1]


@pytest.mark.parametrize("text, alias", [
    ("ze heet jasmijn (jas) en is 16", "(jas)"),
    ("een jongen, Mauro (M, snap mau.x) doet mee", "(M,"),
])
def test_a_short_form_in_brackets_after_a_name(pipeline, text, alias):
    assert alias not in masked(pipeline, text)[0]


def test_brackets_after_a_name_holding_a_number_stay(pipeline):
    assert "(16)" in masked(pipeline, "Sanne (16) is bang")[0]


@pytest.mark.parametrize("text, name", [
    ("die gast heet eig tamerlan bekov", "tamerlan bekov"),   # a hedge between cue and name
    ("ze heet eigenlijk Romaissa", "Romaissa"),
    ("hij heet trouwens odin", "odin"),
])
def test_a_hedge_after_heet_is_no_name_the_next_word_is(pipeline, text, name):
    out = masked(pipeline, text)[0]
    assert name not in out
    assert any(h in out for h in ("eig", "eigenlijk", "trouwens"))


def test_a_name_said_twice_keeps_its_surname(pipeline):
    out = masked(pipeline, "de ander heet Jerrel jerrel wijngaarde van snap")[0]
    assert "wijngaarde" not in out and "jerrel" not in out.lower()


@pytest.mark.parametrize("text, initial", [
    ("een meisje uit groep 8, ik noem haar even J., wil niet meer naar huis", "J."),
    ("noem hem maar B want ik weet het niet zeker", "B"),
    ("mijn neef R. regelt alles", "R."),
])
def test_an_initial_for_a_name_is_masked(pipeline, text, initial):
    out = masked(pipeline, text)[0]
    assert f" {initial}" not in out


def test_capital_letters_that_are_no_initials_stay(pipeline):
    out = masked(pipeline, "ik heb een 8 voor wiskunde en plan B is naar huis gaan")[0]
    assert "plan B" in out


def test_a_lone_name_answers_the_question_before_it(pipeline):
    out = masked(pipeline, "Wil je me je voornaam vertellen?", "noor", "oke")
    assert out[1] != "noor" and out[2] == "oke"


def test_a_lone_word_without_a_name_question_stays(pipeline):
    out = masked(pipeline, "Fijn dat je er bent.", "heyyy", "ok")
    assert out[1] == "heyyy"


@pytest.mark.parametrize("text, name", [
    ("in de app staat ze als K. Wiśniewska", "K. Wiśniewska"),           # initial + surname
    ("ik moest naar meneer van gils op kantoor", "van gils"),             # title + lowercase surname
    ("zijn bijnaam is Kaiser-B", "Kaiser-B"),                             # nickname cue
    ("de man heet de Slager volgens haar", "de Slager"),                  # article nickname after heet
    ('she lives with her "aunt" Folake now', "Folake"),                  # a relation in quotes
    ("hello, my name is Iaís", "Iaís"),                                   # accents no keep word has
])
def test_names_after_more_cues(pipeline, text, name):
    assert name not in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, kept", [
    ("dat heet de Wet op de jeugdzorg", "de Wet"),            # naming a thing
    ("Hoe heet het bureau waar je werkt?", "het bureau"),
    ("plan B. Daarna ging ik naar huis", "Daarna"),            # no initial: an ordinary word after it
    ("meneer de directeur zei niks", "de directeur"),         # a title and an ordinary noun
    ("hij spreekt Oekraïens en Russisch", "Oekraïens"),       # a keep word written as Dutch does
])
def test_name_cue_near_misses(pipeline, text, kept):
    assert kept in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, name", [
    ("hij werkt voor dikke jo en zn broer", "dikke jo"),   # a size word before a short name
    ("we noemen de trainer gewoon coach M", "coach M"),
])
def test_street_nicknames_and_a_title_initial(pipeline, text, name):
    out = masked(pipeline, text)[0]
    assert name.split()[-1] not in out.split()


@pytest.mark.parametrize("text", ["mijn kleine zusje is bang", "het is een big deal", "de kleine kids"])
def test_size_words_before_ordinary_words_stay(pipeline, text):
    assert masked(pipeline, text)[0] == text


@pytest.mark.parametrize("text, name", [
    ("de oudste heet tarik denk ik", "tarik"),                  # an article and a noun as subject
    ("Kamiel noemen ze hem op school", "Kamiel"),               # the name before its naming verb
    ("ze wonen bij fam. Smulders in huis", "Smulders"),         # a family by its surname
    ("de eigenaar heet dhr. Okonkwo", "Okonkwo"),               # a title after the cue
])
def test_more_naming_cues(pipeline, text, name):
    out = masked(pipeline, text)[0]
    assert name not in out
    assert "dhr." in out or "dhr" not in text


@pytest.mark.parametrize("text, kept", [
    ("wat jij beschrijft heet criminele uitbuiting", "criminele uitbuiting"),
    ("je pas uitlenen heet money muling", "money muling"),
    ("op de ps5 heet hij anders", "ps5"),
])
def test_naming_a_thing_stays(pipeline, text, kept):
    assert kept in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, name", [
    ("mijn mentor mevr hoekstra is aardig", "hoekstra"),       # a title and a lowercase surname
    ("onze coach is meneer el khatib", "el khatib"),           # with an Arabic article
    ("vraag het mevr. kuipers maar", "kuipers"),
])
def test_title_and_lowercase_surname(pipeline, text, name):
    assert name not in masked(pipeline, text)[0]


@pytest.mark.parametrize("text", ["meneer belt me straks", "juf zegt dat het moet", "mevrouw heeft gebeld"])
def test_title_and_a_verb_stay(pipeline, text):
    assert masked(pipeline, text)[0] == text


@pytest.mark.parametrize("text, name", [
    ("hij heet jordy maar iedereen zegt jojo", "jojo"),      # what everyone calls him
    ("ze noemen me fleur op school", "fleur"),
    ("op straat zeggen ze altijd tiko", "tiko"),
    ("de jongen heet sem of semmie", "semmie"),             # another form after "of"
    ("hij heet bo of bodhi geloof ik", "bodhi"),
])
def test_nicknames_that_everyone_uses_and_aliases_after_of(pipeline, text, name):
    assert f" {name}" not in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, word", [
    ("iedereen zegt sorry tegen haar", "sorry"),            # plain speech after "zegt"
    ("ze zeggen altijd nee", "nee"),
    ("hij heet kevin of zo", "zo"),                         # "of zo": a hedge, no alias
    ("ik heet sanne of iets", "iets"),
])
def test_nickname_near_misses(pipeline, text, word):
    assert f" {word}" in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, name", [
    ("de baas henk-jan zegt niks", "henk-jan"),             # a double first name
    ("ik ken anne-sophie van school", "anne-sophie"),
    ("the coordinator is radek. he shouts", "radek"),       # a relation's "is" before the name
    ("mn pleegmoeder ineke zou boos worden", "ineke"),      # foster family
])
def test_double_names_and_more_relations(pipeline, text, name):
    assert name not in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, word", [
    ("mijn baas is boos", "boos"),
    ("haar vriend is marokkaans", "marokkaans"),
    ("Hello madam, I am from India", "I am"),
])
def test_relation_is_near_misses(pipeline, text, word):
    assert word in masked(pipeline, text)[0]


@pytest.mark.parametrize("text, word", [
    ("pero no tengo dinero", "pero"),        # Spanish "but": in faker's name lists, a word here
    ("hasta mañana dice él", "hasta"),
])
def test_commonest_words_of_other_chat_languages_are_no_names(pipeline, text, word):
    assert word in masked(pipeline, text)[0]
