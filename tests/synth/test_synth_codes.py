"""Gold codes of the synthetic corpus: valid, complete in coverage, and following the codebook rules."""

import re
from collections import Counter
from datetime import date

import pytest
from text_to_num import text2num

from inbeeld.corpus import strip_markup

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def _chatter_text(conversation):
    return [strip_markup(m.text).lower() for m in conversation.messages if m.role == "chatter"]


def test_codes_validate_against_the_codebook(synth_corpus, codebook):
    for _, coded in synth_corpus:
        assert codebook.validate(coded.codes) == coded.codes


@pytest.mark.parametrize("variable", ["chatter_role", "minor", "victim_gender", "exploitation_type",
                                      "perpetrator", "recruitment_online", "duration_year_or_more",
                                      "locations", "clients_mentioned", "client_signals", "sextortion",
                                      "disclosure_reaction", "police_report"])
def test_every_value_of_the_codebook_occurs(synth_corpus, codebook, variable):
    seen = Counter()
    for _, coded in synth_corpus:
        value = coded.codes[variable]
        seen.update(value if isinstance(value, list) else [value])
    missing = [v for v in codebook[variable].values if seen[v] < 5]
    assert not missing, f"{variable}: rare or absent {missing}"


def test_every_codebook_variable_is_settled_somewhere(synth_corpus, codebook):
    for variable in codebook.variables:
        settled = [g for _, g in synth_corpus if g.codes[variable.name] not in ("unknown", [])]
        assert settled, variable.name


def test_ages_cover_minors_and_adults(synth_corpus):
    ages = {g.codes["victim_age"] for _, g in synth_corpus} - {"unknown"}
    assert set(range(12, 25)) <= ages


def test_platforms_named_in_the_codebook_all_occur(synth_corpus, codebook):
    # the codebook lists its normalised platform names in the question text
    listed = re.findall(r"[A-Z][A-Za-z]+(?:\.nl)?", codebook["platforms"].question.split("names:")[1])
    assert "Kinky.nl" in listed and "OnlyFans" in listed
    seen = Counter(p for _, g in synth_corpus for p in g.codes["platforms"])
    assert [p for p in listed if seen[p] < 3] == []


def test_client_signals_only_with_clients(synth_corpus):
    for _, coded in synth_corpus:
        if coded.codes["clients_mentioned"] == "no":
            assert coded.codes["client_signals"] == []


def test_minor_follows_the_age(synth_corpus):
    for _, coded in synth_corpus:
        age = coded.codes["victim_age"]
        if age != "unknown" and age < 18:
            assert coded.codes["minor"] == "yes"


def test_adults_telling_about_their_teens_are_minor_yes(synth_corpus):
    ages = [(g.codes["victim_age"], g.codes["minor"]) for _, g in synth_corpus]
    retro = [age for age, minor in ages if age != "unknown" and age >= 18 and minor == "yes"]
    assert len(retro) >= 20


def test_no_exploitation_means_no_perpetrator_location_or_recruitment(synth_corpus):
    for _, coded in synth_corpus:
        if coded.codes["exploitation_type"] == []:
            assert coded.codes["perpetrator"] == []
            assert coded.codes["locations"] == []
            assert coded.codes["recruitment_online"] == "unknown"
            assert coded.codes["clients_mentioned"] == "no"


def test_signals_that_need_a_parent_or_a_minor_have_one(synth_corpus):
    for _, coded in synth_corpus:
        signals = coded.codes["client_signals"]
        if "paid_parent" in signals:
            assert "parent" in coded.codes["perpetrator"]
        if "age_visible_or_told" in signals:
            assert coded.codes["minor"] == "yes"


def test_an_online_contact_was_met_online(synth_corpus):
    for _, coded in synth_corpus:
        if "online_contact" in coded.codes["perpetrator"]:
            assert coded.codes["recruitment_online"] == "yes"
        if coded.codes["recruitment_online"] == "yes":
            assert coded.codes["platforms"]


