"""First names as teenagers write them: lowercase, after chat cues, of many origins.

deduce finds capitalised names from its Dutch lists; this adds (1) names after a cue
("ik ben sanne", "mn vriend kevin", "die jongen heet dex"), (2) lowercase names that are not
also ordinary words (word frequency from `wordfreq` decides), (3) capitalised names of many
origins from faker's name lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from inbeeld.deid.lexicons import (
    common_words,
    dutch_compound,
    first_names,
    fold,
    keep_words,
    surnames,
    typo_of_common_word,
    unknown_as_written,
    zipf_frequency,
)
from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import SEPARATOR, Recogniser, before
from inbeeld.deid.recognisers.words import Token, lowered_words, tokens

RELATIONS = (
    "vriend|vriendje|vriendin|vriendinnetje|friend|boyfriend|girlfriend|broer|broertje|zus|zusje|"
    "neef|neefje|nicht|nichtje|oom|tante|opa|oma|vader|moeder|stiefvader|stiefmoeder|ex|baas|"
    "pooier|loverboy|buurman|buurvrouw|buurjongen|buurmeisje|mentor|mentrix|docent|leraar|"
    "lerares|juf|meester|meneer|mevrouw|mevr|mw|dhr|begeleider|begeleidster|voogd|collega|"
    "klasgenoot|klasgenote|advocaat|advocate|coach|trainer|chef|manager|zoon|dochter|kind|"
    "kleinzoon|kleindochter|vriendinnen|vrienden|jongen|meisje|man|vrouw|gast|chick|dude|"
    "brother|sister|cousin|uncle|aunt|boss|husband|wife|partner|vriendje|date|kennis|familielid|"
    "klant|klanten|contact|collega's|vriendengroep|"
    # foster family and the bosses of exploited workers
    "pleegmoeder|pleegvader|pleegbroer|pleegzus|stiefbroer|stiefzus|halfbroer|halfzus|zwager|"
    "coordinator|coördinator|supervisor|voorman|ploegleider|teamleider|eigenaar|eigenaresse|owner|"
    "landlord|huisbaas|madam"
)
# "mn grote neef", "haar nieuwe vriend": a relation with an adjective is still a relation
_ADJECTIVES = (
    r"(?:grote|kleine|oudere|jongere|oude|nieuwe|beste|echte|eigen|lieve|enige|vorige|eerste|"
    r"tweede|older|new|best|old|little|big)"
)
# a name follows for sure: any word but a common one is taken
_STRONG = re.compile(
    r"(?:\b(?:ik|hij|zij|ze|die|ie|jij|je|hem|haar|jongen|meisje|man|vrouw|vriend|vriendin|broer|zus|"
    r"neef|nicht|oom|tante|vader|moeder|pooier|baas|gast|meid|account|he|she|naam|echt|eigenlijk)\s+(?:heet|heette)"
    # "de grootste heet kevin", "die ene heette Bram": an article and one word as the subject
    r"|\b(?:de|die|deze)\s+[^\W\d_]+\s+(?:heet|heette)"
    r"|\bheten|\bbijnaam(?: is)?|\bnickname(?: is)?|\bnoemt zich|\bnoemde zich|\bnoem me|"
    r"\bnoemen hem|\bnoemen haar|\bnoemt hem|"
    r"\bnoemt haar|\bnoemde hem|\bnoemde haar|"
    # a quote may open the name: "ze noemen hem 'kleine'"
    r"\bgenaamd|\bnaam is|\bname is|\bnamed|\bcalled|\bnaam:|\bnaam =|"
    # "daar heet ik lisa", "op de site heet ze jade"; "my name on site is bianca"
    r"\bheet (?:ik|hij|ze|zij)|\bheette (?:ik|hij|ze|zij)|"
    r"\b(?:naam|name) (?:on|op|in) (?:the |de |het |die |that )?\w+ (?:is|was)|\b(?:naam|name) daar is)"
    # a hedge between cue and name: "hij heet eig rayen", "ze heet eigenlijk Sanne"
    r"(?:\s+(?:eig|eigl|eigenlijk|echt|trouwens|officieel|volgens mij|denk ik|geloof ik|dus|gewoon|"
    r"actually|really))?"
    r"[\s'\"‘’“”]*$"
)
# the last word of every strong cue (with its hedge): only after these can _STRONG match
_STRONG_ENDS = frozenset(
    {"heet", "heette", "heten", "bijnaam", "nickname", "is", "was", "zich", "me", "hem", "haar", "genaamd",
     "named", "called", "naam", "name", "ik", "hij", "ze", "zij", "eig", "eigl", "eigenlijk", "echt",
     "trouwens", "officieel", "mij", "dus", "gewoon", "actually", "really"}
)
# the hedges themselves are no name
_HEDGES = frozenset(
    {"eig", "eigl", "eigenlijk", "echt", "trouwens", "officieel", "volgens", "denk", "geloof", "dus",
     "gewoon", "actually", "really"}
)
# a title after the cue is no name either; the word after it is ("heet dhr. Hassan Farouk")
TITLE_WORDS = frozenset({"dhr", "mevr", "mw", "meneer", "mevrouw", "mr", "mrs", "ms", "juf", "meester"})
# a name may follow: only words of the name lists are taken
_WEAK = re.compile(
    rf"(?:\bik ben|\bben ik|\bi am|\bi'm|\bim|\bthis is|\bhier is|\bspreekt met|\bspreek je met|"
    rf"\bchat je met|\bhoi|\bhey|\bhi|\bhallo|\bhello|\bdag|\bdoei|\bbedankt|\bdank je|\bdankje|"
    rf"\bsorry|\bsamen met|\bcontact met|\bken alleen|\bvooral|"
    rf"\b(?:mn|mijn|m'n|zn|zijn|z'n|haar|d'r|der|onze|ons|je|jouw|jullie|die|een|my|his|her|the|a|de|het)"
    rf"\s+['\"‘’“”]?(?:{_ADJECTIVES}\s+)?(?:{RELATIONS}))"
    # "the coordinator is tomek": the relation's "is" before the name
    r"(?:\s+(?:is|was))?[\s,:'\"‘’“”]*$"
    # apposition: "een vriend van de familie, joshua, zegt ..."
    rf"|\b(?:{RELATIONS}|familie)\b[^,.!?\n]{{0,30}},\s*$"
)
# words next to which a name often stands, but an ordinary word just as often
_NEAR = re.compile(
    r"(?:\bmet|\baan|\bzijn|\ben|\bvan|\bbij|\bvoor|\bzegt|\bzei|\bvroeg|\bappte|\bwil|\bvond|"
    r"\bom|\bvia|\bover|\btegen|\bwith|\bfrom)[\s,]*$"
)
# "dat heet criminele uitbuiting": naming a thing, not a person
_NAMING_A_THING = re.compile(
    r"\b(?:dat|dit|het|wat|zo|dat is|het is)\s+(?:heet|heette|noemen we|noem je)\s*$"
)
_SUBJECT_VERB = re.compile(
    r"\s+(?:zit|zat|neemt|nemt|nam|regelt|regelde|woont|woonde|belt|belde|zegt|zei|heeft|had|wil|"
    r"wou|komt|kwam|gaat|ging|stuurt|stuurde|appt|appte|haalt|haalde|brengt|bracht|doet|deed|laat|"
    r"liet|geeft|gaf|houdt|hield|moet|moest|kan|kon|betaalt|betaalde|dwingt|dwong|slaat|sloeg|"
    r"dreigt|dreigde|is mn|is mijn|is m'n|is zn|is een|was mn|was mijn|en ik|zn|z'n|says|said|has|"
    r"took|takes|staat|stond|wacht|wachtte|brengt|brrengt|pakt|pakte|vraagt|vroeg|maakt|maakte|"
    r"dwingt|bedreigt|chantert|verkoopt|verkocht|werkt|werkte|rijdt|reed|kent|kende|verdient|"
    r"is de|is die|is mijn|heeft mij|heeft me|is my|is his|is her|was my|kijkt|keek|"
    r"found|keeps|kept|makes|made|brings|brought|sells|sold|"
    r"tells|told|wants|wanted|gets|got|sends|sent|pays|paid|lives|lived|works|worked)\b",
    re.IGNORECASE,
)
# the last word of each strong cue, for the fast path
_STRONG_LAST = frozenset(
    {
        "bijnaam",
        "nickname",
        "heet",
        "heette",
        "heten",
        "zich",
        "me",
        "hem",
        "haar",
        "genaamd",
        "is",
        "named",
        "called",
        "naam",
    }
)
# a cue word right before: only these let a word that no name list knows through the fast path
_CUE_LAST = _STRONG_LAST | _HEDGES | frozenset(
    {
        "mevrouw",
        "meneer",
        "mevr",
        "mw",
        "dhr",
        "juf",
        "meester",
        "mr",
        "ms",
        "mrs",
    }
)
_TITLE_BEFORE = re.compile(r"\b(?:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|juf|meester|mr\.?|ms\.?|mrs\.?)\s+$")
_INTERFIX = frozenset(
    {
        "dela",
        "del",
        "dos",
        "das",
        "de",
        "van",
        "der",
        "den",
        "el",
        "al",
        "ten",
        "ter",
        "le",
        "la",
        "da",
        "di",
        "du",
        "von",
    }
)


_RELATION_WORDS = frozenset(RELATIONS.split("|"))
# months that are also given names (April, Mei, Juni, Juli): keep words, but a name right after a
# relation or "ik ben"/"heet" ("mn vriendin april", "zijn vrouw Mei", "ik ben Juni"), unless a
# number is next to it ("ik ben april 2008 geboren")
NAME_MONTHS = frozenset({"april", "mei", "juni", "juli"})
NUMBER_AFTER = re.compile(r"\s*\d")
# an alias after a name: "Dennis of Den", "Brahim, of 'Bra'", "Rico alias Ricky"
_ALIAS_WORDS = frozenset({"of", "or", "alias", "aka", "oftewel", "ofwel"})
# what everyone calls someone: "iedereen zegt yoesie", "ze noemen me momo", "zeggen ze altijd
# tiko" (a lowercased copy); the word must look like a name, as "zegt" also leads plain speech
_SAYING = frozenset({"zegt", "zeggen", "noemt", "noemen", "call", "calls"})
_SAYERS = frozenset({"iedereen", "ze", "zij", "men", "mensen", "everyone", "they"})
_SAID_NAME = re.compile(
    r"(?: (?:hem|haar|me|mij|him|her))?(?: (?:ook|altijd|gewoon|also))? ([^\W\d_][\w'’-]*)(?![\w'’-])"
)
_QUOTES = "'\"‘’“”"
# a nickname with an article after a naming verb: "ze noemen hem de prins", "called the Boss"
# (matched in a lowercased copy; after "heet" the text must have a capital there: "de baas heet
# de Turk", not "dat heet de wet")
_ARTICLE_NICKNAME = re.compile(
    r"(?:noem(?:t|en|de|den)\s+(?:hem|haar|zich|me|mij)|genaamd|called|named|bijnaam is|nickname is)"
    r"\s+['\"‘’“”]?((?:de|het|the|die)\s+[^\W\d_]{3,})"
    r"|(?:heet|heette)\s+['\"‘’“”]?((?:de|het|the)\s+)([^\W\d_]{3,})"
)
# the name before its naming verb: "Dimitar noemen ze hem", "stikker noemen ze haar"
# (the naming words are looked for first, then the word before them: a pattern that starts at
# every word would cost more)
_NAMING_AFTER = re.compile(
    r"(?:noemen ze (?:hem|haar|me|mij)|noemde ze (?:hem|haar)|is (?:zijn|haar|mijn|mn|zn) (?:bij)?naam)\b"
)
_WORD_BEFORE = re.compile(r"(?<![\w'-])([^\W\d_][\w'-]{1,20})['\"”’]?,? $")
# "fam. Arts", "familie Yilmaz": a family by its surname
_FAMILY_NAME = re.compile(r"(?:fam\.?|familie|family) ([A-Z][^\W\d_]{2,}(?:-[A-Z][^\W\d_]+)?)")
# a street nickname: a size word and a short name ("kleine mo", "dikke riz", "lil jay")
_SIZE_WORDS = ("kleine", "dikke", "lil", "little", "big")
_SIZE_NICKNAME = re.compile(r"(?:" + "|".join(_SIZE_WORDS) + r")\s+([^\W\d_]{2,6})(?![\w'-])")  # lowercased
_NICKNAME_LOOK = ("noem", "genaamd", "called", "named", "heet", "naam is", "name is")
# an initial before a surname: "staat als M. Kowalczyk", "A.J. de Wit" (the capital after the
# full stop would otherwise open a sentence)
_INITIALS_SURNAME = re.compile(
    r"(?=[A-Z])(?<![\w.])((?:[A-Z]\.\s?){1,3}(?:(?:van der|van den|van de|van|de|der|den|ter|ten)\s)?"
    r"[A-Z][^\W\d_]{2,}"
    r"(?:-[A-Z][^\W\d_]+)?)(?![\w])"
)
# a title and a lowercase surname, with or without its interfix: "mevrouw de boer", "mevr bakker"
_TITLE_SURNAME = re.compile(
    r"(?i)\b(?:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|juf|meester|mr\.?|mrs\.?|ms\.?)\s+"
    r"((?:(van der|van den|van de|van|de|der|den|ter|ten|el|al)\s+)?([a-zà-ÿ][a-zà-ÿ'-]{2,}))(?![\w])"
)
# an initial for a name: "ik noem hem even M.", "noem haar S", "mijn neef R. zegt"
_INITIAL = re.compile(
    r"(?:\bnoem (?:ik )?(?:hem|haar|hun|ze) (?:even |maar |gewoon |hier |voor nu )?"
    rf"|\b(?:mn|mijn|m'n|zn|zijn|haar|een|die|de) (?:{RELATIONS}) "
    # a title or trade before it needs no possessive: "coach C", "meneer B."
    r"|\b(?:coach|trainer|juf|meester|meneer|mevrouw|mevr|dhr|mr|mrs|baas|boss) )"
    r"([A-Z]\.?)(?=[\s,;:!?)]|$)"
)
# a capital standing alone, not "I" (English chats are full of it); the capital first, so that
# the regex engine can skip to the capitals
_LONE_CAPITAL = re.compile(r"[A-HJ-Z](?![\w])(?<![\w.][A-HJ-Z])")
_INITIAL_DOT = re.compile(r"[A-Z]\. ?[A-Z]")
# after these a capital inside a sentence is a name, even "Ben" or "Zon": "mijn vriend Ben",
# "ik ben Zon trouwens"
_CAPITAL_CUES = _RELATION_WORDS | {"ben", "am"}
_PREPOSITIONS = frozenset({"met", "van", "bij", "om", "via", "tegen", "voor", "aan", "with", "from"})
_BE = re.compile(r"\s+(?:is|was|wordt|werd|heeft|had|uit (?:mijn|zijn|haar|de|het))\b")


@lru_cache(maxsize=4096)
def _double_name(key: str) -> bool:
    """Two first names joined by a hyphen ("henk-jan", "anne-sophie"), listed or not."""
    parts = key.split("-")
    return len(parts) == 2 and all(len(p) >= 2 and p in first_names() for p in parts)


@lru_cache(maxsize=64)
def _keys(text: str) -> list[str]:
    """The folded key of each token of the text (lowercase, accents off)."""
    return [t.text.lower() if t.text.isascii() else fold(t.text) for t in tokens(text)]


_NOT_VERBS = frozenset(
    {
        "echt",
        "ooit",
        "toch",
        "zelfs",
        "niet",
        "heel",
        "net",
        "met",
        "wat",
        "dat",
        "het",
        "laat",
        "sowieso",
        "gewoon",
        "eerst",
        "nooit",
        "altijd",
        "vaak",
    }
)


def _verb_third_person(word: str) -> bool:
    """Shaped like a Dutch verb after "hij": ends in -t and is a common word ("spreekt", "zit")."""
    key = word.lower()
    return len(key) >= 3 and key.endswith("t") and key not in _NOT_VERBS and zipf_frequency(key, "nl") >= 3.0


def _after_comma(text: str, start: int) -> bool:
    return text[max(0, start - 3) : start].rstrip().endswith(",")


def _alone(text: str, tok: Token) -> bool:
    """A cheap test before `_only_word`: a line break or the text's edge on both sides."""
    opens = tok.start == 0 or text[tok.start - 1] == "\n" or text[: tok.start].endswith(("\n ", "\n\t"))
    return opens and (tok.end == len(text) or text[tok.end : tok.end + 1] in "\n.!?, ")


