"""Glue between the commands and the store: Django set-up and the import with its stages."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from inbeeld.corpus import Conversation
from inbeeld.errors import ConfigError, InbeeldError


def open_store() -> None:
    """Set up Django and bring the database schema up to date."""
    from inbeeld.web import migrate

    migrate()


def deid_transform(workers: int):
    """The de-identification stage for the importer, in input order, errors per conversation."""
    try:
        from inbeeld.deid import DEID_VERSION, deidentify_stream
    except ImportError as exc:
        raise ConfigError(
            f"de-identification is not available ({exc}); import with --no-deid only for data "
            "that is already de-identified"
        ) from None

    def transform(conversations: Iterable[Conversation]) -> Iterator[Conversation | InbeeldError]:
        for outcome in deidentify_stream(conversations, workers=workers):
            if outcome.error is not None:
                yield InbeeldError(outcome.error)
            else:
                yield outcome.conversation

    return transform, DEID_VERSION


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def database_label() -> str:
    """Where the store is, without a password."""
    from inbeeld.web.settings import database_url

    url = database_url()
    if "@" in url:
        scheme, rest = url.split("://", 1)
        url = f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def check_inputs(paths: Iterable[Path]) -> list[Path]:
    out = []
    for path in paths:
        if not path.is_file():
            raise ConfigError(f"{path}: no such file")
        out.append(path)
    return out
