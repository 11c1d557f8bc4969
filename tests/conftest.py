import pytest


@pytest.fixture
def store(tmp_path):
    from bshp_tui.store.sessions import SessionStore

    return SessionStore(tmp_path / "sessions")


@pytest.fixture(autouse=True)
def _no_disk_sync_outside_reliability(request, monkeypatch):
    """Writes stay atomic (temp file and rename) everywhere, but only tests/reliability waits for
    the disk: it proves durability with real syncs, kills and faults. Elsewhere a sync per answer
    would only make the suite slow."""
    if "reliability" in request.node.path.parts:
        return
    from bshp_tui.disk import durable

    monkeypatch.setattr(durable, "_sync_file", lambda fd: None)
    monkeypatch.setattr(durable, "fsync_dir", lambda folder: None)
