import pytest

from helpers import ROOT, run_bshp  # noqa: F401  (re-exported for older imports)


@pytest.fixture
def store(tmp_path):
    from bshp_tui.store import SessionStore

    return SessionStore(tmp_path / "sessions")
