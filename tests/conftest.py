import pytest


@pytest.fixture
def store(tmp_path):
    from bshp_tui.store.sessions import SessionStore

    return SessionStore(tmp_path / "sessions")
