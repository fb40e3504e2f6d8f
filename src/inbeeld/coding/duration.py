"""Duration rule: time expressions ("al 2 jaar", "sinds vorige zomer") read against started_at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from inbeeld.coding.age import parse_number
from inbeeld.coding.context import Context
from inbeeld.coding.model import Evidence, Suggestion
from inbeeld.coding.text import Sentence

YEAR_DAYS = 365


@dataclass(frozen=True, slots=True)
class Span_:
    days: float
    evidence: Evidence


def last_before(day: date, month: int, dom: int) -> date:
    """The latest date with this month and day that is not after `day`."""
    candidate = date(day.year, month, dom)
    return candidate if candidate <= day else date(day.year - 1, month, dom)


class DurationRule:
    """duration_year_or_more: yes when the exploitation lasted (or has lasted) a year or more."""

    def __init__(
        self,
        variable: str,
        anchors: dict[str, tuple[int, int]],
        units: dict[str, float],
        quantities: dict[str, float],
        since: re.Pattern[str],
        amount: re.Pattern[str],
        since_year: re.Pattern[str],
        since_age: re.Pattern[str],
        until_age: re.Pattern[str],
        from_age: re.Pattern[str],
        exclude: re.Pattern[str] | None,
        age_variable: str = "victim_age",
        requires: dict[str, object] | None = None,
        short: re.Pattern[str] | None = None,
    ) -> None:
        self.variable = variable
        self.anchors = dict(anchors)
        self.units = dict(units)
        self.quantities = dict(quantities)
        self.since = since
        self.amount = amount
        self.since_year = since_year
        self.since_age = since_age
        self.until_age = until_age
        self.from_age = from_age
        self.exclude = exclude
        self.age_variable = age_variable
        self.requires = dict(requires or {})
        self.short = short  # "sinds kort": a few weeks

    def _evidence(self, sentence: Sentence, match: re.Match[str]) -> Evidence:
        return Evidence(sentence.message, sentence.start + match.start(), sentence.start + match.end(),
                        f"rule:{self.variable}")

    def spans(self, ctx: Context) -> list[Span_]:
        today = ctx.conversation.started_at.date()
        out: list[Span_] = []
        first_age: int | None = None
        age = ctx.codes.get(self.age_variable)
        for sentence in ctx.chatter:
            text = sentence.text
            if self.exclude is not None and self.exclude.search(text):
                continue
            for match in self.since.finditer(text):
                anchor = self.anchors.get(match.group("anchor"))
                if anchor:
                    start = last_before(today, *anchor)
                    if match.group("year") and 1950 < int(match.group("year")) <= today.year:
                        start = date(int(match.group("year")), *anchor)
                    if match.group("previous") and (today - start).days < 60:
                        start = date(start.year - 1, start.month, start.day)
                    out.append(Span_((today - start).days, self._evidence(sentence, match)))
            if self.short is not None:
                for match in self.short.finditer(text):
                    out.append(Span_(30, self._evidence(sentence, match)))
            for match in self.since_year.finditer(text):
                year = int(match.group("year") or match.group("year2"))
                if 1950 < year <= today.year:
                    out.append(Span_((today - date(year, 7, 1)).days, self._evidence(sentence, match)))
            for match in self.amount.finditer(text):
                quantity_word = match.group("q")
                quantity = self.quantities.get(quantity_word)
                if quantity is None:
                    number = parse_number(quantity_word)
                    if number is None:
                        continue
                    quantity = float(number)
                unit = self.units.get(match.group("unit"))
                if unit is None:
                    continue
                days = quantity * unit
                if match.group("almost"):
                    days -= 0.2 * unit  # "bijna twee jaar" is more than a year
                out.append(Span_(days, self._evidence(sentence, match)))
            for match in self.from_age.finditer(text):
                number = parse_number(match.group("n"))
                if number is not None and first_age is None:
                    first_age = number
            for match in self.since_age.finditer(text):
                number = parse_number(match.group("n"))
                if number is not None and isinstance(age, int) and age > number:
                    out.append(Span_((age - number) * YEAR_DAYS, self._evidence(sentence, match)))
            for match in self.until_age.finditer(text):
                number = parse_number(match.group("n"))
                if number is not None and first_age is not None and number > first_age:
                    out.append(Span_((number - first_age) * YEAR_DAYS, self._evidence(sentence, match)))
        return out

    def suggest(self, ctx: Context) -> Suggestion:
        if not ctx.holds(self.requires):
            return Suggestion(self.variable, "unknown", 0.8)
        spans = self.spans(ctx)
        if not spans:
            return Suggestion(self.variable, "unknown", 0.6)
        longest = max(spans, key=lambda s: s.days)
        value = "yes" if longest.days >= YEAR_DAYS else "no"
        # close to the boundary is less certain
        margin = min(abs(longest.days - YEAR_DAYS) / YEAR_DAYS, 1.0)
        return Suggestion(self.variable, value, round(0.6 + 0.35 * margin, 4), (longest.evidence,))
