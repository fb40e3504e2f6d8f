"""Tip pages. The public form, the receipt step and the reporter's thread are open to all
(action PUBLIC); everything else is for tip handlers only. No view reads or keeps the
visitor's address or user agent; every page is sent with `Cache-Control: no-store`."""

from __future__ import annotations

import time

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from inbeeld.tips import Status, TipsError, normalise_code
from inbeeld.tips.decoy import decoy_summary
from inbeeld.web.audit.services import record
from inbeeld.web.permissions import PUBLIC, requires
from inbeeld.web.tips import forms, handover, services
from inbeeld.web.tips.graph import link_graph
from inbeeld.web.tips.labels import IDENTIFIER_KIND, label
from inbeeld.web.tips.models import DecoyResponse, HandoverRequest, Tip

REPORTER_KEY = "tips_reporter"  # session key: the id of the tip the reporter opened with a code


@requires(PUBLIC)
@never_cache
def report(request: HttpRequest) -> HttpResponse:
    form = forms.TipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.submissions_full():
            return render(request, "tips/busy.html", status=429)
        _tip, code = services.receive(form.cleaned_data)
        # the code is shown here once and then forgotten: only its keyed hash is stored
        return render(
            request, "tips/receipt.html", {"form": forms.SavedForm(initial={"shown": code}), "code": code}
        )
    return render(request, "tips/report.html", {"form": form})


@requires(PUBLIC)
@never_cache
def saved(request: HttpRequest) -> HttpResponse:
    """The reporter types the code again before leaving: proof they saved it."""
    form = forms.SavedForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return redirect("tips:report")
    shown, typed = normalise_code(form.cleaned_data["shown"]), normalise_code(form.cleaned_data["typed"])
    if shown is not None and shown == typed:
        return render(request, "tips/done.html")
    form.add_error("typed", _("Deze code komt niet overeen. Kijk nog eens goed en bewaar hem."))
    return render(request, "tips/receipt.html", {"form": form, "code": form.cleaned_data["shown"]})


@requires(PUBLIC)
@never_cache
def followup(request: HttpRequest) -> HttpResponse:
    """The reporter returns with the receipt code. Failed tries are counted for everyone
    together (not per address): after a number they are slowed, after more the door locks."""
    if services.guessing_locked():
        return render(request, "tips/locked.html", status=429)
    form = forms.ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        failures = services.count_in_window("receipt_fail", services.GUESS_WINDOW)
        time.sleep(services.guess_delay(failures))
        tip = services.find_by_receipt(form.cleaned_data["code"])
        if tip is not None:
            request.session.cycle_key()
            request.session[REPORTER_KEY] = tip.pk
            return redirect("tips:thread")
        form.add_error("code", _("Deze code kennen wij niet."))
    return render(request, "tips/followup.html", {"form": form})


@requires(PUBLIC)
@never_cache
def thread(request: HttpRequest) -> HttpResponse:
    """What the handler asked and what the reporter answered; the reporter adds to it."""
    tip = Tip.objects.filter(pk=request.session.get(REPORTER_KEY), destroyed_at__isnull=True).first()
    if tip is None:
        return redirect("tips:followup")
    form = forms.ReporterMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reporter_message(tip, form.cleaned_data["kind"], form.cleaned_data["text"])
        messages.success(request, _("Dank u, uw bericht is ontvangen."))
        return redirect("tips:thread")
    return render(
        request,
        "tips/thread.html",
        {
            "form": form,
            "entries": services.timeline(tip, for_reporter=True),
            "status": tip.status,
        },
    )


