"""SIGKILL a writer at random moments: the file always parses and equals one complete saved state."""

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from bshp_tui.store.sessions import SessionStore

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from crash_writer import main as write_forever  # noqa: E402
from crash_writer import payload  # noqa: E402
from forked import Writer  # noqa: E402

KILLS = 50  # in each of two tests (they run side by side), each from its own seed


@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"), reason="needs SIGKILL and fork")
@pytest.mark.parametrize("seed", [2026, 2027])
def test_sigkill_never_leaves_a_broken_or_mixed_file(tmp_path, seed):
    store = SessionStore(tmp_path)
    store.create("Krasj").close()
    rng = random.Random(seed)
    last_confirmed = 0
    for i in range(KILLS):
        child = Writer(write_forever, str(tmp_path), "krasj")
        first = child.first_line()  # wait until it is writing
        assert first.strip(), f"writer did not start (kill {i})"
        time.sleep(rng.uniform(0, 0.08))  # a large and a small save long, even on a busy machine (30–50 ms and 2–5 ms)
        out = child.kill()
        reported = [int(x) for x in (first + out).split()]
        confirmed = max(reported) if reported else last_confirmed

        data = json.loads((tmp_path / "krasj.json").read_bytes())  # always parses
        states = [d["value"] for d in data["answers"].values() if d["key"] == "state"]
        assert len(states) == 1
        k = states[0]["k"]
        assert states[0]["payload"] == payload(k), f"mixed state after kill {i}"
        # exactly a complete saved state: the last confirmed one or the one being written
        assert confirmed <= k <= confirmed + 1, (confirmed, k)
        last_confirmed = k
        # temp files are never listed as sessions
        assert [s.id for s in store.list()] == ["krasj"]
    assert last_confirmed > KILLS  # the writer made progress across the kills
