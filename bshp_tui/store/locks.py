"""The writer lock of a session: one process at a time may write it.

`.locks/<id>.lock` is held with an OS file lock (disk/oslock); `.locks/<id>.owner` says who holds it.
A held lock remembers the identity (device, inode) of its lock file, so a writer can check before
each save that its lock is still the one on disk: if `.locks/` was deleted or replaced, a second
writer could have taken a fresh lock, and the save must not go ahead unnoticed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..disk.files import read_regular
from ..disk.oslock import OsLock, try_lock

LOCK_DIR = ".locks"


class LockBusy(Exception):
    """Another process holds the lock. `owner` describes it in Norwegian."""

    def __init__(self, owner: str):
        super().__init__(owner)
        self.owner = owner


class HeldLock:
    """A session's writer lock, held by this process."""

    def __init__(self, path: Path, owner_path: Path, handle: OsLock):
        self.path = path
        self.owner_path = owner_path
        self.handle = handle
        self.identity = handle.identity()  # of the lock file as it was when the lock was taken

    def is_current(self) -> bool:
        """True while the lock file on disk is the one this lock holds."""
        try:
            st = os.stat(self.path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == self.identity


def lock_paths(data_dir: Path, session_id: str) -> tuple[Path, Path]:
    folder = Path(data_dir) / LOCK_DIR
    return folder / f"{session_id}.lock", folder / f"{session_id}.owner"


def acquire(data_dir: Path, session_id: str, now: str) -> HeldLock:
    """Take the writer lock without waiting. Raises LockBusy when another process holds it and
    OSError when the lock folder cannot be written."""
    lock_path, owner_path = lock_paths(data_dir, session_id)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = try_lock(lock_path)
    if handle is None:
        raise LockBusy(describe_owner(owner_path))
    try:
        held = HeldLock(lock_path, owner_path, handle)
    except BaseException:
        handle.release()
        raise
    owner = {"pid": os.getpid(), "host": _host(), "user": _user(), "since": now}
    try:
        owner_path.write_text(json.dumps(owner), encoding="utf-8")
    except OSError:
        pass  # the owner note is a courtesy; the lock itself is what protects the file
    return held


def release(held: HeldLock | None) -> None:
    if held is None:
        return
    if held.is_current():
        try:
            held.owner_path.unlink()
        except OSError:
            pass
    held.handle.release()


def is_locked(data_dir: Path, session_id: str) -> bool:
    """True when a writer holds the session's lock now. Creates nothing when no lock file exists."""
    lock_path, _ = lock_paths(data_dir, session_id)
    if not lock_path.exists():
        return False
    try:
        probe = try_lock(lock_path)
    except OSError:
        return True  # cannot tell: assume a writer, so nothing of theirs is touched
    if probe is None:
        return True
    probe.release()
    return False


def describe_owner(owner_path: Path) -> str:
    try:
        owner = json.loads(read_regular(owner_path, limit=64 * 1024))
        since = str(owner.get("since", ""))[:16].replace("T", " kl. ")
        return f"{owner.get('user', '?')} på {owner.get('host', '?')}, prosess {owner.get('pid', '?')}, siden {since}"
    except (OSError, ValueError, AttributeError):
        return "ukjent eier"


def _host() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # getuser raises several kinds when no user name is known
        return "ukjent bruker"
