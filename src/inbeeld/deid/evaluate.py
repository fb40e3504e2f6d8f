"""Evaluate de-identification against gold markup: recall per type, precision, codable terms
kept, and the leak list (each missed identifier with its context)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from inbeeld.corpus import IDENTIFIER_TYPES, Conversation, Span, gold_conversation
from inbeeld.deid.lexicons import codable_terms
from inbeeld.deid.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class Leak:
    """A gold identifier not fully masked. Holds identifier text: show only on request."""

    conversation_id: str
    message: int
    type: str
    text: str
    context: str


@dataclass
class DeidScores:
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(IDENTIFIER_TYPES, 0))
    caught: dict[str, int] = field(default_factory=lambda: dict.fromkeys(IDENTIFIER_TYPES, 0))
    predicted: int = 0
    predicted_true: int = 0
    codable_total: int = 0
    codable_kept: int = 0
    codable_by_category: dict[str, list[int]] = field(default_factory=dict)  # [kept, total]
    leaks: list[Leak] = field(default_factory=list)
    over_masked: list[Leak] = field(default_factory=list)  # predicted spans on no gold identifier
    conversations: int = 0
    messages: int = 0

    def recall(self, kind: str | None = None) -> float | None:
        gold = sum(self.gold.values()) if kind is None else self.gold[kind]
        caught = sum(self.caught.values()) if kind is None else self.caught[kind]
        return caught / gold if gold else None

    def recall_interval(self, kind: str | None = None) -> tuple[float, float] | None:
        """95 % Wilson interval of the recall: with 13 handles, 13 of 13 caught still only says
        the true recall is above ~0.77, so a target like 0.99 needs the lower bound beside it."""
        gold = sum(self.gold.values()) if kind is None else self.gold[kind]
        caught = sum(self.caught.values()) if kind is None else self.caught[kind]
        return wilson_interval(caught, gold) if gold else None

    @property
    def precision(self) -> float | None:
        return self.predicted_true / self.predicted if self.predicted else None

    @property
    def codable_share(self) -> float | None:
        return self.codable_kept / self.codable_total if self.codable_total else None

    def as_dict(self, show_leaks: bool = False) -> dict[str, object]:
        out: dict[str, object] = {
            "conversations": self.conversations,
            "messages": self.messages,
            "recall": {k: {"gold": self.gold[k], "caught": self.caught[k], "recall": self.recall(k),
                           "ci95": self.recall_interval(k)}
                       for k in IDENTIFIER_TYPES if self.gold[k]},
            "recall_overall": self.recall(),
            "recall_overall_ci95": self.recall_interval(),
            "precision": self.precision,
            "predicted_spans": self.predicted,
            "codable_terms": {"total": self.codable_total, "kept": self.codable_kept,
                              "share": self.codable_share,
                              "by_category": {k: {"kept": v[0], "total": v[1]}
                                              for k, v in sorted(self.codable_by_category.items())}},
            "leaks": len(self.leaks),
        }
        if show_leaks:
            out["leak_list"] = [
                {"id": lk.conversation_id, "message": lk.message, "type": lk.type, "text": lk.text,
                 "context": lk.context} for lk in self.leaks
            ]
            out["over_masked_list"] = [
                {"id": lk.conversation_id, "message": lk.message, "type": lk.type, "text": lk.text,
                 "context": lk.context} for lk in self.over_masked
            ]
        return out


def wilson_interval(successes: int, total: int) -> tuple[float, float]:
    """95 % Wilson score interval of a proportion (statsmodels), kept inside [0, 1]."""
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(successes, total, alpha=0.05, method="wilson")
    return max(0.0, float(low)), min(1.0, float(high))


def _codable_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for category, terms in codable_terms().items():
        if category == "patterns":
            out.extend(("ages", re.compile(p, re.I)) for p in terms)
        else:
            alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
            out.append((category, re.compile(rf"(?<![\w@/.])(?:{alternatives})(?![\w@]|\.\w)", re.I)))
    return out


def _masked(span_start: int, span_end: int, predicted: Sequence[Span]) -> bool:
    """True when every character of [start, end) lies inside some predicted span."""
    covered = [False] * (span_end - span_start)
    for p in predicted:
        for i in range(max(p.start, span_start), min(p.end, span_end)):
            covered[i - span_start] = True
    return all(covered)


def score_conversation(gold: Conversation, predicted: Conversation, scores: DeidScores,
                       patterns: list[tuple[str, re.Pattern[str]]] | None = None) -> None:
    """Add one conversation to the scores. `gold` has raw texts and gold spans (gold_conversation),
    `predicted` is the same conversation after deidentify (spans into the raw texts)."""
    patterns = patterns if patterns is not None else _codable_patterns()
    scores.conversations += 1
    for index, (g, p) in enumerate(zip(gold.messages, predicted.messages, strict=True)):
        scores.messages += 1
        text = g.text
        for span in g.spans:
            scores.gold[span.type] += 1
            if _masked(span.start, span.end, p.spans):
                scores.caught[span.type] += 1
            else:
                left, right = max(0, span.start - 40), min(len(text), span.end + 40)
                scores.leaks.append(Leak(gold.id, index, span.type, text[span.start:span.end],
                                         text[left:right].replace("\n", " ")))
        for span in p.spans:
            scores.predicted += 1
            if any(span.start < s.end and s.start < span.end for s in g.spans):
                scores.predicted_true += 1
            else:
                left, right = max(0, span.start - 40), min(len(text), span.end + 40)
                scores.over_masked.append(Leak(gold.id, index, span.type, text[span.start:span.end],
                                               text[left:right].replace("\n", " ")))
        for category, pattern in patterns:
            for m in pattern.finditer(text):
                if any(m.start() < s.end and s.start < m.end() for s in g.spans):
                    continue  # inside a gold identifier (a platform in a URL): not a codable term
                kept = not any(m.start() < s.end and s.start < m.end() for s in p.spans)
                counts = scores.codable_by_category.setdefault(category, [0, 0])
                counts[1] += 1
                scores.codable_total += 1
                if kept:
                    counts[0] += 1
                    scores.codable_kept += 1


def evaluate(marked: Iterable[Conversation], pipeline: Pipeline) -> DeidScores:
    """Score the pipeline on conversations whose texts carry [[TYPE:text]] gold markup."""
    from inbeeld.deid.deidentify import deidentify

    scores = DeidScores()
    patterns = _codable_patterns()
    for conversation in marked:
        gold = gold_conversation(conversation)
        score_conversation(gold, deidentify(gold, pipeline), scores, patterns)
    return scores
