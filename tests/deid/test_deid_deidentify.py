"""deidentify() end to end: offsets, consistency, idempotence, codable terms, bad input."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import make_conversation
from inbeeld.deid import DeidInputError, deidentify
from inbeeld.deid.deidentify import redact

# fictional fragments: identifiers and ordinary chat words, combined freely by the property tests
FRAGMENTS = [
    "hoi", "ik ben sanne", "mn snap is sammie_xx04", "bel 06-12 34 56 78", "ik woon in Zwolle",
    "mijn moeder weet het niet", "hij is 19", "op snapchat", "in een hotel", "Kevin zei dat",
    "kevin", "mail lisa@web.de", "mijn oom", "ik ben 15 jaar", "vakantiepark", "en toen",
    "NL91 ABNA 0417 1643 00", "kenteken GZ-842-F", "1234 AB", "😀", "ok", "\u200b", "Ж",
]
texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=5))
def test_redaction_changes_nothing_outside_spans(pipeline, messages):
    conversation = make_conversation(*messages)
    result = deidentify(conversation, pipeline)
    for before, after in zip(conversation.messages, result.messages, strict=True):
        rebuilt, pos = [], 0
        for span in after.spans:
            rebuilt.append(before.text[pos:span.start])
            rebuilt.append(span.tag)
            pos = span.end
        rebuilt.append(before.text[pos:])
        assert "".join(rebuilt) == after.text
        assert all(a.end <= b.start for a, b in zip(after.spans, after.spans[1:], strict=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=5))
def test_pseudonymising_twice_is_once(pipeline, messages):
    once = deidentify(make_conversation(*messages), pipeline)
    twice = deidentify(once, pipeline)
    assert [m.text for m in twice.messages] == [m.text for m in once.messages]


def test_the_same_person_keeps_one_tag_across_messages_and_spellings(pipeline):
    conversation = make_conversation(
        "mijn nicht Samira is ook benaderd", "hoe oud is ze?", "samira is 16", "sam wil er niet over praten",
    )
    result = deidentify(conversation, pipeline)
    tags = [s.tag for m in result.messages for s in m.spans if s.type == "PERSON"]
    assert len(tags) == 3 and len(set(tags)) == 1


def test_different_people_get_different_tags(pipeline):
    result = deidentify(make_conversation("vooral Luuk en Thijmen"), pipeline)
    tags = [s.tag for s in result.messages[0].spans]
    assert tags == ["[PERSON-1]", "[PERSON-2]"]


def test_spans_point_into_the_original_text(pipeline):
    conversation = make_conversation("zn nummer is 06 23 31 87 44 als jullie iets kunnen")
    span = deidentify(conversation, pipeline).messages[0].spans[0]
    assert conversation.messages[0].text[span.start:span.end] == "06 23 31 87 44"
    assert (span.type, span.tag) == ("PHONE", "[PHONE-1]")


def test_the_input_conversation_is_left_unchanged(pipeline):
    conversation = make_conversation("ik ben sanne uit Zwolle")
    texts = [m.text for m in conversation.messages]
    deidentify(conversation, pipeline)
    assert [m.text for m in conversation.messages] == texts
    assert all(m.spans == () for m in conversation.messages)


@pytest.mark.parametrize("text, term", [
    ("ik ken hem van snapchat", "snapchat"),
    ("hij vond me op Kinky.nl", "Kinky.nl"),
    ("we gingen naar een hotel bij het station", "hotel"),
    ("mijn moeder en mijn oom weten het", "moeder"),
    ("mijn oom neemt me mee", "oom"),
    ("ik ben een meisje van 15 jaar", "15 jaar"),
    ("een stacaravan op een vakantiepark", "vakantiepark"),
    ("mijn vriend is 19", "vriend"),
    ("mevrouw Bakker is mijn mentor", "mevrouw"),
])
def test_codable_terms_survive(pipeline, text, term):
    result = deidentify(make_conversation(text), pipeline)
    assert term in result.messages[0].text


def test_a_message_that_is_not_a_string_names_conversation_and_message(pipeline):
    conversation = make_conversation("hoi", "ik ben sanne")
    not_text = replace(conversation.messages[1], text=42)
    broken = replace(conversation, messages=(conversation.messages[0], not_text))
    with pytest.raises(DeidInputError) as info:
        deidentify(broken, pipeline)
    assert "t-0001" in str(info.value) and "message 1" in str(info.value) and "sanne" not in str(info.value)


def test_an_empty_conversation_comes_back_as_it_is(pipeline):
    conversation = replace(make_conversation("hoi"), messages=())
    assert deidentify(conversation, pipeline) == conversation


def test_control_and_zero_width_characters_do_not_hide_a_phone_number(pipeline):
    text = "bel 06\u200b12345678 of 06\x0012345678"
    result = deidentify(make_conversation(text), pipeline)
    assert [s.type for s in result.messages[0].spans] == ["PHONE", "PHONE"]
    assert "1234" not in result.messages[0].text


def test_mixed_scripts_are_handled(pipeline):
    text = "ik ben sanne 😀 Привет, мой друг Дмитрий, bel 0612345678"
    result = deidentify(make_conversation(text), pipeline)
    assert "0612345678" not in result.messages[0].text and "sanne" not in result.messages[0].text


def test_a_one_megabyte_message_is_handled(pipeline):
    text = ("ik ben sanne en mijn moeder weet het niet. " * 24_000)[:1_000_000] + " bel 0612345678"
    result = deidentify(make_conversation(text), pipeline)
    assert "0612345678" not in result.messages[0].text
    assert result.messages[0].text.count("[PERSON-1]") == text.count("sanne")


def test_redact_puts_tags_in_place_of_spans():
    from inbeeld.corpus import Span

    assert redact("ik ben sanne!", (Span(7, 12, "PERSON", "[PERSON-1]"),)) == "ik ben [PERSON-1]!"


def test_an_organisation_known_by_its_capital_is_not_propagated_to_ordinary_words(pipeline):

    conversation = make_conversation("U kunt Veilig Thuis bellen.", "ok ik ben nu veilig thuis")
    out = deidentify(conversation, pipeline)
    assert "Veilig Thuis" not in out.messages[0].text
    assert out.messages[1].text == "ok ik ben nu veilig thuis"
