"""Leaving when the terminal goes away, with everything saved and the session's lock let go.

Two things can leave the app running with nobody at it:
- Once the terminal is gone, Textual's output thread dies on its first write and the event loop
  then waits for it for ever. A signal handled on the event loop (SIGHUP, SIGTERM) would never run.
  So the signals are caught outside the loop: the handler asks the loop to save and quit, and
  starts a watchdog that saves from its own thread and ends the process if the loop does not
  finish within EXIT_GRACE seconds.
- Started through `make run`, bshp is not the terminal's controlling process: closing the window
  sends SIGHUP to make, which waits for bshp, and bshp hears nothing. A watcher thread notices the
  terminal hanging up and sends bshp the SIGHUP itself.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys
import threading
from collections.abc import Callable

EXIT_GRACE = 5.0  # seconds the shutdown after a signal may take before the process leaves anyway
# Windows has neither SIGHUP nor SIGQUIT, nor select.poll: what exists is caught, the rest is left out.
SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGQUIT") if hasattr(signal, name))
HANGUP = select.POLLHUP | select.POLLERR | select.POLLNVAL if hasattr(select, "poll") else 0


class Leaving:
    """`quit_on_loop(sig)` runs on the event loop (save, then exit); `save()` is what the watchdog
    calls when the loop is stuck (it must need no loop)."""

    def __init__(self, quit_on_loop: Callable[[int], None], save: Callable[[], None]):
        self.quit_on_loop = quit_on_loop
        self.save = save
        self.loop: asyncio.AbstractEventLoop | None = None
        self.watchdog: threading.Timer | None = None

    def install(self) -> None:
        """Catch the signals and watch the terminal (on the main thread, with the loop running)."""
        try:
            self.loop = asyncio.get_running_loop()
            for sig in SIGNALS:
                signal.signal(sig, self._caught)
        except (RuntimeError, ValueError, AttributeError):
            return  # not on the main thread (tests) or not supported (Windows)
        terminal = _terminal_fd()
        if terminal is not None and HANGUP and hasattr(signal, "SIGHUP"):
            threading.Thread(target=self._watch, args=(terminal,), name="bshp-terminal-watch", daemon=True).start()

    def _caught(self, sig: int, frame: object) -> None:
        if self.watchdog is None:
            self.watchdog = threading.Timer(EXIT_GRACE, self._leave_anyway, args=(sig,))
            self.watchdog.daemon = True
            self.watchdog.start()
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.quit_on_loop, sig)

    def _leave_anyway(self, sig: int) -> None:
        """The loop did not finish: save from here (the loop is stuck, not saving) and leave."""
        try:
            self.save()
        finally:
            os._exit(128 + sig)

    def _watch(self, fd: int) -> None:
        poller = select.poll()
        poller.register(fd, HANGUP)
        while True:
            try:
                events = poller.poll(500)
            except OSError:
                return
            if any(mask & HANGUP for _, mask in events):
                os.kill(os.getpid(), signal.SIGHUP)
                return


def _terminal_fd() -> int | None:
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None
