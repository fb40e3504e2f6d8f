"""Word lists: deduce's name and place lists, faker's first names of many origins, keep words.

All are read lazily and cached per process; none is read at import.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from wordfreq import zipf_frequency as _wordfreq_zipf


@lru_cache(maxsize=262144)
def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency, remembered: the recognisers ask for the same words again and
    again, and wordfreq normalises the word anew on every call."""
    return _wordfreq_zipf(word, lang)


# Other languages helpline chatters write in (wordfreq's codes), besides Dutch and English
CHAT_LANGUAGES = ("fr", "es", "pt", "it", "pl", "ro", "de", "tr")

# Faker locales whose first names are written in Latin script: names of many origins that the
# Dutch lists of deduce lack (Turkish, Moroccan, Polish, Romanian, Bulgarian, Eritrean...).
NAME_LOCALES = (
    "nl_NL", "nl_BE", "en_GB", "en_US", "fr_FR", "de_DE", "tr_TR", "pl_PL", "ro_RO", "cs_CZ",
    "hu_HU", "es_ES", "pt_PT", "pt_BR", "it_IT", "id_ID", "en_IN", "en_NG", "sw", "fa_IR",
    "ar_AA", "bg_BG", "hr_HR", "sk_SK", "sl_SI", "lt_LT", "lv_LV", "sv_SE", "da_DK", "fi_FI",
)


def _deduce_lists() -> Path:
    # find the package's folder without importing it: importing deduce sets up root logging
    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        raise ImportError("deduce is not installed")
    return Path(spec.origin).parent / "data" / "lookup" / "src"


