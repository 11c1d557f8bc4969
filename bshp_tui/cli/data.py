"""Where a command finds its sessions: the data folder and the store in it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

DEFAULT_DATA = Path("sessions")


def data_dir(args: argparse.Namespace) -> Path:
    if args.data:
        return Path(args.data)
    env = os.environ.get("BSHP_DATA")
    return Path(env) if env else DEFAULT_DATA


def open_store(args: argparse.Namespace):
    from ..store.sessions import SessionStore

    return SessionStore(data_dir(args))