# the question a name answers: "hoe heet je?", "hoe mag ik je noemen?", "what is your name?"
_NAME_QUESTION = re.compile(
    r"(?i)\b(?:hoe heet je|hoe heet jij|hoe mag ik je noemen|hoe kan ik je noemen|hoe noem je jezelf|"
    r"(?:je|jouw|uw|your) (?:voor)?(?:naam|name)\b|how (?:can|should|may) i call you)"
)


def _answers_name_question(text: str, tok: Token) -> bool:
    """The message right before the token's message asks for a name."""
    head = text.rfind(SEPARATOR, 0, tok.start)
    if head < 0:
        return False
    previous = text.rfind(SEPARATOR, 0, head)
    return _NAME_QUESTION.search(text, 0 if previous < 0 else previous, head) is not None


def _third_person(key: str) -> bool:
    """A Dutch verb's third person ("belt", "zegt"): its infinitive is a common word."""
    if not key.endswith("t") or len(key) < 4:
        return False
    stem = key[:-1]
    return max(zipf_frequency(stem + "en", "nl"), zipf_frequency(stem + stem[-1] + "en", "nl")) >= 3.5


def _surname_like(key: str, max_zipf: float) -> bool:
    """A surname of the list, or a word that is neither common nor frequent."""
    return key in surnames() or (key not in common_words() and zipf_frequency(key, "nl") < max_zipf)


