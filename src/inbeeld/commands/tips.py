"""CLI commands of the tips: `inbeeld tips purge` destroys closed tips past their retention."""

from __future__ import annotations

import os

import typer

tips_app = typer.Typer(help="Tips from the public (retention).", no_args_is_help=True)

RETENTION_VARIABLE = "INBEELD_TIPS_RETENTION_MONTHS"


def _default_months() -> int:
    try:
        return int(os.environ.get(RETENTION_VARIABLE, "12"))
    except ValueError:
        return 12


@tips_app.command("purge")
def purge(
    months: int = typer.Option(
        None, min=1, help=f"Retention after closing, in months (default ${RETENTION_VARIABLE} or 12)."
    ),
) -> None:
    """Destroy closed tips older than the retention period by destroying their keys (audited)."""
    from inbeeld.web import migrate, setup_django

    setup_django()
    migrate()
    from inbeeld.web.tips.services import purge as purge_tips

    destroyed = purge_tips(months=months or _default_months())
    typer.echo(
        f"destroyed {len(destroyed)} closed tip(s)"
        + (f": {', '.join(map(str, destroyed))}" if destroyed else "")
    )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.add_typer(tips_app, name="tips")
