"""Durable file writes: never overwrite in place.

A save writes the whole new state to a temporary file in the same folder, flushes and fsyncs it,
renames it over the old file with `os.replace` (atomic on POSIX and Windows) and fsyncs the folder
so the rename itself survives a power cut. A process killed at any moment leaves either the old or
the new file, never a mix. A failed write (full disk, read-only folder) leaves the old file as it
was and removes the temporary file.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path

TMP_SUFFIX = ".tmp"


class DirSyncWarning(Exception):
    """The file was replaced, but the folder could not be synced to disk."""


def tmp_prefix(path: Path) -> str:
    """Temporary files start with a dot and end in .tmp, so they never look like a session."""
    return f".{path.name}."


_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably.

    Raises OSError when the new content could not be written; `path` is then unchanged.
    Raises DirSyncWarning when `path` holds the new content but the folder sync failed.
    """
    path = os.fspath(path)
    folder = os.path.dirname(path)
    tmp = _write_synced_tmp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    _sync_folder(folder)


def _write_synced_tmp(path: str, data: bytes) -> str:
    """Write `data` to a new temporary file next to `path`, synced to disk; returns its name.
    On failure the temporary file is removed and the error raised."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}{TMP_SUFFIX}")
    fd = os.open(tmp, _OPEN_FLAGS, 0o644)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            _sync_file(fd)
        finally:
            os.close(fd)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def _sync_folder(folder: str) -> None:
    try:
        fsync_dir(folder or ".")
    except OSError as exc:
        raise DirSyncWarning(str(exc)) from exc


def _sync_file(fd: int) -> None:
    # fdatasync flushes the data and the size, which is all a reader needs; it skips timestamps.
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def fsync_dir(folder: Path | str) -> None:
    """fsync a folder so renames and new files in it are durable (a no-op where unsupported)."""
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename.
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _unlink_quietly(path: Path | str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def remove_stale_tmp_files(path: Path) -> int:
    """Remove temporary files a killed writer of `path` left behind. Call only while holding the
    lock on `path`, so no live writer is using them. Returns how many were removed."""
    prefix = tmp_prefix(path)
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TMP_SUFFIX):
            _unlink_quietly(Path(entry.path))
            removed += 1
    return removed


def publish_new(path: Path | str, data: bytes) -> bool:
    """Create `path` with `data` durably, only if no file of that name exists. Returns False
    (and writes nothing) when one does. The complete file appears at once (a hard link from a
    synced temp file), so no reader ever sees it half written. Where hard links are impossible
    (FAT/exFAT), the caller's lock on the name is what keeps two creators apart."""
    path = os.fspath(path)
    folder = os.path.dirname(path)
    tmp = _write_synced_tmp(path, data)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LINK_ERRNOS:
                raise
            if os.path.lexists(path):
                return False
            os.replace(tmp, path)
    finally:
        _unlink_quietly(tmp)
    _sync_folder(folder)
    return True


_NO_LINK_ERRNOS = {
    errno.EPERM,
    errno.EACCES,
    errno.EXDEV,
    errno.EMLINK,
    errno.ENOSYS,
    getattr(errno, "ENOTSUP", errno.EPERM),
    getattr(errno, "EOPNOTSUPP", errno.EPERM),
}

_ORPHAN = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)\.tmp$")


def pid_alive(pid: int) -> bool:
    """True if a process with this id runs on this machine (or if that cannot be known)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C on Windows; rely on the lock instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def remove_orphans(folder: Path, writer_active: Callable[[str], bool]) -> int:
    """Remove temp files (`.<name>.<pid>.tmp`) in `folder` whose writer is gone: the process
    named in the file name no longer runs and `writer_active(name)` is false (no lock held).
    Returns how many were removed."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _ORPHAN.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        if pid_alive(int(match["pid"])) or writer_active(match["target"]):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


def file_signature(path: Path | str) -> tuple | None:
    """What identifies one written state of a file: a replaced file has a new inode."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
