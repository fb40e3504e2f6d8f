"""Compose the messages of one conversation from its plan, beat by beat, out of phrase templates."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from inbeeld.synth.cast import Slots, english_duration, expand_alternatives
from inbeeld.synth.pools import Pools, load_data
from inbeeld.synth.style import capitalise, formal, informal, split_point, to_past
from inbeeld.synth.truth import Plan


@dataclass(frozen=True, slots=True)
class Library:
    """All phrase templates and platform lists (package data), loaded once."""

    story: dict[str, Any]
    dialogue: dict[str, Any]
    nonexp: dict[str, Any]
    english: dict[str, Any]
    spellings: dict[str, list[str]]
    uses: dict[str, list[str]]


# Counsellor lines to a friend or relative who writes informally: the "u" lines with "je"
_U_TO_JE = tuple((re.compile(a), b) for a, b in (
    (r"\bVertelt u maar\b", "Vertel maar"), (r"\bmaakt u zich\b", "maak je je"),
    (r"\bkunt u\b", "kun je"), (r"\bKunt u\b", "Kun je"),
    (r"\bheeft u\b", "heb je"), (r"\bHeeft u\b", "Heb je"), (r"\buzelf\b", "jezelf"), (r"\buw\b", "je"),
    (r"\bu\b", "je"), (r"\bU\b", "Je"),
))


def _to_je(line: str) -> str:
    for pattern, replacement in _U_TO_JE:
        line = pattern.sub(replacement, line)
    return line


def _add_je_other(node: Any) -> Any:
    """Derive the register `je_other` (je-form, about someone else) from every `u` list."""
    if isinstance(node, dict):
        out = {k: _add_je_other(v) for k, v in node.items()}
        if isinstance(out.get("u"), list) and "je_other" not in out:
            out["je_other"] = [_to_je(line) for line in out["u"]]
        return out
    if isinstance(node, list):
        return [_add_je_other(v) for v in node]
    return node


def _merge(base: Any, extra: Any) -> Any:
    """Deep-merge extra variants into base: mappings by key, lists appended."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    raise ValueError(f"variants.yaml: cannot merge {type(extra).__name__} into {type(base).__name__}")


@lru_cache(maxsize=1)
def get_library() -> Library:
    platforms = load_data("platforms.yaml")
    variants = load_data("variants.yaml")
    return Library(
        story=_add_je_other(_merge(load_data("story.yaml"), variants["story"])),
        dialogue=_add_je_other(_merge(load_data("dialogue.yaml"), variants["dialogue"])),
        nonexp=_add_je_other(load_data("nonexp.yaml")),
        english=load_data("english.yaml"),
        spellings=platforms["spellings"],
        uses=platforms["uses"],
    )


# Identifier lines per kind of conversation: exploiter-related ones only where there is one.
_PERP_IDS = ("phone", "email", "handle", "address", "iban", "plate", "bsn", "docnr", "dob", "url")
_OWN_IDS = ("phone", "email", "handle", "address")
# Words by which a line tells that someone else arranges, brings or is present (third_party_control)
_ARRANGING = ("{h", "{H", "{P}", "gebracht", "gestuurd", "brengt", "boekt", "{zn}")


