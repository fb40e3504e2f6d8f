"""Forms of the tips pages. Labels are Dutch msgids, translated with Django i18n: reporters and
handlers read them in their language (Dutch by default)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inbeeld.tips import HANDOVER_TO, Status
from inbeeld.tips.identifiers import KINDS
from inbeeld.web.tips import labels

_AREA = {"rows": 3}
_LIST = {"rows": 2, "placeholder": _("één per regel")}


def _list_field(label: object, max_length: int) -> forms.CharField:
    """An optional structured field of the public form: one value per line."""
    return forms.CharField(
        label=label, max_length=max_length, required=False, widget=forms.Textarea(attrs=_LIST)
    )


class TipForm(forms.Form):
    seen = forms.CharField(
        label=_("Wat heeft u gezien of gehoord?"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    where = forms.CharField(label=_("Waar?"), max_length=1000, required=False)
    when = forms.CharField(label=_("Wanneer?"), max_length=500, required=False)
    about = forms.CharField(
        label=_("Over wie gaat het?"), max_length=3000, required=False, widget=forms.Textarea(attrs=_AREA)
    )
    phones = _list_field(_("Telefoonnummers"), 1000)
    handles = _list_field(_("Namen op sociale media of apps"), 1000)
    links = _list_field(_("Links naar advertenties of profielen"), 3000)
    plates = _list_field(_("Kentekens"), 500)
    places = _list_field(_("Plaatsen of adressen"), 1000)
    contact = forms.CharField(
        label=_("Uw contactgegevens (niet verplicht)"),
        max_length=500,
        required=False,
        help_text=_(
            "Laat dit leeg om anoniem te blijven. U kunt met uw ontvangstcode toch vragen beantwoorden."
        ),
    )


class SavedForm(forms.Form):
    shown = forms.CharField(widget=forms.HiddenInput, max_length=40)
    typed = forms.CharField(label=_("Typ uw ontvangstcode over"), max_length=40)


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Uw ontvangstcode (16 cijfers)"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )


class ReporterMessageForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort bericht"),
        choices=[("answer", _("Antwoord op een vraag")), ("info", _("Nieuwe informatie"))],
    )
    text = forms.CharField(label=_("Uw bericht"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=labels.choices(labels.STATUS, Status))
    reason = forms.CharField(label=_("Reden"), max_length=2000)
    recipient = forms.ChoiceField(
        label=_("Overgedragen aan"),
        required=False,
        choices=[("", "-"), *labels.choices(labels.RECIPIENT, HANDOVER_TO)],
    )


class EntryForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[("question", _("Vraag aan melder")), ("note", _("Notitie"))]
    )
    text = forms.CharField(label=_("Tekst"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))


class IdentifierForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=labels.choices(labels.IDENTIFIER_KIND, KINDS))
    value = forms.CharField(label=_("Waarde"), max_length=500)


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Samenvatting voor de overdracht"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Samenvoegen met melding nr."), min_value=1)


class HandoverForm(forms.Form):
    recipient = forms.ChoiceField(label=_("Aan"), choices=labels.choices(labels.RECIPIENT, HANDOVER_TO))
    include_contact = forms.BooleanField(
        label=_("Met contactgegevens van de melder (vier ogen)"), required=False
    )


class DecoyForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(
        label=_("Soort kenmerk"), choices=[("phone", _("telefoon")), ("handle", _("naam/handle"))]
    )
    responder = forms.CharField(label=_("Telefoon of handle van de reageerder"), max_length=200)
    continued = forms.BooleanField(
        label=_("Ging door na het horen van de leeftijd (onder 18)"), required=False
    )
