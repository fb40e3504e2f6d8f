"""Shared helpers and fixtures of the workbench tests (imported by the test_wb_* modules).

Named test_wb_* so that it lives among its tests; it holds no tests itself.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from inbeeld.codebook import load_codebook
from inbeeld.web.accounts.services import create_account
from inbeeld.web.permissions import SECOND_FACTOR_ROLES, Role
from inbeeld.web.store.models import Coding, Conversation, Message
from inbeeld.web.workbench.models import Assignment

PASSWORD = "fictief-wachtwoord-2024"
TEXTS = (
    "hoi ik weet niet of ik hier goed zit",
    "Hoi, fijn dat je er bent. Vertel maar.",
    "mijn vriend zegt dat ik met mannen mee moet en hij neemt het geld",
    "Dat klinkt heel vervelend. Hoe oud ben je?",
    "ik ben 15",
)
EVIDENCE = "met mannen mee"  # the evidence of the exploitation_type suggestion, in message 2
_START = TEXTS[2].index(EVIDENCE)


@pytest.fixture
def fast_hashing(settings):
    """Argon2 is slow on purpose; most tests only need accounts to exist."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, role: Role | str):
    return create_account(username, str(role), PASSWORD)


def sign_in(client, user) -> None:
    """Log in as if password and (for admin and researcher) the TOTP step had been passed."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if Role(user.profile.role) in SECOND_FACTOR_ROLES:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def make_conversation(external_id: str, *, texts=TEXTS, year: int = 2022, suggestions=None) -> Conversation:
    """A stored, de-identified conversation with automatic suggestions (evidence in message 2)."""
    conversation = Conversation.objects.create(
        external_id=external_id, started_at=datetime(year, 3, 14, 20, 5, tzinfo=UTC), year=year,
        content_hash="0" * 64, deidentified=True,
    )
    Message.objects.bulk_create(
        Message(conversation=conversation, index=i, role="chatter" if i % 2 == 0 else "counsellor", text=t)
        for i, t in enumerate(texts)
    )
    book = load_codebook()
    default = {
        "exploitation_type": (
            ["sexual"], 0.82, [{"message": 2, "start": _START, "end": _START + len(EVIDENCE)}]
        ),
        "minor": ("yes", 0.9, [{"message": 4, "start": 7, "end": 9}]),
        "perpetrator": (["partner_loverboy"], 0.7, [{"message": 2, "start": 0, "end": 11}]),
    }
    for variable, (value, confidence, evidence) in (suggestions or default).items():
        Coding.objects.create(
            conversation=conversation, variable=variable, value=value, evidence=evidence,
            automatic=True, source="rules", confidence=confidence, codebook_version=book.version,
        )
    return conversation


def assign(conversation: Conversation, user, double: bool = False) -> Assignment:
    return Assignment.objects.create(conversation=conversation, coder=user, double=double)


def drop_append_only_triggers() -> None:
    """What an attacker with database access could do; the chain must still tell."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")


def full_decisions(**overrides) -> dict[str, list[str]]:
    """POST data deciding every codebook variable (unknown / none unless overridden)."""
    data: dict[str, list[str]] = {}
    for variable in load_codebook().variables:
        if variable.multi:
            data[f"v-{variable.name}"] = []
        else:
            data[f"v-{variable.name}"] = ["" if variable.is_integer else "unknown"]
    for name, value in overrides.items():
        data[f"v-{name}"] = value if isinstance(value, list) else [value]
    return data
