"""Chat style on top of rendered templates: casing, abbreviations, typos, emoji, past tense.

Every function here leaves identifier markup `[[TYPE:x]]` untouched: only the text between
marked spans is changed, so the gold spans stay exact.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_MARKUP_SPLIT = re.compile(r"(\[\[[A-Z_]+:.*?\]\])")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")

# Chat abbreviations with the chance that a writer uses them for a word
_ABBREVIATIONS = {
    "mijn": ("mn", 0.55), "even": ("ff", 0.5), "waarschijnlijk": ("wss", 0.6), "niet": ("nie", 0.08),
    "nog": ("ng", 0.12), "weet ik niet": ("idk", 0.3), "oké": ("oke", 0.5), "zijn": ("zn", 0.0),
    "jongens": ("gasten", 0.1), "alleen": ("alleen", 0.0), "wat": ("wt", 0.05), "echt": ("echt", 0.0),
    "want": ("wnt", 0.05), "bedankt": ("bdankt", 0.05), "het": ("t", 0.06), "dankjewel": ("dankje", 0.3),
    "ik weet het niet": ("idk", 0.4), "helemaal": ("hlml", 0.05), "vanavond": ("vnv", 0.05),
}
_ABBREV_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _ABBREVIATIONS), key=len, reverse=True)) + r")\b"
)
_EMOJI = ("😭", "🙏", "😔", "😢", "🥺", "😅", "💔", "😞")
# Words that typos must not touch: they carry the codes (numbers, platforms)
_PROTECTED = frozenset((
    "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien", "twintig", "snap", "snapchat", "insta", "instagram", "tiktok", "whatsapp", "telegram",
    "facebook", "kinky", "sexjobs", "onlyfans", "grindr", "discord", "tinder", "niet", "geen", "nee", "nooit",
    "sinds", "jaar", "maanden", "weken", "bijna", "eigenlijk", "aangifte", "politie", "januari", "februari",
    "maart", "april", "augustus", "september", "oktober", "november", "december", "zomer", "meisje",
    "jongen", "binair",
))
# Present to past for stories told years later (retro); only unambiguous verb forms
_PAST = {
    "moet": "moest", "moeten": "moesten", "neemt": "nam", "geeft": "gaf", "geven": "gaven",
    "betalen": "betaalden", "betaalt": "betaalde", "zegt": "zei", "zeggen": "zeiden", "is": "was",
    "heeft": "had", "hebben": "hadden", "komt": "kwam", "komen": "kwamen", "staat": "stond",
    "brengt": "bracht", "gaat": "ging", "gebeurt": "gebeurde", "laat": "liet", "laten": "lieten",
    "houdt": "hield", "weet": "wist", "weten": "wisten", "zien": "zagen", "ziet": "zag", "wil": "wilde",
    "kan": "kon", "mag": "mocht", "krijg": "kreeg", "krijgt": "kreeg", "woont": "woonde",
    "haalt": "haalde", "slaan": "sloegen", "slaat": "sloeg", "dreigt": "dreigde", "regelt": "regelde",
    "regelen": "regelden", "verdient": "verdiende", "zit": "zat", "doe": "deed", "doet": "deed",
    "word": "werd", "wordt": "werd", "ga": "ging", "huil": "huilde", "tril": "trilde", "zeg": "zei",
    "werk": "werkte", "ben": "was", "heb": "had", "spreek": "sprak", "sta": "stond", "deel": "deelde",
    "zijn": "waren", "gebruiken": "gebruikten", "stuurt": "stuurde", "zet": "zette", "huurt": "huurde",
    "koopt": "kocht", "slaap": "sliep", "durf": "durfde", "regel": "regelde", "liggen": "lagen",
    "appen": "appten", "woon": "woonde", "kom": "kwam", "volgt": "volgde",
    "probeer": "probeerde", "dreigen": "dreigden", "nu": "toen", "runt": "runde",
    "hoort": "hoorde",
}
# not inside a slot name such as {zijn}
_PAST_RE = re.compile(r"(?<!\{)\b(" + "|".join(map(re.escape, _PAST)) + r")\b(?!\})")


def map_plain(text: str, func: Callable[[str], str]) -> str:
    """Apply func to the text outside identifier markup."""
    parts = _MARKUP_SPLIT.split(text)
    return "".join(part if i % 2 else func(part) for i, part in enumerate(parts))


def split_point(text: str) -> int:
    """Index of the first ", " outside markup with text on both sides, or -1."""
    pos = 0
    for i, part in enumerate(_MARKUP_SPLIT.split(text)):
        if i % 2 == 0:
            at = part.find(", ")
            if at >= 0 and pos + at > 0 and pos + at + 2 < len(text):
                return pos + at
        pos += len(part)
    return -1


def to_past(template: str) -> str:
    """Turn a present-tense template into past tense (slots and markup are left alone)."""
    return _PAST_RE.sub(lambda m: _PAST[m.group(1)], template)


def informal(text: str, rng: random.Random, sloppiness: float, dutch: bool = True) -> str:
    """Lowercase chat style: abbreviations (Dutch only), the odd typo, an emoji now and then."""

    def plain(part: str) -> str:
        part = part.lower() if rng.random() < 0.9 else part
        if dutch:
            part = _ABBREV_RE.sub(lambda m: _abbreviate(m.group(1), rng, sloppiness), part)
        if rng.random() < 0.1 * sloppiness:
            part = _typo(part, rng)
        return part

    out = map_plain(text, plain)
    if out.endswith(".") and rng.random() < 0.7:
        out = out[:-1]
    if rng.random() < 0.06 * sloppiness:
        out += " " + rng.choice(_EMOJI) * rng.choice((1, 1, 2))
    return out


def _abbreviate(word: str, rng: random.Random, sloppiness: float) -> str:
    short, chance = _ABBREVIATIONS[word]
    return short if rng.random() < chance * sloppiness * 1.5 else word


def _typo(part: str, rng: random.Random) -> str:
    words = [m for m in _WORD.finditer(part) if len(m.group()) >= 5 and m.group().lower() not in _PROTECTED]
    if not words:
        return part
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 2)
    kind = rng.random()
    if kind < 0.5:
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]  # swap two letters
    elif kind < 0.8:
        w = w[:i] + w[i + 1:]  # drop one
    else:
        w = w[:i] + w[i] + w[i:]  # double one
    return part[:m.start()] + w + part[m.end():]


def formal(text: str) -> str:
    """Sentence case and a closing full stop, as professionals and parents write."""
    if not text:
        return text
    if not text.startswith("[["):
        text = text[0].upper() + text[1:]
    if text[-1] not in ".?!:)":
        text += "."
    return text


def capitalise(text: str) -> str:
    if text and not text.startswith("[["):
        return text[0].upper() + text[1:]
    return text
