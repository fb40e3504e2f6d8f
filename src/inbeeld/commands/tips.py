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


@tips_app.command("stats")
def stats(
    threshold: int = typer.Option(10, min=1, help="Counts below this are suppressed (with partners)."),
) -> None:
    """Tips per year of receipt and status, small cells suppressed ("x"), for the monitor."""
    from rich.console import Console
    from rich.table import Table

    from inbeeld.web import migrate, setup_django

    setup_django()
    migrate()
    from inbeeld.tips.statistics import tips_table
    from inbeeld.web.tips.models import Tip

    rows = ((at.year, status) for at, status in Tip.objects.values_list("created_at", "status").iterator())
    table = tips_table(rows, threshold=threshold)
    out = Table(title=f"Meldingen per jaar en status (cellen < {threshold} onderdrukt)")
    out.add_column("jaar")
    for column in table.columns:
        out.add_column(column, justify="right")
    for label, row in zip([*map(str, table.years), "total"], table.cells, strict=True):
        out.add_row(label, *("x" if v is None else str(v) for v in row))
    Console().print(out)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.add_typer(tips_app, name="tips")
