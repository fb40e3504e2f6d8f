"""What must never happen with tips: device traces stored or logged, plaintext in the database,
unlimited receipt guessing, other roles reading tips, a destroyed tip read back."""

import logging
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from test_tips_support import (  # noqa: F401
    ABOUT,
    AGENT,
    CONTACT,
    DEVICE,
    FORWARDED,
    IP,
    SEEN,
    handler,
    open_thread,
    submit,
    tip_keys,
)
from test_wb_support import fast_hashing, make_user, sign_in  # noqa: F401

from inbeeld.tips import TipsError
from inbeeld.web.audit.models import AuditEntry
from inbeeld.web.permissions import Role
from inbeeld.web.tips import services
from inbeeld.web.tips.models import Entry, Tip

pytestmark = pytest.mark.django_db


def dump_database() -> str:
    """Every row of every table as text (bytes both decoded and as hex)."""
    out = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, (bytes, memoryview)):
                        value = bytes(value)
                        out.append(value.decode("latin-1"))
                        out.append(value.hex())
                    else:
                        out.append(str(value))
    return "\n".join(out)


def full_journey(client) -> str:
    code = submit(client, contact=CONTACT, phones="06-12345678", handles="kim_x22")
    client.post(reverse("tips:saved"), {"shown": code, "typed": code}, **DEVICE)
    open_thread(client, code)
    client.post(
        reverse("tips:thread"),
        {"kind": "info", "text": "Er komt ook een auto met kenteken 12-ABC-3."},
        **DEVICE,
    )
    client.get(reverse("tips:thread"), **DEVICE)
    return code


def test_no_device_trace_in_the_database_or_the_logs(client, tip_keys, fast_hashing, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG)
    code = full_journey(client)
    client.post(reverse("tips:followup"), {"code": "0000 0000 0000 0000"}, **DEVICE)  # a miss too
    dump = dump_database()
    logs = caplog.text + "\n".join(str(r.__dict__) for r in caplog.records)
    for trace in (IP, FORWARDED, AGENT, "TipsTestBrowser"):
        assert trace not in dump
        assert trace not in logs
    assert code.replace(" ", "") not in dump and code not in dump  # nor the receipt code
    assert Tip.objects.count() == 1  # the journey did happen


def test_the_database_holds_no_tip_plaintext(client, tip_keys, fast_hashing):  # noqa: F811
    full_journey(client)
    sign_in(client, handler("behandelaar-x"))
    tip = Tip.objects.get()
    client.post(
        reverse("tips:detail", args=[tip.pk]), {"op": "entry", "kind": "note", "text": "notitie over de zaak"}
    )
    client.post(
        reverse("tips:detail", args=[tip.pk]), {"op": "summary", "summary": "samenvatting van de zaak"}
    )
    dump = dump_database().lower()
    for secret in (
        SEEN,
        ABOUT,
        CONTACT,
        "kerkstraat",
        "12-abc-3",
        "12abc3",
        "kim_x22",
        "0612345678",
        "+31612345678",
        "notitie over de zaak",
        "samenvatting van de zaak",
        "dinsdag",
        "auto met kenteken",
    ):
        assert secret.lower() not in dump, secret
    assert (
        "kim_x22" in client.get(reverse("tips:detail", args=[tip.pk])).content.decode()
    )  # readable with the key


def test_receipt_guessing_is_slowed_and_then_locked(client, tip_keys, monkeypatch, fast_hashing):  # noqa: F811
    monkeypatch.setenv("INBEELD_TIPS_GUESS_SLOW_AFTER", "3")
    monkeypatch.setenv("INBEELD_TIPS_GUESS_LOCK_AFTER", "6")
    waits = []
    monkeypatch.setattr("inbeeld.web.tips.views.time.sleep", waits.append)
    code = submit(client)
    for i in range(6):
        response = client.post(reverse("tips:followup"), {"code": f"{i:016d}"})
        assert response.status_code == 200
    assert waits[:3] == [0.0, 0.0, 0.0] and 0 < waits[3] < waits[4] < waits[5]
    # locked: even the right code is refused now, for everyone (no per-address counting)
    locked = client.post(reverse("tips:followup"), {"code": code})
    assert locked.status_code == 429 and "tips_reporter" not in client.session


def test_the_lock_lifts_in_the_next_window(client, tip_keys, monkeypatch, fast_hashing):  # noqa: F811
    monkeypatch.setenv("INBEELD_TIPS_GUESS_LOCK_AFTER", "2")
    monkeypatch.setattr("inbeeld.web.tips.views.time.sleep", lambda s: None)
    code = submit(client)
    for i in range(2):
        client.post(reverse("tips:followup"), {"code": f"{i:016d}"})
    assert client.post(reverse("tips:followup"), {"code": code}).status_code == 429
    later = timezone.now() + timedelta(seconds=services.GUESS_WINDOW)
    monkeypatch.setattr("inbeeld.web.tips.services.timezone.now", lambda: later)
    assert client.post(reverse("tips:followup"), {"code": code})["Location"] == reverse("tips:thread")


