"""Work assignments. Code decisions themselves are store.Coding rows (one per decision)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from inbeeld.web.store.models import Conversation


class Assignment(models.Model):
    """One conversation given to one coder; a double-coded conversation has two, blind."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="assignments")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    double = models.BooleanField(default=False)  # part of a double-coding sample
    sample = models.CharField(max_length=60, blank=True, default="")  # a name for the batch
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["conversation_id"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "coder"], name="assignment_unique")
        ]
        indexes = [models.Index(fields=["coder", "done_at", "conversation"])]
