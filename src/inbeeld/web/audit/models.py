"""Audit entries and the chain head. Rows are only ever inserted (database triggers refuse more)."""

from __future__ import annotations

from django.db import models

GENESIS = "0" * 64  # the `previous` of the first entry


class AuditEntry(models.Model):
    """One audited event: who did what to which ids, when; chained to the entry before it."""

    seq = models.PositiveBigIntegerField(unique=True)  # 1, 2, 3, ... without gaps
    at = models.DateTimeField()
    user_id_ref = models.BigIntegerField(null=True)  # the account id; no foreign key: users may go
    username = models.CharField(max_length=150, blank=True, default="")
    action = models.CharField(max_length=60)
    # ids only (conversation external ids, variable names, counts): never conversation text
    target = models.JSONField(default=dict)
    previous = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]


class AuditHead(models.Model):
    """A single row: the last sequence number and digest; appending locks it first."""

    seq = models.PositiveBigIntegerField(default=0)
    digest = models.CharField(max_length=64, default=GENESIS)
