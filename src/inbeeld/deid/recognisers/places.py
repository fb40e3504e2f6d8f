"""Towns and villages written in lowercase ("in zwolle", "uit den haag"), after a place cue."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache

from inbeeld.deid.lexicons import (
    all_places,
    common_words,
    dutch_compound,
    first_names,
    fold,
    keep_words,
    placenames,
    typo_of_common_word,
    typo_of_town,
    zipf_frequency,
)
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.words import Token, lowered_words, tokens


def _after_postcode(text: str, prev: Token) -> bool:
    """After a postcode comes the town: "1234 ab zwolle", "1234AB, zwolle"."""
    if prev.end - prev.start != 2:
        return False
    digits = text[max(0, prev.start - 5) : prev.start].rstrip()
    return len(digits) >= 4 and digits[-4:].isdigit()


_FOUR_DIGITS_BEFORE = re.compile(r"(?<![\d.,-])[1-9]\d{3},? $")

_CUE_WORDS = frozenset(
    {
        "in",
        "uit",
        "naar",
        "vanuit",
        "rond",
        "richting",
        "bij",
        "te",
        "woon",
        "woont",
        "wonen",
        "woonde",
        "from",
        "to",
        "near",
        "van",
        # a place type right before the town: "azc assen", "station zwolle", "salon den bosch"
        "azc",
        "station",
        "salon",
        "camping",
        "wijk",
        "magazijn",
        "fabriek",
        "hotel",
        "gezinshuis",
    }
)
# words after which a town's clause goes on ("in leiden bij mn oom", "uit leiden en ...")
_CLAUSE_GOES_ON = frozenset(
    {"bij", "in", "en", "of", "maar", "met", "want", "nu", "sinds", "toen", "ofzo", "ergens", "centrum",
     "noord", "zuid", "oost", "west", "and", "or", "with", "now"}
)
# the question a place answers: "waar woon je?", "in welke wijk?", "where do you live?"
_PLACE_QUESTION = re.compile(
    r"(?i)\b(?:waar woon|waar wonen|waar zit je|waar ben je|welke wijk|welke stad|welke plaats|welk dorp|"
    r"welke buurt|in welke|where do you live|where are you|which city|which town|what city)"
)
_PLACE_QUESTION_LOOK = ("waar", "welk", "where", "which", "what city")
# a town listed after a found one: "in utrecht, zeist en houten", "arnhem, ede, apeldoorn",
# "zwolle soms deventer"
_LIST_GAP = re.compile(r"\s*[,/]\s*|\s+(?:en|of|and|or|soms|ook|maar ook|en soms|en ook|of soms)\s+")
# before a neighbourhood no list knows ("te dealen", "to police" are no places)
_DISTRICT_CUES = frozenset({"in", "uit", "naar", "vanuit", "bij"})
# "amsterdam-noord", "nieuw-west", "zuid-oost": a compass part makes a hyphenated word a district
_COMPASS = frozenset({"noord", "zuid", "oost", "west", "centrum", "north", "south", "east"})
# "in zuidoost", "in noordwest": the districts of big cities are named so
_COMPASS_DISTRICTS = frozenset({"zuidoost", "zuidwest", "noordoost", "noordwest", "nieuwwest"})
# endings of Dutch place and neighbourhood names: an unknown lowercase word after "in" that ends
# like this is a place ("in holtenbroek"), not a typo
_TOPONYM = re.compile(
    r"(?:broek|burg|dam|dijk|veen|wijk|hoven|horst|kerk|loo|stein|oord|wold|woude|hout|heim|meer|"
    r"veld|rode|rade|donk|beek|bergen|berg|zand|mond|sluis|haven|huizen|drecht|stad|laar|werf|"
    r"zijl|waard|polder|hoek|gein|sum|ingen|um|erp|ede|schot|lo|dorp|weide|hage|hof|eiland|kwartier|"
    # the parts of districts named after old fields, waters and farms ("overvecht", "brandevoort",
    # "stadshagen", "keizerslanden", "rietkampen", "ganzenhoef", "hoograven", "kersenboogerd")
    r"vecht|voort|hagen|landen|kampen|hoef|graven|oever|gerd|akkers|akkeren|beemden)$"
)


@lru_cache(maxsize=65536)
@lru_cache(maxsize=65536)  # asked of most words of every conversation
def _plain_town_as_written(word: str) -> bool:
    """A plain town (below) written in lowercase."""
    return word.islower() and _plain_town(fold(word))


def _plain_town(key: str) -> bool:
    """A Dutch town that is no word in either language, so it needs no cue ("schiedam",
    "vlaardingen", "zwolle"); towns that are words ("bergen", "leiden", "best") still do.
    A town known abroad ("utrecht": zipf >= 2.5 in English) counts too, as English has no such word."""
    if len(key) < 6 or not key.isalpha() or key not in placenames() or key in common_words():
        return False
    if _verb_form(key):
        return False  # "handel", "verlaat" are villages, but far more often verbs
    nl, en = zipf_frequency(key, "nl"), zipf_frequency(key, "en")
    return (en < 2.5 and nl < 4.6) or (2.5 <= en < 4.5 and nl >= 4.5)


_LONG_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiou])$")


def _verb_form(key: str) -> bool:
    """A form of a common Dutch verb: its infinitive is the word (or the word without -t, with a
    long vowel written short) plus -en: "handel" -> handelen, "verlaat" -> verlaten."""
    stems = {key, key[:-1] if key.endswith("t") else key}
    stems |= {_LONG_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2), stem) for stem in stems}
    return any(zipf_frequency(stem + "en", "nl") >= 3.5 for stem in stems)


def _dutch_only(key: str) -> bool:
    """Seen in Dutch text but not in English and not common: a Dutch proper noun more often than
    not ("kanaleneiland", "charlois"); Dutch dictionary words after "in" are mostly common ones."""
    return zipf_frequency(key, "en") < 1.0 and zipf_frequency(key, "nl") < 3.3


_DIGIT = re.compile(r"\d")


# "in de schilderswijk", "uit de transvaalbuurt": a compound on a district word after "in de" is a
# named neighbourhood, unless its first part only describes one ("woonwijk", "nieuwbouwwijk")
_DISTRICT_HEADS = ("wijk", "buurt", "kwartier", "eiland")
_GENERIC_DISTRICT_PARTS = (
    "woon", "nieuwbouw", "probleem", "vinex", "achter", "volks", "arbeiders", "studenten", "villa",
    "buiten", "rand", "aandachts", "krachts", "achterstands", "stads", "binnen", "oude", "nieuwe",
    "rustige", "rijke", "arme", "hele", "andere", "zelfde", "eigen", "slaap", "winkel", "uitgaans",
    "rosse", "tippel", "prostitutie", "industrie", "bedrijven", "haven", "kantoor",
)


def _named_district(key: str) -> bool:
    head = next((h for h in _DISTRICT_HEADS if key.endswith(h)), None)
    return (
        head is not None
        and len(key) >= len(head) + 4
        and key.isalpha()
        and not key.startswith(_GENERIC_DISTRICT_PARTS)
    )


class ChatPlaceRecogniser(Recogniser):
    """Lowercase places of deduce's list after in/uit/naar; up to three words ("bergen op zoom")."""

    name = "chat_places"

    def __init__(self, max_zipf: float = 5.3, keep_file: str | None = None) -> None:
        self.max_zipf = max_zipf
        self.keep_file = keep_file

    @staticmethod
    def _town_that_is_a_verb(text: str, toks: tuple[Token, ...], i: int, prev: str, key: str) -> bool:
        """ "in leiden", "naar leiden.": a Dutch town that is also a verb, after a preposition
        of place and before the end of the clause (a verb cannot stand there)."""
        if prev not in ("in", "uit", "naar", "vanuit") or key not in placenames() or len(key) < 5:
            return False
        if key in _COMPASS:
            return False  # "in noord": a part of some city, too coarse to name one
        after = text[toks[i].end : toks[i].end + 2]
        if not after.strip() or after[:1] in ".,!?;:)\n":
            return True
        return i + 1 < len(toks) and toks[i + 1].text.lower() in _CLAUSE_GOES_ON

    def _neighbour_place(self, text: str, toks: tuple[Token, ...], k: int) -> Finding | None:
        """The word right after a found place ("arnhem presikhaaf", "heerlen meezenbroek",
        "Borgerhout antwerpen"): a place too when a list knows it as a town or no dictionary
        knows it at all."""
        if k >= len(toks) or text[toks[k - 1].end : toks[k].start] not in (" ", ", ", " - ", "-"):
            return None
        key = fold(toks[k].text)
        if key in _CUE_WORDS:
            return None  # "emmeloord, wijk ...": the word that introduces the next place
        if key in ("de", "het") and k + 1 < len(toks) and toks[k + 1].start - toks[k].end == 1:
            # "tilburg de reeshof": a district with its article after the town
            district = fold(toks[k + 1].text)
            toponym = (
                _TOPONYM.search(district) is not None
                and zipf_frequency(district, "nl") < 3.0
                and self._no_listed_word(district)
            )
            if self._district(district) or _named_district(district) or toponym:
                return Finding(toks[k].start, toks[k + 1].end, "PLACE", self.name)
            return None
        # a word no dictionary knows right after a town is its district, compound or not
        # ("zwolle holtenbroek")
        rare = (
            len(key) >= 5
            and key.isalpha()
            and self._no_listed_word(key)
            and zipf_frequency(key, "nl") < 2.5
            and zipf_frequency(key, "en") < 2.0
            and not typo_of_common_word(key)
        )
        town = (
            key in all_places()
            and key not in common_words()
            and key not in keep_words(self.keep_file)
            and (zipf_frequency(key, "nl") < self.max_zipf or len(key) > 6)
        )
        compass = key in _COMPASS_DISTRICTS or key in _COMPASS  # "amsterdam zuidoost", "utrecht oost"
        if town or compass or rare:
            return Finding(toks[k].start, toks[k].end, "PLACE", self.name)
        return None

    def _town_of_words(self, text: str, toks: tuple[Token, ...], i: int) -> Finding | None:
        """A town of two to four words that says what it is without a cue: one that starts with
        "den" or has "aan"/"op" inside ("den haag", "capelle aan den ijssel", "bergen op zoom")."""
        for n in (4, 3, 2):
            run = toks[i : i + n]
            if len(run) < n or any(run[k + 1].start - run[k].end != 1 for k in range(n - 1)):
                continue
            phrase = fold(text[run[0].start : run[-1].end])
            words = phrase.split()
            if words[0] != "den" and not any(w in ("aan", "op") for w in words[1:-1]):
                continue
            if phrase in placenames() and phrase not in keep_words(self.keep_file):
                return Finding(run[0].start, run[-1].end, "PLACE", self.name)
        return None

    def _no_listed_word(self, key: str) -> bool:
        """Neither a common word, a first name nor a keep word: what a district must be."""
        return (
            key not in common_words() and key not in first_names() and key not in keep_words(self.keep_file)
        )

    def _misspelt_town(self, key: str) -> bool:
        """A word no dictionary knows, one slip from a town ("drachtn", "amersfort")."""
        return (
            zipf_frequency(key, "nl") < 2.0
            and zipf_frequency(key, "en") < 2.5
            and self._no_listed_word(key)
            and typo_of_town(key)  # (frequent words include the big towns: "haarlm" is both)
        )

    def _district(self, key: str) -> bool:
        """A neighbourhood no list holds: after a place cue, a word no dictionary knows as an
        ordinary word (districts have no public list that works offline)."""
        return (
            len(key) >= 5
            and key.isalpha()
            and _dutch_only(key)
            and self._no_listed_word(key)
            # compounds of known words ("klassenapp", "kebabzaak") are words; districts named
            # so ("overvecht") are missed unless a toponym ending or a capital gives them away
            and not dutch_compound(key)
            and not typo_of_common_word(key)
        )

    def find_all(self, texts: Sequence[str]) -> list[list[Finding]]:
        out = super().find_all(texts)
        for index in range(1, len(texts)):
            if len(texts[index]) > 40:
                continue
            if "?" not in texts[index - 1]:
                continue
            asked = texts[index - 1].lower()
            if any(w in asked for w in _PLACE_QUESTION_LOOK) and _PLACE_QUESTION.search(texts[index - 1]):
                out[index].extend(self._answer(texts[index]))
        return out

    def _answer(self, text: str) -> Iterator[Finding]:
        """A short answer to a place question: its words that are places or districts
        ("charlois", "bijlmer gaasperdam ertussen")."""
        for tok in tokens(text):
            key = fold(tok.text)
            town = key in all_places() and zipf_frequency(key, "nl") < self.max_zipf
            if (town or self._district(key)) and self._no_listed_word(key) and key not in _CUE_WORDS:
                yield Finding(tok.start, tok.end, "PLACE", self.name)

    def find(self, text: str) -> Iterator[Finding]:
        places = all_places()
        toks = tokens(text)
        lowered = lowered_words(text)
        # where digits are: only a token with a digit at most 16 characters before it can follow a
        # postcode, and most tokens have none (cheaper than looking behind every token)
        digits = [m.start() for m in _DIGIT.finditer(text)] if _DIGIT.search(text) else []
        last_end = -1  # where the last place found here ends
        # where a town of several words may start: at "den", or a word before "aan"/"op"
        town_starts = {k - (w != "den") for k, w in enumerate(lowered) if w in ("den", "aan", "op")}
        for i, tok in enumerate(toks):
            if i == 0:
                if 0 in town_starts:
                    run = self._town_of_words(text, toks, 0)  # "den haag. laak."
                    if run is not None:
                        last_end = run.end
                        yield run
                continue
            prev = lowered[i - 1]
            listed = (
                0 <= tok.start - last_end <= 16 and _LIST_GAP.fullmatch(text, last_end, tok.start) is not None
            )
            if listed:
                prev = "in"  # a town in a list of towns stands as if after "in"
            # a digit just before: after a postcode ("1234 ab zwolle", Belgian "2140 Antwerpen")
            near = bisect_left(digits, tok.start - 16) if digits else 0
            postcode = (
                near < len(digits)
                and digits[near] < tok.start
                and (
                    (
                        text[max(0, tok.start - 3) : tok.start].rstrip(" ,")[-1:].isdigit()
                        and _FOUR_DIGITS_BEFORE.search(text, max(0, tok.start - 7), tok.start) is not None
                    )
                    or (len(prev) == 2 and _after_postcode(text, toks[i - 1]))
                )
            )
            if prev not in _CUE_WORDS and not postcode:
                run = None
                if i in town_starts and prev not in ("van", "vd", "v"):
                    run = self._town_of_words(text, toks, i)  # "den haag"; not "van den berg"
                if run is not None:
                    last_end = run.end
                    yield run
                elif len(tok.text) >= 6 and _plain_town_as_written(tok.text):
                    nxt = self._neighbour_place(text, toks, i + 1)  # "tilburg noord"
                    last_end = nxt.end if nxt else tok.end
                    yield Finding(tok.start, last_end, "PLACE", self.name)  # "meestal schiedam of ..."
                continue
            for n in (4, 3, 2, 1):  # longest place name first
                run = toks[i : i + n]
                if len(run) < n:
                    continue
                phrase = fold(text[run[0].start : run[-1].end])
                if phrase not in places or phrase in keep_words(self.keep_file):
                    continue
                if prev == "te" and n == 1 and phrase.endswith("en"):
                    continue  # "aan te melden": after "te" an infinitive, whatever town shares it
                # after a postcode the word is the town, even one that is also a verb ("leiden")
                # (a frequent word no list calls common is a short function word, "meer", "vrij";
                # a long one is the big city itself: "in amsterdam")
                if (
                    n == 1
                    and not postcode
                    and (
                        phrase in common_words()
                        or (zipf_frequency(phrase, "nl") >= self.max_zipf and len(phrase) <= 6)
                    )
                    and not self._town_that_is_a_verb(text, toks, i, prev, phrase)
                ):
                    continue
                if (
                    n > 1
                    and run[0].text.lower() in ("de", "het", "een")
                    and all(
                        fold(t.text) in common_words() or zipf_frequency(fold(t.text), "nl") >= 4.0
                        for t in run
                    )
                ):
                    continue  # "de buurt", "de bus": villages of that name exist, but not here
                # "in arnhem presikhaaf", "in Borgerhout antwerpen": the district or town next
                # to the place is one too, and one span with it (the space between is masked)
                nxt = self._neighbour_place(text, toks, i + n)
                last_end = nxt.end if nxt else run[-1].end
                yield Finding(run[0].start, last_end, "PLACE", self.name)
                break
            else:
                key = fold(tok.text)
                parts = key.split("-")
                if (
                    len(parts) > 1
                    and (parts[0] in places or _COMPASS.intersection(parts))
                    and (key not in keep_words(self.keep_file))
                ):
                    last_end = tok.end
                    yield Finding(tok.start, last_end, "PLACE", self.name)  # "amsterdam-noord"
                    continue
                # "uit nieuw west", "in nieuw-west" written apart
                if (
                    prev in _DISTRICT_CUES
                    and key == "nieuw"
                    and i + 1 < len(toks)
                    and lowered[i + 1] in _COMPASS
                    and toks[i + 1].start - tok.end == 1
                ):
                    last_end = toks[i + 1].end
                    yield Finding(tok.start, last_end, "PLACE", self.name)
                    continue
                # "in drachtn", "uit haarlm": a town typed with a slip
                if prev in _CUE_WORDS and self._misspelt_town(key):
                    nxt = self._neighbour_place(text, toks, i + 1)
                    last_end = nxt.end if nxt else tok.end
                    yield Finding(tok.start, last_end, "PLACE", self.name)
                    continue
                if prev in _DISTRICT_CUES and (self._district(key) or key in _COMPASS_DISTRICTS):
                    last_end = tok.end
                    yield Finding(tok.start, last_end, "PLACE", self.name)
                    continue
                # "in de kolenkit", "uit de Kolenkit": a district written with its article
                if (
                    prev in ("in", "uit")
                    and key in ("de", "het")
                    and i + 1 < len(toks)
                    and toks[i + 1].start - tok.end == 1
                ):
                    nxt = toks[i + 1]
                    if self._district(fold(nxt.text)) or _named_district(fold(nxt.text)):
                        last_end = nxt.end
                        yield Finding(tok.start, last_end, "PLACE", self.name)
                        continue
                if (
                    len(key) >= 6
                    and _TOPONYM.search(key)
                    and zipf_frequency(key, "nl") < 3.5
                    and key not in common_words()
                    and key not in keep_words(self.keep_file)
                ):
                    last_end = tok.end
                    yield Finding(tok.start, last_end, "PLACE", self.name)
