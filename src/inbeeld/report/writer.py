"""Write the monitor report: HTML, PDF, tables as CSV / Excel / SPSS, and the disclosure log."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from inbeeld.monitor import Monitor
from inbeeld.report.exports import write_csv, write_sav, write_xlsx
from inbeeld.report.html import render_html
from inbeeld.report.section import ReportSection
from inbeeld.report.standard import (
    comparison_section,
    key_figures_section,
    methods_section,
    period_label,
    tables_section,
)
from inbeeld.report.texts import LANGUAGES, text

logger = logging.getLogger(__name__)

DISCLOSURE_LOG = "disclosure_log.json"


def report_sections(
    monitor: Monitor,
    lang: str = "nl",
    extra_sections: Sequence[ReportSection] = (),
    *,
    reliability: Mapping[str, Any] | None = None,
    reliability_source: str = "",
) -> list[ReportSection]:
    """Key figures, tables, comparison, the extra chapters, and methods last."""
    return [
        key_figures_section(monitor, lang),
        tables_section(monitor, lang),
        comparison_section(monitor, lang),
        *extra_sections,
        methods_section(monitor, lang, reliability=reliability,
                        reliability_source=reliability_source, log_name=DISCLOSURE_LOG),
    ]


def report_html(
    monitor: Monitor,
    lang: str = "nl",
    extra_sections: Sequence[ReportSection] = (),
    *,
    reliability: Mapping[str, Any] | None = None,
    reliability_source: str = "",
) -> str:
    """The report as one self-contained HTML page."""
    sections = report_sections(monitor, lang, extra_sections, reliability=reliability,
                               reliability_source=reliability_source)
    return render_html(
        sections, lang=lang,
        title=text(lang, "title", period=period_label(monitor)),
        subtitle=text(lang, "subtitle"),
        meta=text(lang, "generated", codebook=monitor.codebook_version, threshold=monitor.threshold),
        contents=text(lang, "contents"),
    )


def write_pdf(html: str, path: Path) -> Path:
    """Render the HTML to PDF with WeasyPrint (imported here: it loads pango on import)."""
    import weasyprint

    for name in ("weasyprint", "fontTools"):  # their warnings about fonts are not ours to show
        logging.getLogger(name).setLevel(logging.ERROR)
    weasyprint.HTML(string=html).write_pdf(str(path))
    return path


def write_report(
    monitor: Monitor,
    out_dir: Path | str,
    lang: str = "nl",
    extra_sections: Sequence[ReportSection] = (),
    *,
    reliability: Mapping[str, Any] | None = None,
    reliability_source: str = "",
    internal: bool = False,
    pdf: bool = True,
) -> dict[str, Path]:
    """Write every output of the report into out_dir; return {kind: path}.

    Kinds: html, pdf, csv, xlsx, sav, disclosure_log, and internal_xlsx with `internal=True`
    (unprotected counts, marked on every sheet; for the knowledge centre's own use only).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"monitor_{monitor.year_from}_{monitor.year_to}" + ("" if lang == "nl" else f"_{lang}")
    html = report_html(monitor, lang, extra_sections, reliability=reliability,
                       reliability_source=reliability_source)
    paths: dict[str, Path] = {}
    paths["html"] = out / f"{stem}.html"
    paths["html"].write_text(html, encoding="utf-8")
    if pdf:
        paths["pdf"] = write_pdf(html, out / f"{stem}.pdf")
    tables = "tabellen" if lang == "nl" else "tables"
    paths["csv"] = write_csv(monitor, out / f"{stem}_{tables}.csv", lang)
    paths["xlsx"] = write_xlsx(monitor, out / f"{stem}_{tables}.xlsx", lang)
    paths["sav"] = write_sav(monitor, out / f"{stem}_{tables}.sav", lang)
    paths["disclosure_log"] = out / DISCLOSURE_LOG
    paths["disclosure_log"].write_text(
        json.dumps(monitor.disclosure_log(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    if internal:
        marker = "INTERN_niet_publiceren" if lang == "nl" else "INTERNAL_do_not_publish"
        paths["internal_xlsx"] = write_xlsx(monitor, out / f"{stem}_{marker}.xlsx", lang, internal=True)
    logger.info("report written to %s (%d files)", out, len(paths))
    return paths
