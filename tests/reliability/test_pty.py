"""The real app under a pseudo-terminal: SIGHUP (terminal closed), SIGTERM, SIGQUIT (Ctrl+\\) and SIGKILL
keep what was typed, and keys typed in one quick burst arrive in order."""

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest
from helpers import ROOT

from bshp_tui.store.sessions import SessionStore


def take_as_controlling_terminal():
    """In the child: the pty becomes its controlling terminal, as a terminal window's is, so closing
    the window hangs it up (SIGHUP) and its writes fail from then on."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


# Terminal control sequences (ECMA-48: CSI with intermediates, OSC, charset and keypad modes), left
# out when a failed test quotes what the app wrote.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>78M]")

# Like `make run`: a parent that takes the terminal's SIGHUP and waits for its child, which is left
# with no signal when the window closes.
UNDER_MAKE = (
    "import signal, subprocess, sys\n"
    "signal.signal(signal.SIGHUP, lambda *_: None)\n"
    "sys.exit(subprocess.call(sys.argv[1:]))\n"
)


class Terminal:
    def __init__(self, data_dir, under_make: bool = False):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        parent = [sys.executable, "-c", UNDER_MAKE] if under_make else []
        self.proc = subprocess.Popen(
            [*parent, sys.executable, "-m", "bshp_tui.cli", "--data", str(data_dir)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=take_as_controlling_terminal,
        )
        os.close(slave)
        self.output = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text.encode() in self.output:
                return
            time.sleep(0.05)
        seen = re.sub(ESCAPES, b"", bytes(self.output)).decode("utf-8", "replace")
        tail = re.sub(r"[ \t]{3,}", "  ", seen)[-1500:]
        exited = self.proc.poll()
        state = "still running" if exited is None else f"exit code {exited}"
        raise AssertionError(f"{text!r} did not appear on screen (the app: {state}); its last output:\n{tail}")

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())
        time.sleep(0.3)

    def hang_up(self) -> None:
        """The terminal window is closed."""
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        try:  # a child left behind (under make) goes too
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self.master >= 0:
            os.close(self.master)


def type_draft(term) -> None:
    """Type a draft after the prefilled period and wait until the app shows it: a key still in the
    terminal's buffer when the signal comes has not reached the app, which cannot save it."""
    term.type(" (utkast)")
    term.wait_for("2027–2030 (utkast)")


def start(tmp_path, under_make: bool = False):
    store = SessionStore(tmp_path)
    store.create("Molde", "2027–2030").close()
    term = Terminal(tmp_path, under_make)
    term.wait_for("Molde")
    term.type("\r")  # open the session
    term.wait_for("Hvilken form skal planen ha")
    term.type("1")  # plan type: kommunedelplan, saved at once
    term.wait_for("Hvilken periode")
    return store, term


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGQUIT])
def test_closing_the_terminal_saves_the_answer_and_the_draft(tmp_path, sig):
    store, term = start(tmp_path)
    try:
        type_draft(term)  # a draft, not sent
        term.proc.send_signal(sig)
        assert term.proc.wait(timeout=15) is not None
    finally:
        term.close()
    with store.open("molde") as session:  # the lock was released: it opens for writing
        assert session.answer("oppstart/plantype") == "kommunedelplan"
        assert session.draft("oppstart/planperiode") == "2027–2030 (utkast)"


def test_closing_the_terminal_window_saves_and_the_app_leaves(tmp_path):
    """The window goes away while the chat is on screen: nothing is left to draw on, the answer and
    the draft are saved, and no process is left behind."""
    store, term = start(tmp_path)
    try:
        type_draft(term)
        term.hang_up()
        try:
            term.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError("the app kept running after its terminal window was closed") from None
    finally:
        term.close()
    with store.open("molde") as session:
        assert session.answer("oppstart/plantype") == "kommunedelplan"
        assert session.draft("oppstart/planperiode") == "2027–2030 (utkast)"


def test_sigkill_loses_at_most_two_seconds_of_typing(tmp_path):
    store, term = start(tmp_path)
    try:
        type_draft(term)
        time.sleep(2.2)
        term.proc.send_signal(signal.SIGKILL)
        term.proc.wait(timeout=10)
    finally:
        term.close()
    with store.open("molde") as session:  # the killed process's lock is taken over
        assert session.answer("oppstart/plantype") == "kommunedelplan"
        assert session.draft("oppstart/planperiode") == "2027–2030 (utkast)"


def test_draft_is_offered_back_on_resume(tmp_path):
    store, term = start(tmp_path)
    try:
        type_draft(term)
        term.proc.send_signal(signal.SIGHUP)
        term.proc.wait(timeout=15)
    finally:
        term.close()
    term = Terminal(tmp_path)
    try:
        term.wait_for("Molde")
        term.type("\r")
        term.wait_for("2027–2030 (utkast)")
        term.wait_for("utkast dere skrev sist")
    finally:
        term.close()


def test_ctrl_backslash_saves_the_draft_and_quits(tmp_path):
    store, term = start(tmp_path)
    try:
        type_draft(term)
        term.type("\x1c")  # Ctrl+\\: the terminal's quit key
        assert term.proc.wait(timeout=15) == 0
    finally:
        term.close()
    with store.open("molde") as session:
        assert session.draft("oppstart/planperiode") == "2027–2030 (utkast)"


def test_type_ahead_burst_creates_exactly_that_session(tmp_path):
    """N, the municipality, Tab, the period, Enter and the first answer, written as one burst,
    before the dialog or the chat has been drawn."""
    term = Terminal(tmp_path)
    try:
        term.wait_for("Ingen planarbeid")
        os.write(term.master, b"nFjordvik kommune\t2027-2030\r2")
        term.wait_for("Hvem er med i arbeidsgruppa")  # the period was not asked again
        term.type("\x11")  # Ctrl+Q
        assert term.proc.wait(timeout=15) == 0
    finally:
        term.close()
    infos = SessionStore(tmp_path).list()
    assert [(i.municipality, i.period) for i in infos] == [("Fjordvik kommune", "2027–2030")]
    with SessionStore(tmp_path).open(infos[0].id) as session:
        assert session.answer("oppstart/plantype") == "temaplan"  # "2", typed before the chat was up
        assert session.answer("oppstart/planperiode") == "2027–2030"


def test_closing_the_window_under_make_saves_and_leaves(tmp_path):
    """`make run` takes the terminal's SIGHUP and waits for bshp: bshp must notice the terminal is gone,
    save, let go of the session and leave (it used to spin on the dead terminal, holding the lock)."""
    store, term = start(tmp_path, under_make=True)
    try:
        type_draft(term)
        term.hang_up()
        term.proc.wait(timeout=30)  # bshp ends, and so does make
    finally:
        term.close()
    with store.open("molde") as session:  # not locked by a process left behind
        assert session.answer("oppstart/plantype") == "kommunedelplan"
        assert session.draft("oppstart/planperiode") == "2027–2030 (utkast)"
