"""The OS file lock under the writer lock: one holder at a time (also within one process), free
again once released or once its holder is killed, and never taken through a symlink."""

import os
import signal
import sys
from pathlib import Path

import pytest

from bshp_tui.disk.oslock import try_lock

sys.path.insert(0, str(Path(__file__).parent))
from forked import Writer  # noqa: E402


def test_one_holder_at_a_time_within_one_process(tmp_path):
    path = tmp_path / "x.lock"
    first = try_lock(path)
    assert first is not None
    assert try_lock(path) is None  # a second lock on the same file, same process: refused
    first.release()
    first.release()  # a second release does nothing
    again = try_lock(path)
    assert again is not None and again.identity() == (path.stat().st_dev, path.stat().st_ino)
    again.release()


def hold(path: str) -> None:
    lock = try_lock(path)
    print("held" if lock is not None else "busy", flush=True)
    signal.pause()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_killed_holder_lets_go(tmp_path):
    path = tmp_path / "x.lock"
    child = Writer(hold, str(path))
    assert child.first_line().strip() == "held"
    assert try_lock(path) is None  # held by the other process
    child.kill()
    taken = try_lock(path)
    assert taken is not None  # the operating system released the killed holder's lock
    taken.release()


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="needs O_NOFOLLOW")
def test_a_symlink_is_never_followed(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("viktig", encoding="utf-8")
    (tmp_path / "x.lock").symlink_to(target)
    with pytest.raises(OSError):
        try_lock(tmp_path / "x.lock")
    assert target.read_text(encoding="utf-8") == "viktig"
