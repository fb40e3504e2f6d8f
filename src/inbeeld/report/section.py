"""A chapter of the report as plain data, so that other parts of inbeeld can add one.

A section holds only text and finished figures: the renderer escapes every string and embeds
every figure, so a section cannot inject markup or load anything from outside the file.
Whoever builds a section is responsible for its numbers being protected (small cells).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A table of display strings; a "\\n" inside a cell becomes a line break."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()  # shown under the table: base, unit, review status, ...
    key: str = ""  # a stable machine name (anchors)
    total_row: bool = False  # the last row holds totals (the base) and is set apart

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"table {self.key or self.title!r}: row {number} has {len(row)} cells, "
                    f"the header {len(self.header)}"
                )


@dataclass(frozen=True, slots=True)
class ReportFigure:
    """A chart as PNG bytes, with a caption and a text alternative."""

    title: str
    png: bytes
    alt: str

    def __post_init__(self) -> None:
        if not self.png.startswith(b"\x89PNG"):
            raise ValueError(f"figure {self.title!r}: png must be PNG image bytes")


@dataclass(frozen=True, slots=True)
class ReportSection:
    """One chapter: a title, paragraphs of plain text, tables and figures, in that order."""

    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    figures: tuple[ReportFigure, ...] = ()
    key: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a report section needs a title")
        for name in ("paragraphs", "tables", "figures"):
            if not isinstance(getattr(self, name), tuple):
                raise TypeError(f"ReportSection.{name} must be a tuple")
