"""Every view declares an action, and every view answers every role as permissions.py says."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from test_wb_support import assign, fast_hashing, make_conversation, make_user, sign_in  # noqa: F401

from inbeeld.web.permissions import ALLOWED, PUBLIC, Role, allowed, requires

pytestmark = pytest.mark.django_db


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern):
            yield f"{prefix}{entry.name}", entry.callback


# One request per named URL: (arguments, method). Adding a view without a row here fails below.
REQUESTS = {
    "home": ({}, "get"),
    "accounts:login": ({}, "get"),
    "accounts:logout": ({}, "post"),
    "accounts:second_factor": ({}, "get"),
    "accounts:users": ({}, "get"),
    "audit:log": ({}, "get"),
    "workbench:queue": ({}, "get"),
    "workbench:next": ({}, "get"),
    "workbench:assign": ({}, "get"),
    "workbench:agreement": ({}, "get"),
    "workbench:export": ({}, "get"),
    "workbench:code": ({"external_id": "p-1"}, "get"),
    "workbench:consensus": ({"external_id": "p-1"}, "get"),
    "dashboard:index": ({}, "get"),
    "set_language": ({}, "post"),
    "static": ({"path": "inbeeld/style.css"}, "get"),
    "tips:report": ({}, "get"),
    "tips:saved": ({}, "get"),
    "tips:followup": ({}, "get"),
    "tips:thread": ({}, "get"),
    "tips:leave": ({}, "get"),
    "tips:queue": ({}, "get"),
    "tips:detail": ({"tip_id": 1}, "get"),
    "tips:handover": ({"tip_id": 1}, "get"),
    "tips:approve": ({"request_id": 1}, "get"),
    "tips:decoy": ({}, "get"),
}


def test_every_view_in_the_urlconf_declares_a_known_action():
    views = dict(walk(get_resolver().url_patterns))
    undeclared = [name for name, view in views.items() if not hasattr(view, "required_action")]
    assert undeclared == []
    assert all(view.required_action in ALLOWED for view in views.values())


def test_the_role_matrix_covers_every_named_view():
    assert set(dict(walk(get_resolver().url_patterns))) == set(REQUESTS)


def test_an_undeclared_action_cannot_be_required():
    with pytest.raises(KeyError, match="declare it"):
        requires("workbench.delete_everything")


@pytest.mark.parametrize("role", [None, Role.CODER, Role.RESEARCHER, Role.ADMIN], ids=str)
def test_every_view_answers_every_role_as_declared(client, role, fast_hashing):  # noqa: F811
    conversation = make_conversation("p-1")
    if role is not None:
        user = make_user(f"user-{role}", role)
        assign(conversation, user)
        sign_in(client, user)
    views = dict(walk(get_resolver().url_patterns))
    for name, (kwargs, method) in REQUESTS.items():
        action = views[name].required_action
        response = getattr(client, method)(reverse(name, kwargs=kwargs))
        to_login = response.status_code == 302 and "/account/login/" in response["Location"]
        if name == "accounts:logout" and role is not None:
            # signing out is allowed to all: it ends the session (and lands on the login page)
            assert "_auth_user_id" not in client.session
            sign_in(client, user)
        elif allowed(action, role):
            assert response.status_code != 403 and not to_login, (name, role, response.status_code)
        elif role is None:
            assert to_login, (name, response.status_code)
        else:
            assert response.status_code == 403, (name, role, response.status_code)


def test_a_coder_cannot_open_a_conversation_not_assigned_to_them(client, fast_hashing):  # noqa: F811
    make_conversation("p-2")
    sign_in(client, make_user("coder-x", Role.CODER))
    assert client.get(reverse("workbench:code", args=["p-2"])).status_code == 404


def test_a_researcher_without_the_second_factor_is_sent_to_it(client, fast_hashing):  # noqa: F811
    user = make_user("res-x", Role.RESEARCHER)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:second_factor")


def test_a_coder_does_not_need_the_second_factor(client, fast_hashing):  # noqa: F811
    client.force_login(make_user("coder-y", Role.CODER), backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("workbench:queue")).status_code == 200


def test_only_the_public_action_is_open_to_anonymous_visitors():
    assert [a for a in ALLOWED if allowed(a, None)] == [PUBLIC]


def test_coders_cannot_assign_export_or_see_the_audit_log():
    for action in ("workbench.assign", "workbench.export", "audit.view", "dashboard.view"):
        assert not allowed(action, Role.CODER)


def test_admins_see_no_conversation_text():
    assert not allowed("workbench.code", Role.ADMIN)
    assert not allowed("workbench.consensus", Role.ADMIN)
