"""What a rule sees of one conversation: its sentences by role and the codes decided so far."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from inbeeld.coding.model import Evidence
from inbeeld.coding.text import Sentence, sentences
from inbeeld.corpus import Conversation

SEPARATOR = "\n\x00\n"


@dataclass(slots=True)
class Context:
    conversation: Conversation
    chatter: list[Sentence]
    counsellor: list[Sentence]
    codes: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)

    joined: str = ""
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, conversation: Conversation) -> Context:
        chatter = sentences(conversation, ("chatter",))
        # All chatter sentences in one string, so that a pattern is run once per conversation
        # instead of once per sentence; the separator stops \s and (\w+\s+) from crossing over.
        starts, parts, position = [], [], 0
        for sentence in chatter:
            starts.append(position)
            parts.append(sentence.text)
            position += len(sentence.text) + len(SEPARATOR)
        return cls(
            conversation=conversation,
            chatter=chatter,
            counsellor=sentences(conversation, ("counsellor",)),
            joined=SEPARATOR.join(parts),
            starts=starts,
        )

    def chatter_matches(self, regex: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Matches of a pattern in the chatter's sentences: (sentence index, match in joined text)."""
        for match in regex.finditer(self.joined):
            index = bisect_right(self.starts, match.start()) - 1
            if index >= 0 and match.end() <= self.starts[index] + len(self.chatter[index].text):
                yield index, match

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
