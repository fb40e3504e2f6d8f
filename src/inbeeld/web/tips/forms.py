"""Forms of the tips pages. Labels are Dutch: reporters and handlers read them."""

from __future__ import annotations

from django import forms

from inbeeld.tips import HANDOVER_TO, Status
from inbeeld.tips.identifiers import KINDS

_AREA = {"rows": 3}
_LIST = {"rows": 2, "placeholder": "één per regel"}


class TipForm(forms.Form):
    seen = forms.CharField(
        label="Wat heeft u gezien of gehoord?", max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    where = forms.CharField(label="Waar?", max_length=1000, required=False)
    when = forms.CharField(label="Wanneer?", max_length=500, required=False)
    about = forms.CharField(
        label="Over wie gaat het?", max_length=3000, required=False, widget=forms.Textarea(attrs=_AREA)
    )
    phones = forms.CharField(
        label="Telefoonnummers", max_length=1000, required=False, widget=forms.Textarea(attrs=_LIST)
    )
    handles = forms.CharField(
        label="Namen op sociale media of apps",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs=_LIST),
    )
    links = forms.CharField(
        label="Links naar advertenties of profielen",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs=_LIST),
    )
    plates = forms.CharField(
        label="Kentekens", max_length=500, required=False, widget=forms.Textarea(attrs=_LIST)
    )
    places = forms.CharField(
        label="Plaatsen of adressen", max_length=1000, required=False, widget=forms.Textarea(attrs=_LIST)
    )
    contact = forms.CharField(
        label="Uw contactgegevens (niet verplicht)",
        max_length=500,
        required=False,
        help_text=(
            "Laat dit leeg om anoniem te blijven. U kunt met uw ontvangstcode toch vragen beantwoorden."
        ),
    )


class SavedForm(forms.Form):
    shown = forms.CharField(widget=forms.HiddenInput, max_length=40)
    typed = forms.CharField(label="Typ uw ontvangstcode over", max_length=40)


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label="Uw ontvangstcode (16 cijfers)",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )


class ReporterMessageForm(forms.Form):
    kind = forms.ChoiceField(
        label="Soort bericht", choices=[("answer", "Antwoord op een vraag"), ("info", "Nieuwe informatie")]
    )
    text = forms.CharField(label="Uw bericht", max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=[(s.value, s.value) for s in Status])
    reason = forms.CharField(label="Reden", max_length=2000)
    recipient = forms.ChoiceField(
        label="Overgedragen aan", required=False, choices=[("", "-")] + [(r, r) for r in HANDOVER_TO]
    )


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=[("question", "Vraag aan melder"), ("note", "Notitie")])
    text = forms.CharField(label="Tekst", max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))


class IdentifierForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=[(k, k) for k in KINDS])
    value = forms.CharField(label="Waarde", max_length=500)


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label="Samenvatting voor de overdracht", max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(label="Samenvoegen met melding nr.", min_value=1)


class HandoverForm(forms.Form):
    recipient = forms.ChoiceField(label="Aan", choices=[(r, r) for r in HANDOVER_TO])
    include_contact = forms.BooleanField(
        label="Met contactgegevens van de melder (vier ogen)", required=False
    )


class DecoyForm(forms.Form):
    year = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(
        label="Soort kenmerk", choices=[("phone", "telefoon"), ("handle", "naam/handle")]
    )
    responder = forms.CharField(label="Telefoon of handle van de reageerder", max_length=200)
    continued = forms.BooleanField(label="Ging door na het horen van de leeftijd (onder 18)", required=False)
