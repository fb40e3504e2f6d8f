import pytest
from hypothesis import given
from hypothesis import strategies as st

from inbeeld.corpus import mark, parse_markup, strip_markup


def test_markup_gives_raw_text_and_offsets():
    raw, spans = parse_markup("ik ben [[PERSON:Samira]] en mijn snap is [[HANDLE:sammie_xx04]]")
    assert raw == "ik ben Samira en mijn snap is sammie_xx04"
    assert [(raw[s.start:s.end], s.type) for s in spans] == [("Samira", "PERSON"), ("sammie_xx04", "HANDLE")]


def test_unknown_type_is_refused():
    with pytest.raises(ValueError, match="NAME"):
        parse_markup("[[NAME:x]]")


plain = st.text(alphabet=st.characters(blacklist_characters="[]", blacklist_categories=("Cs",)), max_size=20)


@given(st.lists(st.tuples(plain, plain.filter(bool)), max_size=5), plain)
def test_marking_then_parsing_recovers_text_and_spans(pieces, tail):
    marked = "".join(before + mark(inner, "PERSON") for before, inner in pieces) + tail
    raw, spans = parse_markup(marked)
    assert raw == strip_markup(marked)
    assert [raw[s.start:s.end] for s in spans] == [inner for _, inner in pieces]