def test_non_exploitation_conversations_are_a_real_share(synth_corpus):
    share = sum(g.codes["exploitation_type"] == [] for _, g in synth_corpus) / len(synth_corpus)
    assert 0.15 < share < 0.4


def test_others_write_about_someone_else_in_every_role(synth_corpus):
    roles = Counter(g.codes["chatter_role"] for _, g in synth_corpus if g.codes["exploitation_type"])
    for role in ("friend", "parent_or_carer", "professional", "other"):
        assert roles[role] >= 30


def test_ages_in_words_are_coded_as_numbers(synth_corpus):
    found = 0
    for conversation, coded in synth_corpus:
        for text in _chatter_text(conversation):
            match = re.search(r"\bik ben (?:pas |een \w+ van )?([a-zë]+)$", text)
            if match and match.group(1) not in ("nu", "bijna"):
                try:
                    value = text2num(match.group(1), "nl")
                except ValueError:
                    continue
                found += 1
                assert coded.codes["victim_age"] == value, conversation.id
    assert found >= 20


def test_bijna_gives_the_age_below(synth_corpus):
    found = 0
    for conversation, coded in synth_corpus:
        for text in _chatter_text(conversation):
            match = re.search(r"\bik ben bijna (\d+)\b", text)
            if match:
                found += 1
                assert coded.codes["victim_age"] == int(match.group(1)) - 1
    assert found >= 10


def test_a_corrected_age_is_the_final_one(synth_corpus):
    found = 0
    for conversation, coded in synth_corpus:
        for text in _chatter_text(conversation):
            match = re.search(r"\bik ben niet (\d+)\.\.\. eigenlijk (\d+)|eigenlijk ben ik (\d+)", text)
            if match:
                found += 1
                final = int(match.group(2) or match.group(3))
                assert coded.codes["victim_age"] == final
    assert found >= 10


def test_a_school_year_gives_no_age_but_minor_yes(synth_corpus):
    found = 0
    for conversation, coded in synth_corpus:
        texts = _chatter_text(conversation)
        school = any(re.search(r"\bik zit in (groep \d|\d (?:havo|vwo|vmbo|mavo))\b", t) for t in texts)
        if school and not any(re.search(r"\bik ben (\d+|[a-z]+tien)\b", t) for t in texts):
            found += 1
            assert coded.codes["victim_age"] == "unknown"
            assert coded.codes["minor"] == "yes"
    assert found >= 10


def test_since_month_and_year_agrees_with_duration(synth_corpus):
    pattern = re.compile(r"sinds (" + "|".join(MONTHS) + r") (20\d\d)\b")
    found = 0
    for conversation, coded in synth_corpus:
        for text in _chatter_text(conversation):
            match = pattern.search(text)
            if match:
                found += 1
                began = date(int(match.group(2)), MONTHS.index(match.group(1)) + 1, 1)
                chat = conversation.started_at
                months = (chat.year - began.year) * 12 + chat.month - began.month
                assert coded.codes["duration_year_or_more"] == ("yes" if months >= 12 else "no")
    assert found >= 20


def test_negations_of_a_parent_occur_without_a_parent_coded(synth_corpus):
    found = 0
    for conversation, coded in synth_corpus:
        if any("vader heeft er niks mee te maken" in t for t in _chatter_text(conversation)):
            found += 1
            assert "parent" not in coded.codes["perpetrator"]
    assert found >= 10


def test_some_adults_write_in_english_and_are_coded_alike(synth_corpus):
    english = [g for c, g in synth_corpus
               if any(m.role == "counsellor" and re.search(r"\b(My name is|I am) \[\[PERSON", m.text)
                      for m in c.messages)]
    assert len(english) >= 20
    for coded in english:
        assert coded.codes["minor"] in ("no", "unknown")
        assert coded.codes["victim_age"] == "unknown" or coded.codes["victim_age"] >= 18
        assert coded.codes["chatter_role"] == "victim"
        assert coded.codes["exploitation_type"]
