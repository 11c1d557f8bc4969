"""The real app in a real terminal (tmux), read back as the screen shows it: going back shows the
question right above the input, and a command typed after prefilled text runs as a command."""

import os
import shlex
import shutil
import subprocess
import sys
import time

import pytest
from helpers import ROOT, shipped_scripts

from bshp_tui.guide.session_start import record_start
from bshp_tui.store.sessions import SessionStore

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

MEMBERS_Q = "Hvem er med i arbeidsgruppa"
SECTORS_Q = "Hvilke sektorer og roller"
PLANTYPE_Q = "Hvilken form skal planen ha"
WHERE = "Enter sender"  # the hint line right under the transcript, above the choices and the input


class Tmux:
    def __init__(self, data_dir, name):
        self.socket = f"bshp-test-{os.getpid()}-{name}"
        command = (
            f"stty cols 120 rows 60; cd {shlex.quote(str(ROOT))} && PYTHONPATH={shlex.quote(str(ROOT))} exec "
            f"{shlex.quote(sys.executable)} -m bshp_tui.cli --data {shlex.quote(str(data_dir))}"
        )
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "120", "-y", "60", command)
        self.tmux("set-option", "-t", "app", "window-size", "manual")
        self.tmux("resize-window", "-t", "app", "-x", "120", "-y", "60")
        self.pid = int(self.tmux("display-message", "-p", "-t", "app", "#{pane_pid}").stdout)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)

    def type(self, text):
        """One burst: all characters written to the terminal at once."""
        self.tmux("send-keys", "-t", "app", "-l", text)

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-t", "app", "-p").stdout.splitlines()

    def wait_for(self, text, timeout=20) -> list[str]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            lines = self.screen()
            if any(text in line for line in lines):
                return lines
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear on screen:\n" + "\n".join(self.screen()))

    def wait_until(self, check, timeout=20) -> list[str]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            lines = self.screen()
            if check(lines):
                return lines
            time.sleep(0.1)
        size = self.tmux("display-message", "-p", "-t", "app", "#{window_width}x#{window_height}").stdout
        raise AssertionError(
            f"the screen ({size.strip()}) never showed what was expected:\n" + "\n".join(self.screen())
        )

    def close(self):
        """Close the terminal: the app saves and leaves, it never lingers without one."""
        self.tmux("kill-server")
        deadline = time.time() + 30
        while time.time() < deadline and running(self.pid):
            time.sleep(0.1)
        if running(self.pid):
            os.kill(self.pid, 9)
            raise AssertionError("the app kept running after its terminal was closed")


def running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def last(lines, text) -> int:
    return max((n for n, line in enumerate(lines) if text in line), default=-1)


def question_above_input(lines, question, others) -> bool:
    """`question` is the last question in the transcript, right above the hint line and the input."""
    where = last(lines, WHERE)
    at = last(lines[:where], question)
    return at >= 0 and all(last(lines[:where], other) < at for other in others)


@pytest.fixture
def terminal(tmp_path, request):
    store = SessionStore(tmp_path)
    with store.create("Molde", "2027–2030") as session:
        record_start(shipped_scripts(), session, "2027–2030")
    term = Tmux(tmp_path, request.node.name[:20])
    yield store, term
    term.close()


def test_going_back_shows_the_question_above_the_input(terminal):
    store, term = terminal
    term.wait_for("Molde")
    term.type("\r1")  # open the session, answer the plan type
    term.wait_for(MEMBERS_Q)
    term.type("Kari; NAV; 10 %; ja\r")
    term.wait_until(lambda lines: question_above_input(lines, SECTORS_Q, [MEMBERS_Q]))
    term.type("\x02")  # Ctrl+B
    term.wait_until(
        lambda lines: (
            question_above_input(lines, MEMBERS_Q, [SECTORS_Q, PLANTYPE_Q])
            and any("Kari; NAV" in line for line in lines[last(lines, WHERE) :])
        )
    )  # the answer, in the input


def test_command_after_prefilled_text_runs_and_keeps_the_answer(terminal):
    store, term = terminal
    term.wait_for("Molde")
    term.type("\r1")
    term.wait_for(MEMBERS_Q)
    term.type("\x02")  # back to the period, prefilled 2027–2030 with the cursor at the end
    term.wait_until(lambda lines: question_above_input(lines, "Hvilken periode", [MEMBERS_Q]))
    term.type("/tilbake\r")  # typed straight after the prefilled text: «2027–2030/tilbake»
    term.wait_until(lambda lines: question_above_input(lines, PLANTYPE_Q, ["Hvilken periode", MEMBERS_Q]))
    term.type("\x11")  # Ctrl+Q
    deadline = time.time() + 15
    while time.time() < deadline and term.tmux("has-session", "-t", "app").returncode == 0:
        time.sleep(0.1)
    with store.open("molde") as session:
        assert session.answer("oppstart/planperiode") == "2027–2030"
        assert session.answer("oppstart/plantype") == "kommunedelplan"
        assert session.draft("oppstart/planperiode") is None
