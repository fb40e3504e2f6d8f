"""The `inbeeld` command: parse arguments, call the core, print. Logic lives in the core."""

from __future__ import annotations

import sys

import typer

from inbeeld.commands import register_all
from inbeeld.errors import InbeeldError

app = typer.Typer(
    name="inbeeld",
    help="De-identified, coded, checked data and monitor figures about exploitation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
register_all(app)


def main() -> None:
    """Run the command; an InbeeldError becomes one line on stderr and exit code 1."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        code = app(standalone_mode=False)  # returns the code of a typer.Exit
        if isinstance(code, int) and code:
            sys.exit(code)
    except InbeeldError as exc:
        if debug:
            raise
        typer.echo(f"inbeeld: error: {exc}", err=True)
        sys.exit(1)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", None)
        if code is None:
            code = getattr(exc, "code", 0)
        sys.exit(code or 0)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except Exception as exc:  # click's usage errors carry their own exit code
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
