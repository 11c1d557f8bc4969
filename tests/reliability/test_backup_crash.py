"""SIGKILL a writer while it takes backups on a file system without hard links: every backup
is a complete state, never a truncated copy."""

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from bshp_tui.store.sessions import SessionStore

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from backup_writer import main as back_up_forever  # noqa: E402
from crash_writer import payload  # noqa: E402
from forked import Writer  # noqa: E402

KILLS = 40
POLL = 0.0002  # seconds between looks for a new backup file


def wait_for_new_backup_file(folder, timeout=20.0):
    """Return as soon as a file appears in `folder` that was not there before (a temp file or
    a backup being written)."""
    before = set(os.listdir(folder)) if folder.exists() else set()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if set(os.listdir(folder)) - before:
                return
        except FileNotFoundError:
            pass
        time.sleep(POLL)  # not a busy loop: the writer needs the CPU to write the backup
    raise AssertionError("no backup was started")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"), reason="needs SIGKILL and fork")
def test_sigkill_during_backups_without_hard_links_never_truncates_a_backup(tmp_path):
    store = SessionStore(tmp_path)
    store.create("Krasj").close()
    rng = random.Random(8)
    checked = 0
    read = set()  # backups whose contents were already compared: (name, size, mtime)
    for i in range(KILLS):
        child = Writer(back_up_forever, str(tmp_path), "krasj")
        assert child.first_line().strip(), f"writer did not start (kill {i})"
        if i % 3 == 2:
            time.sleep(rng.uniform(0, 0.15))  # any moment
        else:
            wait_for_new_backup_file(store.backup_dir("krasj"))  # while a backup is being written
            time.sleep(rng.uniform(0, 0.002))
        child.kill()
        for backup in store.backups("krasj"):
            assert backup.damaged is None, (i, backup.name, backup.damaged)
            stat = backup.path.stat()
            if (backup.name, stat.st_size, stat.st_mtime_ns) in read:
                continue  # unchanged since it was read whole (the store has still checked it above)
            read.add((backup.name, stat.st_size, stat.st_mtime_ns))
            data = json.loads(backup.path.read_bytes())
            for doc in data["answers"].values():
                assert doc["value"]["payload"] == payload(doc["value"]["k"]), (i, backup.name)
            checked += 1
        assert [s.id for s in store.list()] == ["krasj"] and store.list()[0].ok
    assert checked > KILLS  # the kills left new backups behind, and each was read whole
    # the next command removes what the killed writers left half written
    assert store.clean_orphans() >= 0
    leftovers = [n for n in os.listdir(store.backup_dir("krasj")) if n.endswith(".tmp")]
    assert leftovers == []
