"""Read and write conversation files in either format, chosen by extension or explicitly."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from inbeeld.corpus.csvformat import read_csv, write_csv
from inbeeld.corpus.jsonl import read_jsonl, write_jsonl
from inbeeld.corpus.model import Conversation
from inbeeld.errors import CorpusFormatError

Format = Literal["jsonl", "csv"]
FORMATS: tuple[str, ...] = ("jsonl", "csv")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}


def detect_format(path: Path | str, fmt: str | None = None) -> str:
    """Return the format named, or the one the extension implies."""
    path = Path(path)
    if fmt:
        if fmt not in FORMATS:
            raise CorpusFormatError(path, None, None, f"unknown format {fmt!r}: use jsonl or csv")
        return fmt
    found = _EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise CorpusFormatError(
            path, None, None,
            f"cannot tell the format from the extension {path.suffix!r}: "
            "use .jsonl or .csv, or give --format jsonl|csv",
        )
    return found


def read_conversations(path: Path | str, fmt: str | None = None) -> Iterator[Conversation]:
    """Stream the conversations of a JSONL or CSV file; errors name file, line or row, field."""
    path = Path(path)
    kind = detect_format(path, fmt)
    try:
        stream = path.open(encoding="utf-8", newline="" if kind == "csv" else None)
    except OSError as exc:
        raise CorpusFormatError(path, None, None, f"cannot open: {exc.strerror}") from None
    with stream:
        try:
            if kind == "csv":
                yield from read_csv(path, stream)
            else:
                yield from read_jsonl(path, stream)
        except UnicodeDecodeError as exc:
            raise CorpusFormatError(
                path, None, None, f"not UTF-8 text (byte {exc.start} of a block): save it as UTF-8"
            ) from None


def write_conversations(
    path: Path | str, conversations: Iterable[Conversation], fmt: str | None = None
) -> int:
    """Write conversations; return how many were written."""
    path = Path(path)
    kind = detect_format(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="" if kind == "csv" else None) as stream:
        if kind == "csv":
            return write_csv(stream, conversations)
        return write_jsonl(stream, conversations)
