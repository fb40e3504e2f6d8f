"""The audit log for admins: the latest entries and whether the chain holds."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inbeeld.web.audit.models import AuditEntry
from inbeeld.web.audit.services import verify
from inbeeld.web.permissions import requires


@requires("audit.view")
def log(request: HttpRequest) -> HttpResponse:
    page = Paginator(AuditEntry.objects.order_by("-seq"), 100).get_page(request.GET.get("page"))
    report = verify() if request.GET.get("verify") else None
    return render(request, "audit/log.html", {"page": page, "report": report})
