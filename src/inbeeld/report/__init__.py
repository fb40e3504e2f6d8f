"""Rendering the monitor as HTML and PDF with charts, and its tables as CSV, Excel and SPSS."""

from inbeeld.report.section import ReportFigure, ReportSection, ReportTable
from inbeeld.report.writer import report_html, report_sections, write_report

__all__ = [
    "ReportFigure",
    "ReportSection",
    "ReportTable",
    "report_html",
    "report_sections",
    "write_report",
]
