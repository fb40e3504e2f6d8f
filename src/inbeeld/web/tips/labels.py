"""Display labels of the tips' stored values (status, identifier kind, timeline entry kind,
hand-over recipient). The stored values stay English codes; users read these labels, Dutch by
default and translated through Django i18n (msgids are Dutch, like the rest of the web app)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STATUS: dict[str, Promise] = {
    "new": _("nieuw"),
    "investigating": _("in onderzoek"),
    "handed_over": _("overgedragen"),
    "closed": _("gesloten"),
}

IDENTIFIER_KIND: dict[str, Promise] = {
    "phone": _("telefoon"),
    "handle": _("naam/handle"),
    "link": _("link"),
    "email": _("e-mail"),
    "plate": _("kenteken"),
    "place": _("plaats"),
}

ENTRY_KIND: dict[str, Promise] = {
    "report": _("melding"),
    "question": _("vraag"),
    "answer": _("antwoord"),
    "info": _("aanvulling"),
    "note": _("notitie"),
    "status": _("status"),
    "merge": _("samengevoegd"),
    "handover": _("overdracht"),
}

RECIPIENT: dict[str, Promise] = {
    "police": _("politie"),
    "care": _("zorg (Veilig Thuis)"),
    "other": _("andere organisatie"),
}


def label(labels: dict[str, Promise], value: object) -> str:
    """The label of `value` in the active language; an unknown value is shown as it is."""
    text = "" if value is None else str(value)
    return str(labels.get(text, text))


def choices(labels: dict[str, Promise], values) -> list[tuple[str, Promise | str]]:
    """Form choices: the stored values with their (lazy) labels."""
    return [(str(v), labels.get(str(v), str(v))) for v in values]
