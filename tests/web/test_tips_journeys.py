"""The reporter's and the handler's journeys through the tips pages (Django test client)."""

import io
import zipfile

import pytest
from django.urls import reverse
from test_tips_support import ABOUT, CONTACT, DEVICE, SEEN, handler, open_thread, submit, tip_keys  # noqa: F401
from test_wb_support import fast_hashing, sign_in  # noqa: F401

from inbeeld.web.audit.models import AuditEntry
from inbeeld.web.audit.services import verify
from inbeeld.web.tips.models import Tip

pytestmark = pytest.mark.django_db


def test_reporter_sends_confirms_the_code_and_answers_a_question(client, tip_keys, fast_hashing):  # noqa: F811
    code = submit(client)
    # the confirmation step: a wrong code keeps the reporter on the receipt page with the code
    wrong = client.post(reverse("tips:saved"), {"shown": code, "typed": "1111 1111 1111 1111"}, **DEVICE)
    assert code in wrong.content.decode() and "komt niet overeen" in wrong.content.decode()
    done = client.post(reverse("tips:saved"), {"shown": code, "typed": code.replace(" ", "")}, **DEVICE)
    assert "Uw melding is ontvangen" in done.content.decode()

    tip = Tip.objects.get()
    staff = handler("behandelaar-1")
    staff_client = client_class_for(client)
    sign_in(staff_client, staff)
    staff_client.post(
        reverse("tips:detail", args=[tip.pk]),
        {"op": "entry", "kind": "question", "text": "Welke dag was het?"},
    )

    reporter = client_class_for(client)
    assert open_thread(reporter, code)["Location"] == reverse("tips:thread")
    page = reporter.get(reverse("tips:thread")).content.decode()
    assert "Welke dag was het?" in page
    reporter.post(reverse("tips:thread"), {"kind": "answer", "text": "Het was op een dinsdag."}, **DEVICE)
    detail = staff_client.get(reverse("tips:detail", args=[tip.pk])).content.decode()
    assert "Het was op een dinsdag." in detail
    # notes stay with the handlers
    staff_client.post(
        reverse("tips:detail", args=[tip.pk]), {"op": "entry", "kind": "note", "text": "interne notitie"}
    )
    assert "interne notitie" not in reporter.get(reverse("tips:thread")).content.decode()


def client_class_for(client):
    return type(client)()


