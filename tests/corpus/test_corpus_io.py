import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import make_conversation
from inbeeld.codebook import load_codebook
from inbeeld.corpus import (
    CodedConversation,
    Conversation,
    Message,
    Span,
    read_codes,
    read_conversations,
    write_codes,
    write_conversations,
)
from inbeeld.errors import CorpusFormatError

GOOD = {
    "id": "c-1",
    "started_at": "2021-03-14T21:05:00+01:00",
    "source": "chat",
    "messages": [
        {"role": "chatter", "text": "hoi", "ts": "2021-03-14T21:05:10+01:00"},
        {"role": "counsellor", "text": "Hoi, vertel maar.", "ts": "2021-03-14T21:05:40+01:00"},
    ],
}


def write_lines(path, *objects):
    path.write_text(
        "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects), encoding="utf-8"
    )
    return path


def changed(**fields):
    obj = json.loads(json.dumps(GOOD))
    obj.update(fields)
    return obj


def with_message(**fields):
    obj = json.loads(json.dumps(GOOD))
    obj["messages"][1].update(fields)
    return obj


@pytest.mark.parametrize(
    "bad, field, problem",
    [
        ('{"id": "c-2", "started_at": ', None, "not valid JSON"),
        ('["a list"]', None, "expected a JSON object"),
        (changed(id=None), "id", "non-empty string id"),
        ({k: v for k, v in GOOD.items() if k != "started_at"}, "started_at", "missing"),
        (changed(started_at="14-03-2021"), "started_at", "bad date"),
        (changed(started_at="2021-03-14T21:05:00"), "started_at", "no time zone"),
        (changed(messages=[]), "messages", "non-empty list"),
        (with_message(role="helper"), "messages[1].role", "unknown role 'helper'"),
        (with_message(text=42), "messages[1].text", "expected a string"),
        (with_message(ts="gisteren"), "messages[1].ts", "bad date"),
    ],
)
def test_jsonl_errors_name_file_line_and_field(tmp_path, bad, field, problem):
    path = write_lines(tmp_path / "in.jsonl", changed(id="c-0"), bad)
    with pytest.raises(CorpusFormatError) as error:
        list(read_conversations(path))
    assert error.value.line == 2
    assert error.value.field == field
    message = str(error.value)
    assert str(path) in message and "line 2" in message and problem in message


def test_missing_message_field_is_named(tmp_path):
    obj = json.loads(json.dumps(GOOD))
    del obj["messages"][0]["text"]
    path = write_lines(tmp_path / "in.jsonl", obj)
    with pytest.raises(CorpusFormatError, match=r"line 1, field 'messages\[0\]\.text': missing"):
        list(read_conversations(path))


