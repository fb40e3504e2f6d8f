"""Create accounts and handle the second factor; each change writes its audit entry."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from inbeeld.errors import InbeeldError
from inbeeld.web.accounts.models import Profile
from inbeeld.web.audit.services import record
from inbeeld.web.permissions import Role
from inbeeld.web.store.models import Coder


class AccountError(InbeeldError):
    """An account cannot be made as asked (name taken, weak password, unknown role)."""


def create_account(username: str, role: str, password: str, *, by: Any = None) -> Any:
    """Make a login with a role (and a Coder for people who code); the password is hashed."""
    try:
        role = Role(role)
    except ValueError:
        raise AccountError(f"role {role!r} not in [{', '.join(r.value for r in Role)}]") from None
    username = username.strip()
    if not username:
        raise AccountError("username is empty")
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise AccountError(f"username {username!r} is taken")
    candidate = user_model(username=username)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise AccountError("password refused: " + " ".join(exc.messages)) from None
    with transaction.atomic():
        user = user_model.objects.create_user(username=username, password=password)
        Profile.objects.create(user=user, role=role.value)
        if role in (Role.CODER, Role.RESEARCHER):
            coder, _ = Coder.objects.get_or_create(name=username)
            coder.user = user
            coder.save(update_fields=["user"])
        record(by, "account.create", account=user.pk, role=role.value)
    return user


def confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def enrolment_device(user: Any) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (made on first visit, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="inbeeld", confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed in."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


ACCOUNT_OPERATIONS = ("deactivate", "activate", "reset_second_factor", "unlock")


def change_account(account_id: int, operation: str, *, by: Any) -> None:
    """An admin's change to an account: (de)activate, drop its TOTP devices, or lift a lockout."""
    from axes.utils import reset

    if operation not in ACCOUNT_OPERATIONS:
        raise AccountError(f"operation {operation!r} not in [{', '.join(ACCOUNT_OPERATIONS)}]")
    user = get_user_model().objects.filter(pk=account_id).first()
    if user is None:
        raise AccountError(f"no account {account_id}")
    if operation == "deactivate" and user.pk == getattr(by, "pk", None):
        raise AccountError("an admin cannot deactivate their own account")
    with transaction.atomic():
        if operation in ("deactivate", "activate"):
            user.is_active = operation == "activate"
            user.save(update_fields=["is_active"])
        elif operation == "reset_second_factor":
            TOTPDevice.objects.filter(user=user).delete()  # enrols again at next sign-in
        else:
            reset(username=user.get_username())
        record(by, f"account.{operation}", account=user.pk)
