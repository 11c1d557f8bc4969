"""Writer processes for the crash tests, forked from the test process.

A forked child starts in milliseconds with everything already imported, where a fresh interpreter
takes a third of a second; so a crash test can kill a hundred real writer processes in seconds.
The child runs one function with its stdout on a pipe and never returns to the test runner."""

from __future__ import annotations

import os
import select
import signal
import sys
from collections.abc import Callable


class Writer:
    def __init__(self, target: Callable[..., object], *args: object):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run the writer until it is killed
            try:
                os.close(read_end)
                os.dup2(write_end, 1)
                sys.stdout = open(1, "w", closefd=False)
                target(*args)
            finally:
                os._exit(1)
        os.close(write_end)
        self.pid = pid
        self.output = os.fdopen(read_end)

    def first_line(self, timeout: float = 30.0) -> str:
        """The child's first line of output (it reports once it is writing)."""
        ready, _, _ = select.select([self.output], [], [], timeout)
        if not ready:
            self.kill()
            raise AssertionError("the writer did not start")
        return self.output.readline()

    def kill(self) -> str:
        """SIGKILL the child, reap it, and return what it wrote meanwhile."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        rest = self.output.read()
        self.output.close()
        return rest
