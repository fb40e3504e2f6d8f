"""Stored conversations (de-identified text), messages, coders and codings."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Coder(models.Model):
    """A person who codes; linked to a login account once the workbench exists."""

    name = models.CharField(max_length=150, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="coder"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One imported file: what came in, when, and the outcome."""

    file_name = models.CharField(max_length=500)  # the name only, never the folder path
    file_sha256 = models.CharField(max_length=64, db_index=True)
    imported = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    conflicts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)


class Conversation(models.Model):
    external_id = models.CharField(max_length=200, unique=True)
    started_at = models.DateTimeField()
    year = models.PositiveSmallIntegerField(db_index=True)
    source = models.CharField(max_length=50, default="chat")
    # sha256 of the conversation as received: tells a re-import from changed content
    content_hash = models.CharField(max_length=64)
    deidentified = models.BooleanField(default=False)
    deid_version = models.CharField(max_length=50, blank=True, default="")
    # Only with --keep-raw: the raw conversation, Fernet-encrypted with a key from the environment.
    raw_encrypted = models.BinaryField(null=True, blank=True)
    batch = models.ForeignKey(ImportBatch, null=True, on_delete=models.SET_NULL, related_name="conversations")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["started_at", "external_id"]

    def __str__(self) -> str:
        return self.external_id


class Message(models.Model):
    class Role(models.TextChoices):
        CHATTER = "chatter", "chatter"
        COUNSELLOR = "counsellor", "counsellor"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    index = models.PositiveIntegerField()
    role = models.CharField(max_length=20, choices=Role.choices)
    text = models.TextField()  # de-identified text when the conversation is de-identified
    ts = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["conversation", "index"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "index"], name="message_unique_index")
        ]


class Coding(models.Model):
    """One code decision for one variable of one conversation; the latest one counts.

    Decisions are never updated in place: a change is a new row, so history stays.
    """

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="codings")
    variable = models.CharField(max_length=100)
    value = models.JSONField()  # a codebook value, a list for multi-valued variables, or "unknown"
    evidence = models.JSONField(default=list, blank=True)  # [{"message", "start", "end"}]
    automatic = models.BooleanField(default=True)
    source = models.CharField(max_length=100, blank=True, default="")  # rule set or model name
    confidence = models.FloatField(null=True, blank=True)
    coder = models.ForeignKey(Coder, null=True, blank=True, on_delete=models.PROTECT, related_name="codings")
    codebook_version = models.CharField(max_length=50)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["conversation", "variable", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(automatic=True) | models.Q(coder__isnull=False),
                name="human_coding_has_coder",
            )
        ]
