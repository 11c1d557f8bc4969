import pytest


@pytest.fixture
def store(tmp_path):
    from bshp_tui.store import SessionStore

    return SessionStore(tmp_path / "sessions")
