"""CLI commands of the web app: `inbeeld serve`, `inbeeld createuser`, `inbeeld audit verify`."""

from __future__ import annotations

import ipaddress
import os
import sys

import typer

from inbeeld.errors import InbeeldError

audit_app = typer.Typer(help="Check the audit log.", no_args_is_help=True)


class ServeError(InbeeldError):
    """The server cannot start as asked."""


def is_loopback(host: str) -> bool:
    """True for localhost and 127.0.0.0/8 or ::1: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything, so treat it as outside


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on; loopback unless a key is set."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(16, min=1, max=256, help="Worker threads (one database connection each)."),
) -> None:
    """Start the workbench (SQLite by default; PostgreSQL with DATABASE_URL).

    For more than one workstation run inbeeld.web.wsgi under a WSGI server behind a TLS proxy
    (docs/workbench.md).
    """
    if not is_loopback(host) and not os.environ.get("INBEELD_SECRET_KEY"):
        raise ServeError(
            f"refusing to serve on {host}: set INBEELD_SECRET_KEY (and put a TLS proxy in front) "
            "to listen beyond this machine"
        )
    if not is_loopback(host) and host not in os.environ.get("INBEELD_ALLOWED_HOSTS", ""):
        typer.echo("note: requests are accepted only for the host names in INBEELD_ALLOWED_HOSTS", err=True)
    from inbeeld.web import migrate, setup_django

    setup_django()
    migrate()
    from inbeeld.web.server import make_server

    server = make_server(host, port, workers=workers)
    typer.echo(f"inbeeld: serving on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("inbeeld: stopped", err=True)
    finally:
        server.server_close()


def createuser(
    username: str = typer.Argument(..., help="Login name."),
    role: str = typer.Option(..., help="admin, researcher or coder."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Make an account with a role; the password is prompted (or read from stdin)."""
    from inbeeld.web import migrate, setup_django

    setup_django()
    migrate()
    from inbeeld.web.accounts.services import create_account

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = create_account(username, role, password)
    typer.echo(f"created account {user.get_username()} ({role})", err=True)
    if role in ("admin", "researcher"):
        typer.echo("this role enrols a second factor (TOTP) at first sign-in", err=True)


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit log's hash chain; exit 1 naming the first bad entry when it is broken."""
    from inbeeld.web import migrate, setup_django

    setup_django()
    migrate()
    from inbeeld.web.audit.services import verify

    report = verify()
    if report.ok:
        typer.echo(f"audit log intact: {report.checked} entries checked")
        return
    typer.echo(f"audit log broken at entry {report.bad_seq}: {report.problem} "
               f"({report.checked} entries before it are intact)", err=True)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.command()(serve)
    app.command()(createuser)
    app.add_typer(audit_app, name="audit")