def test_submissions_are_capped_per_hour(client, tip_keys, monkeypatch, fast_hashing):  # noqa: F811
    monkeypatch.setenv("INBEELD_TIPS_MAX_PER_HOUR", "2")
    submit(client)
    submit(client)
    response = client.post(reverse("tips:report"), {"seen": SEEN})
    assert response.status_code == 429 and Tip.objects.count() == 2


HANDLER_PAGES = [
    ("tips:queue", {}),
    ("tips:decoy", {}),
    ("tips:detail", {"tip_id": 1}),
    ("tips:handover", {"tip_id": 1}),
    ("tips:approve", {"request_id": 1}),
]


@pytest.mark.parametrize("role", [None, Role.CODER, Role.RESEARCHER, Role.ADMIN], ids=str)
def test_tips_pages_refuse_everyone_but_tip_handlers(client, tip_keys, role, fast_hashing):  # noqa: F811
    submit(client)
    if role is not None:
        sign_in(client, make_user(f"user-{role}", role))
    for name, kwargs in HANDLER_PAGES:
        for method in ("get", "post"):
            response = getattr(client, method)(reverse(name, kwargs=kwargs))
            if role is None:
                assert response.status_code == 302 and "/account/login/" in response["Location"], name
            else:
                assert response.status_code == 403, (name, role)
    # the public form and the receipt page stay open
    assert client.get(reverse("tips:report")).status_code == 200
    assert client.get(reverse("tips:followup")).status_code == 200


def test_a_tip_handler_needs_the_second_factor(client, tip_keys, fast_hashing):  # noqa: F811
    client.force_login(handler("behandelaar-z"), backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("tips:queue"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:second_factor")


def test_a_destroyed_tip_cannot_be_read_even_with_the_master_key(client, tip_keys, fast_hashing):  # noqa: F811
    code = full_journey(client)
    tip = Tip.objects.get()
    old_content, old_bodies = (
        bytes(tip.content),
        [bytes(e.body) for e in Entry.objects.all() if bytes(e.body)],
    )
    services.change_status(tip, "closed", "niets te doen", by=handler("behandelaar-p"))
    assert services.purge(months=12) == []  # not yet old enough
    destroyed = services.purge(months=12, now=timezone.now() + timedelta(days=367))
    assert destroyed == [tip.pk]
    tip.refresh_from_db()
    k = services.keys()
    # no key left in the database opens what the tip was
    for wrapped in Tip.objects.values_list("wrapped_key", flat=True):
        for token in (old_content, *old_bodies):
            with pytest.raises(TipsError):
                k.decrypt(wrapped, token)
    assert bytes(tip.content) == b"" and tip.destroyed_at is not None
    assert AuditEntry.objects.filter(action="tips.destroy", target__tip=tip.pk).exists()
    # the receipt code no longer opens anything, and an open thread closes
    assert client.get(reverse("tips:thread"))["Location"] == reverse("tips:followup")
    fresh = type(client)()
    assert open_thread(fresh, code).status_code == 200 and "tips_reporter" not in fresh.session


def test_the_purge_command_destroys_old_closed_tips(client, tip_keys, fast_hashing, monkeypatch):  # noqa: F811
    from typer.testing import CliRunner

    from inbeeld.cli import app

    submit(client)
    submit(client)
    old, young = Tip.objects.order_by("pk")
    Tip.objects.filter(pk=old.pk).update(status="closed", closed_at=timezone.now() - timedelta(days=400))
    Tip.objects.filter(pk=young.pk).update(status="closed", closed_at=timezone.now() - timedelta(days=30))
    result = CliRunner().invoke(app, ["tips", "purge"])
    assert result.exit_code == 0, result.output
    assert f"destroyed 1 closed tip(s): {old.pk}" in result.output
    assert Tip.objects.get(pk=old.pk).destroyed_at is not None
    assert Tip.objects.get(pk=young.pk).destroyed_at is None
    monkeypatch.setenv("INBEELD_TIPS_RETENTION_MONTHS", "1")
    assert f": {young.pk}" in CliRunner().invoke(app, ["tips", "purge"]).output


def test_the_stats_command_suppresses_small_cells(client, tip_keys, fast_hashing):  # noqa: F811
    from typer.testing import CliRunner

    from inbeeld.cli import app

    submit(client)
    submit(client)
    result = CliRunner().invoke(app, ["tips", "stats", "--threshold", "3"])
    assert result.exit_code == 0, result.output
    year_row = next(line for line in result.output.splitlines() if str(timezone.now().year) in line)
    assert "x" in year_row and " 2 " not in year_row  # two new tips: below the threshold
    shown = CliRunner().invoke(app, ["tips", "stats", "--threshold", "1"]).output
    assert " 2 " in next(line for line in shown.splitlines() if str(timezone.now().year) in line)
