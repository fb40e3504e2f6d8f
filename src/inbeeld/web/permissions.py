"""Who may do what: one table of actions and roles, and the `@requires(action)` view decorator.

Every view declares one action. Anonymous visitors get the login page; a signed-in person
whose role lacks the action gets 403; admins and researchers must also have passed the
second factor (TOTP) before any action that is not about signing in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


class Role(StrEnum):
    ADMIN = "admin"
    RESEARCHER = "researcher"
    CODER = "coder"
    TIP_HANDLER = "tip_handler"  # the only role that sees tips from the public


ALL = frozenset(Role)
PUBLIC = "public"  # the one action anonymous visitors may take (login page, language, static)

ALLOWED: dict[str, frozenset[Role]] = {
    PUBLIC: ALL,
    "home": ALL,
    "account.second_factor": ALL,  # enrol or enter the TOTP code; checked before the second factor
    "account.logout": ALL,
    "account.manage_users": frozenset({Role.ADMIN}),
    "audit.view": frozenset({Role.ADMIN}),
    "workbench.queue": frozenset({Role.CODER, Role.RESEARCHER}),
    "workbench.code": frozenset({Role.CODER, Role.RESEARCHER}),
    "workbench.assign": frozenset({Role.RESEARCHER}),
    "workbench.agreement": frozenset({Role.RESEARCHER}),
    "workbench.consensus": frozenset({Role.RESEARCHER}),
    "workbench.export": frozenset({Role.RESEARCHER}),
    "dashboard.view": frozenset({Role.RESEARCHER}),
    "tips.handle": frozenset({Role.TIP_HANDLER}),
    "tips.handover": frozenset({Role.TIP_HANDLER}),
}

# Roles that must pass the second factor before anything beyond signing in.
SECOND_FACTOR_ROLES = frozenset({Role.ADMIN, Role.RESEARCHER, Role.TIP_HANDLER})
_SIGN_IN_ACTIONS = frozenset({PUBLIC, "account.second_factor", "account.logout"})


def role_of(user: Any) -> Role | None:
    """The role of a signed-in user, or None (anonymous, or an account without a role)."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "profile", None)
    try:
        return Role(profile.role) if profile is not None else None
    except ValueError:
        return None


def allowed(action: str, role: Role | None) -> bool:
    """True when the role may take the action (None = anonymous: only the public action)."""
    if action not in ALLOWED:
        raise KeyError(f"undeclared action {action!r}; declare it in web/permissions.py")
    if role is None:
        return action == PUBLIC
    return role in ALLOWED[action]


def needs_second_factor(user: Any, action: str) -> bool:
    role = role_of(user)
    if role not in SECOND_FACTOR_ROLES or action in _SIGN_IN_ACTIONS:
        return False
    verified = getattr(user, "is_verified", None)
    return not (verified and verified())


def requires(action: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Declare the action a view takes; refuse everyone whose role may not take it."""
    if action not in ALLOWED:
        raise KeyError(f"undeclared action {action!r}; declare it in web/permissions.py")

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if action != PUBLIC:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
                if not allowed(action, role_of(request.user)):
                    raise PermissionDenied(action)
                if needs_second_factor(request.user, action):
                    return redirect("accounts:second_factor")
            return view(request, *args, **kwargs)

        guarded.required_action = action  # read by the URLconf test and the role-matrix test
        return guarded

    return decorate


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context: the user's role and what the menu may offer them."""
    role = role_of(getattr(request, "user", None))
    verified = role is not None and not needs_second_factor(request.user, "home")
    return {
        "role": role.value if role else "",
        "can": {
            action.replace(".", "_"): verified and allowed(action, role)
            for action in ALLOWED
        },
    }
