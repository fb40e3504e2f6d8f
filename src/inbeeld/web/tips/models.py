"""Tips, their timeline and identifiers. Free text is only ever stored encrypted with the tip's
own data key; identifiers only as keyed hashes (plus, for the handler, encrypted). Nothing about
the reporter's device (address, user agent) has a column anywhere."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from inbeeld.tips.status import Status


class Tip(models.Model):
    created_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=[(s.value, s.value) for s in Status], default=Status.NEW)
    wrapped_key = models.BinaryField(default=b"")  # the tip's data key wrapped by the master key
    content = models.BinaryField(default=b"")  # encrypted JSON: what was seen, where, when, ...
    summary = models.BinaryField(default=b"")  # encrypted handler's summary for the dossier
    receipt_hash = models.CharField(max_length=64, null=True, unique=True)  # HMAC of the receipt code
    closed_at = models.DateTimeField(null=True)
    destroyed_at = models.DateTimeField(null=True)
    merged_into = models.ForeignKey("self", null=True, on_delete=models.SET_NULL, related_name="merged")

    class Meta:
        ordering = ["-created_at"]


class Entry(models.Model):
    """One step in a tip's timeline: the report, a question, an answer, a note, a status step."""

    KINDS = ("report", "question", "answer", "info", "note", "status", "merge", "handover")
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="entries")
    at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=[(k, k) for k in KINDS])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL
    )  # None: reporter
    body = models.BinaryField(default=b"")  # encrypted with the tip's key
    status_from = models.CharField(max_length=20, blank=True, default="")
    status_to = models.CharField(max_length=20, blank=True, default="")

    class Meta:
        ordering = ["at", "id"]


class TipIdentifier(models.Model):
    """A phone, handle, link, plate or place of a tip; `digest` links tips without plaintext."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(max_length=10)
    digest = models.CharField(max_length=64, db_index=True)  # HMAC of kind + normalised value
    value = models.BinaryField(default=b"")  # encrypted, so the handler can read what it is
    confirmed = models.BooleanField(default=False)  # suggested by the recognisers until confirmed

    class Meta:
        unique_together = [("tip", "digest")]


class HandoverRequest(models.Model):
    """Handing over the reporter's contact details needs a second handler (four eyes)."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="handover_requests")
    recipient = models.CharField(max_length=10)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True)
    used_at = models.DateTimeField(null=True)  # an approval is good for one dossier


class RateWindow(models.Model):
    """A global counter per time window (never per address: addresses are not stored)."""

    name = models.CharField(max_length=20)
    window = models.BigIntegerField()  # window start, seconds since the epoch
    count = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("name", "window")]


class DecoyResponse(models.Model):
    """A response to a decoy advert; the responder only as a keyed hash (HMAC)."""

    year = models.PositiveSmallIntegerField()
    responder = models.CharField(max_length=64, db_index=True)
    continued = models.BooleanField()  # went on after learning the age was under 18
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
