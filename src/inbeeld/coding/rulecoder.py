"""The rule coder: every codebook variable coded by its rule file, with evidence and a score."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inbeeld.codebook import Codebook
from inbeeld.coding.context import Context
from inbeeld.coding.model import Suggestion
from inbeeld.coding.rulebook import load_rules
from inbeeld.corpus import CodedConversation, Conversation, EvidenceRef

RULES_VERSION = "rules-v1"


class RuleCoder:
    """Code a conversation with the rule files; variables without a rule file stay unknown."""

    def __init__(self, codebook: Codebook, rules_dir: Path | None = None) -> None:
        self.codebook = codebook
        self.rules_dir = rules_dir
        self.rules = load_rules(codebook, rules_dir)
        self.name = RULES_VERSION

    def suggest(self, conversation: Conversation) -> dict[str, Suggestion]:
        """Return one suggestion per codebook variable, in codebook order."""
        ctx = Context.of(conversation)
        found: dict[str, Suggestion] = {}
        for rule in self.rules:
            suggestion = rule.suggest(ctx)
            found[rule.variable] = suggestion
            ctx.codes[rule.variable] = suggestion.value
            ctx.evidence[rule.variable] = suggestion.evidence
        out: dict[str, Suggestion] = {}
        for variable in self.codebook.variables:
            out[variable.name] = found.get(variable.name) or Suggestion(variable.name, variable.empty(), 0.5)
        return out

    def code(self, conversation: Conversation) -> CodedConversation:
        return to_coded(conversation.id, self.suggest(conversation), self.codebook)


def to_coded(conv_id: str, suggestions: dict[str, Suggestion], codebook: Codebook) -> CodedConversation:
    """Turn suggestions into the exchange form: codes, evidence refs and confidence per variable."""
    codes: dict[str, Any] = {name: s.value for name, s in suggestions.items()}
    evidence = {
        name: _dedupe(tuple(EvidenceRef(e.message, e.start, e.end) for e in s.evidence))
        for name, s in suggestions.items()
        if s.evidence
    }
    confidence = {name: float(s.score) for name, s in suggestions.items()}
    return CodedConversation(
        id=conv_id,
        codes=codebook.validate(codes),
        evidence=evidence,
        confidence=confidence,
        codebook_version=codebook.version,
    )


def _dedupe(refs: tuple[EvidenceRef, ...]) -> tuple[EvidenceRef, ...]:
    return tuple(dict.fromkeys(refs))
