"""An exclusive operating-system lock on a file, taken without waiting.

POSIX: `flock` on the file; Windows: `msvcrt.locking` on its first byte. The operating system
releases the lock when the holder's process ends in any way (also SIGKILL or a power cut), so a lock
file left behind never blocks anyone. Each lock opens the file anew, so two locks on one file never
both succeed, not even within one process.

A few lines of the standard library, where a general locking package would cost a writer process
several times its own start-up in imports (every `bshp new`, `import` and `restore` takes a lock).
"""

from __future__ import annotations

import errno
import os
import sys

_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_BUSY = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK))


class OsLock:
    """A held lock: the open lock file. `release` lets go of it (once; later calls do nothing)."""

    def __init__(self, fd: int):
        self.fd: int | None = fd

    def identity(self) -> tuple[int, int]:
        """(device, inode) of the file this lock holds."""
        if self.fd is None:
            raise OSError(errno.EBADF, "the lock has been released")
        st = os.fstat(self.fd)
        return st.st_dev, st.st_ino

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        except OSError:
            pass  # closing the file below lets go of the lock in any case
        finally:
            os.close(fd)


def try_lock(path: os.PathLike[str] | str) -> OsLock | None:
    """Lock `path` (created when missing; a symlink is refused), or return None at once when
    another holder has it. Raises OSError when the file cannot be opened or locked."""
    for _attempt in range(10):
        fd = os.open(path, _FLAGS, 0o644)
        try:
            if not _lock(fd):
                os.close(fd)
                return None
            if os.fstat(fd).st_nlink > 0:
                return OsLock(fd)
        except BaseException:
            os.close(fd)
            raise
        # The file was removed between opening and locking it: a lock on it would guard nothing.
        os.close(fd)
    raise OSError(errno.EAGAIN, "the lock file kept disappearing", os.fspath(path))


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _BUSY:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
