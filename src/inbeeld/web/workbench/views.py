"""Workbench pages: queue, coding view, next, assign, agreement, consensus, export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inbeeld.corpus import write_codes
from inbeeld.errors import CodebookError
from inbeeld.web.permissions import Role, requires, role_of
from inbeeld.web.workbench import agreement, services
from inbeeld.web.workbench.forms import AssignForm, OpenForm


def _language() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@requires("workbench.queue")
def queue(request: HttpRequest) -> HttpResponse:
    form = OpenForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("workbench:code", external_id=form.cleaned_data["conversation"])
    items = services.queue(request.user)
    open_count = sum(1 for i in items if i["done_at"] is None)
    return render(request, "workbench/queue.html", {"items": items, "open_count": open_count, "form": form})


@requires("workbench.code")
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest, external_id: str) -> HttpResponse:
    errors: list[str] = []
    if request.method == "POST":
        book = services.codebook()
        decisions = {}
        for variable in book.variables:
            try:
                decisions[variable.name] = services.parse_value(
                    variable, request.POST.getlist(f"v-{variable.name}")
                )
            except CodebookError as exc:
                errors.append(str(exc))
        if not errors:
            saved = services.save_decisions(request.user, external_id, decisions)
            messages.success(request, _("%(n)d beslissingen opgeslagen.") % {"n": saved})
            if request.POST.get("go") == "next":
                return redirect(f"{reverse('workbench:next')}?{urlencode({'after': external_id})}")
            return redirect("workbench:code", external_id=external_id)
    item = services.coding_item(request.user, external_id, _language())
    focus = request.GET.get("focus", "")
    return render(request, "workbench/code.html", {
        "item": item, "focus": focus, "errors": errors,
    }, status=400 if errors else 200)


@requires("workbench.code")
def next_conversation(request: HttpRequest) -> HttpResponse:
    following = services.next_conversation(request.user, after=request.GET.get("after") or None)
    if following is None:
        messages.info(request, _("Geen gesprekken meer te coderen."))
        return redirect("workbench:queue")
    return redirect("workbench:code", external_id=following)


@requires("workbench.assign")
def assign(request: HttpRequest) -> HttpResponse:
    form = AssignForm(request.POST or None, coder_queryset=services.coders())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = services.assign_sample(
            request.user, [u.pk for u in data["coders"]], data["size"],
            double_fraction=data["double_percent"] / 100, seed=data["seed"], year=data["year"],
            sample=data["sample"] or "",
        )
        messages.success(request, _("%(n)d gesprekken toegewezen, waarvan %(d)d dubbel.")
                         % {"n": plan.assigned, "d": plan.double})
        return redirect("workbench:assign")
    return render(request, "workbench/assign.html", {"form": form})


@requires("workbench.agreement")
def agreement_view(request: HttpRequest) -> HttpResponse:
    table, disagreements = agreement.agreement_report(services.codebook(), _language())
    return render(request, "workbench/agreement.html", {"table": table, "disagreements": disagreements})


@requires("workbench.consensus")
@require_http_methods(["GET", "POST"])
def consensus(request: HttpRequest, external_id: str) -> HttpResponse:
    book = services.codebook()
    coded = agreement.double_coded(book).get(external_id, {})
    differing = {name: (a, b) for name, (a, b) in coded.items() if agreement.key(a) != agreement.key(b)}
    errors: list[str] = []
    if request.method == "POST":
        decisions = {}
        for name in differing:
            try:
                decisions[name] = services.parse_value(book[name], request.POST.getlist(f"v-{name}"))
            except CodebookError as exc:
                errors.append(str(exc))
        if not errors and decisions:
            services.save_decisions(request.user, external_id, decisions, source=services.CONSENSUS)
            messages.success(request, _("Consensus vastgelegd."))
            return redirect("workbench:agreement")
    item = services.coding_item(request.user, external_id, _language())
    rows = [
        {"item": v, "first": differing[v.variable.name][0], "second": differing[v.variable.name][1]}
        for v in item.variables if v.variable.name in differing
    ]
    return render(request, "workbench/consensus.html", {"item": item, "rows": rows, "errors": errors})


@requires("workbench.export")
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "workbench/export.html", {})
    book = services.codebook()
    # write_codes is the gold format's one writer; a temporary file keeps memory flat
    handle = tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False)  # noqa: SIM115
    handle.close()
    path = Path(handle.name)
    count = write_codes(path, services.human_codes(book), book)
    services.audit_export(request.user, count, "gold-jsonl")
    stream = path.open("rb")
    path.unlink()  # the open handle keeps the data until the response is sent (POSIX)
    return FileResponse(stream, as_attachment=True, filename="menselijke-codes.jsonl",
                        content_type="application/x-ndjson")


@requires("home")
def home(request: HttpRequest) -> HttpResponse:
    role = role_of(request.user)
    if role == Role.ADMIN:
        return redirect("accounts:users")
    if role == Role.RESEARCHER:
        return redirect("dashboard:index")
    if role == Role.CODER:
        return redirect("workbench:queue")
    if role == Role.TIP_HANDLER:
        return redirect("tips:queue")
    return render(request, "no_role.html", status=403)
