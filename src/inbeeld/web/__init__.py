"""The Django shell around the core: store, workbench, dashboard, tips. The core never imports it."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django with inbeeld's settings (idempotent); call before using models."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inbeeld.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def migrate(verbosity: int = 0) -> None:
    """Create or update the database tables."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
