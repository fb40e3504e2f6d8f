"""Chat text prepared for rules: lower-cased sentences of chatter turns with offsets, negation scope."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from inbeeld.corpus import Conversation

# Sentence ends; a chat line without punctuation is one sentence.
_SENTENCE = re.compile(r"[^.!;\n]+[.!;]*")  # "?" stays inside: an answer often follows
# Boundaries of the clause a negation word governs ("ik zei nee, maar hij ging door").
_CLAUSE_BREAK = re.compile(
    r",|:|\?|\s[-–]\s|\b(?:en|maar|want|omdat|dus|toen|daarna|but|and|because|so)\b"
)
_NEGATION = re.compile(
    r"\b(?:niet|geen|nooit|niks|niets|nee|neen|nope|no|not|never|nobody|niemand|don't|didn't|"
    r"dont|didnt|doesn't|isn't|wasn't|nergens)\b"
)
_ONLY_NO = re.compile(r"^\s*(?:nee+|no+|nope|neen|nah)\W*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a message: message index, offsets into the message, lower-cased text."""

    message: int
    start: int
    end: int
    text: str
    role: str


_TAG = re.compile(r"\[([A-Z_]+)-(\d+)\]")


def fold(text: str) -> str:
    """Lower-case and unify quotes and accents while keeping every character's offset.

    Pseudonym tags "[PERSON-1]" become "_person_1_" (same length), a word to the patterns.
    """
    text = _TAG.sub(lambda m: f"_{m.group(1).lower()}_{m.group(2)}_", text)
    if text.isascii():  # the common case, 7x faster than the loop below
        return text.lower().replace("`", "'")
    out = []
    for char in text:
        low = char.lower()
        if len(low) != 1:
            low = char
        if low in "’‘`´":
            low = "'"
        elif low in "“”„":
            low = '"'
        else:
            base = unicodedata.normalize("NFD", low)[0]
            # é -> e, ë -> e keeps patterns simple; characters without a base stay as they are
            if base.isalpha() and base.isascii():
                low = base
        out.append(low)
    return "".join(out)


def sentences(conversation: Conversation, roles: tuple[str, ...] = ("chatter",)) -> list[Sentence]:
    """Return the sentences of the messages written in the given roles, in order."""
    out: list[Sentence] = []
    for index, message in enumerate(conversation.messages):
        if message.role not in roles:
            continue
        folded = fold(message.text)
        for match in _SENTENCE.finditer(folded):
            if match.group().strip():
                out.append(Sentence(index, match.start(), match.end(), match.group(), message.role))
    return out


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """Return the start and end of the clause around position in a sentence."""
    start, end = 0, len(text)
    for brk in _CLAUSE_BREAK.finditer(text):
        if brk.end() <= position:
            start = brk.end()
        elif brk.start() > position:
            end = brk.start()
            break
    return start, end


def is_negated(text: str, start: int, end: int) -> bool:
    """True when a negation word governs the match [start, end) of a sentence.

    The scope is the clause of the match; a bare "nee," just before it counts as well
    ("nee, mn vader heeft er niks mee te maken").
    """
    c_start, c_end = clause_bounds(text, start)
    c_end = max(c_end, end)
    if _NEGATION.search(text, c_start, c_end):
        return True
    return bool(c_start > 0 and _ONLY_NO.match(text[:c_start].rstrip(",: ")))


def iter_matches(pattern: re.Pattern[str], items: list[Sentence]) -> Iterator[tuple[Sentence, re.Match[str]]]:
    for sentence in items:
        for match in pattern.finditer(sentence.text):
            yield sentence, match