def test_duplicate_id_in_one_file_names_the_first_line(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", GOOD, changed(id="c-2"), GOOD)
    with pytest.raises(CorpusFormatError, match=r"line 3, field 'id': duplicate .*'c-1'.*line 1"):
        list(read_conversations(path))


def test_reading_streams_and_reports_late_errors_after_earlier_conversations(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", GOOD, "not json")
    stream = read_conversations(path)
    assert next(stream).id == "c-1"  # the first conversation arrives before the bad line is read
    with pytest.raises(CorpusFormatError, match="line 2"):
        next(stream)


def test_unknown_extension_asks_for_format(tmp_path):
    path = tmp_path / "data.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="--format"):
        list(read_conversations(path))
    assert list(read_conversations(path, "jsonl")) == []


def test_not_utf8_is_reported(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps(GOOD).replace("hoi", "h\\u00f6i").encode() + b"\n\xff\xfe\n")
    with pytest.raises(CorpusFormatError, match="UTF-8"):
        list(read_conversations(path))


CSV_HEADER = "conversation_id,started_at,role,text,ts\n"


@pytest.mark.parametrize(
    "rows, row, field, problem",
    [
        ("c-1,2021-03-14T21:05:00+01:00,bot,hoi,\n", 2, "role", "unknown role 'bot'"),
        ("c-1,gisteren,chatter,hoi,\n", 2, "started_at", "bad date"),
        ("c-1,2021-03-14T21:05:00+01:00,chatter,hoi\n", 2, None, "expected 5 columns"),
        (
            "c-1,2021-03-14T21:05:00+01:00,chatter,hoi,\nc-2,2021-03-15T10:00:00+01:00,chatter,hoi,\n"
            "c-1,2021-03-14T21:05:00+01:00,chatter,nog iets,\n",
            4, "conversation_id", "not consecutive",
        ),
        (
            "c-1,2021-03-14T21:05:00+01:00,chatter,hoi,\nc-1,2021-03-15T21:05:00+01:00,chatter,hoi,\n",
            3, "started_at", "differs",
        ),
    ],
)
def test_csv_errors_name_file_row_and_field(tmp_path, rows, row, field, problem):
    path = tmp_path / "in.csv"
    path.write_text(CSV_HEADER + rows, encoding="utf-8")
    with pytest.raises(CorpusFormatError) as error:
        list(read_conversations(path))
    assert error.value.line == row and error.value.field == field
    assert f"row {row}" in str(error.value) and problem in str(error.value)


def test_csv_header_without_required_column(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("conversation_id,role,text\nc-1,chatter,hoi\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="row 1, field 'started_at': column missing"):
        list(read_conversations(path))


def test_csv_with_quoted_newlines_and_commas(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        CSV_HEADER + 'c-1,2021-03-14T21:05:00+01:00,chatter,"hoi, ik\nben het",\n', encoding="utf-8"
    )
    (conversation,) = read_conversations(path)
    assert conversation.messages[0].text == "hoi, ik\nben het"
    assert conversation.messages[0].ts is None


CET = timezone(timedelta(hours=1))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
conversations = st.builds(
    lambda i, minutes, items: Conversation(
        id=f"c-{i}",
        started_at=datetime(2021, 1, 1, tzinfo=CET) + timedelta(minutes=minutes),
        messages=tuple(
            Message(role=role, text=text, ts=None if k % 2 else datetime(2021, 1, 1, 12, tzinfo=CET))
            for k, (role, text) in enumerate(items)
        ),
    ),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.lists(st.tuples(st.sampled_from(["chatter", "counsellor"]), texts), min_size=1, max_size=5),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(conversations, max_size=4, unique_by=lambda c: c.id), st.sampled_from(["jsonl", "csv"]))
def test_write_then_read_gives_the_same_conversations(tmp_path_factory, items, fmt):
    path = tmp_path_factory.mktemp("rt") / f"out.{fmt}"
    write_conversations(path, items)
    assert list(read_conversations(path)) == items


def test_spans_survive_a_round_trip_in_both_formats(tmp_path):
    conversation = make_conversation("ik ben Sanne", "Hoi!")
    first = conversation.messages[0]
    with_spans = Conversation(
        id=conversation.id,
        started_at=conversation.started_at,
        messages=(Message(first.role, first.text, first.ts, (Span(7, 12, "PERSON", "[PERSON-1]"),)),
                  conversation.messages[1]),
    )
    for fmt in ("jsonl", "csv"):
        path = tmp_path / f"spans.{fmt}"
        write_conversations(path, [with_spans])
        assert list(read_conversations(path)) == [with_spans]


def test_shared_development_chats_read_without_error(shared_dir):
    items = list(read_conversations(shared_dir / "data" / "chats" / "conversations.jsonl"))
    assert len(items) == len(
        (shared_dir / "data" / "chats" / "conversations.jsonl").read_text().splitlines()
    )


def test_code_files_validate_against_the_codebook(tmp_path):
    codebook = load_codebook()
    path = write_lines(tmp_path / "codes.jsonl", {"id": "c-1", "codes": {"minor": "ja"}})
    with pytest.raises(CorpusFormatError) as error:
        list(read_codes(path, codebook))
    assert "line 1" in str(error.value) and "codes.minor" in str(error.value)


def test_codes_round_trip_and_carry_the_codebook_version(tmp_path):
    codebook = load_codebook()
    item = CodedConversation(
        id="c-1", codes=codebook.validate({"minor": "yes", "victim_age": 15, "locations": ["hotel"]})
    )
    path = tmp_path / "codes.jsonl"
    write_codes(path, [item], codebook)
    stored = json.loads(path.read_text())
    assert stored["codebook_version"] == codebook.version
    assert "chatter_role" not in stored["codes"]  # unknown is left out, as formats.md says
    (back,) = read_codes(path, codebook)
    assert back.codes == item.codes


def test_shared_gold_codes_read_without_error(shared_dir):
    items = list(read_codes(shared_dir / "data" / "chats" / "gold.jsonl", load_codebook()))
    assert all(item.codes["clients_mentioned"] in ("yes", "no") for item in items)
