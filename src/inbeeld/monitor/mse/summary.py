"""The estimate as plain data for the report: a title, paragraphs and a table, in Dutch or English."""

from __future__ import annotations

import math
from typing import Any

from inbeeld.monitor.mse.estimate import MSEResult
from inbeeld.monitor.mse.intervals import Interval

__all__ = ["mse_summary"]

_TEXT = {
    "nl": {
        "title": "Schatting van het dark number (multiple systems estimation)",
        "observed": "Geregistreerd op minstens één lijst",
        "dark": "Geschat aantal op geen enkele lijst (dark number)",
        "population": "Geschatte totale omvang",
        "interval": "{pct}%-betrouwbaarheidsinterval ({method})",
        "col_what": "Grootheid",
        "col_value": "Aantal",
        "lists": "De schatting gebruikt {n} lijsten: {names}. Samen registreren zij {obs} slachtoffers.",
        "merged": " De lijsten {names} zijn samengevoegd tot één lijst.",
        "method_main": "Het model neemt aan dat de lijsten onafhankelijk van elkaar slachtoffers vinden "
        "(alleen hoofdeffecten).",
        "method_fixed": "Het model bevat naast de hoofdeffecten de vooraf gekozen samenhang tussen "
        "lijsten: {terms}.",
        "method_stepwise": "Het model is stapsgewijs gekozen zoals in SparseMSE (Chan, Silverman en "
        "Vincent): een samenhang tussen twee lijsten komt erin als de p-waarde onder {p} ligt. "
        "Gekozen: {terms}.",
        "none": "geen",
        "estimate": "Het model schat dat {dark} slachtoffers op geen enkele lijst staan; de totale "
        "omvang is dan {pop} ({pct}%-interval {low} tot {high}).",
        "bootstrap": "De bootstrap met {n} herhalingen, waarin ook de modelkeuze steeds opnieuw is "
        "gedaan, geeft als {pct}%-interval {low} tot {high}.",
        "caveat": "Deze schatting berust op aannames: een gesloten populatie, geen fouten bij het "
        "koppelen van lijsten, en een model dat de samenhang tussen lijsten goed beschrijft. Andere "
        "redelijke modellen kunnen sterk afwijkende uitkomsten geven.",
        "no_estimate": "Met deze gegevens bestaat er geen schatting voor dit model: {why}. "
        "Voeg kleine lijsten samen of kies een eenvoudiger model.",
        "why_exist": "de meest aannemelijke schatting is oneindig of ligt op de rand",
        "why_ident": "het model is niet identificeerbaar",
        "open": "onbegrensd",
    },
    "en": {
        "title": "Estimate of the dark figure (multiple systems estimation)",
        "observed": "Recorded on at least one list",
        "dark": "Estimated number on no list (dark figure)",
        "population": "Estimated total size",
        "interval": "{pct}% confidence interval ({method})",
        "col_what": "Quantity",
        "col_value": "Number",
        "lists": "The estimate uses {n} lists: {names}. Together they record {obs} victims.",
        "merged": " The lists {names} were merged into one list.",
        "method_main": "The model assumes that the lists find victims independently (main effects only).",
        "method_fixed": "Besides the main effects the model contains the chosen dependence between lists: "
        "{terms}.",
        "method_stepwise": "The model was chosen stepwise as in SparseMSE (Chan, Silverman and Vincent): "
        "a dependence between two lists enters when its p-value is below {p}. Chosen: {terms}.",
        "none": "none",
        "estimate": "The model estimates that {dark} victims are on no list; the total size is then "
        "{pop} ({pct}% interval {low} to {high}).",
        "bootstrap": "The bootstrap with {n} replicates, repeating the model choice in each, gives the "
        "{pct}% interval {low} to {high}.",
        "caveat": "This estimate rests on assumptions: a closed population, no errors in linking the "
        "lists, and a model that describes the dependence between lists well. Other reasonable models "
        "can give very different results.",
        "no_estimate": "With these data no estimate exists for this model: {why}. Merge small lists or "
        "choose a simpler model.",
        "why_exist": "the maximum-likelihood estimate is infinite or on the boundary",
        "why_ident": "the model is not identifiable",
        "open": "unbounded",
    },
}

_METHOD_NAMES = {
    "nl": {
        "log-normal": "log-normaal, SparseMSE",
        "profile-likelihood": "profiel-aannemelijkheid",
        "bootstrap-bca-multinomial": "bootstrap, BCa",
        "bootstrap-bca-parametric": "parametrische bootstrap, BCa",
    },
    "en": {
        "log-normal": "log-normal, SparseMSE",
        "profile-likelihood": "profile likelihood",
        "bootstrap-bca-multinomial": "bootstrap, BCa",
        "bootstrap-bca-parametric": "parametric bootstrap, BCa",
    },
}


def _number(x: float, lang: str) -> str:
    if not math.isfinite(x):
        return _TEXT[lang]["open"]
    text = f"{round(x):,}"
    return text.replace(",", ".") if lang == "nl" else text


def _interval_row(iv: Interval, lang: str) -> list[str]:
    t = _TEXT[lang]
    name = _METHOD_NAMES[lang].get(iv.method, iv.method)
    high = _number(iv.high, lang)
    dash = " tot " if lang == "nl" else " to "
    return [t["interval"].format(pct=round(iv.level * 100), method=name), _number(iv.low, lang) + dash + high]


def mse_summary(result: MSEResult, lang: str = "nl") -> dict[str, Any]:
    """Title, paragraphs and a table of estimates that the report section renders."""
    if lang not in _TEXT:
        raise ValueError(f"lang must be one of {', '.join(_TEXT)}, got {lang!r}")
    t = _TEXT[lang]
    num = lambda x: _number(x, lang)  # noqa: E731 - short local formatter
    paragraphs = [
        t["lists"].format(n=len(result.lists), names=", ".join(result.lists), obs=num(result.observed))
        + (t["merged"].format(names=", ".join(result.merged)) if result.merged else "")
    ]
    terms = ", ".join(result.terms) or t["none"]
    if result.method == "stepwise":
        p = f"{result.p_threshold:g}"
        p = p.replace(".", ",") if lang == "nl" else p
        paragraphs.append(t["method_stepwise"].format(p=p, terms=terms))
    elif result.method == "fixed":
        paragraphs.append(t["method_fixed"].format(terms=terms))
    else:
        paragraphs.append(t["method_main"])
    rows = [[t["observed"], num(result.observed)]]
    if result.population is None or result.dark is None or result.interval is None:
        why = t["why_exist"] if not result.exists else t["why_ident"]
        paragraphs.append(t["no_estimate"].format(why=why))
    else:
        iv = result.interval
        paragraphs.append(
            t["estimate"].format(
                dark=num(result.dark),
                pop=num(result.population),
                pct=round(iv.level * 100),
                low=num(iv.low),
                high=num(iv.high),
            )
        )
        if result.bootstrap_interval is not None:
            b = result.bootstrap_interval
            paragraphs.append(
                t["bootstrap"].format(
                    n=result.bootstrap_replicates, pct=round(b.level * 100), low=num(b.low), high=num(b.high)
                )
            )
        rows += [[t["dark"], num(result.dark)], [t["population"], num(result.population)]]
        for extra in (result.interval, result.sparsemse_interval, result.bootstrap_interval):
            if extra is not None:
                rows.append(_interval_row(extra, lang))
    paragraphs.append(t["caveat"])
    return {
        "title": t["title"],
        "paragraphs": paragraphs,
        "table": {"columns": [t["col_what"], t["col_value"]], "rows": rows},
    }
