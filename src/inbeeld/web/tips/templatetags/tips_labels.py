"""Filters that show the tips' stored codes as labels in the active language."""

from __future__ import annotations

from django import template

from inbeeld.web.tips import labels

register = template.Library()


@register.filter
def tip_status(value: object) -> str:
    return labels.label(labels.STATUS, value)


@register.filter
def identifier_kind(value: object) -> str:
    return labels.label(labels.IDENTIFIER_KIND, value)


@register.filter
def identifier_kinds(values) -> str:
    """Several identifier kinds, comma-separated."""
    return ", ".join(labels.label(labels.IDENTIFIER_KIND, v) for v in values)


@register.filter
def entry_kind(value: object) -> str:
    return labels.label(labels.ENTRY_KIND, value)


@register.filter
def recipient(value: object) -> str:
    return labels.label(labels.RECIPIENT, value)
