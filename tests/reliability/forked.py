"""Processes forked from the test process: writers for the crash tests, and `bshp` commands run
side by side for the concurrency tests.

A forked child starts in milliseconds with everything already imported, where a fresh interpreter
takes a third of a second; so a crash test can kill a hundred real writer processes in seconds.
The child runs one function with its output on a pipe or in a file and never returns to the test
runner."""

from __future__ import annotations

import itertools
import os
import select
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path


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


_numbers = itertools.count()


class Command:
    """`bshp ARGS` in a forked child, as the console script runs it (cli.main), with its stdout
    and stderr in files in `folder`, and its exit code."""

    def __init__(self, folder: Path, *args: str):
        from bshp_tui.cli import main

        n = next(_numbers)
        self.out_path, self.err_path = folder / f"out-{n}", folder / f"err-{n}"
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                for fd, path in ((1, self.out_path), (2, self.err_path)):
                    os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
                code = main(list(args))
            except SystemExit as exit:
                code = 0 if exit.code is None else exit.code if isinstance(exit.code, int) else 1
            except BaseException:
                traceback.print_exc()  # as the console script would show it
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self.pid = pid

    def communicate(self, timeout: float = 120.0) -> tuple[int, str, str]:
        """Wait for the command: its exit code, stdout and stderr. A command still running after
        `timeout` seconds (stuck on a lock, say) is killed and fails the test."""
        end = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > end:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                raise AssertionError(f"bshp did not finish in {timeout:.0f} s: {self.err_path.read_text()!r}")
            time.sleep(0.005)
        code = os.waitstatus_to_exitcode(status)
        return code, self.out_path.read_text(encoding="utf-8"), self.err_path.read_text(encoding="utf-8")
