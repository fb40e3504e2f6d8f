"""Command groups that several areas add to (`inbeeld eval deid`, `inbeeld eval code`, ...)."""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Evaluate a stage against gold data.", no_args_is_help=True)
import_app = typer.Typer(help="Import data into the store.", no_args_is_help=True)
