from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from factories import CET, make_conversation
from inbeeld.codebook import load_codebook
from inbeeld.coding import RuleCoder


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


@pytest.fixture(scope="session")
def rule_coder(codebook) -> RuleCoder:
    return RuleCoder(codebook)


@pytest.fixture(scope="session")
def code(rule_coder):
    """Code chatter lines (or (role, text) pairs) with the rule coder and return the codes."""

    def run(*lines: Any, started_at: datetime | None = None) -> dict[str, Any]:
        texts = [line[1] if isinstance(line, tuple) else line for line in lines]
        roles = tuple(line[0] if isinstance(line, tuple) else "chatter" for line in lines)
        started = started_at or datetime(2021, 3, 14, 21, 5, tzinfo=CET)
        conversation = make_conversation(*texts, roles=roles, started_at=started)
        return rule_coder.code(conversation).codes

    return run
