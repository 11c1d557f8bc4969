"""Reading files that may be hostile: only regular files, never blocking, never unbounded.

A FIFO named like a session, a symlink to /dev/zero or /dev/urandom, a folder named `x.json` or a
file of many gigabytes must not hang or exhaust the app. Files are opened without blocking
(O_NONBLOCK, so opening a FIFO returns at once), checked with fstat to be regular files and below a
size limit, and only then read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 200 * 1024 * 1024  # a session with a year of answers is well under 1 MB
LIMIT_TEXT = "200 MB"

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class UnreadableFile(OSError):
    """The path is not a regular file bshp will read. `reason` is Norwegian."""

    def __init__(self, path: Path | str, reason: str, code: int = errno.EINVAL):
        super().__init__(code, reason, str(path))
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "en mappe, ikke en fil"
    if stat.S_ISFIFO(mode):
        return "en FIFO (navngitt rør), ikke en vanlig fil"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil, ikke en vanlig fil"
    if stat.S_ISSOCK(mode):
        return "en sokkel, ikke en vanlig fil"
    return "ikke en vanlig fil"


def entry_problem(path: Path | str) -> str | None:
    """Why the folder entry `path` is not a regular file bshp may read (symlinks are not
    followed), or None. Uses lstat only: nothing is opened."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return "filen finnes ikke lenger"
    except OSError as exc:
        return f"kunne ikke lese filen ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if not os.path.exists(path):
            return f"en symbolsk lenke til «{target}», som ikke finnes; bshp leser bare vanlige filer i datamappen"
        return f"en symbolsk lenke til «{target}»; bshp leser bare vanlige filer i datamappen"
    if not stat.S_ISREG(st.st_mode):
        return _kind(st.st_mode)
    if st.st_size > MAX_FILE_BYTES:
        return f"filen er {_megabytes(st.st_size)}, mer enn grensen på {LIMIT_TEXT}"
    return None


def read_regular(path: Path | str, follow_symlinks: bool = False, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file without ever blocking on it or reading more than `limit` bytes.

    Raises FileNotFoundError when it does not exist, UnreadableFile (an OSError with a Norwegian
    `reason`) when it is not a regular file, is a symlink (unless `follow_symlinks`) or is too
    large, and OSError for other failures.
    """
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | (0 if follow_symlinks else _NOFOLLOW)
    if not follow_symlinks:
        problem = entry_problem(path)
        if problem is not None:
            if problem == "filen finnes ikke lenger":
                raise FileNotFoundError(errno.ENOENT, "finnes ikke", str(path))
            raise UnreadableFile(path, problem)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise UnreadableFile(path, "en symbolsk lenke; bshp leser bare vanlige filer i datamappen") from None
        if exc.errno == errno.ENXIO:  # a socket or a FIFO opened for writing only
            raise UnreadableFile(path, "ikke en vanlig fil") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(path, _kind(st.st_mode))
        if st.st_size > limit:
            raise UnreadableFile(
                path, f"filen er {_megabytes(st.st_size)}, mer enn grensen på {LIMIT_TEXT}", errno.EFBIG
            )
        chunks = []
        total = 0
        want = st.st_size + 1  # the whole file in one read (and a byte more, to see whether it grew)
        while True:
            chunk = os.read(fd, want)
            want = 1024 * 1024
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise UnreadableFile(path, f"filen er større enn grensen på {LIMIT_TEXT}", errno.EFBIG)
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_regular_text(path: Path | str, encoding: str = "utf-8") -> str:
    """Read a text file (following symlinks to regular files only), never blocking."""
    return read_regular(path, follow_symlinks=True).decode(encoding)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
