"""Phone numbers in any notation, validated by `phonenumbers` (Google's libphonenumber)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser

# Cheap pre-filter: only runs of digits that start like a dialled number (0..., +..., 00...) go
# to the matcher; a 9-digit ID number without leading 0 is no phone number.
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(0|0)[\d\s().\-/]{8,24}\d(?![\w])")
_DATE = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}$")


class PhoneRecogniser(Recogniser):
    """Dutch and foreign numbers: 0612345678, 06-12 34 56 78, +31 6 ..., 0031 6 ..., +40 ..."""

    name = "phone"

    def __init__(self, region: str = "NL", min_digits: int = 9) -> None:
        self.region = region
        self.min_digits = min_digits

    def find(self, text: str) -> Iterator[Finding]:
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

    def _numbers(self, chunk: str) -> Iterator[tuple[int, int]]:
        # "06/41/22/87/03": phonenumbers does not group digits by slashes; a slash is a space here
        # (same length, so offsets hold)
        chunk = chunk.replace("/", " ")
        for match in PhoneNumberMatcher(chunk, self.region, leniency=Leniency.POSSIBLE):
            digits = sum(c.isdigit() for c in match.raw_string)
            if digits >= self.min_digits and phonenumbers.is_possible_number(match.number):
                yield match.start, match.start + len(match.raw_string)
