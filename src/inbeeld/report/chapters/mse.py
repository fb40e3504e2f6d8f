"""The dark-number chapter: an MSE estimate (inbeeld.monitor.mse) as a report section.

The estimates themselves are not counts of people and are published as they are. The capture
table behind them is: its pattern counts are protected with the monitor's rule (small counts
"<10", a partner hidden so the total gives nothing back), and the list sizes are published only
when no pattern is hidden (each list size is a sum of patterns: it could give a hidden one back).
"""

from __future__ import annotations

from typing import Any

from inbeeld.monitor.mse import CaptureTable, MSEResult, mse_summary
from inbeeld.report.chapters.base import Chapter, protect_columns, render_protected
from inbeeld.report.numbers import hidden, whole
from inbeeld.report.section import ReportSection, ReportTable

__all__ = ["mse_chapter"]

_T = {
    "nl": {
        "methods": "Methode: multiple systems estimation (MSE). Slachtoffers die op meer lijsten staan, "
        "zijn aan elkaar gekoppeld; uit de overlap tussen de lijsten schat een log-lineair Poisson-model "
        "hoeveel slachtoffers op geen enkele lijst staan. Samenhang tussen lijsten in het model: "
        "{how}. De intervallen zijn het profiel-aannemelijkheidsinterval en het log-normale "
        "interval dat SparseMSE geeft{boot}. De schatting neemt aan: een gesloten populatie in de "
        "periode, foutloos koppelen van personen tussen lijsten, en dat de samenhang tussen lijsten door "
        "het model wordt beschreven (tussen slachtoffers verschillen de vindkansen niet op een manier "
        "die het model mist).",
        "how_stepwise": "stapsgewijs gekozen, zoals in het R-pakket SparseMSE (Chan, Silverman en "
        "Vincent)",
        "how_main": "geen; alleen hoofdeffecten, de lijsten worden onafhankelijk verondersteld",
        "how_fixed": "vooraf vastgelegd",
        "boot": ", en een BCa-bootstrapinterval waarin de modelkeuze bij elke herhaling opnieuw is gedaan",
        "simulated": "Let op: dit zijn gesimuleerde demonstratiegegevens (een gesimuleerde tabel met "
        "seed {seed} en een bekende omvang van {truth}), geen echte registraties.",
        "patterns": "Aantallen per combinatie van lijsten",
        "pattern": "op lijst",
        "persons": "personen",
        "patterns_note": "Combinaties die niet voorkomen staan er niet in (aantal 0). Aantallen van 1 tot "
        "en met {t1} staan als {mark}; een x is verborgen om zo'n klein aantal te beschermen.",
        "lists_hidden": "De omvang per lijst staat er niet bij: die is een som van combinaties en zou een "
        "verborgen aantal terug kunnen geven.",
        "lists": "Omvang per lijst",
        "list": "lijst",
        "estimates": "Schatting",
        "total": "totaal gezien",
        "only": "alleen {name}",
    },
    "en": {
        "methods": "Method: multiple systems estimation (MSE). Victims on several lists were linked; from "
        "the overlap between the lists a log-linear Poisson model estimates how many victims are on no "
        "list. Dependence between lists in the model: {how}. The intervals are the profile "
        "likelihood interval and the log-normal interval SparseMSE gives{boot}. The estimate assumes a "
        "closed population over the period, error-free linking of persons between lists, and that the "
        "model describes the dependence between lists (catch probabilities do not differ between "
        "victims in a way the model misses).",
        "how_stepwise": "chosen stepwise, as in the R package SparseMSE (Chan, Silverman and Vincent)",
        "how_main": "none; main effects only, the lists are assumed independent",
        "how_fixed": "fixed in advance",
        "boot": ", and a BCa bootstrap interval with the model choice repeated in every replicate",
        "simulated": "Note: these are simulated demonstration data (a simulated table with seed {seed} "
        "and a known size of {truth}), not real records.",
        "patterns": "Counts per combination of lists",
        "pattern": "on list",
        "persons": "persons",
        "patterns_note": "Combinations that do not occur are left out (count 0). Counts from 1 to {t1} are "
        "shown as {mark}; an x is hidden to protect such a small count.",
        "lists_hidden": "List sizes are not shown: each is a sum of combinations and could give a hidden "
        "count back.",
        "lists": "Size of each list",
        "list": "list",
        "estimates": "Estimate",
        "total": "total seen",
        "only": "only {name}",
    },
}


def mse_chapter(
    result: MSEResult,
    table: CaptureTable | None = None,
    lang: str = "nl",
    threshold: int = 10,
    *,
    simulated: dict[str, Any] | None = None,
) -> Chapter:
    """The estimate as a chapter; `table` adds the protected pattern counts.

    `simulated` ({"seed": s, "population": N}) marks the chapter as demo data built with
    `simulate_captures`.
    """
    if lang not in _T:
        raise ValueError(f"lang must be one of {', '.join(_T)}, got {lang!r}")
    t = _T[lang]
    summary = mse_summary(result, lang)
    paragraphs = list(summary["paragraphs"])
    if simulated is not None:
        paragraphs.insert(0, t["simulated"].format(seed=simulated.get("seed"),
                                                   truth=whole(int(simulated["population"]), lang)))
    how = t.get("how_" + result.method, result.method)
    paragraphs.append(t["methods"].format(how=how, boot=t["boot"] if result.bootstrap_interval else ""))
    estimates = ReportTable(
        title=t["estimates"], header=tuple(summary["table"]["columns"]),
        rows=tuple(tuple(r) for r in summary["table"]["rows"]), key="mse_estimate",
    )
    tables = [estimates]
    log: dict[str, Any] = {"chapter": "dark_number", "threshold": threshold, "tables": []}
    if table is not None:
        tables += _capture_tables(table, t, lang, threshold, log)
    section = ReportSection(summary["title"], tuple(paragraphs), tables=tuple(tables), key="dark_number")
    return Chapter(section, log)


def _capture_tables(table: CaptureTable, t: dict, lang: str, threshold: int,
                    log: dict[str, Any]) -> list[ReportTable]:
    patterns = table.patterns()
    seen = [(k, c) for k, c in enumerate(table.counts) if c > 0]
    labels = []
    for k, _ in seen:
        names = [name for name, bit in zip(table.lists, patterns[k], strict=True) if bit]
        labels.append(t["only"].format(name=names[0]) if len(names) == 1 else " + ".join(names))
    protected = protect_columns("mse_patterns", labels, [t["persons"]], [[c] for _, c in seen], threshold)
    log["tables"].append(protected.disclosure())
    notes = [t["patterns_note"].format(t1=threshold - 1, mark=hidden(threshold))]
    out = []
    if protected.status:
        notes.append(t["lists_hidden"])
        log["not_published"] = ["list sizes (sums of pattern counts, one of which is hidden)"]
    else:
        sizes = table.list_totals()
        out.append(ReportTable(title=t["lists"], header=(t["list"], t["persons"]),
                               rows=tuple((name, whole(n, lang)) for name, n in sizes.items()),
                               key="mse_lists"))
    out.insert(0, render_protected(protected, t["patterns"], (t["pattern"], t["persons"]), threshold,
                                   lang, total_label=t["total"], notes=notes))
    return out
