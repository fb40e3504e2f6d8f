"""The people, places and identifiers of one conversation, rendered into template slots.

`Slots` is the mapping that `str.format_map` reads: a slot is looked up when a template uses it,
identifiers are drawn on first use and then stay the same for the whole conversation, and every
identifier comes back wrapped in gold markup `[[TYPE:text]]`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from inbeeld.synth import identifiers as ids
from inbeeld.synth.pools import Pools
from inbeeld.synth.truth import Plan

_NUMBER_WORDS = {
    10: "tien", 11: "elf", 12: "twaalf", 13: "dertien", 14: "veertien", 15: "vijftien", 16: "zestien",
    17: "zeventien", 18: "achttien", 19: "negentien", 20: "twintig",
}
_UNITS = {1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen"}
_TENS = {20: "twintig", 30: "dertig", 40: "veertig"}
_SCHOOL_YEARS = ("groep 8", "de 1e", "de 2e klas", "2 vmbo", "3 havo", "de derde", "4 vwo", "klas 2",
                 "de brugklas", "3 mavo", "4 havo", "groep 7")
_CONFIDANTS = ("moeder", "vader", "mentor", "beste vriendin", "zus", "oma", "tante", "docent", "coach",
               "huisarts", "broer", "vriend")
_COUNTRIES = ("Romania", "Bulgaria", "Poland", "the Philippines", "Nigeria", "Eritrea", "Ukraine", "Brazil",
              "Moldova", "Hungary", "Vietnam", "Colombia")
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty"}
_EN_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_CONFIDANTS_ADULT = ("moeder", "vader", "zus", "beste vriendin", "huisarts", "broer", "collega", "vriend")


def number_word(n: int) -> str:
    """Dutch number word for 1-49 (ages and years in words)."""
    if n in _NUMBER_WORDS:
        return _NUMBER_WORDS[n]
    if n < 10:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[n]
    joiner = "ën" if _UNITS[unit].endswith("e") else "en"
    return f"{_UNITS[unit]}{joiner}{_TENS[tens * 10]}"


def mark(text: str, kind: str) -> str:
    return f"[[{kind}:{text}]]"


def expand_alternatives(template: str, rng: random.Random) -> str:
    """Resolve `{~a|b}` choices (which may hold slots) before formatting."""
    if "{~" not in template:
        return template
    out: list[str] = []
    i = 0
    while True:
        j = template.find("{~", i)
        if j < 0:
            out.append(template[i:])
            return "".join(out)
        out.append(template[i:j])
        depth, k, options, start = 1, j + 2, [], j + 2
        while depth:
            ch = template[k]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "|" and depth == 1:
                options.append(template[start:k])
                start = k + 1
            k += 1
        options.append(template[start:k - 1])
        out.append(expand_alternatives(rng.choice(options), rng))
        i = k


class Slots:
    """Slot values of one conversation; identifiers are drawn lazily and reused."""

    def __init__(self, rng: random.Random, plan: Plan, pools: Pools, started: date,
                 spellings: dict[str, list[str]], other_reason: list[str]) -> None:
        self.rng = rng
        self.plan = plan
        self.pools = pools
        self.started = started
        self.spellings = spellings
        self.informal = False  # set per message: lowercase names now and then
        self.platform_use = "recruit"
        self._cache: dict[str, str] = {}
        self.values: dict[str, str] = {}
        self.values["friend_noun"] = {"female": "vriendin", "male": "vriend", "other": "vriend"}[plan.gender]
        self._set_people()
        self._set_ages()
        coded = set(plan.platforms.values())
        choices = [p for p in other_reason if p not in coded] or other_reason
        self.values["xplatform"] = self._spell(rng.choice(choices))
        adult = plan.age is not None and plan.age >= 18 and plan.age_mode != "retro"
        # the person she told is never one of the exploiters
        family = {self.values["parent"], self.values["relative"]} if (
            "parent" in plan.perps or "other_family" in plan.perps) else set()
        confidants = [c for c in (_CONFIDANTS_ADULT if adult else _CONFIDANTS) if c not in family]
        self.values["confidant"] = rng.choice(confidants)
        self.values["confidant2"] = rng.choice([c for c in confidants if c != self.values["confidant"]])
        self.values["schoolyear"] = rng.choice(_SCHOOL_YEARS)
        n = rng.randint(2, 4)
        self.values["other_dur"] = rng.choice((f"{n} jaar", f"{number_word(n)} jaar", "een paar jaar"))
        self.values["friend_noun"] = {"female": "vriendin", "male": "vriend", "other": "vriend"}[plan.gender]

    # --- mapping protocol used by str.format_map
    def __getitem__(self, key: str) -> str:
        if key in self.values:
            return self.values[key]
        if key == "platform":
            return self._spell(self.plan.platforms.get(self.platform_use)
                               or self.plan.platforms.get("recruit") or "Snapchat")
        maker = getattr(self, f"_make_{key}", None)
        if maker is None:
            raise KeyError(key)
        return maker()

    def _spell(self, platform: str) -> str:
        forms = self.spellings.get(platform)
        return self.rng.choice(forms) if forms else platform.lower()

    # --- people
    def _set_people(self) -> None:
        plan, rng, v = self.plan, self.rng, self.values
        victim = {"female": ("ze", "haar", "haar"), "male": ("hij", "hem", "zijn"),
                  "other": ("die", "hen", "hun")}[plan.gender]
        v["ze"], v["haar"], v["zijn"] = victim
        v["Ze"], v["Zijn"] = victim[0].capitalize(), victim[2].capitalize()
        perp_female = self._perp_female()
        self.perp_female = perp_female
        p = ("ze", "haar", "haar") if perp_female else ("hij", "hem", "zijn")
        v["hij"], v["hem"], v["zn"] = p
        v["Hij"] = p[0].capitalize()
        v["parent"] = "moeder" if perp_female else "vader"
        v["he"], v["him"], v["his"] = ("she", "her", "her") if perp_female else ("he", "him", "his")
        v["parent_en"] = "mother" if perp_female else "father"
        v["country"] = rng.choice(_COUNTRIES)
        v["confidant_en"] = rng.choice(("mother", "sister", "friend", "colleague", "cousin", "brother"))
        v["relative"] = rng.choice(("tante", "nicht")) if perp_female else rng.choice(
            ("oom", "neef", "broer", "grote neef", "oom"))
        combo = plan.perp_combo
        if combo in ("parent", "parent+other_family"):
            own = "mijn" if plan.perspective == "self" else victim[2]
            v["P"] = f"{own} {v['parent']}"
            self.perp_named = False
        else:
            self.perp_named = True
        lo, hi = {"peer_acquaintance": (15, 19), "partner_loverboy": (18, 29), "online_contact": (24, 55),
                  "network": (19, 34), "other": (28, 55), "other_family": (19, 45)}.get(
            combo.split("+")[0], (18, 40))
        v["p_age"] = str(rng.randint(lo, hi))
        noun = {"female": ("meisje", "dochter", "leerling"), "male": ("jongen", "zoon", "leerling"),
                "other": ("kind", "kind", "leerling")}[plan.gender]
        v["gn"] = {"female": rng.choice(("meisje", "meid")), "male": "jongen",
                   "other": "non-binair persoon"}[plan.gender]
        v["pjongen"] = "meid" if perp_female else "jongen"
        v["pman"] = "vrouw" if perp_female else "man"
        v["kind"] = self._kind(noun)

    def _perp_female(self) -> bool:
        combo = self.plan.perp_combo
        if combo.startswith("parent"):
            return combo == "parent+other" or self.rng.random() < 0.3
        if combo.startswith("network"):
            return self.rng.random() < 0.1
        return self.rng.random() < 0.15

    def _kind(self, noun: tuple[str, str, str]) -> str:
        role = self.plan.role
        if role == "parent_or_carer":
            return f"mijn {noun[1]}"
        if role == "professional":
            return f"de {noun[2]}" if self.rng.random() < 0.5 else f"het {noun[0]}" if noun[0] != "jongen" \
                else "de jongen"
        if role == "friend":
            return f"mijn {self.values['friend_noun']}"
        if self.plan.age is not None and self.plan.age >= 18:
            relations = {"female": ("mijn zus", "mijn nicht", "de buurvrouw", "een collega"),
                         "male": ("mijn broer", "mijn neef", "de buurman", "een collega"),
                         "other": ("een collega", "iemand uit mijn straat")}[self.plan.gender]
        else:
            relations = {
                "female": ("mijn zusje", "mijn nichtje", "het buurmeisje", "een meisje uit mijn team"),
                "male": ("mijn broertje", "mijn neefje", "de buurjongen", "een jongen uit mijn team"),
                "other": ("het kind van de buren", "een kind uit mijn team"),
            }[self.plan.gender]
        return self.rng.choice(relations)

    def _make_kind_intro(self) -> str:
        """How a parent, professional or friend first names the victim (may carry the age)."""
        plan, v, rng = self.plan, self.values, self.rng
        base = v["kind"]
        adult = plan.age is not None and plan.age >= 18
        if adult and plan.role == "parent_or_carer":
            base = {"female": "mijn dochter", "male": "mijn zoon", "other": "mijn kind"}[plan.gender]
        elif adult and plan.role == "professional":
            base = {"female": "een cliënte", "male": "een cliënt", "other": "een cliënt"}[plan.gender]
        elif plan.role == "parent_or_carer" or (plan.role == "professional" and rng.random() < 0.6):
            base = {"female": "een meisje", "male": "een jongen", "other": "een kind"}[plan.gender]
        elif plan.role == "professional":
            base = "een leerling"
        if plan.age_mode in ("digits", "words") and plan.age is not None and rng.random() < 0.6:
            self.age_said = True
            return f"{base} van {v['age'] if plan.age_mode == 'digits' else v['age_w']}"
        return base

    def _name(self, female: bool) -> str:
        pool = self.pools.female if female else self.pools.male
        roll = self.rng.random()
        if roll > 0.93:  # names that are also words (Roos, Bas, Storm)
            return self.rng.choice(self.pools.word_names_female if female else self.pools.word_names_male)
        first = self.rng.choice(pool)
        if roll < 0.12:
            return f"{first} {self.rng.choice(self.pools.surnames)}"
        if roll < 0.17:
            return self.rng.choice(self.pools.nicknames)
        return first

    def _person(self, key: str, female: bool) -> str:
        if key not in self._cache:
            self._cache[key] = self._name(female)
        name = self._cache[key]
        if self.informal and self.rng.random() < 0.25:
            name = name.lower()
        return mark(name, "PERSON")

    def _make_P(self) -> str:
        return self._person("P", self.perp_female)

    def _make_P2(self) -> str:
        return self._person("P2", self.rng.random() < 0.4)

    def _make_V(self) -> str:
        return self._person("V", self.plan.gender == "female" or
                            (self.plan.gender == "other" and self.rng.random() < 0.5))

    def _make_teacher(self) -> str:
        """A professional named by surname; the title (meneer, mevrouw) stays outside the span."""
        return mark(self._cached("teacher", lambda: self.rng.choice(self.pools.surnames)), "PERSON")

    def _make_C(self) -> str:
        if "C" not in self._cache:
            self._cache["C"] = self.rng.choice(self.pools.counsellors)
        return mark(self._cache["C"], "PERSON")

    # --- ages
    def _set_ages(self) -> None:
        plan, v = self.plan, self.values
        self.age_said = False
        age = plan.age if plan.age is not None else 16
        v["age"], v["age_w"] = str(age), number_word(age)
        v["next_age"], v["next_age_w"] = str(age + 1), number_word(age + 1)
        then = plan.age_then if plan.age_then is not None else age
        v["age_then"], v["age_then_w"] = str(then), number_word(then)
        v["fake_age"] = str(plan.fake_age if plan.fake_age is not None else age)
        tens, unit = divmod(age, 10)
        if age < 20:
            v["age_en"] = {18: "eighteen", 19: "nineteen"}.get(age, str(age))
        else:
            v["age_en"] = _EN_TENS[tens * 10] + ("-" + _EN_UNITS[unit] if unit else "")

    # --- places and institutions
    def _cached(self, key: str, make: Callable[[], str]) -> str:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _place(self, key: str, pool: tuple[str, ...]) -> str:
        name = self._cached(key, lambda: self.rng.choice(pool))
        if self.informal and self.rng.random() < 0.2:
            name = name.lower()
        return mark(name, "PLACE")

    def _make_city(self) -> str:
        return self._place("city", self.pools.cities if self.rng.random() < 0.85 else self.pools.villages)

    def _make_village(self) -> str:
        return self._place("village", self.pools.villages)

    def _make_hood(self) -> str:
        return self._place("hood", self.pools.neighbourhoods)

    def _make_abroad(self) -> str:
        return self._place("abroad", self.pools.foreign_cities)

    def _make_street(self) -> str:
        return mark(self._cached("street", lambda: self.rng.choice(self.pools.streets)), "ADDRESS")

    def _make_address(self) -> str:
        street = self._cached("street", lambda: self.rng.choice(self.pools.streets))
        number = self._cached("house", lambda: ids.house_number(self.rng))
        return mark(f"{street} {number}", "ADDRESS")

    def _make_postcode(self) -> str:
        return mark(self._cached("postcode", lambda: ids.postcode(self.rng)), "POSTCODE")

    def _make_school(self) -> str:
        plan = self.plan
        young = (plan.age_mode == "school" and self.values["schoolyear"].startswith("groep")) or (
            plan.age is not None and plan.age <= 12 and plan.age_mode != "retro")
        pool = self.pools.primary_schools if young else self.pools.schools
        return mark(self._cached("school", lambda: self.rng.choice(pool)), "INSTITUTION")

    def has_url_platform(self) -> bool:
        platforms = self.plan.platforms
        return "advert" in platforms or platforms.get("recruit") in (
            "Instagram", "TikTok", "Snapchat", "Telegram", "Facebook")

    def _make_care(self) -> str:
        return mark(self._cached("care", lambda: self.rng.choice(self.pools.care)), "INSTITUTION")

    def _make_employer(self) -> str:
        return mark(self._cached("employer", lambda: self.rng.choice(self.pools.employers)), "INSTITUTION")

    # --- structured identifiers
    def _make_phone(self) -> str:
        return mark(self._cached("phone", lambda: ids.phone(self.rng)), "PHONE")

    def _make_iban(self) -> str:
        return mark(self._cached("iban", lambda: ids.iban(self.rng)), "IBAN")

    def _make_plate(self) -> str:
        return mark(self._cached("plate", lambda: ids.plate(self.rng)), "PLATE")

    def _make_bsn(self) -> str:
        return mark(self._cached("bsn", lambda: ids.bsn(self.rng)), "ID_NUMBER")

    def _make_docnr(self) -> str:
        return mark(self._cached("docnr", lambda: ids.document_number(self.rng)), "ID_NUMBER")

    def _make_dob(self) -> str:
        age = self.plan.age if self.plan.age is not None else self.rng.randint(13, 30)
        return mark(self._cached("dob", lambda: ids.birth_date(self.rng, self.started, age)), "DATE_OF_BIRTH")

    def _handle_text(self) -> str:
        rng = self.rng
        base = rng.choice(self.pools.female + self.pools.male + self.pools.nicknames).lower()
        base = base.encode("ascii", "ignore").decode() or "user"
        tail = rng.choice(("_xx", ".", "_", "", "x", "_official", "__", "0"))
        digits = str(rng.randint(0, 99)).zfill(2) if rng.random() < 0.7 else ""
        word = rng.choice(("", "", "luxe", "money", "vip", "cash", "baby", "boss", "real"))
        text = f"{base}{tail}{word}{digits}".strip("._") or base
        return text

    def _make_handle(self) -> str:
        text = self._cached("handle", self._handle_text)
        at = self._cached("handle_at", lambda: "@" if self.rng.random() < 0.5 else "")
        return mark(at + text, "HANDLE")

    def _make_email(self) -> str:
        def make() -> str:
            name = self._handle_text().replace("@", "")
            return f"{name}{self.rng.randint(1, 99)}@{self.rng.choice(_MAIL_DOMAINS)}"
        return mark(self._cached("email", make), "EMAIL")

    def _make_agency_email(self) -> str:
        def make() -> str:
            return f"{self.rng.choice(('bookings', 'info', 'jobs', 'casting'))}@{self._domain()}"
        return mark(self._cached("agency_email", make), "EMAIL")

    def _domain(self) -> str:
        def make() -> str:
            rng = self.rng
            return (f"{rng.choice(('elite', 'top', 'star', 'vip', 'glam', 'dream'))}-"
                    f"{rng.choice(('hostess', 'models', 'promo', 'talent', 'jobs'))}"
                    f"{rng.choice(('4u', '24', 'nl', 'pro', ''))}.{rng.choice(('com', 'nl', 'net', 'eu'))}")
        return self._cached("domain", make)

    def _make_url(self) -> str:
        def make() -> str:
            rng, plan = self.rng, self.plan
            handle = self._cached("handle", self._handle_text)
            advert = plan.platforms.get("advert")
            if advert == "Kinky.nl":
                prefix = rng.choice(("www.", "https://www.", ""))
                return f"{prefix}kinky.nl/advertentie/{rng.randint(100000, 999999)}-{handle}"
            if advert == "Sexjobs.nl":
                prefix = rng.choice(("www.", "https://", ""))
                return f"{prefix}sexjobs.nl/advertentie/{rng.randint(1000000, 9999999)}"
            recruit = plan.platforms.get("recruit")
            profile = {"Instagram": f"instagram.com/{handle}", "TikTok": f"tiktok.com/@{handle}",
                       "Snapchat": f"snapchat.com/add/{handle}", "Telegram": f"t.me/{handle}",
                       "Facebook": f"facebook.com/{handle}"}.get(recruit or "")
            if profile and plan.scenario != "offer_check":
                return rng.choice(("https://", "www.", "")) + profile
            path = rng.choice(("apply", "talent/inschrijven", "vacatures", "jobs/nl", "signup"))
            return f"{rng.choice(('https://', 'www.', 'https://www.'))}{self._domain()}/{path}"
        return mark(self._cached("url", make), "URL")

    # --- durations (read against started_at, as the codebook rule says)
    def duration_phrases(self) -> tuple[str, str]:
        """(`dur`, `dur_since`) phrases that agree with plan.duration and the start date."""
        rng, months, start = self.rng, self.plan.duration_months, self.started
        long = self.plan.duration == "yes"
        if long:
            years = months // 12
            dur = rng.choice((f"{years} jaar", f"{number_word(years)} jaar", "meer dan een jaar",
                              "een paar jaar" if years >= 2 else "ruim een jaar"))
            y, m = divmod(start.year * 12 + start.month - 1 - months, 12)
            # a bare year is only safe when it lies two calendar years back
            since = rng.choice((f"sinds {_MONTHS[m]} {y}", f"sinds {y}" if start.year - y >= 2
                                else f"sinds {_MONTHS[m]} {y}", f"al sinds {_MONTHS[m]} {y}"))
            if start.month >= 9 and months >= 14 and rng.random() < 0.3:
                since = "sinds de zomer van vorig jaar"
            if self.plan.age_mode not in ("none", "school", "retro") and self.plan.age is not None:
                then = self.plan.age - (months + 11) // 12
                if then >= 8 and rng.random() < 0.3:
                    since = f"sinds ik {then} was" if self.plan.perspective == "self" else \
                        f"sinds {self.values['ze']} {then} was"
        else:
            if months <= 1:
                dur = rng.choice(("een paar weken", "3 weken", "twee weken", "een maand"))
            else:
                dur = rng.choice((f"{months} maanden", f"{number_word(months)} maanden", "een paar maanden",
                                  "een half jaar" if 5 <= months <= 7 else f"{months} maanden"))
            m = (start.month - 1 - months) % 12
            since = rng.choice((f"sinds {_MONTHS[m]}", f"sinds {_MONTHS[m]}", "sinds kort" if months <= 2
                                else f"sinds {_MONTHS[m]}"))
            if start.month <= 5 and rng.random() < 0.3:
                since = rng.choice(("sinds vorige zomer", "sinds afgelopen zomer", "sinds de herfstvakantie"))
            elif start.month >= 9 and rng.random() < 0.3:
                since = rng.choice(("sinds de zomer", "sinds afgelopen zomer"))
        return dur, since


def english_duration(slots: Slots) -> tuple[str, str]:
    """(`dur_en`, `dur_since_en`) that agree with plan.duration, read against the start date."""
    rng, months, start = slots.rng, slots.plan.duration_months, slots.started
    if slots.plan.duration == "yes":
        years = months // 12
        y, m = divmod(start.year * 12 + start.month - 1 - months, 12)
        return (rng.choice((f"{years} years" if years > 1 else "more than a year", "more than a year")),
                f"{_MONTHS_EN[m]} {y}")
    m = (start.month - 1 - months) % 12
    dur = f"{months} months" if months > 1 else rng.choice(("a few weeks", "one month"))
    return dur, _MONTHS_EN[m]


_MAIL_DOMAINS = ("gmail.com", "hotmail.com", "outlook.com", "live.nl", "icloud.com", "ziggo.nl",
                 "kpnmail.nl", "hotmail.nl", "yahoo.com", "planet.nl")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
