"""The audit log: entries for views, code changes and exports; no text; a tamper-evident chain."""

import json

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse
from test_wb_support import (  # noqa: F401
    TEXTS,
    assign,
    drop_append_only_triggers,
    fast_hashing,
    full_decisions,
    make_conversation,
    make_user,
    sign_in,
)
from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.web.audit.chain import GENESIS, ChainEntry, entry_digest, verify_entries
from inbeeld.web.audit.models import AuditEntry
from inbeeld.web.audit.services import record, verify
from inbeeld.web.permissions import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def coder(client, fast_hashing):  # noqa: F811
    user = make_user("coder-audit", Role.CODER)
    assign(make_conversation("a-1"), user)
    sign_in(client, user)
    return user


def actions():
    return list(AuditEntry.objects.order_by("seq").values_list("action", "target"))


def test_viewing_a_conversation_writes_an_entry_with_its_id_only(client, coder):
    client.get(reverse("workbench:code", args=["a-1"]))
    entry = AuditEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.target, entry.username) == ("conversation.view", {"conversation": "a-1"},
                                                            "coder-audit")


def test_saving_codes_writes_an_entry_naming_the_changed_variables(client, coder):
    client.post(reverse("workbench:code", args=["a-1"]), full_decisions(minor="yes"))
    change = [t for a, t in actions() if a == "code.change"]
    assert len(change) == 1
    assert change[0]["conversation"] == "a-1" and "minor" in change[0]["variables"]


def test_an_export_writes_an_entry_with_the_count(client, fast_hashing):  # noqa: F811
    sign_in(client, make_user("res-audit", Role.RESEARCHER))
    client.post(reverse("workbench:export"))
    assert ("export", {"count": 0, "format": "gold-jsonl"}) in actions()


def test_the_log_holds_no_conversation_text(client, coder):
    client.get(reverse("workbench:code", args=["a-1"]))
    client.post(reverse("workbench:code", args=["a-1"]), full_decisions(minor="yes"))
    dumped = json.dumps([list(row) for row in AuditEntry.objects.values_list()], default=str)
    assert all(text[:20] not in dumped for text in TEXTS)


def test_free_text_cannot_be_logged_under_a_new_key():
    with pytest.raises(ValueError, match="not allowed"):
        record(None, "conversation.view", note="iets persoonlijks")


def test_each_entry_links_to_the_one_before():
    first, second = record(None, "x.one"), record(None, "x.two")
    assert (first.seq, first.previous) == (1, GENESIS)  # each test starts from an empty log
    assert second.previous == first.digest and second.seq == first.seq + 1


def test_an_untouched_chain_verifies(client, coder):
    client.get(reverse("workbench:code", args=["a-1"]))
    record(None, "x.other", conversation="a-1")
    report = verify()
    assert report.ok and report.checked == AuditEntry.objects.count() >= 2


def test_the_database_refuses_to_change_an_entry():
    entry = record(None, "x.one", conversation="a-9")
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="x.other")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="deletion is refused by trigger on PostgreSQL")
def test_postgresql_refuses_to_delete_an_entry():
    entry = record(None, "x.one")
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_a_changed_entry_is_found_even_when_the_triggers_are_dropped():
    entries = [record(None, "conversation.view", conversation=f"a-{i}") for i in range(5)]
    drop_append_only_triggers()
    AuditEntry.objects.filter(pk=entries[2].pk).update(target={"conversation": "a-99"})
    report = verify()
    assert not report.ok and report.bad_seq == entries[2].seq


def test_a_removed_entry_is_found():
    entries = [record(None, "conversation.view", conversation=f"a-{i}") for i in range(5)]
    drop_append_only_triggers()
    AuditEntry.objects.filter(pk=entries[1].pk).delete()
    report = verify()
    assert not report.ok and report.bad_seq == entries[1].seq


def test_a_removed_last_entry_is_found_through_the_chain_head():
    entries = [record(None, "conversation.view", conversation=f"a-{i}") for i in range(3)]
    drop_append_only_triggers()
    AuditEntry.objects.filter(pk=entries[-1].pk).delete()
    assert not verify().ok


def test_a_recomputed_digest_still_breaks_the_next_link():
    entries = [record(None, "conversation.view", conversation=f"a-{i}") for i in range(3)]
    drop_append_only_triggers()
    row = entries[1]
    forged = entry_digest(row.seq, row.at.isoformat(timespec="microseconds"), None, "", "export",
                          row.target, row.previous)
    AuditEntry.objects.filter(pk=row.pk).update(action="export", digest=forged)
    report = verify()
    assert not report.ok and report.bad_seq in (row.seq, row.seq + 1)


def test_verify_entries_on_plain_data_names_the_first_bad_entry():
    chain, previous = [], GENESIS
    for seq in (1, 2, 3):
        digest = entry_digest(seq, "2026-01-01T00:00:00.000000+00:00", 1, "u", "a", {}, previous)
        chain.append(ChainEntry(seq, "2026-01-01T00:00:00.000000+00:00", 1, "u", "a", {}, previous, digest))
        previous = digest
    assert verify_entries(chain).ok
    changed = ChainEntry(**{**{f: getattr(chain[1], f) for f in ChainEntry.__slots__}, "username": "v"})
    bad = [chain[0], changed, chain[2]]
    report = verify_entries(bad)
    assert (report.ok, report.bad_seq, report.checked) == (False, 2, 1)


def test_audit_verify_command_exits_0_when_intact_and_1_naming_the_entry_when_not():
    entries = [record(None, "conversation.view", conversation=f"a-{i}") for i in range(3)]
    ok = CliRunner().invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "3 entries" in ok.output
    drop_append_only_triggers()
    AuditEntry.objects.filter(pk=entries[1].pk).update(username="iemand")
    broken = CliRunner().invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1 and f"entry {entries[1].seq}" in broken.output
