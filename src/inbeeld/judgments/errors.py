"""Errors of the judgments package; each names the file and, where there is one, row and column."""

from __future__ import annotations

from pathlib import Path

from inbeeld.errors import InbeeldError, InputFormatError


class DocumentReadError(InbeeldError):
    """A judgment file cannot be read (missing, binary, malformed XML or HTML)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CaseFileError(InputFormatError):
    """A case-file table row does not follow the documented columns."""

    def __init__(self, path: Path | str, row: int | None, column: str | None, problem: str) -> None:
        super().__init__(path, row, column, problem, unit="row")


class GoldFormatError(InputFormatError):
    """A gold file for `inbeeld judgments eval` is malformed."""