def _only_word(text: str, tok: Token) -> bool:
    """The token is the whole message (but for spaces and punctuation); the text may hold a
    conversation's messages joined by blank lines."""
    head = text.rfind(SEPARATOR, 0, tok.start)
    head = 0 if head < 0 else head + len(SEPARATOR)
    tail = text.find(SEPARATOR, tok.end)
    tail = len(text) if tail < 0 else tail
    return not text[head : tok.start].strip(" \t\n.,!?:") and not text[tok.end : tail].strip(" \t\n.,!?:")


@lru_cache(maxsize=65536)
def _name_shaped(key: str) -> bool:
    """A word as rare in Dutch as in English, or in neither ("tesfay", "eldridge", "marianna"):
    names travel between languages, ordinary words are common in one of them."""
    # names are short ("arbeidsuitbuiting" is not one); a plural of a known word is no name
    if not 4 <= len(key) <= 12 or not key.isalpha() or key in common_words() or dutch_compound(key):
        return False
    if key.endswith("s") and max(zipf_frequency(key[:-1], "en"), zipf_frequency(key[:-1], "nl")) >= 3.0:
        return False
    if typo_of_common_word(key):
        return False
    nl, en = zipf_frequency(key, "nl"), zipf_frequency(key, "en")
    return (nl < 1.0 and en < 2.0) or (min(nl, en) >= 1.0 and max(nl, en) < 3.6 and abs(nl - en) < 1.2)


