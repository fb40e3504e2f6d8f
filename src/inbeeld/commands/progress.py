"""Progress bars and consoles shared by the commands (messages to stderr, data to files)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

console = Console(stderr=True)


def progress_bar() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def count_records(path: Path) -> int | None:
    """A quick estimate of the records in a file (non-blank lines, minus a CSV header)."""
    try:
        count = 0
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                count += block.count(b"\n")
    except OSError:
        return None
    if path.suffix.lower() == ".csv":
        return None  # one row per message: the count of conversations is unknown up front
    return count
