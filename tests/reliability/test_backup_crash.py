"""SIGKILL a writer while it takes backups on a file system without hard links: every backup
is a complete state, never a truncated copy."""

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from bshp_tui.errors import DamagedSessionError
from bshp_tui.store.backups import MAX_BACKUPS, backup_names
from bshp_tui.store.session_file import read_session_file
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
        folder = store.backup_dir("krasj")
        for name in backup_names(folder):  # what the store lists as backups
            stat = (folder / name).stat()
            if (name, stat.st_size, stat.st_mtime_ns) in read:
                continue  # checked whole after an earlier kill, and unchanged since
            read.add((name, stat.st_size, stat.st_mtime_ns))
            try:  # as the store reads a backup to list it: a truncated or mixed file is damaged
                data, _ = read_session_file(folder / name)
            except DamagedSessionError as exc:
                raise AssertionError((i, name, exc.reason)) from None
            for doc in data["answers"].values():
                assert doc["value"]["payload"] == payload(doc["value"]["k"]), (i, name)
            checked += 1
        [info] = store.list()
        assert info.id == "krasj" and info.ok
    assert checked > KILLS  # the kills left new backups behind, and each was read whole
    backups = store.backups("krasj")
    assert len(backups) >= MAX_BACKUPS and all(b.damaged is None for b in backups)
    # the next command removes what the killed writers left half written
    assert store.clean_orphans() >= 0
    leftovers = [n for n in os.listdir(store.backup_dir("krasj")) if n.endswith(".tmp")]
    assert leftovers == []
