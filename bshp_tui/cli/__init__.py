"""The `bshp` command (see command.py): its arguments, and one module per group of subcommands.

Nothing is loaded here, so `run` can pause the garbage collector before the command's modules load.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import argparse


def main(argv: list[str] | None = None) -> int:
    """Run the `bshp` command with `argv` (default: the process's arguments); the exit code."""
    from .command import main as command

    return command(argv)


def build_parser() -> argparse.ArgumentParser:
    from .parser import build_parser as parser

    return parser()


def run() -> NoReturn:
    """The `bshp` process (the console script and `python -m bshp_tui.cli`). A command loads many
    modules, builds many objects and exits, so the cyclic garbage collector is paused meanwhile (the
    app turns it back on before it starts), and what was built is frozen before the exit, so the
    interpreter's last collection need not walk it: about a sixth of an export's time."""
    gc.disable()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`bshp list | head`): what was to be done is done; say nothing more.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    gc.freeze()
    sys.exit(code)
