"""Temp files of killed writers are removed at the next command; a live writer's never are."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT, run_bshp

from bshp_tui.store.sessions import SessionStore


def big_dump(path, size=40_000_000):
    store = SessionStore(path.parent / "kilde")
    with store.create("Stor") as s:
        s.set_answer("a/x", "x")
        data = s.snapshot()
    [answer] = data["answers"].values()
    answer["value"] = "x" * size  # as the store would keep it, without writing 40 MB through it first
    path.write_text(json.dumps(data), encoding="utf-8")


def temp_files(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_import_leaves_a_temp_file_that_the_next_command_removes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    src = tmp_path / "stor.json"
    big_dump(src)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    orphan = None
    for _attempt in range(20):
        child = subprocess.Popen(
            [sys.executable, "-m", "bshp_tui.cli", "--data", str(data), "import", str(src)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        end = time.monotonic() + 60
        while time.monotonic() < end and child.poll() is None and not temp_files(data):
            time.sleep(0.0002)  # not a busy loop: the import needs the CPU to write its temp file
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        if temp_files(data):
            orphan = temp_files(data)[0]
            break
    assert orphan is not None, "the import was never caught while writing"
    assert orphan.startswith(".stor") and f".{child.pid}.tmp" in orphan

    r = run_bshp("list", data=data)  # any command in the folder cleans up
    assert r.returncode == 0, r.stderr
    assert temp_files(data) == []


def test_temp_files_of_live_writers_are_kept(tmp_path):
    store = SessionStore(tmp_path)
    with store.create("Molde"):
        pass
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        of_live_process = tmp_path / f".annen.json.{live.pid}.tmp"
        of_dead_but_locked = tmp_path / f".molde.json.{dead.pid}.tmp"
        of_dead = tmp_path / f".borte.json.{dead.pid}.tmp"
        in_backups = store.backup_dir("molde") / f".20260101-000000-000000_apnet.json.{dead.pid}.tmp"
        not_a_temp = tmp_path / ".notater.txt"
        not_a_temp.write_text("behold")
        with store.open("molde"):  # a live writer holds the lock of molde
            for path in (of_live_process, of_dead_but_locked, of_dead, in_backups):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("{half")
            store.clean_orphans()
            assert of_live_process.exists() and of_dead_but_locked.exists()
            assert not of_dead.exists() and in_backups.exists()  # molde's backups: locked too
        store.clean_orphans()
        assert of_live_process.exists() and not of_dead_but_locked.exists() and not in_backups.exists()
        assert not_a_temp.read_text() == "behold"
    finally:
        live.kill()
        live.wait()
