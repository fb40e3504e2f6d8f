"""Usernames on social media, games and chat apps: with @, after a platform cue, or handle-shaped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wordfreq import zipf_frequency

from inbeeld.deid.lexicons import common_words, fold, keep_words
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser

_AT = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
_PLATFORM = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tt|telegram|tg|kik|discord|twitter|fb|facebook|"
    r"threads|wickr|signal|onlyfans|of|roblox|fortnite|psn|xbox|steam|twitch|youtube|yt|bereal|"
    r"account|acc|username|user|gebruikersnaam|gamertag|naam op (?:snap|insta|tiktok|discord)|"
    r"noemt zich|noemde zich|noemen zich|contactnaam|contact"
)
# "mn snap is x", "snap: x", "insta = x", "zn tiktok heet x", "add me op snap x_y"
_CUE = re.compile(
    rf"(?i)\b(?:{_PLATFORM})\b(?:\s*(?:naam|name|account|id))?"
    r"(?:\s*(?::|=|,|is|heet|was|->)\s*|\s+)(@?[\w.]{2,30})"
)
# handle-shaped tokens: an underscore ("sammie_xx04"), or letters and digits mixed, starting
# with a letter ("sanne2008", "ariana0real03"); "16jaar" and "3havo" start with a digit
_SHAPED = re.compile(
    r"(?<![\w@./-])(?:[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*_[A-Za-z0-9_.]*[A-Za-z0-9]"
    r"|(?=[A-Za-z]{3})(?=[A-Za-z0-9._]*\d)[A-Za-z][A-Za-z0-9.]{4,29}[A-Za-z0-9])(?![\w@-]|\.\w)"
)


class HandleRecogniser(Recogniser):
    name = "handle"

    def __init__(self, keep_file: str | None = None, max_zipf: float = 4.0) -> None:
        self.keep_file = keep_file
        self.max_zipf = max_zipf

    def _wordlike(self, token: str) -> bool:
        """A plain word that a cue pattern happened to catch ("ik ken hem van snap en ...")."""
        key = fold(token.lstrip("@"))
        if key in keep_words(self.keep_file) or key in common_words():
            return True
        return token.isalpha() and zipf_frequency(key, "nl") >= self.max_zipf

    def find(self, text: str) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for f in self._find(text):
            if (f.start, f.end) not in seen:
                seen.add((f.start, f.end))
                yield f

    def _find(self, text: str) -> Iterator[Finding]:
        for m in _AT.finditer(text):
            end = m.end()
            while text[end - 1] == ".":
                end -= 1
            yield Finding(m.start(), end, "HANDLE", self.name)
        for m in _CUE.finditer(text):
            token = m.group(1).rstrip(".")
            start = m.start(1)
            if not token or self._wordlike(token):
                continue
            shaped = not token.isalpha()
            connector = text[m.start(0):start].lower()
            strong = any(c in connector for c in (":", "=", ",", " is ", " heet ", "->"))
            if shaped or strong:
                yield Finding(start, start + len(token), "HANDLE", self.name)
        for m in _SHAPED.finditer(text):
            token = m.group()
            if fold(token) in keep_words(self.keep_file):
                continue
            yield Finding(m.start(), m.end(), "HANDLE", self.name)