@lru_cache(maxsize=65536)
def _plain_word(key: str) -> bool:
    """In no name list, no month that is a name, not shaped like a name."""
    if key in first_names() or ("-" in key and _double_name(key)):
        return False
    return key not in NAME_MONTHS and not _name_shaped(key)


class ChatNameRecogniser(Recogniser):
    """Names in chat spelling; `max_zipf` is how common a word may be to count as a name alone."""

    name = "chat_names"

    def __init__(
        self, max_zipf: float = 3.6, max_zipf_cued: float = 5.2, keep_file: str | None = None
    ) -> None:
        self.max_zipf = max_zipf
        self.max_zipf_cued = max_zipf_cued
        self.keep_file = keep_file

    @staticmethod
    def _rare_word_cued(text: str, toks: tuple[Token, ...], i: int, key: str, prev: str) -> bool:
        """Where a word rare in every language is a name (checked only for such words)."""
        tok = toks[i]
        return (
            # "een relatie met nevena", "het huis van eldridge": after a preposition
            prev in _PREPOSITIONS
            # "mn grote neef, tesfay", "een jongen van school, dimitar,": after a relation or
            # set off by commas
            or prev in _RELATION_WORDS
            or _after_comma(text, tok.start)
            # "luwam is heel bang", "maarten spreekt alles af": a subject at a sentence start
            or (tok.sentence_start and (_BE.match(text, tok.end) or _SUBJECT_VERB.match(text, tok.end)))
            # "ik ken alleen tesfay", "hoi luwam": after any weak cue
            # (not after "ik ben": "ik ben zorgcoördinator", "ik ben genderfluid")
            or (
                len(key) <= 10
                and prev not in ("ben", "am", "im", "i'm")
                and _WEAK.search(before(text, tok.start, 40)) is not None
            )
        )

    def _said_names(self, text: str, lowered_text: str) -> Iterator[Finding]:
        """The name after "iedereen zegt", "ze noemen me", "zeggen ze (altijd)"."""
        if len(lowered_text) != len(text):
            return
        toks, words = tokens(text), lowered_words(text)
        for i, word in enumerate(words):
            if word not in _SAYING:
                continue
            if i + 1 < len(words) and words[i + 1] in _SAYERS and toks[i + 1].start - toks[i].end == 1:
                after = toks[i + 1].end  # "zeggen ze ..."
            elif i and words[i - 1] in _SAYERS and toks[i].start - toks[i - 1].end == 1:
                after = toks[i].end  # "ze zeggen ..."
            else:
                continue
            m = _SAID_NAME.match(lowered_text, after)
            if m is not None and self._nickname_like(fold(m.group(1))):
                yield Finding(m.start(1), m.end(1), "PERSON", self.name)

    def _nickname_like(self, key: str) -> bool:
        """A known first name, a word shaped like a name, or one no dictionary knows."""
        if self._blocked(key) or key in _HEDGES or key in TITLE_WORDS:
            return False
        if key in first_names():
            return zipf_frequency(key, "nl") < 5.0
        rare = len(key) >= 3 and zipf_frequency(key, "nl") < 1.5 and zipf_frequency(key, "en") < 2.5
        return _name_shaped(key) or (rare and not typo_of_common_word(key))

    def _blocked(self, key: str) -> bool:
        return len(key) < 2 or key in keep_words(self.keep_file) or key in common_words()

    def find(self, text: str) -> Iterator[Finding]:
        lowered_text = text.lower()
        if len(lowered_text) == len(text) and any(w in lowered_text for w in _NICKNAME_LOOK):
            for m in _ARTICLE_NICKNAME.finditer(lowered_text):
                if m.start() and lowered_text[m.start() - 1].isalnum():
                    continue  # inside a word ("renamed", "geheet")
                if m.group(1):
                    yield Finding(m.start(1), m.end(1), "PERSON", self.name)
                    continue
                cue = before(text, m.start(), 40) + text[m.start() : m.start(2)]
                if text[m.start(3)].isupper() and not _NAMING_A_THING.search(cue):
                    yield Finding(m.start(2), m.end(3), "PERSON", self.name)
        if "noemen ze" in lowered_text or "naam" in lowered_text:
            for after in _NAMING_AFTER.finditer(text):
                m = _WORD_BEFORE.search(text, max(0, after.start() - 26), after.start())
                if m is None:
                    continue
                key = fold(m.group(1))
                if key not in common_words() and key not in keep_words(self.keep_file) and len(key) >= 2:
                    yield Finding(m.start(1), m.end(1), "PERSON", self.name)
        if "fam" in lowered_text:
            for m in _FAMILY_NAME.finditer(text):
                if not (m.start() and text[m.start() - 1].isalnum()):
                    yield Finding(m.start(1), m.end(1), "PERSON", self.name)
        if len(lowered_text) == len(text) and any(w in lowered_text for w in _SIZE_WORDS):
            for m in _SIZE_NICKNAME.finditer(lowered_text):
                if m.start() and lowered_text[m.start() - 1].isalnum():
                    continue
                key = fold(m.group(1))
                nameish = key in first_names() or (
                    zipf_frequency(key, "nl") < 2.0 and zipf_frequency(key, "en") < 3.0
                )
                if nameish and key not in common_words() and key not in keep_words(self.keep_file):
                    yield Finding(m.start(), m.end(), "PERSON", self.name)
        if _LONE_CAPITAL.search(text):  # a cheap look: a capital letter standing alone
            for m in _INITIAL.finditer(text):
                yield Finding(m.start(1), m.end(1), "PERSON", self.name)
        if _INITIAL_DOT.search(text):
            for m in _INITIALS_SURNAME.finditer(text):
                surname = fold(m.group(1).rsplit(None, 1)[-1].rsplit(".", 1)[-1])
                if _surname_like(surname, 3.5):
                    yield Finding(m.start(1), m.end(1), "PERSON", self.name)
        if any(t in lowered_text for t in ("mevr", "meneer", "mw", "dhr", "juf", "meester", "mr", "mrs")):
            for m in _TITLE_SURNAME.finditer(text):
                surname = fold(m.group(3))
                # with an interfix the word is the surname ("mevrouw de boer"); alone it must be
                # one of the list or rare, and no verb ("meneer bakker", not "meneer belt me")
                alone = m.group(2) is None
                if alone and (surname in common_words() or _third_person(surname)):
                    continue
                if _surname_like(surname, 4.5 if not alone else 3.0) or (alone and surname in surnames()):
                    yield Finding(m.start(1), m.end(1), "PERSON", self.name)
        if "zeg" in lowered_text or "noem" in lowered_text or " call" in lowered_text:
            yield from self._said_names(text, lowered_text)
        names, family = first_names(), surnames()
        toks = tokens(text)
        keys = _keys(text)
        lowered = lowered_words(text)
        i = 0
        several = len(toks) > 1
        named: set[int] = set()  # the tokens taken as a name's first word here
        while i < len(toks):
            tok = toks[i]
            key = keys[i]
            prev = lowered[i - 1] if i else ""
            # fastest path, for most words: lowercase, no cue before, no name of any list or shape
            if (
                several
                and not tok.capitalised
                and prev not in _CUE_LAST
                and prev not in _ALIAS_WORDS
                and _plain_word(key)
                and text[tok.start - 1 : tok.start] != "("
            ):
                i += 1
                continue
            if not tok.text.isascii() and key in keep_words(self.keep_file) and unknown_as_written(tok.text):
                key = tok.text.lower()  # "Thaís" is a name, "thais" (Thai) a keep word
            # fast path: a word no list knows needs a cue right before it, or to act as a
            # capitalised, rare subject at a sentence start
            if (
                key not in names
                and key not in NAME_MONTHS
                and prev not in _CUE_LAST
                and (not (tok.sentence_start and tok.capitalised) or zipf_frequency(key, "nl") >= 2.5)
                # "mijn vriend Ben": a capital right after a relation word
                and not (tok.capitalised and not tok.sentence_start and prev in _CAPITAL_CUES)
                # a message that is only a name: the answer to "hoe heet je?"
                and not (len(toks) == 1 and _only_word(text, tok))
                and not (_alone(text, tok) and _only_word(text, tok) and _answers_name_question(text, tok))
                and not (_name_shaped(key) and self._rare_word_cued(text, toks, i, key, prev))
                # "Dennis of Den", "yasmina (yas)": a word after a name may be its alias
                and not (i >= 1 and text[toks[i - 1].end : tok.start] == " (")
                and not (
                    prev in _ALIAS_WORDS
                    and i >= 2
                    and (toks[i - 2].capitalised or keys[i - 2] in names or i - 2 in named)
                )
            ):
                i += 1
                continue
            # a subject at the start of a sentence or of a clause ("het is een groep, ali is de baas")
            acting = (tok.sentence_start or _after_comma(text, tok.start)) and (
                _SUBJECT_VERB.match(text, tok.end) is not None
                or (
                    i + 1 < len(toks)
                    and _SUBJECT_VERB.match(text, toks[i + 1].end) is not None
                    and fold(toks[i + 1].text) not in common_words()
                    and zipf_frequency(fold(toks[i + 1].text), "nl") < 3.0
                )
                # "maarten spreekt alles af": a known name before a verb ending in -t
                or (key in names and i + 1 < len(toks) and _verb_third_person(toks[i + 1].text))
                # "Milouska is heel bang", "luwam is ...": a rare word as the subject of "is"
                or (
                    (tok.capitalised or _name_shaped(key))
                    and zipf_frequency(key, "nl") < 3.6
                    and _BE.match(text, tok.end) is not None
                )
            )
            context = before(text, tok.start, 40)
            # each cue pattern is tried once per word; a strong cue only where its last word is
            weak_cue = _WEAK.search(context) is not None
            strong_cue = prev in _STRONG_ENDS and _STRONG.search(context) is not None
            # "mijn vriend Ben laat ...": a capital after a relation is a name, even "Ben" or "Storm"
            related = (  # (not "Hello madam, I am ...")
                tok.capitalised and not tok.sentence_start and prev in _CAPITAL_CUES and weak_cue
            ) and len(key) >= 2
            # a name that is also a common word ("Storm", "Bas") only counts as a subject that acts
            strong = strong_cue and not _NAMING_A_THING.search(context)
            # "ik heet trouwens Joey": a common lowercase word before a capitalised one is not
            # the name, the next word is
            name_follows = (
                not tok.capitalised
                and zipf_frequency(key, "nl") >= 4.5
                and i + 1 < len(toks)
                and toks[i + 1].capitalised
                and toks[i + 1].start - tok.end == 1
            )
            strong = strong and (tok.capitalised or zipf_frequency(key, "nl") < 5.0) and not name_follows
            titled = tok.capitalised and _TITLE_BEFORE.search(context) is not None  # "meneer Bos"
            month_name = (
                key in NAME_MONTHS
                and (related or strong or (prev in _RELATION_WORDS and weak_cue))
                and not NUMBER_AFTER.match(text, tok.end)
            )
            quoted = text[tok.start - 1 : tok.start] in _QUOTES if tok.start else False
            strong_quoted = quoted and strong_cue
            # an alias after a name: a quoted word, a capital, or a short form of the name
            # "yasmina (yas)", "Quincy (Q, snap ...)": a short form in brackets after a name
            bracketed = (
                i >= 1
                and text[toks[i - 1].end : tok.start] == " ("
                and text[tok.end : tok.end + 1] in (")", ",")
                and (keys[i - 1] in names or toks[i - 1].capitalised or _name_shaped(keys[i - 1]))
                and (keys[i - 1].startswith(key) or len(key) <= 4)
                and key not in keep_words(self.keep_file)
            )
            alias = bracketed or (
                prev in _ALIAS_WORDS
                and i >= 2
                and (keys[i - 2] in names or toks[i - 2].capitalised)
                and (quoted or (tok.capitalised and not tok.sentence_start) or keys[i - 2].startswith(key))
                and len(key) >= 2
                and key not in keep_words(self.keep_file)
            )
            # "hij heet kaan of kaantje", "mo of moestafa": after a name just taken, "of" and a
            # word that looks like a name give its other form
            alias = alias or (
                prev in _ALIAS_WORDS and i >= 2 and i - 2 in named and self._nickname_like(key)
            )
            exempt = month_name or alias or strong_quoted or (
                ((acting and key in names) or strong or titled or related) and key not in keep_words(
                    self.keep_file
                )
            )
            if self._blocked(key) and not exempt:
                i += 1
                continue
            freq = zipf_frequency(key, "nl")
            known = key in names
            if "-" in key and _double_name(key):
                known, freq = True, 0.0  # "henk-jan": the parts' frequency says nothing of it
            # a word no dictionary knows ("tesfay", "ruchil"): after a cue, a name
            unknown = len(key) >= 3 and freq < 1.0 and zipf_frequency(key, "en") < 2.0
            unknown = unknown and not typo_of_common_word(key)
            taken = False
            if titled or related or month_name or alias:
                taken = True
            elif strong_quoted:
                taken = True  # "ze noemen hem 'kleine'": quotes make even a common word a name
            elif strong_cue and not _NAMING_A_THING.search(context):
                taken = (freq < self.max_zipf_cued or known or tok.capitalised) and not name_follows
            elif weak_cue:
                # after "mijn vader" a verb is as likely as a name ("mijn vader nam ..."): an
                # international name is about as common in English as in Dutch, a Dutch verb is not
                name_like = freq < self.max_zipf + 0.8 or zipf_frequency(key, "en") >= freq - 0.7
                cued_name = known and (tok.capitalised or (name_like and freq < self.max_zipf_cued))
                taken = cued_name or unknown or _name_shaped(key)
                # "I am lucky", "im tired": after "I am" a lowercase English word is an adjective
                if prev in ("am", "im", "i'm") and not tok.capitalised and zipf_frequency(key, "en") >= 3.5:
                    taken = False
            elif _NEAR.search(context):
                capital = tok.capitalised and not tok.sentence_start and freq < 5.0
                taken = known and (freq < self.max_zipf + 0.8 or capital)
                taken = taken or (prev in _PREPOSITIONS and _name_shaped(key))
                # "vooral Bashar en peter": joined to a name, a known name is one too
                coordinated = (
                    prev in ("en", "of", "and")
                    and i >= 2
                    and (fold(toks[i - 2].text) in names or toks[i - 2].capitalised)
                )
                taken = taken or (known and coordinated and freq < 5.5)
            elif acting:
                # "Nevena zit bij mij", "Storm regelt de afspraken", "alan neemt het geld"
                if tok.capitalised:
                    taken = (
                        (known and freq < 5.5)
                        or _name_shaped(key)
                        or (freq < 2.5 and len(key) >= 3 and not typo_of_common_word(key))
                    )
                else:
                    taken = (known and freq < 5.0) or _name_shaped(key)
            elif (
                not before(text, tok.start, 3).strip()  # the message's first word
                and tok.capitalised
                and text[tok.end : tok.end + 1] in (".", ",")
                and _name_shaped(key)
            ):
                taken = True  # "Yonas. boss name Kemal", "Yonas, that is": a message opened by a name
            elif _only_word(text, tok) and (len(toks) == 1 or _answers_name_question(text, tok)):
                taken = (known and freq < 5.0) or _name_shaped(key)
            elif known and len(key) >= 3:
                plain_word = freq >= self.max_zipf or zipf_frequency(key, "en") >= 4.0
                # a capital inside a sentence says "name" unless the word is very common
                taken = freq < 5.0 if tok.capitalised and not tok.sentence_start else not plain_word
            if not taken or (key in _HEDGES and not tok.capitalised) or key in TITLE_WORDS:
                i += 1
                continue
            end, j, first = tok.end, i + 1, i
            # "sanne de vries", "kevin yilmaz": extend over interfixes and a known surname
            while j < len(toks) and fold(toks[j].text) in _INTERFIX and toks[j].start - end <= 1:
                j += 1
            if j < len(toks) and toks[j].start - (toks[j - 1].end if j > i + 1 else end) <= 1:
                surname = fold(toks[j].text)
                rare = zipf_frequency(surname, "nl") < 2.5 and zipf_frequency(surname, "en") < 3.5
                # "schoonhouden" is rare but a compound verb; "haddad" is common in no language
                rare = (rare and not dutch_compound(surname) and not typo_of_common_word(surname)) or (
                    _name_shaped(surname)
                )
                # "felicia van leeuwen": after an interfix a word that is not very common is the
                # surname ("sanne van school", "kevin van de buurt" stay)
                # a lone article-like interfix ("Kiki de afspraken regelt") needs more: a capital
                article_only = all(fold(t.text) in ("de", "la", "le", "el", "al") for t in toks[i + 1 : j])
                interfixed = (
                    j > i + 1
                    and zipf_frequency(surname, "nl") < 5.0
                    and (not article_only or toks[j].capitalised)
                )
                if (
                    not self._blocked(surname)
                    and surname != key  # "Dwayne dwayne kartosen": a name said twice is no surname
                    and len(surname) >= 3
                    and ((surname in family and zipf_frequency(surname, "nl") < 4.5) or rare or interfixed)
                ):
                    end = toks[j].end
                    i = j
            named.add(first)
            yield Finding(tok.start, end, "PERSON", self.name)
            i += 1
