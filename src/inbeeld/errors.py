"""The one base class for errors a person can act on, and the shared subclasses."""

from __future__ import annotations

from pathlib import Path


class InbeeldError(Exception):
    """An error caused by input or configuration, with a message a person can act on."""


class InputFormatError(InbeeldError):
    """A file does not follow its format: names the file, line or row, and field."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        field: str | None,
        problem: str,
        *,
        unit: str = "line",
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.field = field
        self.problem = problem
        where = str(self.path) if line is None else f"{self.path}, {unit} {line}"
        what = f", field '{field}'" if field else ""
        super().__init__(f"{where}{what}: {problem}")


class CorpusFormatError(InputFormatError):
    """A conversation file (JSONL or CSV) is malformed."""


class CodebookError(InbeeldError):
    """A codebook file is malformed, or a code does not fit the codebook."""


class ConfigError(InbeeldError):
    """A configuration file or setting is wrong."""
