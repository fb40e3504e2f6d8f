"""Phone numbers in any notation, validated by `phonenumbers` (Google's libphonenumber)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import DIGIT, Recogniser, before, join

# Cheap pre-filter: only runs of digits that start like a dialled number (0..., +..., 00...) go
# to the matcher; a 9-digit ID number without leading 0 is no phone number.
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(0|0)[\d\s().\-/]{8,24}\d(?![\w])")
_DATE = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}$")


# A number in digit words ("nul zes een twee ..."), Dutch or English: eight or more in a row
_DIGIT_WORD = (
    r"nul|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|"
    r"zero|oh|one|two|three|four|five|six|seven|eight|nine"
)
_WORD_NUMBER = re.compile(rf"(?i)(?<![\w])(?:{_DIGIT_WORD})(?:[\s,.-]+(?:{_DIGIT_WORD})){{7,}}(?![\w])")
# A number split over messages: a phone cue and the start of a number that ends the message
# ("mn nummer is 06 57"), then the rest in the next messages ("21 83 09 sorry")
_PARTIAL = re.compile(r"(?<![\w+])((?:\+|00|0)\d*(?:[ .-]\d+)*)\W*$")
_PHONE_CUE = re.compile(
    r"(?:nummer|nr|tel|telefoon|mobiel|bel|whatsapp|app|phone|number|call)\b[\s:.,]*(?:is|=)?[\s:]*$"
)
_REST = re.compile(r"^\W*(?:[^\W\d]+ )?(\d+(?:[ .-]\d+)*)")


# typed on a phone: a letter o for the zero ("o6-1234 5678", "06-3O2 ...") and underscores between the groups
# ("06_14_55_..."); replaced one for one, so offsets hold
# (each pattern starts with the character it looks for, so the regex engine can skip to it)
_LETTER_ZERO = re.compile(r"[oO](?=\d)")
_UNDERSCORE = re.compile(r"_(?=\d)(?<=\d_)")


def _zero_typed_as_o(text: str, at: int) -> bool:
    """ "o6-..." at a number's start (not after a letter, "_" or "+"), or "3O2" between digits."""
    before_it = text[at - 1] if at else " "
    if before_it.isdigit():
        return True
    return not (before_it.isalnum() or before_it in "_+") and text[at + 1] != "0"


def _as_digits(text: str) -> str:
    if "_" in text and _UNDERSCORE.search(text):
        text = _UNDERSCORE.sub(" ", text)
    zeros = [m.start() for m in _LETTER_ZERO.finditer(text) if _zero_typed_as_o(text, m.start())]
    if zeros:
        chars = list(text)
        for at in zeros:
            chars[at] = "0"
        text = "".join(chars)
    return text


class PhoneRecogniser(Recogniser):
    """Dutch and foreign numbers: 0612345678, 06-12 34 56 78, +31 6 ..., 0031 6 ..., +40 ..."""

    name = "phone"
    needs = DIGIT.search  # (numbers in words and numbers split over messages: find_all reads every message)

    def __init__(self, region: str = "NL", min_digits: int = 9) -> None:
        self.region = region
        self.min_digits = min_digits

    def find(self, text: str) -> Iterator[Finding]:
        text = _as_digits(text)
        for cand in _CANDIDATE.finditer(text):
            chunk = cand.group()
            if _DATE.match(chunk.strip()):
                continue
            # "06-12 34 56 78 1234 AB": the run swallows the postcode's digits and the whole is
            # no number; shorten it at a space from the right until a number is found
            while chunk:
                found = list(self._numbers(chunk))
                if found:
                    for start, end in found:
                        yield Finding(cand.start() + start, cand.start() + end, "PHONE", self.name)
                    break
                cut = chunk.rstrip().rfind(" ")
                if cut <= 0 or sum(c.isdigit() for c in chunk[:cut]) < self.min_digits:
                    break
                chunk = chunk[:cut]

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        out = super().find_all(texts)
        lowered = join(texts)[0].lower()
        in_words = "nul" in lowered or "zero" in lowered  # a number in words has its 0 in it
        for index, text in enumerate(texts):
            if in_words:
                for m in _WORD_NUMBER.finditer(text):
                    out[index].append(Finding(m.start(), m.end(), "PHONE", self.name))
            tail = text[-30:]
            if index + 1 < len(texts) and ("0" in tail or "+" in tail):
                out_split = self._split_number(texts, index)
                for at, start, end in out_split:
                    out[at].append(Finding(start, end, "PHONE", self.name))
        return out

    def _split_number(self, texts: Sequence[str], index: int) -> list[tuple[int, int, int]]:
        """A number begun after a phone cue at the end of one message and finished in the next
        one to three messages; taken only when the digits together make a valid number."""
        text = texts[index]
        head = _PARTIAL.search(text, max(0, len(text) - 30))  # only the message's end
        if head is None or not any(c.isdigit() for c in head.group(1)):
            return []
        if not _PHONE_CUE.search(before(text, head.start(1), 40)):
            return []
        digits = re.sub(r"\D", "", head.group(1))
        if len(digits) >= self.min_digits:
            return []  # a whole number: found in its own message
        parts = [(index, head.start(1), head.end(1))]
        for at in range(index + 1, min(index + 4, len(texts))):
            rest = _REST.match(texts[at])
            if rest is None or len(texts[at]) > 60:
                break
            digits += re.sub(r"\D", "", rest.group(1))
            parts.append((at, rest.start(1), rest.end(1)))
            if len(digits) >= 10:
                break
        if len(parts) < 2 or len(digits) > 13:
            return []
        try:
            number = phonenumbers.parse(("+" if head.group(1).startswith("+") else "") + digits, self.region)
        except phonenumbers.NumberParseException:
            return []
        return parts if phonenumbers.is_valid_number(number) else []

    def _numbers(self, chunk: str) -> Iterator[tuple[int, int]]:
        # "06/41/22/87/03": phonenumbers does not group digits by slashes; a slash is a space here
        # (same length, so offsets hold)
        chunk = chunk.replace("/", " ")
        for match in PhoneNumberMatcher(chunk, self.region, leniency=Leniency.POSSIBLE):
            digits = sum(c.isdigit() for c in match.raw_string)
            if digits >= self.min_digits and phonenumbers.is_possible_number(match.number):
                yield match.start, match.start + len(match.raw_string)
