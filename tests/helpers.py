"""Shared helpers for the tests."""

import functools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shipped_scripts() -> list:
    """The prompt files that ship with bshp, as the app loads them: parsed once per test process
    (two dozen test modules use them, and no test changes them)."""
    return list(_parsed_once())


@functools.cache
def _parsed_once() -> tuple:
    from bshp_tui.scripts.loader import load_folder

    return tuple(load_folder(ROOT / "prompts"))


def without_disk_syncs(monkeypatch) -> None:
    """Writes stay atomic (temp file and rename) but do not wait for the disk: for tests whose
    point is not durability (that is proven with real syncs, kills and faults in tests/reliability)."""
    from bshp_tui.disk import durable

    monkeypatch.setattr(durable, "_sync_file", lambda fd: None)
    monkeypatch.setattr(durable, "fsync_dir", lambda folder: None)


def run_bshp(*args, data=None, cwd=None, input=None, env=None, timeout=120):
    """Run the real `bshp` command in a subprocess and return the CompletedProcess."""
    import subprocess

    cmd = [sys.executable, "-m", "bshp_tui.cli"]
    if data is not None:
        cmd += ["--data", str(data)]
    cmd += [str(a) for a in args]
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, input=input, env=full_env, timeout=timeout)
