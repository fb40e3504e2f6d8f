"""CSRF on every form, escaped text, lockout, hashed passwords, refusing to serve openly."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from test_wb_support import (  # noqa: F401
    PASSWORD,
    assign,
    fast_hashing,
    full_decisions,
    make_conversation,
    make_user,
    sign_in,
)
from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.commands.web import is_loopback
from inbeeld.web.permissions import Role
from inbeeld.web.store.models import Coding

pytestmark = pytest.mark.django_db

POST_FORM = re.compile(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)


def test_saving_codes_without_the_csrf_token_is_refused(fast_hashing):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    user = make_user("coder-csrf", Role.CODER)
    assign(make_conversation("s-1"), user)
    sign_in(client, user)
    url = reverse("workbench:code", args=["s-1"])
    assert client.post(url, full_decisions(minor="yes")).status_code == 403
    assert not Coding.objects.filter(automatic=False).exists()
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(url, {**full_decisions(minor="yes"), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Coding.objects.filter(automatic=False, variable="minor", value="yes").exists()


@pytest.mark.parametrize("role, names", [
    (Role.CODER, ["workbench:queue", "workbench:code"]),
    (Role.RESEARCHER, ["workbench:assign", "workbench:export", "workbench:code", "dashboard:index"]),
    (Role.ADMIN, ["accounts:users", "audit:log"]),
    (None, ["accounts:login"]),
], ids=str)
def test_every_post_form_on_every_page_carries_a_csrf_token(client, role, names, fast_hashing):  # noqa: F811
    conversation = make_conversation("s-2")
    if role:
        user = make_user(f"u-{role}", role)
        assign(conversation, user)
        sign_in(client, user)
    for name in names:
        kwargs = {"external_id": "s-2"} if name == "workbench:code" else {}
        page = client.get(reverse(name, kwargs=kwargs)).content.decode()
        forms = POST_FORM.findall(page)
        assert forms, name
        assert all("csrfmiddlewaretoken" in form for form in forms), name


def test_a_message_holding_a_script_tag_renders_as_text(client, fast_hashing):  # noqa: F811
    user = make_user("coder-xss", Role.CODER)
    texts = ("hoi", "<script>alert('x')</script> en <b>vet</b>", "ik ben 15")
    assign(make_conversation("s-3", texts=texts), user)
    sign_in(client, user)
    page = client.get(reverse("workbench:code", args=["s-3"])).content.decode()
    assert "<script>alert" not in page and "<b>vet</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_a_conversation_id_with_markup_is_escaped_too(client, fast_hashing):  # noqa: F811
    user = make_user("coder-id", Role.CODER)
    assign(make_conversation('x"><img src=x onerror=alert(1)>'), user)
    sign_in(client, user)
    page = client.get(reverse("workbench:queue")).content.decode()
    assert "<img src=x" not in page


def test_repeated_failed_logins_lock_the_account_even_for_the_right_password(fast_hashing):  # noqa: F811
    make_user("coder-lock", Role.CODER)
    client = Client()
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "coder-lock", "password": "fout"})
        assert response.status_code == 200  # the form again, with an error
    assert client.post(url, {"username": "coder-lock", "password": "fout"}).status_code == 429
    response = client.post(url, {"username": "coder-lock", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_password_signs_in_before_any_lockout(fast_hashing):  # noqa: F811
    make_user("coder-ok", Role.CODER)
    client = Client()
    client.post(reverse("accounts:login"), {"username": "coder-ok", "password": "fout"})
    response = client.post(reverse("accounts:login"), {"username": "coder-ok", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_passwords_are_stored_as_argon2_hashes():
    user = make_user("coder-argon", Role.CODER)
    stored = get_user_model().objects.get(pk=user.pk).password
    assert stored.startswith("argon2$") and PASSWORD not in stored


def test_session_and_csrf_cookies_are_http_only_and_same_site_strict():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Strict"
    assert settings.X_FRAME_OPTIONS == "DENY"


def test_pages_are_sent_with_no_framing_and_no_sniffing(client, fast_hashing):  # noqa: F811
    response = client.get(reverse("accounts:login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.5", True),
    ("0.0.0.0", False), ("192.168.1.10", False), ("example.org", False),
])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_refuses_a_non_loopback_host_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("INBEELD_SECRET_KEY", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8765"])
    assert result.exit_code != 0
    assert "INBEELD_SECRET_KEY" in str(result.exception)


def test_createuser_reads_the_password_from_stdin(fast_hashing):  # noqa: F811
    result = CliRunner().invoke(
        app, ["createuser", "nieuwe-codeur", "--role", "coder", "--password-stdin"],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    user = get_user_model().objects.get(username="nieuwe-codeur")
    assert user.profile.role == "coder" and user.check_password(PASSWORD)


def test_createuser_refuses_an_unknown_role(fast_hashing):  # noqa: F811
    result = CliRunner().invoke(
        app, ["createuser", "iemand", "--role", "superuser", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert result.exit_code != 0
    assert "superuser" in str(result.exception) and not get_user_model().objects.filter(
        username="iemand").exists()


def test_an_admin_unlocks_a_locked_account_and_it_is_audited(client, fast_hashing):  # noqa: F811
    from inbeeld.web.audit.models import AuditEntry

    locked = make_user("coder-locked", Role.CODER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("accounts:login"), {"username": "coder-locked", "password": "fout"})
    sign_in(client, make_user("admin-1", Role.ADMIN))
    client.post(reverse("accounts:users"), {"account": locked.pk, "operation": "unlock"})
    response = Client().post(reverse("accounts:login"), {"username": "coder-locked", "password": PASSWORD})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="account.unlock", target={"account": locked.pk}).exists()


def test_a_deactivated_account_cannot_sign_in(client, fast_hashing):  # noqa: F811
    user = make_user("coder-gone", Role.CODER)
    sign_in(client, make_user("admin-2", Role.ADMIN))
    client.post(reverse("accounts:users"), {"account": user.pk, "operation": "deactivate"})
    visitor = Client()
    response = visitor.post(reverse("accounts:login"), {"username": "coder-gone", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in visitor.session


@pytest.mark.parametrize("password", ["kort", "123456789012345", "coder-weak-1"])
def test_weak_passwords_are_refused(password, fast_hashing):  # noqa: F811
    from inbeeld.web.accounts.services import AccountError, create_account

    with pytest.raises(AccountError, match="password refused"):
        create_account("coder-weak", "coder", password)