@requires(PUBLIC)
@never_cache
def leave(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.session.flush()
    return redirect("tips:followup")


# --- handlers -----------------------------------------------------------------------------------


def _tip(tip_id: int) -> Tip:
    tip = Tip.objects.filter(pk=tip_id, destroyed_at__isnull=True).first()
    if tip is None:
        raise Http404
    return tip


@requires("tips.handle")
@never_cache
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    tips = Tip.objects.filter(destroyed_at__isnull=True, merged_into__isnull=True)
    if status in set(Status):
        tips = tips.filter(status=status)
    rows = [
        {"tip": t, "linked": len(services.linked_tips(t)), "waiting": services.awaiting_handler(t)}
        for t in tips[:500]
    ]
    return render(request, "tips/queue.html", {"rows": rows, "status": status, "statuses": list(Status)})


def _kind_labels(linked: dict[int, list[str]]) -> dict[int, list[str]]:
    """The shared identifier kinds as labels in the active language (for the graph's edges)."""
    return {other: [label(IDENTIFIER_KIND, k) for k in kinds] for other, kinds in linked.items()}


_OPS = {
    "status": forms.StatusForm,
    "entry": forms.EntryForm,
    "identifier": forms.IdentifierForm,
    "summary": forms.SummaryForm,
    "merge": forms.MergeForm,
}


@requires("tips.handle")
@never_cache
def detail(request: HttpRequest, tip_id: int) -> HttpResponse:
    tip = _tip(tip_id)
    if request.method == "POST":
        op = request.POST.get("op", "")
        try:
            if op == "confirm":
                services.confirm_identifier(tip, int(request.POST.get("identifier", "0")), by=request.user)
            elif op in _OPS:
                form = _OPS[op](request.POST)
                if not form.is_valid():
                    raise TipsError("; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
                data = form.cleaned_data
                if op == "status":
                    services.change_status(
                        tip, data["status"], data["reason"], by=request.user, recipient=data["recipient"]
                    )
                elif op == "entry":
                    services.handler_entry(tip, data["kind"], data["text"], by=request.user)
                elif op == "identifier":
                    services.add_identifier(tip, data["kind"], data["value"], by=request.user)
                elif op == "summary":
                    services.set_summary(tip, data["summary"], by=request.user)
                else:
                    services.merge(tip, _tip(data["into"]), by=request.user)
            else:
                raise TipsError(f"unknown operation {op!r}")
        except (TipsError, ValueError) as exc:
            messages.error(request, str(exc))
        return redirect("tips:detail", tip_id=tip.pk)
    record(request.user, "tips.view", tip=tip.pk)  # who read which tip, when
    linked = services.linked_tips(tip)
    return render(
        request,
        "tips/detail.html",
        {
            "tip": tip,
            "content": services.content_of(tip),
            "entries": services.timeline(tip),
            "identifiers": services.identifiers_of(tip),
            "linked": linked,
            "graph": link_graph(tip.pk, _kind_labels(linked)) if linked else None,
            "summary": services.summary_of(tip),
            "merged": list(tip.merged.values_list("pk", flat=True)),
            "status_form": forms.StatusForm(auto_id="status_%s"),
            "entry_form": forms.EntryForm(auto_id="entry_%s"),
            "identifier_form": forms.IdentifierForm(auto_id="ident_%s"),
            "merge_form": forms.MergeForm(auto_id="merge_%s"),
            "summary_form": forms.SummaryForm(initial={"summary": services.summary_of(tip)}),
            "handover_form": forms.HandoverForm(auto_id="handover_%s"),
            "requests": HandoverRequest.objects.filter(tip=tip, used_at__isnull=True).select_related(
                "requested_by", "approved_by"
            ),
        },
    )


@requires("tips.handover")
@never_cache
def handover_view(request: HttpRequest, tip_id: int) -> HttpResponse:
    """POST: the dossier as a ZIP; with contact details only after a colleague's approval."""
    tip = _tip(tip_id)
    form = forms.HandoverForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return redirect("tips:detail", tip_id=tip.pk)
    recipient, contact = form.cleaned_data["recipient"], form.cleaned_data["include_contact"]
    try:
        dossier = handover.build(tip, recipient, by=request.user, include_contact=contact)
    except TipsError as exc:
        if not contact:
            messages.error(request, str(exc))
            return redirect("tips:detail", tip_id=tip.pk)
        handover.request_contact(tip, recipient, by=request.user)
        messages.info(request, _("Een tweede behandelaar moet de overdracht van contactgegevens goedkeuren."))
        return redirect("tips:detail", tip_id=tip.pk)
    response = HttpResponse(dossier.data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{dossier.filename}"'
    return response


@requires("tips.handover")
@never_cache
def approve(request: HttpRequest, request_id: int) -> HttpResponse:
    pending = HandoverRequest.objects.filter(pk=request_id).first()
    if pending is None:
        raise Http404
    if request.method == "POST":
        try:
            handover.approve_contact(request_id, by=request.user)
        except TipsError as exc:
            messages.error(request, str(exc))
    return redirect("tips:detail", tip_id=pending.tip_id)


@requires("tips.handle")
@never_cache
def decoy(request: HttpRequest) -> HttpResponse:
    """The decoy-advert log: record responses; per year the share that went on, with interval."""
    form = forms.DecoyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_decoy(
                data["year"], data["kind"], data["responder"], data["continued"], by=request.user
            )
        except TipsError as exc:
            messages.error(request, str(exc))
        return redirect("tips:decoy")
    summary = decoy_summary(DecoyResponse.objects.values_list("year", "responder", "continued"))
    return render(request, "tips/decoy.html", {"form": form, "summary": summary})
