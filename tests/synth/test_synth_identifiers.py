"""Identifier markup of the synthetic corpus: exact spans, valid numbers, nothing that must stay."""

import contextlib
import re
from collections import Counter
from datetime import datetime

import phonenumbers
import pytest
import yaml
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn
from wordfreq import zipf_frequency

from inbeeld.corpus import IDENTIFIER_TYPES, parse_markup, strip_markup

MARKUP = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]")
# What formats.md and the chats README say must never be marked (plus the package's own lists)
NEVER_MARKED = {"snapchat", "snap", "instagram", "insta", "tiktok", "whatsapp", "telegram", "facebook",
                "kinky.nl", "kinky", "sexjobs.nl", "onlyfans", "hotel", "vakantiepark", "garagebox",
                "kelderbox", "stacaravan", "de politie", "politie", "slachtofferhulp", "nederland",
                "roemenië", "bulgarije"}
PLATE = re.compile(
    r"^(?:[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}"
    r"|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}"
    r"|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d)$"
)
DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%y")


@pytest.fixture(scope="session")
def spans(synth_corpus):
    """Every marked span: (conversation, role, type, text)."""
    out = []
    for conversation, _ in synth_corpus:
        for message in conversation.messages:
            for match in MARKUP.finditer(message.text):
                out.append((conversation, message.role, match.group(1), match.group(2)))
    return out


def _of(spans, kind):
    return [text for _, _, k, text in spans if k == kind]


def test_markup_round_trips_to_raw_text_and_exact_spans(synth_corpus):
    for conversation, _ in synth_corpus:
        for message in conversation.messages:
            raw, found = parse_markup(message.text)
            assert raw == strip_markup(message.text)
            inner = [m.group(2) for m in MARKUP.finditer(message.text)]
            assert [raw[s.start:s.end] for s in found] == inner
            assert all(text == text.strip() and text for text in inner)


def test_every_identifier_type_of_the_spec_occurs(spans):
    counts = Counter(kind for _, _, kind, _ in spans)
    assert {k for k in IDENTIFIER_TYPES if counts[k] < 10} == set()
    assert set(counts) <= set(IDENTIFIER_TYPES)


def test_identifiers_are_marked_in_counsellor_turns_too(spans):
    assert any(role == "counsellor" and kind == "PERSON" for _, role, kind, _ in spans)


def test_every_phone_span_is_a_valid_number(spans):
    numbers = _of(spans, "PHONE")
    for text in numbers:
        assert phonenumbers.is_valid_number(phonenumbers.parse(text, "NL")), text
    notations = {re.sub(r"\d", "9", t) for t in numbers}
    assert len(notations) >= 12  # 06-…, +31 6 …, 0031 …, spaced, foreign …
    foreign = [t for t in numbers if t.startswith(("+", "00")) and not t.startswith(("+31", "0031"))]
    assert foreign


def test_every_iban_span_passes_the_checksum(spans):
    for text in _of(spans, "IBAN"):
        assert stdnum_iban.is_valid(text), text


def test_digit_only_id_numbers_are_bsns_that_pass_the_eleven_test(spans):
    digit_only = [t for t in _of(spans, "ID_NUMBER") if re.fullmatch(r"[\d .]+", t)]
    assert digit_only
    for text in digit_only:
        assert stdnum_bsn.is_valid(text), text


def test_postcodes_have_the_dutch_format(spans):
    for text in _of(spans, "POSTCODE"):
        assert re.fullmatch(r"[1-9]\d{3} ?[A-Za-z]{2}", text), text
        assert text[-2:].upper() not in ("SA", "SD", "SS")


def test_plates_follow_a_dutch_sidecode(spans):
    for text in _of(spans, "PLATE"):
        upper = text.upper()
        if "-" not in upper:
            assert re.fullmatch(r"[A-Z0-9]{6}", upper), text
        else:
            assert PLATE.match(upper), text


def test_birth_dates_are_real_dates(spans):
    months = ("jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
    for text in _of(spans, "DATE_OF_BIRTH"):
        words = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text)
        if words:
            assert words.group(2)[:3] in months, text
            continue
        parsed = []
        for fmt in DATE_FORMATS:
            with contextlib.suppress(ValueError):
                parsed.append(datetime.strptime(text, fmt))
        assert parsed, text


def test_emails_urls_and_handles_look_like_them(spans):
    assert all(re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", t) for t in _of(spans, "EMAIL"))
    assert all(re.search(r"\.[a-z]{2,4}/", t) for t in _of(spans, "URL"))
    handles = _of(spans, "HANDLE")
    assert any(t.startswith("@") for t in handles) and any(not t.startswith("@") for t in handles)
    assert all(" " not in t for t in handles)


def test_addresses_come_with_and_without_house_numbers(spans):
    addresses = _of(spans, "ADDRESS")
    assert any(re.search(r"\d", t) for t in addresses)
    assert any(not re.search(r"\d", t) for t in addresses)


def test_names_vary_in_origin_and_case(spans):
    names = set(_of(spans, "PERSON"))
    assert len(names) > 300
    assert any(n.islower() for n in names)
    assert any(" " in n for n in names)  # first name and surname


def test_no_marked_span_is_a_platform_or_a_generic_place(spans):
    data = yaml.safe_load(
        __import__("importlib.resources").resources.files("inbeeld.synth")
        .joinpath("data", "platforms.yaml").read_text(encoding="utf-8")
    )
    never = set(NEVER_MARKED)
    never |= {s.lower() for forms in data["spellings"].values() for s in forms}
    never |= {p.lower() for p in data["generic_places"]}
    assert [t for _, _, _, t in spans if t.lower() in never] == []


def test_the_same_identifier_is_marked_every_time_it_occurs(synth_corpus):
    # a marked text must not also appear unmarked elsewhere in the same conversation
    for conversation, _ in synth_corpus:
        marked = {m.group(2) for msg in conversation.messages for m in MARKUP.finditer(msg.text)}
        for message in conversation.messages:
            rest = MARKUP.sub(" ", message.text)
            for text in marked:
                # names that are also common words ("roos", "storm") may occur as words too
                if len(text) >= 4 and zipf_frequency(text.lower(), "nl") < 3.0:
                    assert not re.search(rf"\b{re.escape(text)}\b", rest), (conversation.id, text)


def _parse_birth_date(text):
    months = ("jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
    words = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text)
    if words:
        return datetime(int(words.group(3)), months.index(words.group(2)[:3]) + 1, int(words.group(1)))
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise AssertionError(text)


def test_a_birth_date_agrees_with_the_coded_age(synth_corpus):
    checked = 0
    for conversation, coded in synth_corpus:
        dates = [m.group(2) for msg in conversation.messages for m in MARKUP.finditer(msg.text)
                 if m.group(1) == "DATE_OF_BIRTH"]
        if not dates:
            continue
        born = _parse_birth_date(dates[0])
        day = conversation.started_at.date()
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        assert coded.codes["victim_age"] == age, conversation.id
        checked += 1
    assert checked >= 20


def test_names_that_are_also_words_are_marked(spans):
    names = {t.lower() for t in _of(spans, "PERSON")}
    assert {"roos", "bas", "storm"} <= names
