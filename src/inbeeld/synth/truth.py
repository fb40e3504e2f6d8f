"""Sample the truth of one conversation first (its codes and the facts behind them)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

# Non-exploitation scenarios (nonexp.yaml) and how often each occurs among them.
NONEXP_SCENARIOS = {
    "bullying": 3, "relationship": 2, "refused_family": 2, "refused_online": 2, "image_leak": 2,
    "sextortion_money": 2, "offer_check": 2, "question_for_other": 2, "lesson_question": 1,
}
# Exploitation types and their mix (codebook values; combinations occur).
TYPE_MIX = {
    ("sexual",): 50, ("criminal",): 28, ("labour",): 9, ("sexual", "criminal"): 6,
    ("labour", "criminal"): 4, ("sexual", "labour"): 3,
}
# Perpetrator combinations (keys of story.yaml perp_intro) that fit each type.
PERP_MIX = {
    "sexual": {"partner_loverboy": 24, "parent": 6, "other_family": 7, "peer_acquaintance": 8,
               "online_contact": 10, "network": 10, "other": 6, "peer_acquaintance+network": 5,
               "parent+other": 3, "parent+other_family": 3, "partner_loverboy+network": 4,
               "online_contact+network": 3},
    "criminal": {"network": 20, "peer_acquaintance": 10, "peer_acquaintance+network": 8,
                 "other_family": 6, "online_contact": 6, "partner_loverboy": 5, "other": 3,
                 "online_contact+network": 4},
    "labour": {"other": 20, "network": 6, "other_family": 4, "partner_loverboy": 2},
}
LOCATIONS_BY_TYPE = {
    "sexual": ["hotel", "holiday_park", "storage_box", "victim_home", "perpetrator_home", "client_home",
               "car", "sex_venue", "webcam_online", "other"],
    "criminal": ["storage_box", "victim_home", "perpetrator_home", "car", "other"],
    "labour": ["victim_home", "perpetrator_home", "car", "other"],
}


@dataclass  # not frozen: the sampler fills it in step by step; nothing changes it afterwards
class Plan:
    """The facts of one conversation; codes() turns them into gold codes."""

    scenario: str
    role: str
    perspective: str  # "self", "other" or "none" (no possible victim)
    formal: bool  # the chatter writes formally (and is addressed with "u")
    gender: str
    gender_stated: bool
    age: int | None  # true age at the time of the chat
    age_mode: str  # digits, words, almost, correction, school, none, retro
    age_then: int | None = None  # retro: age when the exploitation began
    fake_age: int | None = None
    types: tuple[str, ...] = ()
    perp_combo: str = ""
    perps: tuple[str, ...] = ()
    recruitment: str | None = None
    platforms: dict[str, str] = field(default_factory=dict)  # use -> normalised platform name
    duration: str | None = None
    duration_months: int = 0
    locations: tuple[str, ...] = ()
    clients: str = "no"
    signals: tuple[str, ...] = ()
    sextortion: str | None = None
    language: str = "nl"  # "en": an adult migrant who writes in English
    disclosure: str | None = None
    police: str | None = None

    @property
    def minor(self) -> str | None:
        if self.perspective == "none":
            return None
        if self.age_mode == "retro" or self.age_mode == "school":
            return "yes"
        if self.age is None or self.age_mode == "none":
            return None
        return "yes" if self.age < 18 else "no"

    def codes(self) -> dict[str, Any]:
        """The gold codes, compact: single-valued unknowns left out."""
        out: dict[str, Any] = {"chatter_role": self.role}
        if self.age_mode not in ("school", "none") and self.age is not None and self.perspective != "none":
            out["victim_age"] = self.age
        if self.minor:
            out["minor"] = self.minor
        if self.gender_stated:
            out["victim_gender"] = self.gender
        out["exploitation_type"] = list(self.types)
        out["perpetrator"] = list(self.perps)
        if self.recruitment:
            out["recruitment_online"] = self.recruitment
        out["platforms"] = sorted(set(self.platforms.values()))
        if self.duration:
            out["duration_year_or_more"] = self.duration
        out["locations"] = list(self.locations)
        out["clients_mentioned"] = self.clients
        out["client_signals"] = list(self.signals)
        if self.sextortion:
            out["sextortion"] = self.sextortion
        if self.disclosure:
            out["disclosure_reaction"] = self.disclosure
        if self.police:
            out["police_report"] = self.police
        return out


def _weighted(rng: random.Random, table: dict[Any, int]) -> Any:
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def sample_plan(rng: random.Random, platform_uses: dict[str, list[str]]) -> Plan:
    """Draw the truth of one conversation."""
    if rng.random() < 0.74:
        return _exploitation(rng, platform_uses)
    return _nonexploitation(rng, platform_uses)


def _role(rng: random.Random, weights: dict[str, int]) -> tuple[str, str, bool]:
    role = _weighted(rng, weights)
    perspective = "self" if role == "victim" else "other"
    formal = role in ("professional", "parent_or_carer") or (role == "other" and rng.random() < 0.3)
    return role, perspective, formal


def _gender(rng: random.Random) -> str:
    return _weighted(rng, {"female": 62, "male": 33, "other": 5})


def _age(rng: random.Random, plan: Plan, adult_share: float, retro_ok: bool) -> None:
    """Set age, age_mode and related fields."""
    if retro_ok and plan.perspective == "self" and rng.random() < 0.12:
        plan.age_mode = "retro"
        plan.age_then = rng.randint(12, 17)
        plan.age = rng.randint(max(18, plan.age_then + 2), 34) if rng.random() < 0.85 else None
        return
    adult = rng.random() < adult_share
    minors = {12: 3, 13: 6, 14: 10, 15: 12, 16: 13, 17: 10}
    plan.age = rng.randint(18, 38) if adult else _weighted(rng, minors)
    modes = {"digits": 45, "words": 16, "almost": 9, "correction": 8, "school": 9, "none": 13}
    if adult:
        modes = {"digits": 55, "words": 15, "correction": 5, "none": 15}
    if plan.perspective == "other":
        modes.pop("correction", None)
    plan.age_mode = _weighted(rng, modes)
    if plan.age_mode == "correction":
        # minors mostly claim 18 first ("ik ben 18... eigenlijk 16"); others slip by a year or two
        if plan.age < 18 and rng.random() < 0.6:
            plan.fake_age = 18
        else:
            plan.fake_age = plan.age + rng.choice((-2, -1, 1, 2))


def _exploitation(rng: random.Random, uses: dict[str, list[str]]) -> Plan:
    role, perspective, formal = _role(
        rng, {"victim": 60, "friend": 9, "parent_or_carer": 12, "professional": 13, "other": 6})
    types = _weighted(rng, TYPE_MIX)
    gender = _gender(rng)
    stated = perspective == "other" or rng.random() < 0.65
    plan = Plan(scenario="exploitation", role=role, perspective=perspective, formal=formal, gender=gender,
                gender_stated=stated, age=None, age_mode="none", types=tuple(types))
    labour_only = types == ("labour",)
    _age(rng, plan, adult_share=0.75 if labour_only else 0.15, retro_ok=not labour_only)
    # perpetrators: drawn for the first type (combinations are written for it)
    combo = _weighted(rng, PERP_MIX[types[0]])
    if "parent" in combo and plan.age_mode != "retro" and plan.age is not None and plan.age >= 18:
        combo = "partner_loverboy"
    adult_events = plan.age_mode != "retro" and plan.age is not None and plan.age >= 18
    if adult_events and combo.startswith("peer_acquaintance"):
        combo = combo.replace("peer_acquaintance", "online_contact")  # school peers are for minors
    plan.perp_combo = combo
    plan.perps = tuple(combo.split("+"))
    if (adult_events and perspective == "self" and "+" not in combo and combo != "parent"
            and rng.random() < (0.45 if "labour" in types else 0.15)):
        plan.language = "en"
        if plan.age_mode not in ("digits", "words", "none"):
            plan.age_mode = "digits"
    _recruitment(rng, plan, uses)
    _platforms(rng, plan, uses)
    _duration(rng, plan)
    _locations(rng, plan)
    if "sexual" in types:
        plan.clients = "yes"
        _signals(rng, plan)
    plan.sextortion = _weighted(rng, {"yes": 18, "no": 8, None: 74})
    if plan.sextortion == "yes" and rng.random() < 0.5:
        plan.platforms["threat"] = rng.choice(uses["threat"])
    plan.disclosure = _weighted(rng, {"not_told": 33, "supportive": 30, "disbelief": 12, "blame": 10,
                                      "no_action": 10, None: 5})
    if plan.disclosure == "not_told" and perspective == "other" and role == "professional":
        plan.disclosure = "supportive"  # a professional heard it from the victim
    plan.police = _weighted(rng, {"yes": 20, "no": 60, None: 20})
    if plan.police == "yes" and plan.disclosure == "not_told" and perspective == "self":
        plan.disclosure = "supportive"  # an aangifte means she told someone
    return plan


def _recruitment(rng: random.Random, plan: Plan, uses: dict[str, list[str]]) -> None:
    combo = plan.perp_combo
    if combo.startswith("online_contact"):
        plan.recruitment = "yes"
    elif combo.startswith("parent") or combo == "other_family":
        plan.recruitment = "no"  # family: the first contact was not online, said or not
    elif combo.startswith("peer_acquaintance"):
        plan.recruitment = "yes" if rng.random() < 0.1 else "no"  # a classmate is met at school
    else:
        share = {"partner_loverboy": 0.5, "network": 0.35, "other": 0.3}.get(combo.split("+")[0], 0.25)
        roll = rng.random()
        plan.recruitment = "yes" if roll < share else ("no" if roll < 0.88 else None)
    if plan.recruitment == "yes" or combo.startswith("online_contact"):
        plan.platforms["recruit"] = _recruit_platform(rng, plan, uses)


def _recruit_platform(rng: random.Random, plan: Plan, uses: dict[str, list[str]]) -> str:
    choices = uses["recruit"] if plan.gender == "male" else [p for p in uses["recruit"] if p != "Grindr"]
    return rng.choice(choices)


def _platforms(rng: random.Random, plan: Plan, uses: dict[str, list[str]]) -> None:
    if "sexual" in plan.types and rng.random() < 0.18:
        plan.platforms["advert"] = rng.choice(uses["advert"])
    if rng.random() < 0.12:
        plan.platforms["contact"] = rng.choice(uses["contact"])


def _duration(rng: random.Random, plan: Plan) -> None:
    roll = rng.random()
    if roll < 0.3:
        return
    yes = rng.random() < 0.4
    plan.duration = "yes" if yes else "no"
    plan.duration_months = rng.randint(14, 48) if yes else rng.randint(1, 9)
    if plan.age_mode == "retro" and plan.age is not None and plan.age_then is not None:
        # the exploitation ended before the chat: it cannot have lasted longer than the years since
        span = plan.age - plan.age_then
        if yes and span < 2:
            plan.duration, plan.duration_months = "no", rng.randint(1, 9)


def _locations(rng: random.Random, plan: Plan) -> None:
    allowed: list[str] = []
    for kind in plan.types:
        allowed += [loc for loc in LOCATIONS_BY_TYPE[kind] if loc not in allowed]
    adult_events = plan.age_mode != "retro" and plan.age is not None and plan.age >= 18
    n = _weighted(rng, {0: 12, 1: 45, 2: 32, 3: 11})
    picks = rng.sample(allowed, min(n, len(allowed)))
    if "webcam_online" in picks and adult_events and rng.random() < 0.5:
        plan.platforms["webcam"] = "OnlyFans"
    if "parent" in plan.perps and "victim_home" not in picks and rng.random() < 0.5:
        picks.append("victim_home")
    plan.locations = tuple(picks)


def _signals(rng: random.Random, plan: Plan) -> None:
    minor_then = plan.minor == "yes"
    pool = ["victim_refused", "client_violence", "degrading_location", "fear_or_injuries"]
    if minor_then:
        pool.append("age_visible_or_told")
    picks = [s for s in pool if rng.random() < 0.3]
    # a parent, a network or a pimp who arranges is visible to clients in most stories
    if "network" in plan.perps or "parent" in plan.perps or rng.random() < 0.75:
        picks.append("third_party_control")
    if "parent" in plan.perps:
        picks.append("paid_parent")
    if "perpetrator_home" in plan.locations and "third_party_control" not in picks:
        picks.append("third_party_control")  # clients come to the exploiter's home
    rng.shuffle(picks)
    plan.signals = tuple(picks)


def _nonexploitation(rng: random.Random, uses: dict[str, list[str]]) -> Plan:
    scenario = _weighted(rng, NONEXP_SCENARIOS)
    gender = _gender(rng)
    if scenario == "lesson_question":
        return Plan(scenario=scenario, role="professional", perspective="none", formal=True, gender=gender,
                    gender_stated=False, age=None, age_mode="none", disclosure=None)
    if scenario == "question_for_other":
        role, perspective, formal = _role(rng, {"friend": 4, "parent_or_carer": 4, "other": 2})
        stated = True
    else:
        role, perspective, formal = "victim", "self", False
        stated = rng.random() < 0.6
    plan = Plan(scenario=scenario, role=role, perspective=perspective, formal=formal, gender=gender,
                gender_stated=stated, age=None, age_mode="none")
    _age(rng, plan, adult_share=0.12, retro_ok=False)
    if scenario in ("image_leak", "sextortion_money") and plan.age is not None and (
            plan.age < 14 or plan.age_mode == "school"):
        plan.age = max(plan.age, 14)  # no sexting stories about children; no "groep 7" either
        plan.age_mode = "digits"
        plan.fake_age = None
    if scenario in ("refused_online", "sextortion_money"):
        plan.platforms["recruit"] = _recruit_platform(rng, plan, uses)
    elif scenario == "offer_check":
        plan.platforms["recruit"] = rng.choice(uses["offer"])
    if scenario == "image_leak":
        plan.sextortion = "no"
    elif scenario == "sextortion_money":
        plan.sextortion = "yes"
    if scenario != "question_for_other":
        plan.disclosure = _weighted(rng, {"not_told": 35, "supportive": 25, "disbelief": 10, "blame": 10,
                                          "no_action": 15, None: 5})
        plan.police = _weighted(rng, {"yes": 8, "no": 32, None: 60})
    return plan
