"""The tips pages in English: Dutch stays the default, English is chosen with the language switch
(the `set_language` view, as in the menu) or asked for by the browser (Accept-Language)."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from test_tips_support import DEVICE, handler, open_thread, submit, tip_keys  # noqa: F401
from test_wb_support import fast_hashing, sign_in  # noqa: F401

from inbeeld.web.tips import handover, services
from inbeeld.web.tips.models import Tip

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def choose(client, language: str) -> None:
    client.post(reverse("set_language"), {"language": language, "next": reverse("tips:report")})


def nav_of(page: str) -> str:
    found = re.search(r"<nav aria-label=[^>]*>.*?</nav>", page, flags=re.S)
    assert found, "no main menu on the page"
    return found.group(0)


def test_dutch_is_the_default_of_the_public_form(client):
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"}):  # none, or one we do not have
        page = text_of(client.get(reverse("tips:report"), **headers))
        assert 'lang="nl"' in page
        for dutch in ("Een vermoeden melden", "Wat heeft u gezien of gehoord?", "Melding versturen"):
            assert dutch in page
        for english in ("Report a suspicion", "What did you see or hear?", "Send tip"):
            assert english not in page


def test_the_public_form_is_in_english_when_english_is_chosen(client):
    choose(client, "en")
    page = text_of(client.get(reverse("tips:report")))
    assert 'lang="en"' in page
    for english in (
        "Report a suspicion",
        "What did you see or hear?",
        "Your contact details (optional)",
        "Leave this empty to stay anonymous.",
        "one per line",
        "Send tip",
        "Come back with your receipt code",
    ):
        assert english in page, english
    for dutch in (
        "Een vermoeden melden",
        "Wat heeft u gezien of gehoord?",
        "één per regel",
        "Melding versturen",
    ):
        assert dutch not in page, dutch
    # a browser that asks for English gets it without the switch
    asked = text_of(type(client)().get(reverse("tips:report"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8"))
    assert "Report a suspicion" in asked and "Een vermoeden melden" not in asked


def test_receipt_and_follow_up_pages_are_in_english(client, tip_keys):  # noqa: F811
    choose(client, "en")
    response = client.post(
        reverse("tips:report"), {"seen": "Een fictieve melding.", "where": "Utrecht"}, **DEVICE
    )
    receipt = text_of(response)
    code = re.search(r'id="receipt-code"><strong>([\d ]{19})</strong>', receipt).group(1)
    for english in ("Thank you for your tip", "This is your receipt code.", "Type your receipt code again"):
        assert english in receipt, english
    assert "I have saved the code" in receipt
    for dutch in ("Dank u voor uw melding", "Typ uw ontvangstcode over", "Ik heb de code bewaard"):
        assert dutch not in receipt, dutch

    wrong = text_of(client.post(reverse("tips:saved"), {"shown": code, "typed": "1111 1111 1111 1111"}))
    assert "This code does not match." in wrong and "komt niet overeen" not in wrong
    done = text_of(client.post(reverse("tips:saved"), {"shown": code, "typed": code}))
    assert "Your tip has been received" in done and "Uw melding is ontvangen" not in done

    followup = text_of(client.get(reverse("tips:followup")))
    assert "Come back to your tip" in followup and "Your receipt code (16 digits)" in followup
    assert "Terugkomen op uw melding" not in followup
    unknown = text_of(client.post(reverse("tips:followup"), {"code": "1234 5678 1234 5678"}))
    assert "We do not know this code." in unknown and "Deze code kennen wij niet." not in unknown

    tip = Tip.objects.get()
    services.handler_entry(tip, "question", "Welke kleur had de auto?", by=handler("behandelaar-en"))
    assert open_thread(client, code)["Location"] == reverse("tips:thread")
    thread = text_of(client.get(reverse("tips:thread")))
    for english in ("Your tip", "Our question", "Kind of message", "Answer to a question", "Send"):
        assert english in thread, english
    for dutch in ("Vraag van ons", "Soort bericht", "Antwoord op een vraag", "Versturen"):
        assert dutch not in thread, dutch
    assert "Welke kleur had de auto?" in thread  # what people wrote is never translated

    sent = client.post(reverse("tips:thread"), {"kind": "answer", "text": "Rood."}, follow=True)
    assert "Thank you, your message has been received." in text_of(sent)


def test_the_handler_sees_tips_in_english_and_meldingen_in_dutch(client, tip_keys, fast_hashing):  # noqa: F811
    submit(client, phones="06-23456789")
    submit(client, phones="06-23456789")
    first, second = Tip.objects.order_by("pk")
    staff = type(client)()
    sign_in(staff, handler("behandelaar-taal"))

    dutch = text_of(staff.get(reverse("tips:queue")))
    assert ">Meldingen</a>" in nav_of(dutch) and "<h1>Meldingen</h1>" in dutch
    assert "<td>nieuw</td>" in dutch and "<td>new</td>" not in dutch  # status labels, not codes

    choose(staff, "en")
    queue = text_of(staff.get(reverse("tips:queue")))
    nav = nav_of(queue)
    assert f'<a href="{reverse("tips:queue")}">Tips</a>' in nav and "Meldingen" not in nav
    assert "<h1>Tips</h1>" in queue and "Responses to decoy adverts" in queue
    assert "<td>new</td>" in queue and "under investigation" in queue  # the status filter
    for dutch in ("Meldingen", "Ontvangen", "in onderzoek", "Reacties op lokadvertenties"):
        assert dutch not in queue, dutch

    detail = text_of(staff.get(reverse("tips:detail", args=[second.pk])))
    for english in (f"Tip {second.pk}", "(new)", "Linked tips", "Timeline", "Change status", "Handover"):
        assert english in detail, english
    labels = re.findall(r'<text class="edge-label"[^>]*>([^<]*)</text>', detail)
    assert labels == ["phone"]  # the graph's edges name the kind in English too
    for dutch in (f"Melding {first.pk}", "Gekoppelde meldingen", "Tijdlijn", "Status wijzigen"):
        assert dutch not in detail, dutch


def test_the_dossier_stays_dutch_for_a_handler_who_reads_english(tip_keys, fast_hashing, monkeypatch):  # noqa: F811
    tip, _code = services.receive({"seen": "Een fictieve melding.", "phones": "06-23456789"})
    rendered = []
    original = handover.render_to_string
    monkeypatch.setattr(
        handover, "render_to_string", lambda *a, **k: rendered.append(original(*a, **k)) or rendered[-1]
    )
    with translation.override("en"):
        handover.build(tip, "police", by=handler("behandelaar-dossier"))
        assert translation.get_language() == "en"  # the handler's language is back afterwards
    (dossier,) = rendered
    assert "Aan: politie" in dossier and "telefoon: " in dossier
    assert "police" not in dossier and "phone" not in dossier
