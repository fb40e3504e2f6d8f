"""Regular expressions of the rule files, with shared macros for Dutch chat language."""

from __future__ import annotations

import re
from functools import lru_cache

# Number words a chatter writes for an age; validated with text2num afterwards.
NUMBER_WORD = (
    r"(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)en)?"
    r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
    r"|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
    r"|twaalf|elf|tien|negen|acht|zeven|zes|vijf|vier|drie|twee"
)

# Macros usable as {name} in rule files. Text is folded first (lower case, é -> e).
MACROS: dict[str, str] = {
    # a name in raw text or a pseudonym tag of de-identified text
    # (fold() turns "[PERSON-1]" into "_person_1_", same length, so word boundaries work around it)
    "name": r"(?:_[a-z_]+_\d+_|[a-z][\w'-]*)",
    "tag": r"_[a-z_]+_\d+_",
    "my": r"(?:mijn|mn|m'n|me|mij|my|onze|ons|our)",
    "his": r"(?:zijn|zn|z'n|haar|hun|his|her|their)",
    "num": rf"(?:\d{{1,2}}|{NUMBER_WORD})",
    "w": r"[\w'-]+",
    "sp": r"[ \t]+",
    # platform names as chatters write them; "snap" only where it cannot be the verb (ik snap het)
    "platform": (
        r"(?:snapchat|(?:(?<=op )|(?<=via )|(?<=van )|(?<=mijn )|(?<=mn )|(?<=zn )|(?<=zijn )|(?<=on ))snap"
        r"|snap(?=\s*:)|instagram|insta|(?:(?<=op )|(?<=via )|(?<=van ))(?:ig|wa|sc|fb)"
        r"|tik ?tok|whats ?app|telegram|facebook"
        r"|messenger|grindr|tinder|badoo|discord|twitter|kik|roblox|fortnite"
        r"|twitch|only ?fans|kinky(?:\.nl)?|sexjobs(?:\.nl)?|hookers\.nl|marktplaats|vinted|youtube"
        r"|reddit|omegle|wechat|bumble|lovoo|skype|aupairworld|au pair world|linkedin|seeking(?:\.com)?"
        r"|sugardaters?(?:\.nl)?|yubo|wizz|bereal|pinterest|hinge)"
    ),
}


def expand(pattern: str) -> str:
    """Replace {macro} by its regular expression; leave regex counts like {1,3} alone."""
    return re.sub(r"\{([a-z]+)\}", lambda m: MACROS.get(m.group(1), m.group(0)), pattern)


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    # MULTILINE: "^" is a sentence start also in the joined text of Context.joined
    return re.compile(expand(pattern), re.MULTILINE)
