"""Shared helpers of the tips web tests (imported by the test_tips_* modules); no tests here."""

from __future__ import annotations

import re

import pytest
from cryptography.fernet import Fernet
from django.urls import reverse

from inbeeld.web.permissions import Role

SEEN = "De buurman heeft steeds andere jonge meisjes over de vloer die er moe uitzien."
ABOUT = "Een man van ongeveer veertig, belt vanaf 06-12345678, op snap: kim_x22."
CONTACT = "fictieve melder, 06-98765432"
IP, FORWARDED, AGENT = "203.0.113.77", "198.51.100.23", "Mozilla/5.0 (TipsTestBrowser 9.9.9)"
DEVICE = {"REMOTE_ADDR": IP, "HTTP_X_FORWARDED_FOR": FORWARDED, "HTTP_USER_AGENT": AGENT}


@pytest.fixture
def tip_keys(monkeypatch):
    """A fresh master key per test; pepper and link key derived from it."""
    monkeypatch.setenv("INBEELD_TIPS_MASTER_KEY", Fernet.generate_key().decode())
    for name in ("INBEELD_TIPS_MASTER_KEY_FILE", "INBEELD_TIPS_PEPPER", "INBEELD_TIPS_LINK_KEY"):
        monkeypatch.delenv(name, raising=False)


def submit(client, **fields) -> str:
    """Send the public form; returns the receipt code shown on the page."""
    data = {"seen": SEEN, "where": "Kerkstraat, Utrecht", "when": "vorige week", "about": ABOUT} | fields
    response = client.post(reverse("tips:report"), data, **DEVICE)
    assert response.status_code == 200, response.status_code
    match = re.search(r'id="receipt-code"><strong>([\d ]{19})</strong>', response.content.decode())
    assert match, "no receipt code on the page"
    return match.group(1)


def open_thread(client, code: str):
    return client.post(reverse("tips:followup"), {"code": code}, **DEVICE)


def handler(username: str):
    from test_wb_support import make_user

    return make_user(username, Role.TIP_HANDLER)
