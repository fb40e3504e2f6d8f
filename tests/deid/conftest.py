"""Fixtures of the de-identification tests: the pipeline (deduce ~1 GB) loads once a session."""

from __future__ import annotations

import pytest

from inbeeld.deid import Pipeline, load_pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline()


@pytest.fixture(scope="session")
def spans_of(pipeline: Pipeline):
    """Identifiers the full pipeline finds in one message: [(text, type), ...]."""

    def find(text: str) -> list[tuple[str, str]]:
        return [(text[f.start:f.end], f.type) for f in pipeline.find([text])[0]]

    return find
