import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import without_disk_syncs

MEMORY = "/dev/shm"


def _memory_has_room() -> bool:
    """A writable memory file system with room for the biggest exports (a container's default
    /dev/shm of 64 MB is too small for six workers at once: then the disk it is)."""
    try:
        stat = os.statvfs(MEMORY)
    except OSError:
        return False
    return os.access(MEMORY, os.W_OK) and stat.f_bavail * stat.f_frsize >= 512 * 2**20


@pytest.fixture
def tmp_path(request, tmp_path_factory):
    """A test's own folder. Outside tests/reliability it is in memory where the system has a
    memory file system: creating, renaming and removing the many small files of a session then
    waits for no disk (the answer-integrity property test, for one, took more than twice as long
    on the disk). The reliability tests prove durability on the real disk, in pytest's usual folder,
    except those marked `in_memory` (they prove something else, like the import fuzz)."""
    on_disk = "reliability" in request.node.path.parts and not request.node.get_closest_marker("in_memory")
    if on_disk or not _memory_has_room():
        yield tmp_path_factory.mktemp(re.sub(r"\W", "_", request.node.name)[:30], numbered=True)
        return
    folder = Path(tempfile.mkdtemp(prefix="bshp-test-", dir=MEMORY))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def store(tmp_path):
    from bshp_tui.store.sessions import SessionStore

    return SessionStore(tmp_path / "sessions")


@pytest.fixture(autouse=True)
def _no_disk_sync_outside_reliability(request, monkeypatch):
    """Writes stay atomic (temp file and rename) everywhere, but only tests/reliability waits for
    the disk: it proves durability with real syncs, kills and faults. Elsewhere a sync per answer
    would only make the suite slow."""
    if "reliability" not in request.node.path.parts:
        without_disk_syncs(monkeypatch)


def pytest_collection_finish(session):
    """Garbage collection cost a fifth of the suite's time: each full collection walked everything
    collection had loaded (modules, classes, the prompt scripts), and Textual's apps make objects fast
    enough to trigger one every few key presses. What is loaded now lives as long as the worker, so
    it is moved out of the collector's way, and the young generations are collected less often (the
    workers are short-lived; memory stays well under what the machine has)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
