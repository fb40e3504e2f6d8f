"""The workbench in a real browser: sign-in with TOTP, keyboard-only coding, evidence, dashboard."""

import base64
import os
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django_otp.oath import totp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from test_wb_support import EVIDENCE, PASSWORD, assign, make_conversation, make_user

from inbeeld.web.permissions import Role
from inbeeld.web.store.models import Coding, Conversation
from inbeeld.web.workbench.services import save_decisions

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("INBEELD_SCREENSHOTS", "/tmp/inbeeld-screens"))


def shot(page, name: str) -> None:
    """A full-page screenshot to look at (not compared: pages are judged by the assertions)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/account/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")


def pass_second_factor(page) -> None:
    """Read the enrolment secret from the page and type the current TOTP code, as an app would."""
    secret = page.inner_text("#otp-secret").strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("#id_token", f"{totp(key):06d}")
    page.click("button[type=submit].primary")


def test_researcher_signs_in_with_totp_codes_by_keyboard_and_sees_the_dashboard(page, live_server):
    base = live_server.url
    cache.clear()  # the dashboard's monitor of earlier tests in this process
    researcher = make_user("onderzoeker", Role.RESEARCHER)
    for i in range(24):
        make_conversation(f"b-{i:02d}", year=2021 + i % 2)
    texts = ("hoi", "Hoi, vertel maar.", "mijn vriend zegt dat ik met mannen mee moet en hij neemt het geld",
             "Hoe oud ben je?", "<script>document.title='x'</script> ik ben 15")
    conversation = make_conversation("b-kbd", texts=texts)
    assign(conversation, researcher)

    sign_in(page, base, "onderzoeker")
    page.wait_for_url("**/account/second-factor/")
    shot(page, "02-second-factor")
    pass_second_factor(page)
    page.wait_for_url("**/dashboard/")

    page.goto(f"{base}/coding/conversation/b-kbd/")
    assert page.title() != "x"  # the message's script tag stayed text
    page.locator("body").press("Escape")
    keys = page.keyboard
    keys.press("1")            # chatter_role: first value (victim)
    keys.press("j")            # victim_age
    keys.press("c")            # into its number field
    keys.type("15")
    keys.press("Enter")        # back out, on to minor
    keys.press("a")            # accept the suggestion (yes), on to victim_gender
    keys.press("1")            # female
    keys.press("j")            # exploitation_type: its evidence lights up
    marked = page.locator("mark.ev.on")
    assert marked.count() >= 1 and EVIDENCE in marked.first.inner_text()
    assert "exploitation_type" in marked.first.get_attribute("data-ev")
    shot(page, "03-coding-view")
    keys.press("2")            # also criminal (toggle)
    with page.expect_navigation():
        keys.press("n")        # save and next
    assert "b-kbd" not in page.url

    human = dict(Coding.objects.filter(conversation=conversation, automatic=False)
                 .values_list("variable", "value"))
    assert human["chatter_role"] == "victim" and human["victim_age"] == 15
    assert human["minor"] == "yes" and human["victim_gender"] == "female"
    assert sorted(human["exploitation_type"]) == ["criminal", "sexual"]

    page.goto(f"{base}/dashboard/")
    assert page.locator("#key-figures thead th").count() == 1 + 2 + 1  # label, 2021, 2022, period
    page.select_option("#table", index=1)
    with page.expect_navigation():
        page.click("#table-form button[type=submit]")
    assert "table=" in page.url and page.locator("#monitor-table").is_visible()
    assert "•" not in page.locator("#key-figures tr.total").inner_text()  # 12 and 13 a year
    shot(page, "04-dashboard")
    first, second = make_user("codeur-1", Role.CODER), make_user("codeur-2", Role.CODER)
    for i, (a, b) in enumerate([("yes", "yes"), ("yes", "no"), ("no", "no"), ("yes", "yes")]):
        external_id = f"b-double-{i}"
        make_conversation(external_id, suggestions={})
        for person, value in ((first, a), (second, b)):
            assign(Conversation.objects.get(external_id=external_id), person, double=True)
            save_decisions(person, external_id, {"minor": value})
    page.goto(f"{base}/coding/agreement/")
    assert page.locator("#disagreements tbody tr").count() == 1
    assert "b-double-1" in page.inner_text("#disagreements")
    shot(page, "05-agreement")


def test_coder_signs_in_without_totp_and_sees_only_their_work(page, live_server):
    base = live_server.url
    coder = make_user("codeur", Role.CODER)
    assign(make_conversation("b-mine"), coder)
    make_conversation("b-other")
    page.goto(f"{base}/account/login/")
    shot(page, "01-login")
    sign_in(page, base, "codeur")
    page.wait_for_url("**/coding/")
    assert page.locator("text=b-mine").count() == 1 and page.locator("text=b-other").count() == 0
    shot(page, "06-queue")
    response = page.goto(f"{base}/coding/conversation/b-other/")
    assert response.status == 404


def test_admin_sees_the_audit_log_in_english(page, live_server):
    base = live_server.url
    make_user("beheerder", Role.ADMIN)
    sign_in(page, base, "beheerder")
    page.wait_for_url("**/account/second-factor/")
    pass_second_factor(page)
    page.wait_for_url("**/account/users/")
    shot(page, "08-accounts")
    page.click("form.lang button[value=en]")
    page.goto(f"{base}/audit/?verify=1")
    assert page.locator("text=Chain intact").count() == 1
    shot(page, "07-audit-log-en")