def _read_items(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8") as stream:
        return frozenset(line.strip() for line in stream if line.strip())


# letters that carry no combining accent in Unicode, so NFKD leaves them alone
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                          "ı": "i", "þ": "th", "ŀ": "l"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase without accents: the key under which name variants meet ("Łukasz" = "lukasz")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unknown_as_written(word: str) -> bool:
    """No dictionary knows the word with its accents: "Thaís" is a name even though it folds to
    the keep word "thais" (Thai); "Oekraïens" is Dutch and stays the keep word it folds to."""
    lowered = word.lower()
    return zipf_frequency(lowered, "nl") < 1.0 and zipf_frequency(lowered, "en") < 1.0


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Folded first names: deduce's Dutch list plus faker's names of many origins."""
    names = {fold(n) for n in _read_items(_deduce_lists() / "names" / "lst_first_name" / "items.txt")}
    for locale in NAME_LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ImportError:  # a faker release without that locale: fewer names, not an error
            continue
        provider = module.Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            for name in getattr(provider, attr, ()) or ():
                key = fold(name)
                # faker's lists hold "Can", "My", "Van": names elsewhere, words here; and "La",
                # "Elle", "Nada", "Pero": the commonest words of languages chatters write in
                if (
                    zipf_frequency(key, "en") < 4.8
                    and zipf_frequency(key, "nl") < 4.5
                    and all(zipf_frequency(key, lang) < 5.8 for lang in CHAT_LANGUAGES)
                ):
                    names.add(key)
    # "you", "my", "van" are in the lists too: far too common as words to ever count as names
    return frozenset(
        n for n in names
        if len(n) >= 2 and re.fullmatch(r"[a-z][a-z'-]*", n)
        and zipf_frequency(n, "en") < 5.5 and zipf_frequency(n, "nl") < 5.5
    )


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    base = _deduce_lists() / "names"
    return frozenset(fold(n) for n in _read_items(base / "lst_surname" / "items.txt"))


@lru_cache(maxsize=1)
def placenames() -> frozenset[str]:
    """Folded Dutch towns, villages and municipalities (deduce's lists)."""
    base = _deduce_lists() / "locations" / "lst_placename"
    names = _read_items(base / "lst_residence" / "items.txt")
    names |= _read_items(base / "lst_municipality" / "items.txt")
    return frozenset(fold(n) for n in names)


CITY_LOCALES = ("nl_BE", "de_DE", "de_AT", "pl_PL", "ro_RO", "en_GB", "es_ES", "it_IT", "pt_PT",
                 "cs_CZ", "hu_HU", "tr_TR", "fr_CH", "sk_SK", "sl_SI", "hr_HR", "lt_LT", "uk_UA")


_NOT_IN_KEY = re.compile(r"[^a-z0-9]")


def street_key(words: str) -> str:
    """A street's name as one folded run of letters and digits: "Marco Pololaan", "marco polo
    laan" and "marco-pololaan" meet under "marcopololaan"."""
    return _NOT_IN_KEY.sub("", fold(words))


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    """Dutch street names (deduce's list, from the BAG register) under `street_key`."""
    items = _read_items(_deduce_lists() / "locations" / "lst_street" / "items.txt")
    return frozenset(key for key in map(street_key, items) if len(key) >= 5)


@lru_cache(maxsize=1)
def foreign_cities() -> frozenset[str]:
    """Folded city names of neighbouring and origin countries (faker's address data)."""
    names: set[str] = set()
    for locale in CITY_LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.address.{locale}")
        except ImportError:
            continue
        for city in getattr(module.Provider, "cities", ()) or ():
            key = fold(city)
            common = zipf_frequency(key, "nl") >= 5.0 or zipf_frequency(key, "en") >= 4.0
            if len(key) >= 4 and re.fullmatch(r"[a-z][a-z' -]*", key) and not common:
                names.add(key)
    return frozenset(names)


@lru_cache(maxsize=1)
def geonames_places() -> frozenset[str]:
    """Folded GeoNames places: Dutch and Belgian villages and their other names ("den bosch"),
    cities of the world, and the Dutch exonyms of big ones ("parijs"); see data/geonames_places.txt."""
    lines = _data_text("geonames_places.txt").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def all_places() -> frozenset[str]:
    """Dutch places, foreign cities and GeoNames places together."""
    return placenames() | foreign_cities() | geonames_places()


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=1)
def _frequent_words() -> tuple[frozenset[str], frozenset[str]]:
    """Frequent Dutch words (zipf >= 4) that are not first names, and those words with one
    letter dropped."""
    from wordfreq import top_n_list

    names = first_names()
    words = frozenset(
        w for w in top_n_list("nl", 20000)
        if w.isalpha() and len(w) >= 4 and zipf_frequency(w, "nl") >= 4.0 and w not in names
    )
    return words, frozenset(d for w in words for d in _deletes(w))


@lru_cache(maxsize=65536)
def typo_of_common_word(key: str) -> bool:
    """One slip away from a frequent Dutch word: a letter dropped ("imand"), added ("spulllen")
    or two swapped ("mnanen", "vreoger", "klnaten"); a word typed in a hurry, not a name.
    A changed letter is not counted: too many names are one letter from a word."""
    if len(key) < 5 or zipf_frequency(key, "nl") >= 4.0:
        return False
    words, dropped = _frequent_words()
    if key in dropped or any(d in words for d in _deletes(key)):
        return True
    return any(key[:i] + key[i + 1] + key[i] + key[i + 2:] in words for i in range(len(key) - 1))


@lru_cache(maxsize=1)
def _towns_and_slips() -> tuple[frozenset[str], frozenset[str]]:
    """Dutch and Belgian places of six letters or more, and those names with one letter dropped."""
    towns = frozenset(w for w in placenames() if w.isalpha() and len(w) >= 6)
    return towns, frozenset(d for w in towns for d in _deletes(w))


@lru_cache(maxsize=65536)
def typo_of_town(key: str) -> bool:
    """One slip away from a Dutch or Belgian place ("drachtn", "haarlm", "amersfort", "naaldwyk"
    is not: a changed letter is not counted): a letter dropped, added or two swapped."""
    if len(key) < 5 or not key.isalpha():
        return False
    towns, dropped = _towns_and_slips()
    if key in towns:
        return False
    if key in dropped or any(d in towns for d in _deletes(key)):
        return True
    return any(key[:i] + key[i + 1] + key[i] + key[i + 2:] in towns for i in range(len(key) - 1))


@lru_cache(maxsize=65536)
def dutch_compound(key: str) -> bool:
    """A Dutch compound of known words ("klassenapp", "meldpunt", "hostesswerk"): an ordinary
    word that no frequency list holds, not a name. The head must be a common word (zipf >= 4),
    the part before it a known one; "bijlmer" and "presikhaaf" do not split that way."""
    for i in range(3, len(key) - 2):
        head, left = key[i:], key[:i]
        if zipf_frequency(head, "nl") >= 4.0 and (
            zipf_frequency(left, "nl") >= 2.5
            or (left.endswith("s") and zipf_frequency(left[:-1], "nl") >= 2.5)
        ):
            return True
    return False


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded common Dutch words and stop words of deduce's whitelist."""
    base = _deduce_lists() / "whitelist"
    words = _read_items(base / "lst_common_word" / "items.txt")
    words |= _read_items(base / "lst_stop_word" / "items.txt")
    return frozenset(fold(w) for w in words)


def _data_text(name: str) -> str:
    return resources.files("inbeeld.deid").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def keep_words(path: str | None = None) -> frozenset[str]:
    """Folded words and phrases that are never masked (platforms, place types, family words...)."""
    text = Path(path).read_text(encoding="utf-8") if path else _data_text("keep_words.txt")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(fold(line) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def codable_terms() -> dict[str, tuple[str, ...]]:
    """Codable terms per category; the key `patterns` holds regular expressions."""
    data = yaml.safe_load(_data_text("codable_terms.yaml"))
    return {key: tuple(str(v) for v in values) for key, values in data.items()}
