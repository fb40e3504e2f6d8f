"""What the reader reads, in Dutch (default) and English. Placeholders use string.Template."""

from __future__ import annotations

from string import Template

LANGUAGES = ("nl", "en")

_TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Monitor hulplijngesprekken over uitbuiting $period",
        "subtitle": "Cijfers uit gecodeerde gesprekken met de hulplijn. Eenheid: het gesprek.",
        "generated": "Codeboek versie $codebook · drempel kleine aantallen: $threshold",
        "contents": "Inhoud",
        "key_figures": "Kerncijfers",
        "key_intro": (
            "In $period zijn $n gesprekken gecodeerd. Daarvan gingen er $exploitation over "
            "uitbuiting en $minor over uitbuiting van een minderjarige. Een gesprek is geen "
            "persoon: iemand kan vaker contact opnemen, en een gesprek kan over een ander gaan."
        ),
        "review_status": (
            "Van alle codes in deze periode is $reviewed door een persoon beoordeeld; $automatic "
            "is een automatische code die nog niemand heeft nagekeken."
        ),
        "tables": "Tabellen",
        "unpublished": "een afgeschermd aantal",
        "tables_intro": (
            "Eerst de kruistabellen die het veld publiceert, dan elke variabele van het codeboek per jaar. "
            "Elke cel toont het aantal gesprekken en daaronder het percentage van de basis van die "
            "kolom met het 95%-betrouwbaarheidsinterval (Wilson). Aantallen van 1 tot en met "
            "$below staan als $hidden; andere cellen zijn daarom soms ook afgeschermd."
        ),
        "base_row": "n (basis)",
        "review_note": "Codes in deze tabel: $reviewed beoordeeld door een persoon, $automatic automatisch.",
        "automatic_warning": (
            "Let op: de meeste codes in deze tabel zijn automatisch en nog niet door een persoon "
            "nagekeken."
        ),
        "suppressed_note": (
            "$hidden: aantal van 1 tot en met $below. x: afgeschermd (het aantal kan groot zijn), "
            "zodat een klein aantal niet uit de totalen terug te rekenen is."
        ),
        "comparison": "Vergelijking met geregistreerde cijfers",
        "comparison_intro": (
            "Geregistreerde (mogelijke) slachtoffers uit $file, per bron apart: reeksen van "
            "verschillende bronnen worden nooit samengevoegd. De verhouding is het aantal "
            "hulplijngesprekken per geregistreerd geval."
        ),
        "comparison_meaning": (
            "Wat de verhouding kan betekenen: hoe groot het deel is dat de hulplijn ziet naast de "
            "registratie, en of dat over de jaren verschuift. Wat zij niet kan betekenen: hoeveel "
            "slachtoffers er zijn, of welk deel van de slachtoffers in beeld is. Gesprekken zijn "
            "geen personen, hulplijn en registratie bereiken deels andere mensen, en beide hangen "
            "af van bekendheid en bereidheid om te melden. Een stijgende verhouding betekent dus "
            "niet dat er meer uitbuiting is."
        ),
        "comparison_none": "Er zijn geen geregistreerde cijfers opgegeven voor deze periode.",
        "comparison_outside": "$n regel(s) uit het bestand vallen buiten de periode en zijn niet vergeleken.",
        "year": "Jaar",
        "period": "Periode",
        "registered": "Geregistreerd",
        "helpline": "Hulplijn",
        "ratio": "Verhouding",
        "series_title": "$group — bron: $source",
        "series_note": "Hulplijn: $label. Geen verhouding waar het aantal gesprekken is afgeschermd.",
        "methods": "Methode en verantwoording",
        "sources_heading": "Bronnen",
        "sources_text": (
            "Gecodeerde gesprekken in $period: $n ($sources). Gesprekken buiten de periode "
            "($outside) zijn niet meegeteld. Eenheid: het gesprek. Codeboek versie "
            "$codebook; tabellen volgens $spec."
        ),
        "reliability_heading": "Betrouwbaarheid van de codering",
        "reliability_text": "Uit de evaluatie van de codering ($file):",
        "reliability_none": (
            "Er is bij dit rapport geen evaluatie van de codering meegegeven; de betrouwbaarheid "
            "van de codes is hier dus niet gerapporteerd."
        ),
        "suppression_heading": "Bescherming van kleine aantallen",
        "suppression_text": (
            "Aantallen van 1 tot en met $below gesprekken staan als $hidden (primaire "
            "afscherming). Daarnaast zijn zo nodig andere cellen of totalen afgeschermd, zodat "
            "geen afgeschermd aantal uit rij-, kolom- of eindtotalen terug te rekenen is "
            "(secundaire afscherming, getoond als x): geen rij of kolom heeft precies één "
            "afgeschermde cel, en "
            "geen afgeschermde cel volgt uit een combinatie van rijen en kolommen. Percentages en "
            "intervallen staan er alleen bij als aantal en basis zichtbaar zijn. Waar een gesprek in "
            "meer rijen of kolommen kan vallen (meerdere waarden), tellen die niet op tot het "
            "totaal en valt er in die richting niets terug te rekenen; de regels gelden dan voor "
            "de richting die wel optelt. Welke cellen zijn afgeschermd en waarom staat in het "
            "bestand $log. Een aantal dat in meer tabellen staat (zoals het aantal gesprekken "
            "over uitbuiting per jaar), is overal afgeschermd waar het in één tabel afgeschermd "
            "is."
        ),
        "automatic_heading": "Automatische en beoordeelde codes",
        "automatic_text": (
            "Codes komen van een persoon die het gesprek heeft gelezen (beoordeeld) of van de "
            "automatische codering (regels en een geleerd model) die nog niemand heeft nagekeken. "
            "Waar nog geen persoon heeft gekeken, telt deze monitor de automatische code en zegt "
            "dat onder elke tabel. Automatische codes kunnen systematisch afwijken; de "
            "betrouwbaarheid hieronder laat zien hoeveel."
        ),
        "intervals_heading": "Intervallen",
        "intervals_text": (
            "Het 95%-betrouwbaarheidsinterval (Wilson) geeft de onzekerheid door toeval bij het "
            "gegeven aantal gesprekken. Het zegt niets over vertekening: wie de hulplijn bereikt, "
            "is geen steekproef van alle slachtoffers."
        ),
        "figure_trend": "Gesprekken per jaar",
        "figure_forms": "Vorm van uitbuiting per jaar (aandeel van gesprekken over uitbuiting)",
        "figure_bars": "$title, $period (aandeel, met 95%-interval)",
        "figure_perpetrators": "Daders bij minderjarige slachtoffers van uitbuiting",
        "figure_locations": "Locaties van uitbuiting",
        "figure_client_signals": "Signalen voor klanten, in gesprekken waarin klanten genoemd worden",
        "chart_share": "aandeel (%)",
        "chart_count": "aantal gesprekken",
        "chart_hidden": "afgeschermd",
        "alt_bars": "Staafdiagram: $items.",
        "alt_trend": "Lijndiagram per jaar: $items.",
        "internal_banner": (
            "INTERN — NIET PUBLICEREN. Niet beschermd tegen onthulling van kleine aantallen."
        ),
        "readme_sheet": "Toelichting",
        "all_cells_sheet": "Alle cellen",
    },
    "en": {
        "title": "Monitor of helpline conversations about exploitation $period",
        "subtitle": "Figures from coded helpline conversations. Unit: the conversation.",
        "generated": "Codebook version $codebook · small-count threshold: $threshold",
        "contents": "Contents",
        "key_figures": "Key figures",
        "key_intro": (
            "In $period, $n conversations were coded. Of these, $exploitation were about "
            "exploitation and $minor about exploitation of a minor. A conversation is not a "
            "person: someone may get in touch more than once, and a conversation can be about "
            "someone else."
        ),
        "review_status": (
            "Of all codes in this period, $reviewed were decided by a person; $automatic are "
            "automatic codes no one has checked yet."
        ),
        "tables": "Tables",
        "unpublished": "an unpublished number of",
        "tables_intro": (
            "First the cross-tables the field publishes, then each codebook variable by year. Each cell "
            "shows the number of conversations and below it the percentage of the column's base "
            "with its 95% confidence interval (Wilson). Counts from 1 to $below are shown as "
            "$hidden; other cells are therefore sometimes hidden too."
        ),
        "base_row": "n (base)",
        "review_note": "Codes in this table: $reviewed decided by a person, $automatic automatic.",
        "automatic_warning": "Note: most codes in this table are automatic and not yet checked by a person.",
        "suppressed_note": (
            "$hidden: a count from 1 to $below. x: hidden (the count may be large) so that a small "
            "count cannot be recomputed from the totals."
        ),
        "comparison": "Comparison with registered figures",
        "comparison_intro": (
            "Registered (possible) victims from $file, each source on its own: series from "
            "different sources are never combined. The ratio is the number of helpline "
            "conversations per registered case."
        ),
        "comparison_meaning": (
            "What the ratio can mean: how large the part the helpline sees is next to the "
            "registration, and whether that shifts over the years. What it cannot mean: how many "
            "victims there are, or which share of victims is in view. Conversations are not "
            "persons, helpline and registration partly reach different people, and both depend on "
            "awareness and willingness to report. A rising ratio does not mean more exploitation."
        ),
        "comparison_none": "No registered figures were given for this period.",
        "comparison_outside": "$n row(s) of the file fall outside the period and were not compared.",
        "year": "Year",
        "period": "Period",
        "registered": "Registered",
        "helpline": "Helpline",
        "ratio": "Ratio",
        "series_title": "$group — source: $source",
        "series_note": "Helpline: $label. No ratio where the number of conversations is hidden.",
        "methods": "Methods",
        "sources_heading": "Sources",
        "sources_text": (
            "Coded conversations in $period: $n ($sources). Conversations outside the period "
            "($outside) were not counted. Unit: the conversation. Codebook version "
            "$codebook; tables as specified in $spec."
        ),
        "reliability_heading": "Reliability of the coding",
        "reliability_text": "From the coding evaluation ($file):",
        "reliability_none": (
            "No coding evaluation was given with this report; the reliability of the codes is "
            "therefore not reported here."
        ),
        "suppression_heading": "Protection of small counts",
        "suppression_text": (
            "Counts from 1 to $below conversations are shown as $hidden (primary suppression). "
            "Where needed, other cells or totals are hidden as well, so that no hidden count can "
            "be recomputed from row, column or grand totals (secondary suppression, shown as x): no row or "
            "column has exactly one hidden cell, and no hidden cell follows from a combination of "
            "rows and columns. Percentages and intervals are shown only where count and base are "
            "shown. Where a conversation can fall in several rows or columns (several values), those do "
            "not add up to the total and nothing can be recomputed in that direction; the rules "
            "then apply to the direction that adds up. Which cells were hidden and why is in the "
            "file $log. A count that appears in several tables (such as the conversations about "
            "exploitation per year) is hidden everywhere it is hidden in one table."
        ),
        "automatic_heading": "Automatic and reviewed codes",
        "automatic_text": (
            "Codes come from a person who read the conversation (reviewed) or from automatic "
            "coding (rules and a learned model) that no one has checked yet. Where no person has "
            "looked yet, this monitor counts the automatic code and says so under every table. "
            "Automatic codes can be systematically off; the reliability below shows by how much."
        ),
        "intervals_heading": "Intervals",
        "intervals_text": (
            "The 95% confidence interval (Wilson) shows the uncertainty from chance at the given "
            "number of conversations. It says nothing about bias: who reaches the helpline is not "
            "a sample of all victims."
        ),
        "figure_trend": "Conversations by year",
        "figure_forms": "Form of exploitation by year (share of conversations about exploitation)",
        "figure_bars": "$title, $period (share, with 95% interval)",
        "figure_perpetrators": "Perpetrators of minor victims of exploitation",
        "figure_locations": "Locations of exploitation",
        "figure_client_signals": "Client signals, in conversations that mention clients",
        "chart_share": "share (%)",
        "chart_count": "conversations",
        "chart_hidden": "hidden",
        "alt_bars": "Bar chart: $items.",
        "alt_trend": "Line chart by year: $items.",
        "internal_banner": "INTERNAL — DO NOT PUBLISH. Not protected against disclosure of small counts.",
        "readme_sheet": "Readme",
        "all_cells_sheet": "All cells",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang`, with $placeholders filled in."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {lang!r}")
    return Template(_TEXTS[lang][key]).substitute({k: str(v) for k, v in values.items()})
