"""The "Strafzaken" (court cases) chapter: case statistics from judgments, protected like the monitor.

`inbeeld.judgments.statistics.case_statistics` gives plain, unprotected counts; this module
decides what may be published: every count through the monitor's small-cell rule, shares only
over shown counts, and the per-case ratio of imposed to demanded prison days never case by case
(only its median, and only over at least `threshold` cases).
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from inbeeld.judgments.model import JudgmentFacts
from inbeeld.judgments.statistics import AGE_GROUPS, UNKNOWN, CaseStatistics, CountTable, case_statistics
from inbeeld.report.chapters.base import (
    Chapter,
    ProtectedTable,
    count_cell,
    protect_columns,
    render_protected,
    share_cell,
)
from inbeeld.report.numbers import hidden, number, whole
from inbeeld.report.section import ReportSection, ReportTable

__all__ = ["cases_chapter", "cases_section"]

_T = {
    "nl": {
        "title": "Strafzaken",
        "intro": "Dit hoofdstuk beschrijft strafzaken uit rechterlijke uitspraken, nieuwsberichten en "
        "dossiers (ingelezen met inbeeld judgments). Eenheid: één verdachte in één zaak; dezelfde "
        "uitspraak (ECLI) met dezelfde verdachte telt één keer. Geteld zijn verdachten in de rol van "
        "{roles}. Aantal zaken: {cases}.",
        "protection": "Aantallen van 1 tot en met {t1} staan als {mark}; een x is verborgen om zo'n klein "
        "aantal te beschermen. Percentages staan er alleen als het aantal en de basis beide getoond "
        "worden. Uitkomsten per zaak (zoals de verhouding tussen opgelegde en geëiste straf) worden "
        "niet per zaak gepubliceerd; alleen een mediaan over ten minste {t} zaken.",
        "sentences": "Van de {base} zaken met een opgelegde straf kregen {one} zaken ({one_pct}) één dag "
        "onvoorwaardelijke gevangenisstraf plus een taakstraf, en {hundred} zaken ({hundred_pct}) 100 "
        "dagen of meer onvoorwaardelijk.",
        "sentences_hidden": "Het aandeel zaken met één dag onvoorwaardelijk plus taakstraf en met 100 "
        "dagen of meer wordt niet gepubliceerd: de aantallen zijn te klein.",
        "ratio": "Mediaan van opgelegde gedeeld door geëiste onvoorwaardelijke gevangenisdagen: {median} "
        "(over {n} zaken waarin beide bekend zijn en de eis meer dan 0 dagen was).",
        "ratio_hidden": "De mediaan van opgelegde gedeeld door geëiste straf wordt niet gepubliceerd: "
        "minder dan {t} zaken vermelden beide.",
        "age_median": "Het mediane leeftijdsverschil tussen verdachte en jongste slachtoffer is "
        "{median} jaar.",
        "empty": "Er zijn geen zaken in de ingelezen bestanden.",
        "outside": "Zaken met een uitspraak buiten {first}–{last} ({n}) zijn niet meegeteld; zaken "
        "zonder bekend jaar wel (als 'onbekend').",
        "roles": {"client": "klant", "trafficker": "mensenhandelaar", "parent": "ouder", "other": "overig"},
        "all_roles": "elke rol",
        "or": " of ",
        "total": "totaal",
        "unknown": "onbekend",
        "n": "n",
        "pct": "%",
        "per_year": "Zaken per jaar (jaar van de uitspraak)",
        "year": "jaar",
        "cases": "zaken",
        "victims": "slachtoffers",
        "ages": "Leeftijd van de slachtoffers",
        "age": "leeftijd",
        "years_old": "{age} jaar",
        "genders": "Geslacht van de slachtoffers",
        "gender": "geslacht",
        "gender_values": {"female": "vrouw", "male": "man"},
        "victims_note": "Eenheid: het slachtoffer (een zaak kan meer slachtoffers noemen).",
        "difference": "Leeftijdsverschil verdachte – jongste slachtoffer",
        "difference_col": "verschil",
        "below_15": "minder dan 15 jaar",
        "from_15": "15 jaar of meer",
        "difference_note": "Zaken waarin de leeftijd van de verdachte en van een slachtoffer bekend zijn.",
        "channels": "Hoe het contact ontstond",
        "channel": "kanaal",
        "channel_values": {"sex advertisement website": "seksadvertentiesite",
                           "classified ads website": "advertentiesite",
                           "dating site or app": "datingsite of -app", "social media": "sociale media",
                           "chat": "chat", "messaging app": "berichtenapp"},
        "names": "Genoemde sites en apps",
        "name": "site of app",
        "names_note": "Een zaak kan meer sites noemen: de aantallen tellen niet op tot het aantal zaken.",
        "direction": "Opgelegde ten opzichte van geëiste onvoorwaardelijke gevangenisstraf",
        "imposed": "opgelegd",
        "direction_values": {"lower": "lager dan de eis", "equal": "gelijk aan de eis",
                             "higher": "hoger dan de eis"},
        "direction_note": "Zaken waarin eis en straf bekend zijn en de eis meer dan 0 dagen was; een straf "
        "zonder onvoorwaardelijk deel telt als 0 dagen.",
        "groups": "Straffen naar leeftijd van het jongste slachtoffer",
        "group": "leeftijd slachtoffer",
        "group_values": {"<=15": "15 jaar of jonger", "16-17": "16–17 jaar", "18+": "18 jaar of ouder"},
        "sentenced": "met opgelegde straf",
        "one_day": "1 dag onvoorwaardelijk + taakstraf",
        "hundred": "100 dagen of meer onvoorwaardelijk",
        "groups_note": "Percentages van 1 dag + taakstraf en van 100 dagen of meer zijn van de zaken met "
        "een opgelegde straf (niet vrijgesproken).",
        "unit_note": "Eenheid: de zaak (één verdachte).",
    },
    "en": {
        "title": "Court cases",
        "intro": "This chapter describes criminal cases from court judgments, news reports and case files "
        "(read with inbeeld judgments). Unit: one defendant in one case; the same judgment (ECLI) "
        "with the same defendant counts once. Counted are defendants in the role of {roles}. "
        "Number of cases: {cases}.",
        "protection": "Counts from 1 to {t1} are shown as {mark}; an x is hidden to protect such a small "
        "count. Percentages are shown only where the count and its base are both shown. Outcomes per "
        "case (such as the ratio of imposed to demanded sentence) are not published case by case; only "
        "a median over at least {t} cases.",
        "sentences": "Of the {base} cases with an imposed sentence, {one} cases ({one_pct}) got one day of "
        "unconditional prison plus community service, and {hundred} cases ({hundred_pct}) 100 days or "
        "more unconditional.",
        "sentences_hidden": "The share of cases with one day unconditional plus community service and "
        "with 100 days or more is not published: the counts are too small.",
        "ratio": "Median of imposed divided by demanded unconditional prison days: {median} (over {n} "
        "cases that state both, with a demand of more than 0 days).",
        "ratio_hidden": "The median of imposed divided by demanded sentence is not published: fewer "
        "than {t} cases state both.",
        "age_median": "The median age difference between defendant and youngest victim is {median} years.",
        "empty": "The files read contain no cases.",
        "outside": "Cases decided outside {first}–{last} ({n}) are not counted; cases without a known "
        "year are (as 'unknown').",
        "roles": {"client": "client", "trafficker": "trafficker", "parent": "parent", "other": "other"},
        "all_roles": "any role",
        "or": " or ",
        "total": "total",
        "unknown": "unknown",
        "n": "n",
        "pct": "%",
        "per_year": "Cases per year (year of the decision)",
        "year": "year",
        "cases": "cases",
        "victims": "victims",
        "ages": "Age of the victims",
        "age": "age",
        "years_old": "{age} years",
        "genders": "Gender of the victims",
        "gender": "gender",
        "gender_values": {"female": "female", "male": "male"},
        "victims_note": "Unit: the victim (a case can name several victims).",
        "difference": "Age difference defendant – youngest victim",
        "difference_col": "difference",
        "below_15": "less than 15 years",
        "from_15": "15 years or more",
        "difference_note": "Cases that state the age of the defendant and of a victim.",
        "channels": "How contact arose",
        "channel": "channel",
        "channel_values": {},
        "names": "Sites and apps named",
        "name": "site or app",
        "names_note": "A case can name several sites: the counts do not add up to the number of cases.",
        "direction": "Imposed against demanded unconditional prison",
        "imposed": "imposed",
        "direction_values": {"lower": "lower than demanded", "equal": "equal to the demand",
                             "higher": "higher than demanded"},
        "direction_note": "Cases that state demand and sentence, with a demand of more than 0 days; a "
        "sentence without an unconditional part counts as 0 days.",
        "groups": "Sentences by age of the youngest victim",
        "group": "victim age",
        "group_values": {"<=15": "15 or younger", "16-17": "16–17", "18+": "18 or older"},
        "sentenced": "with imposed sentence",
        "one_day": "1 day unconditional + community service",
        "hundred": "100 days or more unconditional",
        "groups_note": "Percentages of 1 day + community service and of 100 days or more are of the cases "
        "with an imposed sentence (not acquitted).",
        "unit_note": "Unit: the case (one defendant).",
    },
}


def cases_chapter(
    facts: Iterable[JudgmentFacts],
    lang: str = "nl",
    threshold: int = 10,
    *,
    roles: Collection[str] | None = ("client",),
    period: tuple[int, int] | None = None,
) -> Chapter:
    """The protected "Strafzaken" chapter over extracted or imported facts, with its disclosure log.

    `period` (first, last year) keeps the cases decided in the report's years and those without a
    known year; the chapter says how many were left out.
    """
    if period is None:
        return cases_section(case_statistics(facts, roles=roles), lang, threshold, roles=roles)
    first, last = period
    kept: list[JudgmentFacts] = []
    outside: set[tuple[str, str | None]] = set()  # as case_statistics: one ECLI + defendant once
    for index, f in enumerate(facts):
        year = f.decision_year
        if year is None or first <= year <= last:
            kept.append(f)
        elif roles is None or f.role_of_defendant in roles:
            outside.add((f.ecli, f.defendant) if f.ecli else (str(index), None))
    chapter = cases_section(case_statistics(kept, roles=roles), lang, threshold, roles=roles)
    if not outside:
        return chapter
    t = _T[lang]
    shown = hidden(threshold) if len(outside) < threshold else whole(len(outside), lang)
    note = t["outside"].format(n=shown, first=first, last=last)
    section = chapter.section
    paragraphs = (section.paragraphs[0], note, *section.paragraphs[1:])
    return Chapter(ReportSection(section.title, paragraphs, section.tables, section.figures, section.key),
                   chapter.disclosure)


def cases_section(
    stats: CaseStatistics,
    lang: str = "nl",
    threshold: int = 10,
    *,
    roles: Collection[str] | None = ("client",),
) -> Chapter:
    """The chapter from statistics already computed (with the same `roles`)."""
    if lang not in _T:
        raise ValueError(f"lang must be one of {', '.join(_T)}, got {lang!r}")
    if threshold < 2:
        raise ValueError("threshold must be at least 2")
    t = _T[lang]
    role_names = t["all_roles"] if roles is None else t["or"].join(t["roles"].get(r, r) for r in roles)
    cases_text = hidden(threshold) if 0 < stats.cases < threshold else whole(stats.cases, lang)
    paragraphs = [t["intro"].format(roles=role_names, cases=cases_text)]
    log: dict[str, Any] = {"chapter": "court_cases", "threshold": threshold, "tables": [],
                           "not_published": ["per-case ratios of imposed to demanded prison days "
                                             "(only their median over at least threshold cases)"]}
    if stats.cases == 0:
        paragraphs.append(t["empty"])
        return Chapter(ReportSection(t["title"], tuple(paragraphs), key="court_cases"), log)
    paragraphs.append(t["protection"].format(t1=threshold - 1, t=threshold, mark=hidden(threshold)))

    tables: list[ReportTable] = []
    protected: list[ProtectedTable] = []

    def simple(source: CountTable, key: str, title: str, column: str, unit: str, label: Any,
               notes: Sequence[str], adds_up: bool = True, by_count: bool = False) -> None:
        rows = list(source.rows)
        if by_count:  # most named first, as the monitor shows platforms
            rows.sort(key=lambda r: (-r[1], str(r[0])))
        if not rows:
            return
        table = protect_columns(key, [label(r[0]) for r in rows], [column], [[r[1]] for r in rows],
                                threshold, adds_up=adds_up)
        protected.append(table)
        tables.append(render_protected(table, title, (column, unit), threshold, lang,
                                       total_label=t["total"], notes=notes))

    unknown = t["unknown"]
    simple(stats.cases_per_year, "court_cases_per_year", t["per_year"], t["year"], t["cases"],
           lambda v: unknown if v == UNKNOWN else str(v), (t["unit_note"],))
    simple(stats.victim_ages, "court_cases_victim_ages", t["ages"], t["age"], t["victims"],
           lambda v: t["years_old"].format(age=v), (t["victims_note"],))
    simple(stats.victim_genders, "court_cases_victim_genders", t["genders"], t["gender"], t["victims"],
           lambda v: t["gender_values"].get(v, v), (t["victims_note"],))
    _difference(stats, t, threshold, lang, tables, protected)
    simple(stats.channels, "court_cases_channels", t["channels"], t["channel"], t["cases"],
           lambda v: unknown if v == UNKNOWN else t["channel_values"].get(v, v), (t["unit_note"],))
    simple(stats.channel_names, "court_cases_channel_names", t["names"], t["name"], t["cases"],
           str, (t["names_note"],), adds_up=False, by_count=True)
    _direction(stats, t, threshold, lang, tables, protected, paragraphs)
    _groups(stats, t, threshold, lang, tables, protected, paragraphs)
    log["tables"] = [p.disclosure() for p in protected]
    section = ReportSection(t["title"], tuple(paragraphs), tables=tuple(tables), key="court_cases")
    return Chapter(section, log)


def _difference(stats: CaseStatistics, t: dict, threshold: int, lang: str,
                tables: list[ReportTable], protected: list[ProtectedTable]) -> None:
    share = stats.age_difference_15_or_more
    if share.base == 0:
        return
    table = protect_columns("court_cases_age_difference", [t["below_15"], t["from_15"]], [t["cases"]],
                            [[share.base - share.count], [share.count]], threshold)
    protected.append(table)
    notes = [t["difference_note"]]
    differences = [int(label) for label, n in stats.age_difference.rows for _ in range(n)]
    if len(differences) >= threshold:  # an aggregate over enough cases, never one case's value
        middle = statistics.median(differences)
        median = number(middle, lang, 0 if float(middle).is_integer() else 1)
        notes.append(t["age_median"].format(median=median))
    tables.append(render_protected(table, t["difference"], (t["difference_col"], t["n"], t["pct"]),
                                   threshold, lang, total_label=t["total"], shares={0: None},
                                   notes=notes))


def _direction(stats: CaseStatistics, t: dict, threshold: int, lang: str, tables: list[ReportTable],
               protected: list[ProtectedTable], paragraphs: list[str]) -> None:
    rows = stats.imposed_vs_demanded.rows
    ratios = [c.ratio for c in stats.comparisons if c.ratio is not None]
    if ratios:
        table = protect_columns("court_cases_imposed_vs_demanded",
                                [t["direction_values"][r[0]] for r in rows], [t["cases"]],
                                [[r[1]] for r in rows], threshold)
        protected.append(table)
        tables.append(render_protected(table, t["direction"], (t["imposed"], t["n"], t["pct"]),
                                       threshold, lang, total_label=t["total"], shares={0: None},
                                       notes=(t["direction_note"],)))
    if len(ratios) >= threshold:
        paragraphs.append(t["ratio"].format(median=number(statistics.median(ratios), lang, 2),
                                            n=whole(len(ratios), lang)))
    else:
        paragraphs.append(t["ratio_hidden"].format(t=threshold))


def _groups(stats: CaseStatistics, t: dict, threshold: int, lang: str, tables: list[ReportTable],
            protected: list[ProtectedTable], paragraphs: list[str]) -> None:
    by_group = {row[0]: row[1:] for row in stats.by_victim_age_group.rows}
    labels = [t["unknown"] if g == UNKNOWN else t["group_values"][g] for g in AGE_GROUPS]
    counts = [list(by_group.get(g, (0, 0, 0, 0))) for g in AGE_GROUPS]
    # sentenced is part of cases; both sentence outcomes are parts of sentenced
    table = protect_columns("court_cases_sentences", labels,
                            [t["cases"], t["sentenced"], t["one_day"], t["hundred"]], counts, threshold,
                            parents={1: 0, 2: 1, 3: 1})
    protected.append(table)
    header = (t["group"], t["cases"], t["sentenced"], t["one_day"], t["pct"], t["hundred"], t["pct"])
    tables.append(render_protected(table, t["groups"], header, threshold, lang, total_label=t["total"],
                                   shares={2: 1, 3: 1}, notes=(t["groups_note"], t["unit_note"])))
    total = len(labels)
    base = table.value(total, 1)
    one, hundred = share_cell(table, total, 2, 1, lang), share_cell(table, total, 3, 1, lang)
    if base and one and hundred:
        paragraphs.append(t["sentences"].format(
            base=count_cell(table, total, 1, threshold, lang),
            one=count_cell(table, total, 2, threshold, lang), one_pct=one.split("\n")[0],
            hundred=count_cell(table, total, 3, threshold, lang), hundred_pct=hundred.split("\n")[0]))
    elif base:
        paragraphs.append(t["sentences_hidden"])
