"""CLI commands, one module per area. Each module has `register(app)`; this lists them."""

from __future__ import annotations

import importlib

import typer

from inbeeld.commands.groups import eval_app, import_app

# Order is the order of `inbeeld --help`. Each area owns its module.
_MODULES = (
    "corpus",      # import, demo (foundation)
    "synth",       # synth
    "deid",        # deid, eval deid
    "coding",      # code, train, eval code, agreement
    "monitor",     # report
    "mse",         # mse
    "judgments",   # judgments extract / eval / import
    "web",         # serve, createuser, audit
    "tips",        # tips purge
)


def register_all(app: typer.Typer) -> None:
    for name in _MODULES:
        module = importlib.import_module(f"inbeeld.commands.{name}")
        module.register(app)
    app.add_typer(import_app, name="import")
    app.add_typer(eval_app, name="eval")
