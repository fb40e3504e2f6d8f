"""What a rule sees of one conversation: its sentences by role and the codes decided so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inbeeld.coding.model import Evidence
from inbeeld.coding.text import Sentence, sentences
from inbeeld.corpus import Conversation


@dataclass(slots=True)
class Context:
    conversation: Conversation
    chatter: list[Sentence]
    counsellor: list[Sentence]
    codes: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, conversation: Conversation) -> Context:
        return cls(
            conversation=conversation,
            chatter=sentences(conversation, ("chatter",)),
            counsellor=sentences(conversation, ("counsellor",)),
        )

    @property
    def chatter_is_victim(self) -> bool:
        # unknown role counts as the victim writing: the codebook's default reading
        return self.codes.get("chatter_role", "victim") in ("victim", "unknown")

    def holds(self, conditions: dict[str, Any]) -> bool:
        """True when every condition {variable: 'any' | value | [values]} holds for the codes so far."""
        for name, wanted in conditions.items():
            have = self.codes.get(name)
            if isinstance(have, list):
                have_set = set(have)
            else:
                have_set = {have} if have not in (None, "unknown") else set()
            if wanted == "any":
                if not have_set:
                    return False
            elif wanted == "none":
                if have_set:
                    return False
            else:
                options = set(wanted) if isinstance(wanted, list) else {wanted}
                if not have_set & options:
                    return False
        return True
