"""Two bshp processes on one session: the second is told plainly, and a killed holder's lock is taken over."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from helpers import ROOT, run_bshp

from bshp_tui.errors import SessionLockedError
from bshp_tui.store.sessions import SessionStore

HOLDER = textwrap.dedent("""
    import sys, time
    from bshp_tui.store.sessions import SessionStore
    s = SessionStore(sys.argv[1]).open(sys.argv[2])
    s.set_answer("a/holder", "fra prosess 1")
    print("ready", flush=True)
    time.sleep(600)
""")


def start_holder(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path), "molde"], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout.readline().strip() == "ready"
    return child


def test_second_process_is_refused_then_takes_over_a_stale_lock(tmp_path):
    store = SessionStore(tmp_path)
    store.create("Molde").close()
    child = start_holder(tmp_path)
    try:
        with pytest.raises(SessionLockedError) as err:
            store.open("molde")
        message = str(err.value)
        assert "allerede åpen" in message and f"prosess {child.pid}" in message
        with store.open("molde", read_only=True) as ro:
            assert ro.answer("a/holder") == "fra prosess 1"
        # The CLI refuses a restore while the session is open elsewhere, and says why.
        result = run_bshp("restore", "molde", "1", data=tmp_path)
        assert result.returncode in (1, 2) and "åpen" in result.stderr
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    # The killed holder's lock is stale: the next writer takes it over, and its answer is there.
    with store.open("molde") as s:
        assert s.answer("a/holder") == "fra prosess 1"
        s.set_answer("a/next", "fra prosess 2")
