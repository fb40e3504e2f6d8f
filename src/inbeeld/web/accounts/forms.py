from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inbeeld.web.permissions import Role


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit de authenticator-app"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "autofocus": True}),
    )


class AccountForm(forms.Form):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    # least privilege first: a new account is a coder unless chosen otherwise
    role = forms.ChoiceField(
        label=_("Rol"), choices=[(r.value, r.value) for r in reversed(Role)], initial=Role.CODER.value
    )
    password = forms.CharField(label=_("Wachtwoord"), widget=forms.PasswordInput, min_length=12)
