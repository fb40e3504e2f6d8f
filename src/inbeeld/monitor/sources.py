"""Monitor records from files: the year from the conversations, the codes from a code file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from inbeeld.codebook import Codebook
from inbeeld.corpus import read_codes, read_conversations
from inbeeld.errors import InputFormatError
from inbeeld.monitor.records import MonitorRecord


def records_from_files(
    conversations: Path | str, codes: Path | str, codebook: Codebook
) -> Iterator[MonitorRecord]:
    """One record per coded conversation.

    Codes count as reviewed by a person (gold codes) unless the code line carries `confidence`,
    which only automatic coding (`inbeeld code`) writes: then all its codes count as automatic.
    Coded ids without a conversation are an error; conversations without codes are not counted.
    """
    conversations, codes = Path(conversations), Path(codes)
    years: dict[str, tuple[int, str]] = {
        c.id: (c.year, c.source) for c in read_conversations(conversations)
    }
    all_variables = frozenset(codebook.names)
    for number, coded in enumerate(read_codes(codes, codebook), start=1):
        if coded.id not in years:
            raise InputFormatError(
                codes, number, "id",
                f"{coded.id!r} has no conversation in {conversations.name} (the year comes from there)",
                unit="record",
            )
        year, source = years[coded.id]
        yield MonitorRecord(
            id=coded.id,
            year=year,
            codes=coded.codes,
            reviewed=frozenset() if coded.confidence else all_variables,
            source=source,
        )
