"""Numbers as readers see them: Dutch or English notation, protected counts as "<10"."""

from __future__ import annotations

from inbeeld.monitor import MonitorTable


def number(value: float, lang: str, decimals: int = 1) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "nl":  # 1,234.5 -> 1.234,5
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def whole(value: int, lang: str) -> str:
    return number(value, lang, 0)


def percent(share: float, lang: str) -> str:
    return f"{number(100 * share, lang)}%"


def interval(bounds: tuple[float, float], lang: str) -> str:
    low, high = bounds
    return f"{number(100 * low, lang)}–{number(100 * high, lang)}"


SECONDARY_MARK = "x"  # hidden to protect a small count elsewhere: its own value may be large


def hidden(threshold: int) -> str:
    return f"<{threshold}"


def hidden_mark(status: str | None, threshold: int) -> str:
    """What a hidden entry shows: "<10" for a small count, "x" for a secondary suppression."""
    return SECONDARY_MARK if status == "secondary" else hidden(threshold)


def count_text(table: MonitorTable, row: int, column: int, threshold: int, lang: str) -> str:
    """The count of an entry, "<threshold" when it is small, "x" when hidden to protect another."""
    status = table.protection.status(row, column)
    if status is not None:
        return hidden_mark(status, threshold)
    return whole(table.count(row, column), lang)


def share_lines(table: MonitorTable, row: int, column: int, lang: str) -> list[str]:
    """['34,5%', '(30,1–38,9)'], or [] when the share would reveal a suppressed number."""
    if not table.share_published(row, column):
        return []
    share = table.share(row, column)
    bounds = table.interval(row, column)
    if share is None or bounds is None:
        return []
    return [percent(share, lang), f"({interval(bounds, lang)})"]
