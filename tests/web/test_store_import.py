import json

import pytest
from cryptography.fernet import Fernet

from inbeeld.codebook import load_codebook
from inbeeld.corpus import CodedConversation, EvidenceRef
from inbeeld.errors import ConfigError, InbeeldError
from inbeeld.web.store import models
from inbeeld.web.store.crypto import decrypt_raw, raw_cipher
from inbeeld.web.store.services import (
    import_conversations,
    monitor_records,
    save_suggestions,
    stored_conversations,
)

pytestmark = pytest.mark.django_db


def conversation(cid, text="hoi ik ben het", year=2021):
    return {
        "id": cid,
        "started_at": f"{year}-03-14T21:05:00+01:00",
        "messages": [{"role": "chatter", "text": text}, {"role": "counsellor", "text": "Vertel maar."}],
    }


def write(path, *items):
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_import_stores_conversations_and_messages(tmp_path):
    path = write(tmp_path / "a.jsonl", conversation("c-1"), conversation("c-2", year=2022))
    result = import_conversations(path)
    assert (result.imported, result.skipped, result.error) == (2, 0, None)
    stored = models.Conversation.objects.get(external_id="c-2")
    assert stored.year == 2022
    assert list(stored.messages.values_list("index", "role")) == [(0, "chatter"), (1, "counsellor")]


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    path = write(tmp_path / "a.jsonl", conversation("c-1"), conversation("c-2"))
    import_conversations(path)
    before = (models.Conversation.objects.count(), models.Message.objects.count(),
              models.ImportBatch.objects.count())
    again = import_conversations(path)
    assert (again.imported, again.skipped) == (0, 2)
    after = (models.Conversation.objects.count(), models.Message.objects.count(),
             models.ImportBatch.objects.count())
    assert after == before


def test_changed_content_under_a_known_id_is_reported_and_left_alone(tmp_path):
    import_conversations(write(tmp_path / "a.jsonl", conversation("c-1", "eerste versie")))
    result = import_conversations(
        write(tmp_path / "b.jsonl", conversation("c-1", "andere tekst"), conversation("c-3"))
    )
    assert result.imported == 1
    assert len(result.conflicts) == 1 and result.conflicts[0].startswith("c-1:")
    assert "andere tekst" not in result.conflicts[0]  # no conversation text in reports
    assert models.Message.objects.get(conversation__external_id="c-1", index=0).text == "eerste versie"


def test_a_bad_line_late_in_the_file_stores_nothing_of_that_file(tmp_path):
    good = [conversation(f"c-{i}") for i in range(1200)]  # more than one chunk is written first
    bad = conversation("c-bad")
    bad["messages"][0]["role"] = "bot"
    result = import_conversations(write(tmp_path / "a.jsonl", *good, bad))
    assert result.error is not None and "line 1201" in result.error and "role" in result.error
    assert models.Conversation.objects.count() == 0
    assert models.Message.objects.count() == 0
    assert models.ImportBatch.objects.count() == 0


def test_the_transform_decides_what_is_stored_and_can_reject_one_conversation(tmp_path):
    def fake_deid(conversations):
        from dataclasses import replace

        for c in conversations:
            if c.id == "c-2":
                yield InbeeldError("c-2: message 0 could not be de-identified")
            else:
                yield replace(c, messages=tuple(replace(m, text="[PERSON-1]") for m in c.messages))

    path = write(tmp_path / "a.jsonl", conversation("c-1", "ik ben Sanne"), conversation("c-2"))
    result = import_conversations(path, transform=fake_deid, deid_version="test-1")
    assert result.imported == 1 and result.rejected == ["c-2: c-2: message 0 could not be de-identified"]
    stored = models.Conversation.objects.get(external_id="c-1")
    assert stored.deidentified and stored.deid_version == "test-1"
    assert set(stored.messages.values_list("text", flat=True)) == {"[PERSON-1]"}


def test_keep_raw_stores_the_raw_text_only_encrypted(tmp_path, monkeypatch):
    monkeypatch.setenv("INBEELD_RAW_KEY", Fernet.generate_key().decode())
    path = write(tmp_path / "a.jsonl", conversation("c-1", "ik ben Sanne"))
    import_conversations(path, encrypt_raw=raw_cipher().encrypt)
    token = bytes(models.Conversation.objects.get(external_id="c-1").raw_encrypted)
    assert b"Sanne" not in token
    assert "ik ben Sanne" in decrypt_raw(token).decode()


def test_keep_raw_refuses_to_start_without_a_key(monkeypatch):
    monkeypatch.delenv("INBEELD_RAW_KEY", raising=False)
    with pytest.raises(ConfigError, match="INBEELD_RAW_KEY"):
        raw_cipher()
    monkeypatch.setenv("INBEELD_RAW_KEY", "not-a-key")
    with pytest.raises(ConfigError, match="not a Fernet key"):
        raw_cipher()


def test_stored_conversations_come_back_as_core_data(tmp_path):
    import_conversations(write(tmp_path / "a.jsonl", conversation("c-1", "eerste")))
    (back,) = stored_conversations()
    assert back.id == "c-1" and back.messages[0].text == "eerste" and back.year == 2021


def test_suggestions_are_stored_automatic_with_evidence_and_codebook_version(tmp_path):
    codebook = load_codebook()
    import_conversations(write(tmp_path / "a.jsonl", conversation("c-1")))
    coded = CodedConversation(
        id="c-1",
        codes={"minor": "yes", "locations": ["hotel"]},
        evidence={"minor": (EvidenceRef(0, 3, 9),)},
        confidence={"minor": 0.8},
    )
    assert save_suggestions([coded], codebook, source="rules-test") == 1
    minor = models.Coding.objects.get(variable="minor")
    assert minor.automatic and minor.value == "yes" and minor.confidence == 0.8
    assert minor.evidence == [{"message": 0, "start": 3, "end": 9}]
    assert minor.codebook_version == codebook.version
    assert models.Coding.objects.count() == len(codebook.names)


def test_invalid_suggestion_is_refused_and_nothing_is_stored(tmp_path):
    import_conversations(write(tmp_path / "a.jsonl", conversation("c-1")))
    bad = CodedConversation(id="c-1", codes={"minor": "ja"})
    with pytest.raises(InbeeldError, match="minor"):
        save_suggestions([bad], load_codebook(), source="x")
    assert models.Coding.objects.count() == 0


def test_monitor_records_prefer_a_human_code_over_any_later_suggestion(tmp_path):
    codebook = load_codebook()
    import_conversations(write(tmp_path / "a.jsonl", conversation("c-1"), conversation("c-2", year=2018)))
    save_suggestions([CodedConversation(id="c-1", codes={"minor": "no"})], codebook, source="rules")
    coder = models.Coder.objects.create(name="codeur-1")
    conv = models.Conversation.objects.get(external_id="c-1")
    models.Coding.objects.create(conversation=conv, variable="minor", value="yes", automatic=False,
                                 coder=coder, codebook_version=codebook.version)
    save_suggestions([CodedConversation(id="c-1", codes={"minor": "no"})], codebook, source="rules")
    (record,) = monitor_records(2019, 2024)  # c-2 (2018) is outside the period
    assert record.id == "c-1" and record.year == 2021
    assert record.codes["minor"] == "yes"
    assert record.reviewed == frozenset({"minor"})
