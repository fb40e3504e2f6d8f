"""The hand-over dossier: a PDF (WeasyPrint) of the tip, its linked tips, the timeline and the
handler's summary, in a ZIP with a manifest of sha256 hashes of what was handed over.

The reporter's contact details go along only after a second handler approved (four eyes).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from inbeeld.tips import HANDOVER_TO, TipsError
from inbeeld.web.audit.services import record
from inbeeld.web.tips import services
from inbeeld.web.tips.models import HandoverRequest, Tip


@dataclass(frozen=True)
class Dossier:
    filename: str
    data: bytes  # a ZIP: dossier.pdf, manifest.sha256, parts/*.json


def request_contact(tip: Tip, recipient: str, *, by: Any) -> HandoverRequest:
    """Ask a colleague's approval to hand over the reporter's contact details."""
    if recipient not in HANDOVER_TO:
        raise TipsError(f"recipient must be one of {', '.join(HANDOVER_TO)}")
    with transaction.atomic():
        request = HandoverRequest.objects.create(
            tip=tip, recipient=recipient, requested_by=by, requested_at=timezone.now()
        )
        record(by, "tips.contact_request", tip=tip.pk, recipient=recipient)
    return request


def approve_contact(request_id: int, *, by: Any) -> HandoverRequest:
    request = HandoverRequest.objects.filter(pk=request_id, approved_by__isnull=True).first()
    if request is None:
        raise TipsError(f"no open approval request {request_id}")
    if request.requested_by_id == by.pk:
        raise TipsError("a second handler must approve: not the one who asked")
    with transaction.atomic():
        request.approved_by, request.approved_at = by, timezone.now()
        request.save(update_fields=["approved_by", "approved_at"])
        record(by, "tips.contact_approve", tip=request.tip_id, recipient=request.recipient)
    return request


def _approval(tip: Tip, recipient: str) -> HandoverRequest | None:
    return (
        HandoverRequest.objects.filter(
            tip=tip, recipient=recipient, approved_by__isnull=False, used_at__isnull=True
        )
        .order_by("approved_at")
        .first()
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(tip: Tip, recipient: str, *, by: Any, include_contact: bool = False) -> Dossier:
    """Make the dossier and record the hand-over (who, to whom, when, which tips, contact or not)."""
    if recipient not in HANDOVER_TO:
        raise TipsError(f"recipient must be one of {', '.join(HANDOVER_TO)}")
    approval = _approval(tip, recipient) if include_contact else None
    if include_contact and approval is None:
        raise TipsError("the reporter's contact details need a second handler's approval first")
    content = services.content_of(tip)
    if not include_contact:
        content.pop("contact", None)
    linked = []
    for other_id, kinds in services.linked_tips(tip).items():
        other = Tip.objects.get(pk=other_id)
        other_content = services.content_of(other)
        other_content.pop("contact", None)  # never another reporter's contact details
        linked.append({"id": other_id, "kinds": kinds, "content": other_content})
    parts = {
        f"parts/tip-{tip.pk}.json": content,
        f"parts/tip-{tip.pk}-timeline.json": [
            {"at": e.at.isoformat(), "kind": e.kind, "text": e.text, "status_to": e.status_to}
            for e in services.timeline(tip)
            if e.kind != "note"
        ],
        f"parts/tip-{tip.pk}-summary.json": services.summary_of(tip),
        **{f"parts/tip-{item['id']}-linked.json": item for item in linked},
    }
    now = timezone.now()
    # The dossier is for Dutch police or care (Veilig Thuis): always Dutch, whatever language the
    # handler reads the web app in (so month names in dates are Dutch too).
    with translation.override("nl"):
        html = render_to_string(
            "tips/dossier.html",
            {
                "tip": tip,
                "content": content,
                "linked": linked,
                "timeline": parts[f"parts/tip-{tip.pk}-timeline.json"],
                "summary": parts[f"parts/tip-{tip.pk}-summary.json"],
                "recipient": recipient,
                "by": by,
                "now": now,
                "identifiers": [i for i in services.identifiers_of(tip) if i["confirmed"]],
            },
        )
    from weasyprint import HTML  # loaded on demand: it is slow to import

    pdf = HTML(string=html).write_pdf()
    files = {"dossier.pdf": pdf} | {
        name: json.dumps(value, ensure_ascii=False, indent=2).encode() for name, value in parts.items()
    }
    manifest = "".join(f"{_sha(data)}  {name}\n" for name, data in sorted(files.items()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("manifest.sha256", manifest)
    with transaction.atomic():
        if approval is not None:
            approval.used_at = now
            approval.save(update_fields=["used_at"])
        services.add_entry(
            tip, "handover", f"dossier aan {recipient}; manifest sha256 {_sha(manifest.encode())}", author=by
        )
        record(
            by,
            "tips.handover",
            tip=tip.pk,
            tips=[tip.pk] + [item["id"] for item in linked],
            recipient=recipient,
            contact=include_contact,
        )
    return Dossier(filename=f"melding-{tip.pk}-{now:%Y%m%d}.zip", data=buffer.getvalue())
