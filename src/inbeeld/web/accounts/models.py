"""One role per account."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from inbeeld.web.permissions import Role


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=20, choices=[(r.value, r.value) for r in Role])

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"