class Composer:
    """Builds the (role, text) turns of one conversation; texts carry identifier markup."""

    def __init__(self, rng: random.Random, plan: Plan, pools: Pools, lib: Library, started: datetime) -> None:
        self.rng = rng
        self.plan = plan
        self.lib = lib
        self.slots = Slots(rng, plan, pools, started.date(), lib.spellings, lib.uses["other_reason"])
        hour = started.hour
        self.slots.values["Groet"] = ("Goedemorgen" if 6 <= hour < 12 else "Goedemiddag" if 12 <= hour < 18
                                      else "Goedenavond")
        self.turns: list[tuple[str, str]] = []
        self.register = "u" if plan.formal else "je_other" if plan.perspective == "other" else "je"
        self.sloppiness = rng.choice((0.3, 0.7, 1.0, 1.0, 1.5))
        self.retro = plan.age_mode == "retro"

    # --- primitives
    def say(self, template: str, *, past: bool = False, platform: str = "recruit") -> None:
        """Add a chatter message."""
        if past:
            template = to_past(template)
        self.slots.informal = not self.plan.formal
        self.slots.platform_use = platform
        text = expand_alternatives(template, self.rng).format_map(self.slots)
        if self.plan.formal:
            self.turns.append(("chatter", formal(text)))
            return
        text = informal(text, self.rng, self.sloppiness, dutch=self.plan.language == "nl")
        cut = split_point(text) if self.chance(0.15) else -1
        if cut > 0:  # chatters often send one thought in two messages
            self.turns.append(("chatter", text[:cut]))
            self.turns.append(("chatter", text[cut + 2:]))
        else:
            self.turns.append(("chatter", text))

    def reply(self, options: dict[str, list[str]] | list[str]) -> None:
        """Add a counsellor message in the register that fits the chatter."""
        if isinstance(options, dict):
            options = options.get(self.register) or options.get("je") or options["u"]
        self.slots.informal = False
        self.slots.platform_use = "recruit"
        text = expand_alternatives(self.rng.choice(options), self.rng).format_map(self.slots)
        self.turns.append(("counsellor", capitalise(text)))

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def persp(self, node: dict[str, Any]) -> list[str]:
        """The variants of a node for this conversation's perspective."""
        return node["other" if self.plan.perspective == "other" else "self"]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def unarranged(self, options: list[str]) -> list[str]:
        """Without third_party_control, drop lines where someone brings, sends or books her."""
        if self.plan.clients != "yes" or "third_party_control" in self.plan.signals:
            return options
        return [o for o in options if not any(w in o for w in _ARRANGING)] or options

    # --- shared beats
    def opening(self) -> None:
        d = self.lib.dialogue
        if self.plan.perspective == "self":
            for _ in range(self.rng.choice((1, 1, 2))):
                self.say(self.pick(d["opening"]["self"]))
            if self.plan.scenario == "exploitation" and self.chance(0.07):
                self.say(self.pick(d["opening"]["for_a_friend"]))
                self.say(self.pick(d["opening"]["reveal"]))
        else:
            if self.plan.formal and self.chance(0.4):
                self.say(self.pick(d["opening"]["formal"]))
            role = self.plan.role
            adult = self.plan.age is not None and self.plan.age >= 18
            if adult and role in ("professional", "parent_or_carer"):
                role += "_adult"  # no school talk, no "pleegvader van een meisje van 35"
            self.say(self.pick(d["role_intro"][role]))
            if self.plan.gender == "other":
                self.say(self.pick(d["gender_statement"]["other"]["other"]))

    def greeting(self) -> None:
        self.reply(self.lib.dialogue["greeting"])

    def age(self) -> None:
        """State the age (or school year) the way the plan says; corrections come later."""
        plan, d = self.plan, self.lib.dialogue["age"]
        if plan.age_mode == "none" or self.slots.age_said:
            return
        self.slots.age_said = True
        if plan.perspective == "other":
            if plan.age_mode in d["other"]:
                self.say(self.pick(d["other"][plan.age_mode]))
            return
        if plan.age_mode == "retro":
            if plan.age is not None:
                self.say(self.pick(d["self"]["retro_now"]))
            self.say(self.pick(d["self"]["retro_then"]))
            return
        if plan.age_mode == "correction":
            self.say(self.pick(d["self"]["correction_first"]))
            self.pending.append(lambda: self.say(self.pick(d["self"]["correction_fix"])))
            return
        options = d["self"][plan.age_mode]
        if not plan.gender_stated or self.gender_done:
            options = [o for o in options if "{gn}" not in o] or options
        choice = self.pick(options)
        if "{gn}" in choice:
            self.gender_done = True
        self.say(choice)

    def gender(self) -> None:
        if self.plan.perspective != "self" or not self.plan.gender_stated or self.gender_done:
            return
        self.gender_done = True
        self.say(self.pick(self.lib.dialogue["gender_statement"]["self"][self.plan.gender]))

    def disclosure(self) -> None:
        plan, d = self.plan, self.lib.dialogue["disclosure"]
        if plan.disclosure is None:
            return
        if self.chance(0.5):
            asks = d["ask"]
            if plan.age is not None and plan.age >= 18 and not self.retro:
                # no "weten je ouders het?" to an adult
                asks = {k: [a for a in v if "ouders" not in a and "volwassene" not in a]
                        for k, v in asks.items()}
            self.reply(asks)
        if plan.perspective == "self":
            self.say(self.pick(d["self"][plan.disclosure]), past=False)
            if plan.disclosure != "not_told" and self.chance(0.25):
                self.say(self.pick(d["self"]["then_other"]))
            return
        first = d["other_chatter_first"]
        if plan.disclosure in first and plan.role != "other" and self.chance(0.6):
            self.say(self.pick(first[plan.disclosure]))
        else:
            self.say(self.pick(d["other_someone_first"][plan.disclosure]))

    def police(self) -> None:
        plan, d = self.plan, self.lib.dialogue["police"]
        if "criminal" in plan.types and not self.retro and self.chance(0.2):
            self.say(self.pick(self.persp(self.lib.dialogue["police_other"])))  # arrested: not an aangifte
        if plan.police is None:
            return
        if self.chance(0.4):
            self.reply(d["ask"])
        self.say(self.pick(self.persp(d)[plan.police]))

    def identifier(self, kind: str, own: bool) -> None:
        d = self.lib.dialogue
        node = d["identifier_own"] if own else d["identifier"]
        self.say(self.pick(self.persp(node[kind])))
        if self.chance(0.5):
            self.reply(d["identifier"]["ack"])

    def closing(self) -> None:
        d = self.lib.dialogue
        self.reply(d["counsellor"]["advice" if self.plan.types else "advice_general"])
        self.say(self.pick(d["chatter_closing"]["formal" if self.plan.formal else "self"]))
        if self.chance(0.5):
            self.reply(d["counsellor"]["closing"])

    def flush_pending(self) -> None:
        while self.pending:
            self.pending.pop(0)()

    # --- whole conversations
    def compose(self) -> list[tuple[str, str]]:
        self.pending: list[Callable[[], None]] = []
        self.gender_done = False
        self.fillers = list(self.lib.dialogue["filler"]["formal" if self.plan.formal else "self"])
        self.rng.shuffle(self.fillers)
        if self.plan.scenario == "exploitation" and self.plan.language == "en":
            self._exploitation_en()
        elif self.plan.scenario == "exploitation":
            self._exploitation()
        elif self.plan.scenario == "lesson_question":
            self._script(self.lib.nonexp["lesson_question"])  # greets inside the script
            self.say(self.pick(self.lib.dialogue["chatter_closing"]["formal"]))
        else:
            self._nonexploitation()
        return self.turns

    def _exploitation(self) -> None:
        plan, s, d = self.plan, self.lib.story, self.lib.dialogue
        past = self.retro
        self.opening()
        if self.chance(0.3):
            self.gender()
        self.greeting()
        self.where_found_said = self.chance(0.1)
        if self.where_found_said:
            self.say(self.pick(self.persp(d["where_found"])))
        if self.retro or self.chance(0.45):
            self.age()
        intro = s["perp_intro"].get(f"{plan.perp_combo}@{plan.types[0]}") or s["perp_intro"][plan.perp_combo]
        self.say(self.pick(self.persp(intro)), past=past)
        self._recruitment(past)
        for kind in plan.types:
            options = self.persp(s["act"][kind])
            if kind == "sexual":
                options = self.unarranged(options)
            for line in self.rng.sample(options, min(len(options), self.rng.choice((1, 1, 2)))):
                self.say(line, past=past)
        if self.chance(0.35):
            self.say(self.pick(self.persp(s["threat"])), past=past)
        self.reply(d["counsellor"]["name"][plan.types[0]] if self.chance(0.6) else d["counsellor"]["empathy"])
        middle: list[Callable[[], None]] = [
            self.age, self.gender, self._locations, self._clients, self._sextortion, self._duration,
            self.disclosure, self.police, self._extra_platforms, self._identifiers, self._distractors,
        ]
        self.rng.shuffle(middle)
        # age early, and a corrected age only after the first statement
        for i, beat in enumerate(middle):
            beat()
            if i == 4:
                self.flush_pending()
            if self.turns[-1][0] == "counsellor" and self.fillers and self.chance(0.3):
                self.say(self.fillers.pop())  # a short answer to the counsellor, each at most once
        self.flush_pending()
        if self.slots.perp_named and self.chance(0.35):
            self.reply(d["counsellor"]["echo_perp"])
        self.closing()

    def _exploitation_en(self) -> None:
        """An adult migrant writing in English; the counsellor answers in English."""
        plan, e = self.plan, self.lib.english
        self.say(self.pick(e["opening"]))
        self.reply(e["greeting"])
        if plan.age_mode in e["age"]:
            self.say(self.pick(e["age"][plan.age_mode]))
        if plan.gender_stated:
            self.say(self.pick(e["gender"][plan.gender]))
        self.say(self.pick(e["perp_intro"][plan.perp_combo]))
        if plan.recruitment is not None:
            self.say(self.pick(e["recruit"]["online" if plan.recruitment == "yes" else "offline"]))
        for kind in plan.types:
            options = e["act"][kind]
            self.say(self.pick(self.unarranged(options) if kind == "sexual" else options))
        named = self.slots.perp_named or plan.types[0] != "sexual"  # the sexual line names {P}
        self.reply(e["counsellor"]["name"][plan.types[0]] if named else e["counsellor"]["empathy"])
        middle: list[Callable[[], None]] = [
            self._locations_en, self._clients_en, self._duration_en, self._disclosure_en, self._police_en,
            self._sextortion_en, self._identifiers_en, self._extra_platforms_en,
        ]
        self.rng.shuffle(middle)
        for beat in middle:
            beat()
        self.reply(e["counsellor"]["advice"])
        self.say(self.pick(e["chatter_closing"]))
        if self.chance(0.6):
            self.reply(e["counsellor"]["closing"])

    def _locations_en(self) -> None:
        e = self.lib.english
        for loc in self.plan.locations:
            by_type = e["location"][loc]
            kind = self.rng.choice([k for k in self.plan.types if k in by_type] or list(by_type))
            options = by_type[kind]
            self.say(self.pick(self.unarranged(options) if kind == "sexual" else options))

    def _clients_en(self) -> None:
        plan, e = self.plan, self.lib.english
        if plan.clients != "yes":
            return
        if self.chance(0.5):
            self.say(self.pick(e["clients"]))
        for signal in plan.signals:
            self.say(self.pick(self.unarranged(e["signal"][signal])))
        if "third_party_control" not in plan.signals and "paid_parent" not in plan.signals:
            self.say(self.pick(e["self_arranged"]))

    def _duration_en(self) -> None:
        if self.plan.duration is None:
            return
        e = self.lib.english["duration"]
        self.slots.values["dur_en"], self.slots.values["dur_since_en"] = english_duration(self.slots)
        if self.chance(0.5):
            self.reply(e["ask"])
        self.say(self.pick(e["lines"]))

    def _disclosure_en(self) -> None:
        e = self.lib.english["disclosure"]
        if self.plan.disclosure is None:
            return
        if self.chance(0.5):
            self.reply(e["ask"])
        self.say(self.pick(e[self.plan.disclosure]))

    def _police_en(self) -> None:
        e = self.lib.english["police"]
        if self.plan.police is None:
            return
        if self.chance(0.4):
            self.reply(e["ask"])
        self.say(self.pick(e[self.plan.police]))

    def _sextortion_en(self) -> None:
        e = self.lib.english["sextortion"]
        if self.plan.sextortion == "yes":
            self.say(self.pick(e["yes"]))
        elif self.plan.sextortion == "no":
            self.reply(e["ask"])
            self.say(self.pick(e["no"]))

    def _identifiers_en(self) -> None:
        plan, e = self.plan, self.lib.english
        kinds = [k for k in e["identifier"] if k != "victim_name"]
        for kind in self.rng.sample(kinds, self.rng.choice((0, 1, 1, 2))):
            self.say(self.pick(e["identifier"][kind]))
            if self.chance(0.5):
                self.reply(e["counsellor"]["ack"])
        if self.chance(0.3) and plan.gender_stated:
            self.say(self.pick(e["identifier"]["victim_name"]))

    def _extra_platforms_en(self) -> None:
        plan = self.plan
        if "advert" in plan.platforms:
            self.say("{he} put an advertisement of me on {platform}", platform="advert")
        if "contact" in plan.platforms:
            self.say("the appointments come through {platform}", platform="contact")
        if "threat" in plan.platforms:
            self.say("{he} threatens me on {platform}", platform="threat")
        if "webcam" in plan.platforms:
            self.say("{he} made an account on {platform} for me", platform="webcam")

    def _recruitment(self, past: bool) -> None:
        plan, s, d = self.plan, self.lib.story, self.lib.dialogue
        if plan.recruitment == "yes":
            self.say(self.pick(self.persp(s["recruit"]["online"])), past=past, platform="recruit")
        elif plan.recruitment == "no":
            if plan.perp_combo.startswith("parent") or plan.perp_combo == "other_family":
                return  # nobody says how she met her own father or uncle
            if self.chance(0.2):
                lead = d["false_lead"]["platform"]
                self.reply(lead["ask"])
                self.say(self.pick(self.persp(lead["deny"])))
            else:
                self.say(self.pick(self.persp(s["recruit"]["offline"])), past=past)

    def _locations(self) -> None:
        plan, s, d = self.plan, self.lib.story, self.lib.dialogue
        if plan.locations and self.chance(0.35):
            self.reply(d["counsellor"]["ask_where"])
        for loc in plan.locations:
            by_type = s["location"][loc]
            kinds = [k for k in plan.types if k in by_type]
            if loc == "webcam_online" and "webcam" in plan.platforms:
                line = self.pick(self.persp(s["webcam_platform"]))
                self.say(line, platform="webcam", past=self.retro)
                continue
            kind = self.rng.choice(kinds)
            options = self.persp(by_type[kind])
            self.say(self.pick(self.unarranged(options) if kind == "sexual" else options), past=self.retro)
        if "car" not in plan.locations and plan.types and self.chance(0.15) and (
                plan.clients == "no" or "third_party_control" in plan.signals):
            self.say(self.pick(self.persp(s["car_transport"])), past=self.retro)
        if "victim_home" not in plan.locations and self.chance(0.08):
            lead = d["false_lead"]["home"]
            self.reply(lead["ask"])
            self.say(self.pick(self.persp(lead["deny"])))

    def _clients(self) -> None:
        plan, s = self.plan, self.lib.story
        if plan.clients != "yes":
            return
        if self.chance(0.5):
            self.say(self.pick(self.persp(s["clients"])), past=self.retro)
        for signal in plan.signals:
            self.say(self.pick(self.unarranged(self.persp(s["signal"][signal]))), past=self.retro)
        if "third_party_control" not in plan.signals and "paid_parent" not in plan.signals:
            self.say(self.pick(self.persp(s["self_arranged"])), past=self.retro)
        for signal, node in s["signal_negation"].items():
            if signal not in plan.signals and self.chance(0.12):
                self.say(self.pick(self.persp(node)), past=self.retro)

    def _sextortion(self) -> None:
        plan, s = self.plan, self.lib.story
        if plan.sextortion == "yes":
            self.say(self.pick(self.persp(s["sextortion"]["yes"])), past=self.retro)
            if "threat" in plan.platforms:
                self.say(self.pick(self.persp(s["sextortion"]["via_platform"])), platform="threat")
        elif plan.sextortion == "no":
            self.reply(s["sextortion"]["ask"])
            self.say(self.pick(self.persp(s["sextortion"]["no"])))

    def _duration(self) -> None:
        plan, d = self.plan, self.lib.dialogue["duration"]
        if self.chance(0.15):
            key = "parent" if plan.role == "parent_or_carer" else plan.perspective
            if key == "self" and "partner_loverboy" in plan.perps and self.chance(0.5):
                key = "partner"  # "we zijn al 2 jaar samen": the relationship, not the exploitation
            self.say(self.pick(d["distractor"][key]))
        if plan.duration is None:
            return
        dur, since = self.slots.duration_phrases()
        self.slots.values["dur"], self.slots.values["dur_since"] = dur, since
        if self.chance(0.5):
            self.reply(d["ask"])
        if self.retro:
            self.say(self.pick(d["retro"]))
        else:
            self.say(self.pick(self.persp(d)))

    def _extra_platforms(self) -> None:
        plan, s = self.plan, self.lib.story
        if "advert" in plan.platforms:
            self.say(self.pick(self.persp(s["advert_platform"])), platform="advert", past=self.retro)
        if "contact" in plan.platforms:
            self.say(self.pick(self.persp(s["contact_platform"])), platform="contact", past=self.retro)

    def _identifiers(self) -> None:
        plan = self.plan
        n = self.rng.choice((0, 1, 1, 2, 2, 3))
        kinds = list(_PERP_IDS)
        if not self.slots.perp_named:
            kinds.remove("address")
        if not self.slots.has_url_platform():
            kinds.remove("url")  # a link only makes sense to an advert or a profile
        if plan.age is None or plan.age_mode in ("none", "school"):
            kinds.remove("dob")  # a birth date would state the age the gold leaves unknown
        for kind in self.rng.sample(kinds, n):
            self.identifier(kind, own=False)
        if self.chance(0.25):
            self.identifier(self.rng.choice(_OWN_IDS), own=True)
        if self.chance(0.3) and (plan.gender_stated or plan.perspective != "self"):
            # a first name hints at a gender; only where the gender is stated anyway
            self.say(self.pick(self.persp(self.lib.dialogue["identifier"]["victim_name"])))
            if self.chance(0.4):
                self.reply(self.lib.dialogue["counsellor"]["echo_victim"])
        if plan.minor == "yes" and self.chance(0.2):
            self.say(self.pick(self.persp(self.lib.dialogue["identifier"]["school"])))
        if self.chance(0.08):
            self.say(self.pick(self.persp(self.lib.dialogue["identifier"]["care"])))
        if self.chance(0.12):
            self.say(self.pick(self.persp(self.lib.dialogue["identifier"]["teacher"])))

    def _distractors(self) -> None:
        plan, d = self.plan, self.lib.dialogue
        if "parent" not in plan.perps and self.chance(0.15):
            lead = d["false_lead"]["parent"]
            self.reply(lead["ask"])
            self.say(self.pick(self.persp(lead["deny"])))
        if not self.where_found_said and self.chance(0.1):
            self.say(self.pick(self.persp(d["where_found"])))

    def _nonexploitation(self) -> None:
        plan = self.plan
        if plan.perspective == "self" and self.chance(0.5):
            self.say(self.pick(self.lib.dialogue["opening"]["self"]))
        elif plan.formal and self.chance(0.4):
            self.say(self.pick(self.lib.dialogue["opening"]["formal"]))
        beats = self.lib.nonexp[plan.scenario]
        self.say(self.pick(beats[0]))  # the chatter always speaks first
        self.greeting()
        self._script(beats[1:], insert_at=1)
        extra: list[Callable[[], None]] = [self.gender, self.disclosure, self.police]
        self.rng.shuffle(extra)
        for beat in extra:
            beat()
        self.flush_pending()
        if self.chance(0.3):
            self.identifier(self.rng.choice(_OWN_IDS), own=True)
        if self.chance(0.15) and (plan.gender_stated or plan.perspective != "self"):
            self.say(self.pick(self.persp(self.lib.dialogue["identifier"]["victim_name"])))
        if plan.minor == "yes" and self.chance(0.15):
            self.say(self.pick(self.persp(self.lib.dialogue["identifier"]["school"])))
        self.closing()

    def _script(self, beats: list[Any], insert_at: int = -1) -> None:
        for i, beat in enumerate(beats):
            if i == insert_at:
                self.age()
            if isinstance(beat, dict):
                self.reply(beat)
            else:
                self.say(self.pick(beat))
