import pytest

from inbeeld.codebook import load_codebook
from inbeeld.synth import generate

CORPUS_SIZE = 3000  # big enough that every codebook value and identifier type shows up


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


@pytest.fixture(scope="session")
def synth_corpus():
    """One synthetic corpus for the whole session: (conversation, coded) pairs."""
    return list(generate(CORPUS_SIZE, seed=20240611))
