"""Age rules: the victim's stated age (the latest self-correction wins) and whether she was a minor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from text_to_num import text2num

from inbeeld.coding.context import Context
from inbeeld.coding.model import Evidence, Suggestion
from inbeeld.coding.text import Sentence, is_negated

ADULT = 18


@dataclass(frozen=True, slots=True)
class AgeMention:
    age: int
    evidence: Evidence
    order: int


def parse_number(text: str) -> int | None:
    """Digits or a Dutch number word ("dertien", "eenentwintig") as an int, else None."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    try:
        return int(text2num(text, "nl"))
    except ValueError:
        return None


def find_ages(patterns: tuple[re.Pattern[str], ...], items: list[Sentence], source: str) -> list[AgeMention]:
    """Ages stated by the patterns: group 'n' is the number, a matched group 'almost' subtracts one."""
    out: list[AgeMention] = []
    for order, sentence in enumerate(items):
        seen: set[int] = set()
        for pattern in patterns:
            for match in pattern.finditer(sentence.text):
                if match.start("n") in seen:
                    continue
                number = parse_number(match.group("n"))
                if number is None or not 0 < number < 100:
                    continue
                if "almost" in match.groupdict() and match.group("almost"):
                    number -= 1  # "bijna 16" is 15 (codebook rule)
                if is_negated(sentence.text, match.start("n"), match.end("n")):
                    continue  # "ik ben geen 18"
                seen.add(match.start("n"))
                evidence = Evidence(
                    sentence.message, sentence.start + match.start(), sentence.start + match.end(), source
                )
                out.append(AgeMention(number, evidence, order * 1000 + match.start()))
    return sorted(out, key=lambda m: m.order)


class AgeRule:
    """victim_age: the victim's own latest statement, or the first age given for the person written about."""

    def __init__(
        self,
        variable: str,
        self_patterns: tuple[re.Pattern[str], ...],
        other_patterns: tuple[re.Pattern[str], ...],
        answers: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (),
    ) -> None:
        self.variable = variable
        self.self_patterns = tuple(self_patterns)
        self.other_patterns = tuple(other_patterns)
        self.answers = tuple(answers)  # (whose age, counsellor question, chatter reply with group n)

    def _answered(self, ctx: Context, source: str) -> list[AgeMention]:
        out: list[AgeMention] = []
        messages = ctx.conversation.messages
        for whose, question, reply in self.answers:
            if whose != ("victim" if ctx.chatter_is_victim else "other"):
                continue
            for sentence in ctx.counsellor:
                if not question.search(sentence.text):
                    continue
                nxt = next((i for i in range(sentence.message + 1, len(messages))
                            if messages[i].role == "chatter"), None)
                first = next((s for s in ctx.chatter if s.message == nxt), None)
                if first is not None:
                    out.extend(find_ages((reply,), [first], source))
        return out

    def suggest(self, ctx: Context) -> Suggestion:
        source = f"rule:{self.variable}"
        if ctx.chatter_is_victim:
            mentions = find_ages(self.self_patterns, ctx.chatter, source)
            mentions = sorted(mentions + self._answered(ctx, source),
                              key=lambda m: (m.evidence.message, m.evidence.start))
            if mentions:
                last = mentions[-1]  # she corrects herself: the latest statement is the truth
                agree = sum(m.age == last.age for m in mentions) / len(mentions)
                return Suggestion(self.variable, last.age, round(0.75 + 0.2 * agree, 4), (last.evidence,))
        else:
            mentions = find_ages(self.other_patterns, ctx.chatter, source) or self._answered(ctx, source)
            if mentions:
                first = mentions[0]  # the person written about is introduced first
                return Suggestion(self.variable, first.age, 0.85, (first.evidence,))
        return Suggestion(self.variable, "unknown", 0.6)


class MinorRule:
    """minor: from the stated age, an age when things happened, or a school year."""

    def __init__(
        self,
        variable: str,
        age_variable: str,
        past_patterns: tuple[re.Pattern[str], ...],
        yes_patterns: tuple[re.Pattern[str], ...],
    ) -> None:
        self.variable = variable
        self.age_variable = age_variable
        self.past_patterns = tuple(past_patterns)
        self.yes_patterns = tuple(yes_patterns)

    def suggest(self, ctx: Context) -> Suggestion:
        source = f"rule:{self.variable}"
        past = find_ages(self.past_patterns, ctx.chatter, source)
        young = [m for m in past if m.age < ADULT]
        if young:
            return Suggestion(self.variable, "yes", 0.9, tuple(m.evidence for m in young))
        age: Any = ctx.codes.get(self.age_variable, "unknown")
        if isinstance(age, int):
            support = ctx.evidence.get(self.age_variable, ())
            return Suggestion(self.variable, "yes" if age < ADULT else "no", 0.9, tuple(support))
        for sentence in ctx.chatter:
            for pattern in self.yes_patterns:
                match = pattern.search(sentence.text)
                if match and not is_negated(sentence.text, match.start(), match.end()):
                    evidence = Evidence(
                        sentence.message, sentence.start + match.start(), sentence.start + match.end(), source
                    )
                    return Suggestion(self.variable, "yes", 0.8, (evidence,))
        return Suggestion(self.variable, "unknown", 0.6)
