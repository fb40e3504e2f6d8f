"""Court judgments and sentence reports: reading, fact extraction, evaluation, case files, statistics.

Data flows judgments -> monitor: nothing here imports inbeeld.monitor.
"""

from inbeeld.judgments.extract import extract
from inbeeld.judgments.model import Document, JudgmentFacts, Sentence
from inbeeld.judgments.readers import iter_paths, read_document

__all__ = ["Document", "JudgmentFacts", "Sentence", "extract", "iter_paths", "read_document"]
