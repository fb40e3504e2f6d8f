from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class AssignForm(forms.Form):
    coders = forms.ModelMultipleChoiceField(
        label=_("Codeurs"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    size = forms.IntegerField(label=_("Aantal gesprekken"), min_value=1, max_value=100_000, initial=50)
    double_percent = forms.IntegerField(
        label=_("Dubbel te coderen (%)"), min_value=0, max_value=100, initial=10
    )
    seed = forms.IntegerField(label=_("Startwaarde toeval (seed)"), initial=1)
    year = forms.IntegerField(label=_("Alleen jaar (leeg = alle)"), required=False, min_value=1900,
                              max_value=2100)
    sample = forms.CharField(label=_("Naam van de steekproef"), max_length=60, required=False)

    def __init__(self, *args, coder_queryset=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["coders"].queryset = coder_queryset
        self.fields["coders"].label_from_instance = lambda user: user.get_username()


class OpenForm(forms.Form):
    conversation = forms.CharField(label=_("Gesprek-id"), max_length=200)
