"""The dashboard: conversations per year and one variable's protected year table with a chart."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from inbeeld.codebook import load_codebook
from inbeeld.web.dashboard import services
from inbeeld.web.permissions import requires


@requires("dashboard.view")
def index(request: HttpRequest) -> HttpResponse:
    book = load_codebook()
    choices = services.chart_variables(book)
    wanted = request.GET.get("variable", "")
    variable = next((v for v in choices if v.name == wanted), choices[0])
    recs = services.records()
    summary = services.summaries(recs)
    table = services.year_table(variable, recs)
    peak = max((s.conversations for s in summary), default=0) or 1
    english = (get_language() or "nl").startswith("en")
    bars = []
    for value, row in zip(table.values, table.cells, strict=False):
        cells = row[:-1]
        bars.append({"value": value, "cells": [
            {"year": y, "cell": c,
             "width": round(100 * c.count / max(1, t.count)) if c.shown and t.shown else 0}
            for y, c, t in zip(table.years, cells, table.totals, strict=False)
        ]})
    return render(request, "dashboard/index.html", {
        "summary": [
            {"year": s.year, "width": round(100 * s.conversations / peak),
             "cells": [services.protected(n) for n in (s.conversations, s.coded, s.reviewed)]}
            for s in summary
        ],
        "choices": [(v.name, (v.label_en or v.name) if english else v.label_nl) for v in choices],
        "variable": variable,
        "variable_label": (variable.label_en or variable.name) if english else variable.label_nl,
        "table": table,
        "rows": list(zip(table.values, table.cells, strict=False)),
        "bars": bars,
        "largest_hidden": services.THRESHOLD - 1,
    })
