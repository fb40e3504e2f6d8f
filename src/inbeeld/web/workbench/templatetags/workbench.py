"""Small display filters for codes (values stay escaped: no HTML is built here)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def code_text(value: Any) -> str:
    """A code as text: lists joined, unknown and empty lists in words."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else _("geen")
    if value == "unknown":
        return _("onbekend")
    return str(value)


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


@register.filter
def decimals(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
