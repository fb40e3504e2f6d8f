import sys
from pathlib import Path

# tests import their factories as a plain module
sys.path.insert(0, str(Path(__file__).parent))

SHARED = Path(__file__).resolve().parents[2] / "shared"

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared/ folder beside the repository (specs and evaluation sets)."""
    if not SHARED.is_dir():
        pytest.skip("shared/ is not beside the repository")
    return SHARED
