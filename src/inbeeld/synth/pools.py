"""Pools of names, places and institutions, built once per process from faker and package data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


def load_data(name: str) -> dict:
    """Read one YAML file of the package's data folder."""
    text = resources.files("inbeeld.synth").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True, slots=True)
class Pools:
    """Everything identifiers are drawn from; tuples so that sampling is by index (deterministic)."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    counsellors: tuple[str, ...]
    surnames: tuple[str, ...]
    nicknames: tuple[str, ...]
    word_names_female: tuple[str, ...]
    word_names_male: tuple[str, ...]
    cities: tuple[str, ...]
    villages: tuple[str, ...]
    neighbourhoods: tuple[str, ...]
    foreign_cities: tuple[str, ...]
    streets: tuple[str, ...]
    schools: tuple[str, ...]
    primary_schools: tuple[str, ...]
    care: tuple[str, ...]
    employers: tuple[str, ...]


def _clean(names: Iterable[str]) -> list[str]:
    # faker lists are tuples or weighted dicts (iterating gives the names); plain one-word names only
    out = []
    for name in names:
        if isinstance(name, str) and name.isalpha() and 2 <= len(name) <= 12:
            out.append(name)
    return sorted(set(out))


@lru_cache(maxsize=1)
def get_pools() -> Pools:
    """Build the pools once; later calls return the same object."""
    # faker's word lists are read directly (no Faker instance: nothing random, nothing slow)
    from faker.providers.address import nl_NL as address_nl
    from faker.providers.person import nl_NL as person_nl
    from faker.providers.person import pl_PL as person_pl
    from faker.providers.person import ro_RO as person_ro
    from faker.providers.person import tr_TR as person_tr

    names = load_data("names.yaml")
    places = load_data("places.yaml")
    first = names["first_names"]
    female = {n for k, v in first.items() if k.endswith("_female") for n in v}
    male = {n for k, v in first.items() if k.endswith("_male") for n in v}
    # faker adds breadth: Dutch, Turkish, Polish and Romanian given names
    for provider in (person_nl.Provider, person_tr.Provider, person_pl.Provider, person_ro.Provider):
        female.update(_clean(provider.first_names_female)[:150])
        male.update(_clean(provider.first_names_male)[:150])
    counsellors = sorted(set(first["dutch_female"]) | set(first["dutch_male"]) | set(first["turkish_female"])
                         | set(first["moroccan_female"]) | set(first["surinamese_female"]))
    surnames = sorted({s for v in names["surnames"].values() for s in v})
    big = set(places["cities"])
    villages = sorted(c for c in address_nl.Provider.cities
                      if c not in big and "'" not in c and len(c) <= 20)
    streets = sorted(
        {f"{w}{s}" for w in places["street_words"] for s in places["street_suffixes"] if w.lower() != s}
    )
    words = places["institution_words"]
    schools = sorted({p.format(w=w) for p in places["schools"] for w in words})
    primary = sorted({p.format(w=w) for p in places["primary_schools"] for w in words})
    care = sorted({p.format(w=w) for p in places["care"] for w in words})
    dutch_surnames = [s for s in names["surnames"]["dutch"] if " " not in s]
    employers = sorted(
        {pattern.format(e=e, s=s) for pattern, words in places["employers"].items()
         for e in (words or [""]) for s in dutch_surnames[:10]}
    )
    return Pools(
        female=tuple(sorted(female)),
        male=tuple(sorted(male)),
        counsellors=tuple(counsellors),
        surnames=tuple(surnames),
        nicknames=tuple(names["nicknames"]),
        word_names_female=tuple(names["word_names"]["female"]),
        word_names_male=tuple(names["word_names"]["male"]),
        cities=tuple(places["cities"]),
        villages=tuple(villages),
        neighbourhoods=tuple(places["neighbourhoods"]),
        foreign_cities=tuple(places["foreign_cities"]),
        streets=tuple(streets),
        schools=tuple(schools),
        primary_schools=tuple(primary),
        care=tuple(care),
        employers=tuple(employers),
    )
