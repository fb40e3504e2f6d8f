"""Statistics for the monitor: yearly tables, intervals, small-cell protection, comparisons."""

from inbeeld.monitor.build import build_monitor
from inbeeld.monitor.model import (
    Category,
    Comparison,
    ComparisonSeries,
    Monitor,
    MonitorTable,
    RegisteredValue,
)
from inbeeld.monitor.records import MonitorRecord
from inbeeld.monitor.registered import RegisteredFormatError, read_registered
from inbeeld.monitor.sources import records_from_files
from inbeeld.monitor.suppression import Protection, suppress_small_cells
from inbeeld.monitor.tablespec import MonitorSpec, load_spec

__all__ = [
    "Category",
    "Comparison",
    "ComparisonSeries",
    "Monitor",
    "MonitorRecord",
    "MonitorSpec",
    "MonitorTable",
    "Protection",
    "RegisteredFormatError",
    "RegisteredValue",
    "build_monitor",
    "load_spec",
    "read_registered",
    "records_from_files",
    "suppress_small_cells",
]
