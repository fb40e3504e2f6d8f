"""Report chapters built from other parts of inbeeld: the dark number (MSE) and court cases.

Each builder returns a `Chapter`: the `ReportSection` for `write_report(extra_sections=...)`
and its disclosure entries, which `add_to_disclosure_log` appends to the report's log.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from inbeeld.report.chapters.base import Chapter
from inbeeld.report.chapters.cases import cases_chapter, cases_section
from inbeeld.report.chapters.mse import mse_chapter

__all__ = ["Chapter", "add_to_disclosure_log", "cases_chapter", "cases_section", "mse_chapter"]


def add_to_disclosure_log(path: Path | str, chapters: Sequence[Chapter]) -> None:
    """Add the chapters' hidden entries to disclosure_log.json under "chapters".

    The writer logs the monitor's own tables only; this keeps one log for the whole report.
    """
    if not chapters:
        return
    path = Path(path)
    log = json.loads(path.read_text(encoding="utf-8"))
    log["chapters"] = [dict(c.disclosure) for c in chapters]
    path.write_text(json.dumps(log, ensure_ascii=False, indent=1), encoding="utf-8")