def test_handler_links_changes_status_merges_and_hands_over(client, tip_keys, fast_hashing):  # noqa: F811
    submit(client)
    submit(client, seen="Ander verhaal over een advertentie.", about="Zelfde nummer: 06 1234 5678.")
    submit(client, seen="Niets gemeen.", about="", where="", when="")
    first, second, third = Tip.objects.order_by("pk")
    staff = handler("behandelaar-2")
    sign_in(client, staff)
    assert client.get(reverse("tips:queue")).status_code == 200

    # the phone number was found in the text: a suggestion until the handler confirms it
    page = client.get(reverse("tips:detail", args=[first.pk]))
    phones = [i for i in page.context["identifiers"] if i["kind"] == "phone"]
    assert phones and not phones[0]["confirmed"] and page.context["linked"] == {}
    for tip in (first, second):
        for ident in client.get(reverse("tips:detail", args=[tip.pk])).context["identifiers"]:
            if ident["kind"] == "phone":
                client.post(
                    reverse("tips:detail", args=[tip.pk]), {"op": "confirm", "identifier": ident["id"]}
                )
    linked = client.get(reverse("tips:detail", args=[first.pk])).context["linked"]
    assert linked == {second.pk: ["phone"]}

    # statuses: a step needs a reason and follows the order
    url = reverse("tips:detail", args=[first.pk])
    client.post(url, {"op": "status", "status": "handed_over", "reason": "meteen", "recipient": "police"})
    assert Tip.objects.get(pk=first.pk).status == "new"
    client.post(url, {"op": "status", "status": "investigating", "reason": "eerste contact", "recipient": ""})
    assert Tip.objects.get(pk=first.pk).status == "investigating"

    # merging a duplicate keeps its history and takes it out of the queue
    client.post(reverse("tips:detail", args=[third.pk]), {"op": "merge", "into": first.pk})
    third.refresh_from_db()
    assert third.merged_into_id == first.pk and third.entries.filter(kind="merge").exists()
    assert third.pk not in [r["tip"].pk for r in client.get(reverse("tips:queue")).context["rows"]]

    # the dossier: a PDF and a manifest of sha256 hashes, without the contact details
    client.post(url, {"op": "summary", "summary": "Twee meldingen over hetzelfde nummer."})
    response = client.post(reverse("tips:handover", args=[first.pk]), {"recipient": "police"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read("dossier.pdf").startswith(b"%PDF")
    import hashlib

    for line in archive.read("manifest.sha256").decode().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    assert f"parts/tip-{second.pk}-linked.json" in archive.namelist()
    handed = AuditEntry.objects.filter(action="tips.handover").get()
    assert handed.target["recipient"] == "police" and handed.username == "behandelaar-2"
    assert verify().ok


def test_contact_details_need_a_second_handler(client, tip_keys, fast_hashing):  # noqa: F811
    submit(client, contact=CONTACT)
    tip = Tip.objects.get()
    first, second = handler("behandelaar-a"), handler("behandelaar-b")
    sign_in(client, first)
    url = reverse("tips:handover", args=[tip.pk])
    response = client.post(url, {"recipient": "care", "include_contact": "on"})
    assert response.status_code == 302  # no dossier: an approval request instead
    request_id = client.get(reverse("tips:detail", args=[tip.pk])).context["requests"][0].pk
    client.post(reverse("tips:approve", args=[request_id]))  # the asker cannot approve
    assert AuditEntry.objects.filter(action="tips.contact_approve").count() == 0

    other = client_class_for(client)
    sign_in(other, second)
    other.post(reverse("tips:approve", args=[request_id]))
    assert AuditEntry.objects.filter(action="tips.contact_approve", username="behandelaar-b").count() == 1
    dossier = client.post(url, {"recipient": "care", "include_contact": "on"})
    parts = zipfile.ZipFile(io.BytesIO(dossier.content)).read(f"parts/tip-{tip.pk}.json").decode()
    assert CONTACT in parts
    # the approval was good for one dossier only
    again = client.post(url, {"recipient": "care", "include_contact": "on"})
    assert again.status_code == 302
    assert AuditEntry.objects.filter(action="tips.handover").get().target["contact"] is True


def test_the_reporter_sees_no_handler_names_or_notes(client, tip_keys, fast_hashing):  # noqa: F811
    code = submit(client)
    staff = client_class_for(client)
    sign_in(staff, handler("behandelaar-geheim"))
    tip = Tip.objects.get()
    staff.post(
        reverse("tips:detail", args=[tip.pk]), {"op": "entry", "kind": "question", "text": "Nog iets gezien?"}
    )
    open_thread(client, code)
    page = client.get(reverse("tips:thread")).content.decode()
    assert "Nog iets gezien?" in page and "behandelaar-geheim" not in page
    assert SEEN not in page and ABOUT not in page  # the thread shows no earlier tip text either


def test_tip_pages_are_never_cached(client, tip_keys, fast_hashing):  # noqa: F811
    response = client.post(reverse("tips:report"), {"seen": SEEN})
    assert "no-store" in response["Cache-Control"]  # the receipt code must not stay in a cache
    assert "no-store" in client.get(reverse("tips:followup"))["Cache-Control"]


def test_a_destroyed_tip_is_gone_for_handlers_too(client, tip_keys, fast_hashing):  # noqa: F811
    from datetime import timedelta

    from django.utils import timezone

    from inbeeld.web.tips import services

    submit(client)
    tip = Tip.objects.get()
    staff = handler("behandelaar-d")
    services.change_status(tip, "closed", "afgerond", by=staff)
    services.purge(months=1, now=timezone.now() + timedelta(days=60))
    sign_in(client, staff)
    assert client.get(reverse("tips:detail", args=[tip.pk])).status_code == 404
    assert client.get(reverse("tips:queue")).context["rows"] == []


def test_decoy_log_keeps_responders_as_hashes_only(client, tip_keys, fast_hashing):  # noqa: F811
    from inbeeld.web.tips.models import DecoyResponse

    sign_in(client, handler("behandelaar-l"))
    url = reverse("tips:decoy")
    for responder, continued in (("06-11122233", "on"), ("+31 6 1112 2233", ""), ("@kees_99", "on")):
        kind = "handle" if responder.startswith("@") else "phone"
        client.post(url, {"year": 2025, "kind": kind, "responder": responder, "continued": continued})
    (year,) = client.get(url).context["summary"]
    assert (year.responses, year.responders, year.continued) == (3, 2, 2)
    stored = " ".join(DecoyResponse.objects.values_list("responder", flat=True))
    assert "11122233" not in stored and "kees" not in stored


def test_a_reporter_message_on_a_merged_tip_reaches_the_live_tip(client, tip_keys, fast_hashing):  # noqa: F811
    code = submit(client)
    submit(client)
    duplicate, live = Tip.objects.order_by("pk")
    staff = client_class_for(client)
    sign_in(staff, handler("behandelaar-m"))
    staff.post(reverse("tips:detail", args=[duplicate.pk]), {"op": "merge", "into": live.pk})
    open_thread(client, code)
    client.post(reverse("tips:thread"), {"kind": "info", "text": "Er is nu ook een tweede auto."})
    page = staff.get(reverse("tips:detail", args=[live.pk]))
    assert any("Er is nu ook een tweede auto." in e.text for e in page.context["entries"])
    assert AuditEntry.objects.filter(
        action="tips.view", target__tip=live.pk, username="behandelaar-m"
    ).exists()


def test_the_queue_shows_which_reporters_wrote_last(client, tip_keys, fast_hashing):  # noqa: F811
    code = submit(client)
    staff = client_class_for(client)
    sign_in(staff, handler("behandelaar-q"))
    tip = Tip.objects.get()

    def waiting():
        return [r["waiting"] for r in staff.get(reverse("tips:queue")).context["rows"]]

    assert waiting() == [False]
    open_thread(client, code)
    client.post(reverse("tips:thread"), {"kind": "info", "text": "Nog een detail."})
    assert waiting() == [True]
    staff.post(reverse("tips:detail", args=[tip.pk]), {"op": "entry", "kind": "note", "text": "gelezen"})
    assert waiting() == [True]  # a note is no reaction to the reporter
    staff.post(
        reverse("tips:detail", args=[tip.pk]), {"op": "entry", "kind": "question", "text": "Welk detail?"}
    )
    assert waiting() == [False]


def test_an_identifier_typed_and_also_in_the_text_is_stored_once_as_confirmed(client, tip_keys, fast_hashing):  # noqa: F811
    # typed in the structured field as 06-12345678 and written in the text as +31 6 1234 5678
    submit(client, about="Hij belt vanaf +31 6 1234 5678.", phones="06-12345678\n06-12345678")
    tip = Tip.objects.get()
    phones = [i for i in tip.identifiers.all() if i.kind == "phone"]
    assert len(phones) == 1 and phones[0].confirmed
    assert b"12345678" not in bytes(phones[0].value)  # encrypted with the tip's key
