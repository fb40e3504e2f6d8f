"""The public tips pages in a real browser: send a tip, confirm the receipt code, come back
with it and answer the handler's question."""

import os
import re
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from test_wb_browser import pass_second_factor, sign_in
from test_wb_support import make_user

from inbeeld.web.permissions import Role
from inbeeld.web.tips import services
from inbeeld.web.tips.models import Tip

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tip_keys(monkeypatch):
    monkeypatch.setenv("INBEELD_TIPS_MASTER_KEY", Fernet.generate_key().decode())
    for name in ("INBEELD_TIPS_MASTER_KEY_FILE", "INBEELD_TIPS_PEPPER", "INBEELD_TIPS_LINK_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert os.environ["INBEELD_TIPS_MASTER_KEY"]


def test_reporter_sends_a_tip_and_answers_a_question_anonymously(page, live_server, tip_keys):
    base = live_server.url
    page.goto(f"{base}/tips/melden/")
    page.fill("#id_seen", "Bij de buren komen steeds andere jonge meisjes die er moe uitzien.")
    page.fill("#id_where", "Utrecht")
    page.fill("#id_phones", "06-12345678")
    page.click("button[type=submit]:has-text('Melding versturen')")
    code = page.inner_text("#receipt-code").strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    page.fill("#id_typed", "0000 0000 0000 0000")
    page.click("button[type=submit]:has-text('Ik heb de code bewaard')")
    assert page.inner_text("#receipt-code").strip() == code  # a wrong copy shows the code again
    page.fill("#id_typed", code)
    page.click("button[type=submit]:has-text('Ik heb de code bewaard')")
    assert "Uw melding is ontvangen" in page.inner_text("main")

    tip = Tip.objects.get()
    services.handler_entry(
        tip, "question", "Op welke dagen zag u dit?", by=make_user("behandelaar", Role.TIP_HANDLER)
    )

    page.goto(f"{base}/tips/terugkomen/")
    page.fill("#id_code", code.replace(" ", ""))
    page.click("button[type=submit]:has-text('Openen')")
    assert "Op welke dagen zag u dit?" in page.inner_text("main")
    page.select_option("#id_kind", "answer")
    page.fill("#id_text", "Meestal op vrijdag.")
    page.click("button[type=submit]:has-text('Versturen')")
    assert "Meestal op vrijdag." in page.inner_text("main")
    assert [e.text for e in services.timeline(tip) if e.kind == "answer"] == ["Meestal op vrijdag."]


def test_handler_signs_in_confirms_an_identifier_and_sees_the_linked_tip(page, live_server, tip_keys):
    base = live_server.url
    make_user("behandelaar", Role.TIP_HANDLER)
    first, _ = services.receive({"seen": "Advertentie met nummer 06-12345678.", "phones": "06-12345678"})
    second, _ = services.receive({"seen": "Zij belde met 06 1234 5678 over werk.", "about": "een meisje"})
    sign_in(page, base, "behandelaar")
    pass_second_factor(page)
    assert page.url.endswith("/tips/behandelen/")  # the handler's home is the queue
    page.click(f"a[href='/tips/behandelen/{second.pk}/']")
    assert "Geen." in page.inner_text(".tip-linked")  # found in the text, not yet confirmed
    page.click("button:has-text('Bevestigen')")
    assert f"Melding {first.pk}" in page.inner_text(".tip-linked")
    page.fill("#entry_text", "Kunt u de advertentie beschrijven?")
    page.click("button:has-text('Opslaan') >> nth=0")
    assert "Kunt u de advertentie beschrijven?" in page.inner_text(".tip-timeline")
