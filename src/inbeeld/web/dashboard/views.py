"""The dashboard: the monitor's key figures and one chosen monitor table, protected."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from inbeeld.codebook import load_codebook
from inbeeld.web.dashboard import services
from inbeeld.web.permissions import requires


@requires("dashboard.view")
def index(request: HttpRequest) -> HttpResponse:
    language = "en" if (get_language() or "nl").startswith("en") else "nl"
    shot = services.snapshot(load_codebook())
    monitor = shot.monitor
    if monitor is None:
        return render(request, "dashboard/index.html", {"monitor": None})
    wanted = request.GET.get("table", "")
    chosen = next((t for t in monitor.tables if t.key == wanted), monitor.tables[0])
    return render(request, "dashboard/index.html", {
        "monitor": monitor,
        "key_figures": services.table_view(monitor.key_figures, language),
        "choices": [(t.key, t.label(language)) for t in monitor.tables],
        "table": services.table_view(chosen, language),
        "largest_hidden": monitor.threshold - 1,
        "built_at": shot.built_at,
        "stale": shot.stale,
        "reviewed_share": round(100 * monitor.reviewed_codes
                                / max(1, monitor.reviewed_codes + monitor.automatic_codes)),
    })
