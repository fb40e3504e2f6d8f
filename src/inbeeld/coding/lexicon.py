"""The lexicon rule: values found by patterns in chatter sentences, with negation and near-misses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from inbeeld.coding.context import Context
from inbeeld.coding.model import Evidence, Suggestion
from inbeeld.coding.patterns import compile_pattern
from inbeeld.coding.text import Sentence, is_negated

DEFAULT_WEIGHT = 0.85


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern of a value: regex, weight, whether negation cancels it, whose chat it fits."""

    regex: re.Pattern[str]
    weight: float = DEFAULT_WEIGHT
    negation: bool = True
    chatter: str = "any"  # "victim": only when the victim writes; "other": only when someone else does
    unless: re.Pattern[str] | None = None  # near-miss: the sentence also matches this


@dataclass(frozen=True, slots=True)
class Hit:
    value: str
    weight: float
    evidence: Evidence
    order: int  # position in the conversation, for first/last


@dataclass(frozen=True, slots=True)
class Answer:
    """A counsellor question and what the chatter's next message answers to it."""

    question: re.Pattern[str]
    replies: tuple[tuple[re.Pattern[str], str], ...]


class LexiconRule:
    """Code a categorical variable from patterns per value, found in the chatter's sentences."""

    def __init__(
        self,
        variable: str,
        values: dict[str, tuple[Pattern, ...]],
        *,
        multi: bool,
        pick: str = "first",
        priority: tuple[str, ...] = (),
        default: str | None = None,
        default_score: float = 0.55,
        requires: dict[str, Any] | None = None,
        unless: tuple[re.Pattern[str], ...] = (),
        answers: tuple[Answer, ...] = (),
        fallback: tuple[tuple[str, dict[str, Any]], ...] = (),
        relabel: tuple[tuple[str, str, dict[str, Any]], ...] = (),
        suppress: dict[str, tuple[str, ...]] | None = None,
        turns: tuple[str, ...] = ("chatter",),
        normalise: dict[str, str] | None = None,
        boost: re.Pattern[str] | None = None,
    ) -> None:
        self.variable = variable
        self.values = dict(values)
        self.multi = multi
        self.pick = pick
        self.priority = tuple(priority)
        self.default = default
        self.default_score = default_score
        self.requires = dict(requires or {})
        self.unless = tuple(unless)
        self.answers = tuple(answers)
        self.fallback = tuple(fallback)
        self.relabel = tuple(relabel)  # internal "$x" values become codebook values under conditions
        self.suppress = dict(suppress or {})
        self.turns = tuple(turns)
        self.normalise = dict(normalise or {})
        self.boost = boost  # a hit in a sentence matching this weighs more ("het eerst aan ...")

    @property
    def source(self) -> str:
        return f"rule:{self.variable}"

    def hits(self, ctx: Context) -> list[Hit]:
        if self.turns == ("chatter",):
            return self._chatter_hits(ctx)
        return self._sentence_hits(ctx)

    def _chatter_hits(self, ctx: Context) -> list[Hit]:
        found: list[Hit] = []
        excluded: dict[int, bool] = {}
        for value, patterns in self.values.items():
            for pattern in patterns:
                if pattern.chatter == "victim" and not ctx.chatter_is_victim:
                    continue
                if pattern.chatter == "other" and ctx.chatter_is_victim:
                    continue
                for index, match in ctx.chatter_matches(pattern.regex):
                    sentence = ctx.chatter[index]
                    if index not in excluded:
                        excluded[index] = any(u.search(sentence.text) for u in self.unless)
                    if excluded[index]:
                        continue
                    if pattern.unless is not None and pattern.unless.search(sentence.text):
                        continue
                    offset = ctx.starts[index]
                    start, end = match.start() - offset, match.end() - offset
                    if pattern.negation and is_negated(sentence.text, start, end):
                        continue
                    evidence = Evidence(sentence.message, sentence.start + start, sentence.start + end,
                                        self.source)
                    weight = pattern.weight
                    if self.boost is not None and self.boost.search(sentence.text):
                        weight = min(weight + 0.1, 0.99)
                    found.append(Hit(self._name(value, match), weight, evidence, index))
        return found

    def _sentence_hits(self, ctx: Context) -> list[Hit]:
        found: list[Hit] = []
        items: list[Sentence] = ctx.chatter if self.turns == ("chatter",) else sorted(
            ctx.chatter + ctx.counsellor, key=lambda s: (s.message, s.start)
        )
        for order, sentence in enumerate(items):
            if any(u.search(sentence.text) for u in self.unless):
                continue
            for value, patterns in self.values.items():
                for pattern in patterns:
                    if pattern.chatter == "victim" and not ctx.chatter_is_victim:
                        continue
                    if pattern.chatter == "other" and ctx.chatter_is_victim:
                        continue
                    if pattern.unless is not None and pattern.unless.search(sentence.text):
                        continue
                    for match in pattern.regex.finditer(sentence.text):
                        if pattern.negation and is_negated(sentence.text, match.start(), match.end()):
                            continue
                        evidence = Evidence(
                            sentence.message,
                            sentence.start + match.start(),
                            sentence.start + match.end(),
                            self.source,
                        )
                        weight = pattern.weight
                        if self.boost is not None and self.boost.search(sentence.text):
                            weight = min(weight + 0.1, 0.99)
                        found.append(Hit(self._name(value, match), weight, evidence, order))
        return found

    def _name(self, value: str, match: re.Match[str]) -> str:
        # open variables (platforms) may name the value after what matched
        if value == "$match":
            key = match.group(0).strip()
            return self.normalise.get(key, key)
        return value

    def suggest(self, ctx: Context) -> Suggestion:
        if not ctx.holds(self.requires):
            empty: Any = [] if self.multi else "unknown"
            return Suggestion(self.variable, empty, 0.8)
        hits = self.hits(ctx)
        if self.multi:
            return self._multi(ctx, hits)
        return self._single(ctx, hits)

    def _multi(self, ctx: Context, hits: list[Hit]) -> Suggestion:
        by_value: dict[str, list[Hit]] = {}
        for hit in hits:
            by_value.setdefault(hit.value, []).append(hit)
        for source, target, conditions in self.relabel:
            if source in by_value and ctx.holds(conditions):
                by_value.setdefault(target, []).extend(by_value.pop(source))
        for value in [v for v in by_value if v.startswith("$")]:
            del by_value[value]
        for value, beaten_by in self.suppress.items():
            if value in by_value and any(b in by_value for b in beaten_by):
                del by_value[value]
        # order of the rule file, so that output is stable
        order = list(self.values)
        chosen = sorted(by_value, key=lambda v: order.index(v) if v in order else len(order))
        evidence = tuple(h.evidence for v in chosen for h in by_value[v])
        scores = [max((h.weight for h in by_value[v]), default=0.7) for v in chosen]
        score = min(scores) if scores else 0.7
        return Suggestion(self.variable, chosen, round(score, 4), evidence)

    def _single(self, ctx: Context, hits: list[Hit]) -> Suggestion:
        if hits:
            value = self._choose(hits)
            mine = [h for h in hits if h.value == value]
            rivals = {h.value for h in hits} - {value}
            score = max(h.weight for h in mine) * (0.8 if rivals else 1.0)
            return Suggestion(self.variable, value, round(score, 4), tuple(h.evidence for h in mine))
        answered = self._answered(ctx)
        if answered is not None:
            return answered
        for value, conditions in self.fallback:
            if ctx.holds(conditions):
                return Suggestion(self.variable, value, 0.6)
        if self.default is not None:
            return Suggestion(self.variable, self.default, self.default_score)
        return Suggestion(self.variable, "unknown", 0.6)

    def _choose(self, hits: list[Hit]) -> str:
        if self.pick == "priority":
            present = {h.value for h in hits}
            for value in self.priority:
                if value in present:
                    return value
        if self.pick == "last":
            return max(hits, key=lambda h: (h.order, h.evidence.start)).value
        if self.pick == "strongest":
            return max(hits, key=lambda h: (h.weight, -h.order)).value
        return min(hits, key=lambda h: (h.order, h.evidence.start)).value

    def _answered(self, ctx: Context) -> Suggestion | None:
        messages = ctx.conversation.messages
        for answer in self.answers:
            for sentence in ctx.counsellor:
                if not answer.question.search(sentence.text):
                    continue
                reply = next(
                    (i for i in range(sentence.message + 1, len(messages)) if messages[i].role == "chatter"),
                    None,
                )
                if reply is None:
                    continue
                reply_sentences = [s for s in ctx.chatter if s.message == reply]
                if not reply_sentences:
                    continue
                first = reply_sentences[0]
                for regex, value in answer.replies:
                    match = regex.search(first.text)
                    if match:
                        evidence = Evidence(
                            first.message, first.start + match.start(), first.start + match.end(), self.source
                        )
                        return Suggestion(self.variable, value, 0.7, (evidence,))
        return None


def compile_value_patterns(raw: Any) -> tuple[Pattern, ...]:
    """Build the patterns of one value from its rule-file entries (strings or mappings)."""
    out = []
    for entry in raw:
        if isinstance(entry, str):
            out.append(Pattern(compile_pattern(entry)))
        else:
            out.append(
                Pattern(
                    compile_pattern(entry["re"]),
                    float(entry.get("weight", DEFAULT_WEIGHT)),
                    bool(entry.get("negation", True)),
                    str(entry.get("chatter", "any")),
                    compile_pattern(entry["unless"]) if entry.get("unless") else None,
                )
            )
    return tuple(out)
