"""Usernames on social media, games and chat apps: with @, after a platform cue, or handle-shaped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain

from inbeeld.deid.lexicons import (
    common_words,
    dutch_compound,
    first_names,
    fold,
    keep_words,
    typo_of_common_word,
    zipf_frequency,
)
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.words import Token, tokens

_AT = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
_PLATFORM = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tt|telegram|tg|kik|discord|twitter|fb|facebook|"
    r"threads|wickr|signal|onlyfans|of|roblox|fortnite|psn|xbox|steam|twitch|youtube|yt|bereal|"
    r"account|acc|ac+(?:ou|uo|u|o)n?t|username|user|gebruikersnaam|gamertag|"
    r"naam op (?:snap|insta|tiktok|discord)|"
    r"line id|wechat|viber|skype|"
    r"n[aeiou]{0,3}m[dt]e? zich|noemen zich|contactnaam|contact"  # "noemt zich", typed "nomt zich"
)
# platforms named in full, after which a word no dictionary knows is the username
_PLATFORM_NAMES = frozenset(
    {"snap", "snapchat", "insta", "instagram", "tiktok", "telegram", "kik", "discord", "twitter",
     "facebook", "threads", "wickr", "signal", "onlyfans", "roblox", "fortnite", "twitch", "youtube"}
)
# "mn snap is x", "snap: x", "insta = x", "zn tiktok heet x", "add me op snap x_y"
_CUE_PATTERN = (
    rf"\b(?:{_PLATFORM})\b(?:\s*(?:naam|name|account|id))?"
    r"(?:\s*(?::|=|,|is|heet|was|->)\s*|\s+)(@?[\w.]{2,30})"
)
_CUE = re.compile("(?i)" + _CUE_PATTERN)
# the same, case-sensitive, for a lowercased copy of the text: an IGNORECASE alternation of
# forty words tried at every word is slow
_CUE_LOWER = re.compile(_CUE_PATTERN)
# handle-shaped tokens: an underscore ("sammie_xx04"), or letters and digits mixed, starting
# with a letter ("sanne2008", "ariana0real03"); "16jaar" and "3havo" start with a digit
_SHAPED = re.compile(
    r"(?<![\w@./-])(?:[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*_[A-Za-z0-9_.]*[A-Za-z0-9]"
    r"|(?=[A-Za-z]{3})(?=[A-Za-z0-9._]*\d)[A-Za-z][A-Za-z0-9.]{4,29}[A-Za-z0-9])(?![\w@-]|\.\w)"
)

# short ones, letters then digits ("raj48", "ewa0"): a handle unless the letters are a common word
# ("groep8", "top10", "covid19" stay)
_SHORT = re.compile(r"(?<![\w@./-])(?P<letters>[A-Za-z]{3,})\d{1,4}(?![\w@-]|\.\w)")

# a Discord tag ("ghostkilla#4471"); a name dotted to one or two letters ("hafsa.x")
_DISCORD_TAG = re.compile(r"(?<![\w@#])[A-Za-z][\w.]{1,31}#\d{4}(?!\d)")
# (the dotted shapes are matched whole against the dotted tokens _DOTTED_ANY finds)
_DOTTED_SHORT = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}\.[A-Za-z0-9_]{1,2}")
_PARTICIPLE = re.compile(r"(?:ge|be|ver|ont)[a-z]{2,}(?:t|d|en)")
_PLATFORM_NEAR = re.compile(rf"(?i)\b(?:{_PLATFORM})\b")
# a dotted token ending in a common top-level domain is a web address, not a handle
_TLD_END = re.compile(r"(?i)\.(?:nl|com|be|de|org|net|eu|io|me|app|co|uk|pl|ro|info|biz)$")
_WORD_NUMBER = re.compile(r"([A-Za-z]+)(\d{1,2})")
# a first name joined to a word by a dot ("isabella.money", "sanne.xo"): a handle, not a URL
_DOTTED = re.compile(r"(?P<name>[A-Za-z]{3,})\.[A-Za-z]{2,}(?:\.[A-Za-z]+)*")

# any dotted token ("k.spijkerman", "m1lan.oss", "0kan.sahin.74"); what it is decides _dotted_handle
_DOTTED_ANY = re.compile(r"(?<![\w@./-])[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+(?![\w@/-]|\.\w)")
_NUMBER_LIKE = re.compile(r"[\d.,:]+[A-Za-z]{0,3}")
_NUMBER_WITH_UNIT = re.compile(r"\d+\.\d+[A-Za-z]*")
_FILE_END = re.compile(r"(?i)\.(?:jpe?g|png|gif|pdf|docx?|mp[34]|mov|heic|zip|txt|xlsx?)$")
# A display name is any text, so only a cue right before it ("op snap heet hij Bur 💸", "staat hij
# als RS Photo 📸", "noemt zich Mr. Big 💰") or "heet" right after it ("die Zaanse Souljah 🦁 heet")
# makes one, and only with an emoji after it: display names carry them, and the emoji marks the end.
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55"
_EMOJI_CHAR = re.compile("[" + _EMOJI + "]")
_DOT_INSIDE = re.compile(r"\w\.\w")
_DISPLAY_WORDS = r"((?:[\w'’.-]+ ){0,3}[\w'’.-]+ ?[" + _EMOJI + "]+)"
_DISPLAY_CUE = (
    r"\b(?:heet(?: hij| ze| ik)?|noemt (?:hij |ze )?zich|noemen zich|staat (?:hij |ze )?als|called|"
    rf"(?:{_PLATFORM})(?: ?(?:name|naam))?(?: is|:| heet(?: hij| ze| ik)?| =))\s+" + _DISPLAY_WORDS
)
# case-sensitive patterns run on a lowercased copy (fast); IGNORECASE ones where lowercasing
# changes the length
_DISPLAY_AFTER_CUE = re.compile(_DISPLAY_CUE)
_DISPLAY_AFTER_CUE_ANY_CASE = re.compile("(?i)" + _DISPLAY_CUE)
_DISPLAY_BEFORE_HEET = re.compile(r"\bdie " + _DISPLAY_WORDS + r" heet\b")
# "facebook name Mama Bless Oyo": after a platform's "name", capitalised words are the display name
_DISPLAY_NAME_CUE = re.compile(rf"\b(?:{_PLATFORM}) ?(?:name|naam)(?: is|:)? +")
_CAPITAL_WORDS = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}")
# a profile name after a platform: with "as"/"als" before it ("on facebook as Mama Joy Hair"), or
# with a number after it, as profile names carry ("facebook Long Nguyen 2004", "nepaccount Ron 040")
_PROFILE_CUE = re.compile(rf"\b(?:{_PLATFORM}|nepaccount|fake account)(?P<as> (?:as|als))? +")
_PROFILE_NUMBERED = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3} \d{2,4}(?![\w-])")


def _glued_alone(text: str, tok: Token) -> bool:
    """Nothing glued to the word that makes it part of an address, a path or a longer handle
    ("svenboss" alone, not in "x.svenboss.nl" or "@svenboss")."""
    before = text[tok.start - 1] if tok.start else " "
    after = text[tok.end : tok.end + 2] + "  "  # (spaces: the text's end glues nothing on)
    if before.isalnum() or before in "_@./-":
        return False
    dotted_on = after[0] == "." and (after[1].isalnum() or after[1] == "_")
    return not (after[0].isalnum() or after[0] in "_@-" or dotted_on)


# what a handle found by its shape holds (a message without any is not read for shapes)
_SHAPE_LOOK = re.compile(r"[\d_@#]")


def _once(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Each span once: the rules overlap."""
    seen: set[tuple[int, int]] = set()
    for f in findings:
        if (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            yield f


@lru_cache(maxsize=65536)
def _name_and_word(key: str) -> bool:
    """A first name glued to an English word ("svenboss", "jeaninemoney", "adilaxvip"):
    the shape of a username. The whole must be no word itself ("hansworst")."""
    if zipf_frequency(key, "nl") >= 1.0 or zipf_frequency(key, "en") >= 1.5:
        return False
    names = first_names()
    for cut in range(3, len(key) - 2):
        rest = key[cut:].removeprefix("x")
        if (
            key[:cut] in names
            and len(rest) >= 2
            and zipf_frequency(rest, "en") >= 3.5
            and fold(rest) not in common_words()
        ):
            return True
    return False


class HandleRecogniser(Recogniser):
    name = "handle"

    def __init__(self, keep_file: str | None = None, max_zipf: float = 4.0) -> None:
        self.keep_file = keep_file
        self.max_zipf = max_zipf

    def _common(self, letters: str) -> bool:
        """A common word in Dutch or English: with a number after it, still no handle."""
        key = fold(letters)
        return (
            key in common_words()
            or max(zipf_frequency(key, "nl"), zipf_frequency(key, "en")) >= self.max_zipf
        )

    def _wordlike(self, token: str) -> bool:
        """A plain word that a cue pattern happened to catch ("ik ken hem van snap en ...")."""
        key = fold(token.lstrip("@"))
        if key in keep_words(self.keep_file) or key in common_words():
            return True
        # "in my account, they have": a common English word is no username either
        # (English frequency only for words that are no first names: "sandra" is common in English)
        english = zipf_frequency(key, "en") if key not in first_names() else 0.0
        return token.isalpha() and max(zipf_frequency(key, "nl"), english) >= self.max_zipf

    def _dotted_handle(self, token: str) -> bool:
        """A dotted token that is no web address, file, number, abbreviation ("o.a.", "d.w.z")
        or two words typed without a space ("ja.ik"): a username ("k.spijkerman", "m1lan.oss")."""
        if _TLD_END.search(token) or _FILE_END.search(token) or _NUMBER_WITH_UNIT.fullmatch(token):
            return False
        parts = token.split(".")
        if sum(c.isalpha() for c in token) < 3 or all(len(p) <= 2 for p in parts):
            return False
        if any(c.isdigit() for c in token) or "_" in token:
            return True
        words = [p for p in parts if len(p) > 1]
        return not all(self._common(p) or fold(p) in keep_words(self.keep_file) for p in words)

    def find(self, text: str) -> Iterator[Finding]:
        return _once(chain(self._find_shapes(text), self._find_words(text)))

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        # the shapes need a digit, "_", "@" or "#": read in the few messages that hold one
        words = self.find_joined(texts, self._find_words)
        shapes = self.find_each(texts, _SHAPE_LOOK.search, self._find_shapes)
        return [list(_once(chain(s, w))) for s, w in zip(shapes, words, strict=True)]

    def _find_shapes(self, text: str) -> Iterator[Finding]:
        """Handles by their shape: "@sanne", "sammie_xx04", "raj48", "ghost#4471"."""
        for m in _AT.finditer(text) if "@" in text else ():
            end = m.end()
            while text[end - 1] == ".":
                end -= 1
            yield Finding(m.start(), end, "HANDLE", self.name)
        for m in _SHAPED.finditer(text):
            token = m.group()
            if fold(token) in keep_words(self.keep_file):
                continue
            plain = _WORD_NUMBER.fullmatch(token)
            if plain and self._common(plain.group(1)):
                continue  # "groep8", "covid19"
            yield Finding(m.start(), m.end(), "HANDLE", self.name)
        for m in _DISCORD_TAG.finditer(text) if "#" in text else ():
            yield Finding(m.start(), m.end(), "HANDLE", self.name)
        for m in _SHORT.finditer(text):
            # street talk ("ewa") is a keep word, but with digits glued on it is someone's handle
            if self._common(m.group("letters")):
                continue
            yield Finding(m.start(), m.end(), "HANDLE", self.name)

    def _find_words(self, text: str) -> Iterator[Finding]:
        """Handles by the words around them, and dotted, glued and display names."""
        lowered = text.lower()
        cues = _CUE_LOWER.finditer(lowered) if len(lowered) == len(text) else _CUE.finditer(text)
        for m in cues:
            token = text[m.start(1) : m.end(1)].rstrip(".")
            start = m.start(1)
            connector = text[m.start(0) : start].lower()
            # "insta: storm": after a colon or = even a plain word is the handle, unless a very
            # common one ("snap: nee") or a keep word
            key = fold(token.lstrip("@"))
            typed = (
                any(c in connector for c in (":", "=", "->"))
                and zipf_frequency(key, "nl") < 5.0
                and key not in keep_words(self.keep_file)
            )
            strong = any(c in connector for c in (":", "=", ",", " is ", " heet ", "->", " zich "))
            # "haar account is sandra": a first name after a clear cue is the username
            named = strong and key in first_names() and key not in common_words()
            if not token or (self._wordlike(token) and not typed and not named):
                continue
            shaped = not token.isalpha()
            # "mn snap is gehackt": a past participle says what happened to the account
            participle = token.isalpha() and _PARTICIPLE.fullmatch(token.lower()) is not None
            # "of 112 bellen", "om 12.30 of 13.00": a number or time, not a username
            number = _NUMBER_LIKE.fullmatch(token.lstrip("@")) is not None
            # "tiktok damianmoneymoves": right after a platform, a word no dictionary knows
            platform = text[m.start() : m.end()].split(None, 1)[0].lower()
            unknown = (
                platform in _PLATFORM_NAMES  # not "of" (OnlyFans, and "or"), "user", "contact"
                and token.isalpha()
                and token.islower()  # a capital is a name's ("op facebook Tesfay Gebre")
                and len(token) >= 5
                and not dutch_compound(key)
                and zipf_frequency(key, "nl") < 1.5
                and zipf_frequency(key, "en") < 2.0
                and not typo_of_common_word(key)
            )
            if (shaped or strong or unknown) and not participle and not number:
                yield Finding(start, start + len(token), "HANDLE", self.name)
        for tok in tokens(text):  # the shared word list, not a scan of every position
            word = tok.text
            plain = 7 <= len(word) <= 30 and word.isascii() and word.isalpha()
            if plain and _glued_alone(text, tok) and _name_and_word(word.lower()):
                yield Finding(tok.start, tok.end, "HANDLE", self.name)
        # cheap checks first: most texts have no dot inside a word, no emoji, no "name"; every
        # dotted token is found once and then judged by its shape
        if _DOT_INSIDE.search(text):
            for m in _DOTTED_ANY.finditer(text):
                token = m.group()
                if _TLD_END.search(token):
                    continue  # a web address
                if self._dotted_handle(token):
                    yield Finding(m.start(), m.end(), "HANDLE", self.name)
                    continue
                named_dot = _DOTTED.fullmatch(token)
                short_dot = _DOTTED_SHORT.fullmatch(token)
                if not (named_dot or short_dot):
                    continue
                near_platform = _PLATFORM_NEAR.search(text[max(0, m.start() - 40) : m.start()]) is not None
                if named_dot:  # "isabella.money": a first name dotted to a word
                    named = fold(named_dot.group("name")) in first_names() or near_platform
                    if named and fold(token) not in keep_words(self.keep_file):
                        yield Finding(m.start(), m.end(), "HANDLE", self.name)
                        continue
                if short_dot and near_platform:  # "op insta is ze hafsa.x"
                    yield Finding(m.start(), m.end(), "HANDLE", self.name)
        same_length = len(lowered) == len(text)
        if not text.isascii() and _EMOJI_CHAR.search(text):
            cue = _DISPLAY_AFTER_CUE if same_length else _DISPLAY_AFTER_CUE_ANY_CASE
            source = lowered if same_length else text
            for pattern in (cue, _DISPLAY_BEFORE_HEET):
                for m in pattern.finditer(source):  # the emoji belongs to the name
                    shown = text[m.start(1) : m.end(1)]
                    words = re.findall(r"[^\W\d_]+", shown)
                    if shown.islower() and all(self._common(w) for w in words):
                        continue  # "mn insta is echt leeg 😢": plain words, a feeling
                    yield Finding(m.start(1), m.end(1), "HANDLE", self.name)
        if same_length:
            for m in _PROFILE_CUE.finditer(lowered):
                run = (_CAPITAL_WORDS if m.group("as") else _PROFILE_NUMBERED).match(text, m.end())
                if run:
                    yield Finding(run.start(), run.end(), "HANDLE", self.name)
        if same_length and ("name" in lowered or "naam" in lowered):
            for m in _DISPLAY_NAME_CUE.finditer(lowered):
                run = _CAPITAL_WORDS.match(text, m.end())
                if run:
                    yield Finding(run.start(), run.end(), "HANDLE", self.name)
