"""The `bshp` command: the app by default, and subcommands for scripts and rescue work.

Exit codes: 0 ok, 1 failure, 2 bad input or usage. Messages are in Norwegian and name the file
and what to do.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from ..errors import BshpError
from . import export, prompts, sessions
from .data import data_dir, open_store
from .parser import build_parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _clean_orphans(args)
        if args.command is None:
            return _run_app(args)
        handler = COMMANDS[args.command]
        return handler(args)
    except BshpError as exc:
        print(f"bshp: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 1


def _clean_orphans(args: argparse.Namespace) -> None:
    """Temp files left by a killed writer (an import, a save) go at the start of any command."""
    folder = data_dir(args)
    if folder.is_dir():
        try:
            open_store(args).clean_orphans()
        except OSError:
            pass  # tidying up never stops a command


def _run_app(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # without one the app would redraw forever
        print(
            "bshp: Appen må startes i et terminalvindu: den trenger tastaturet og skjermen der. "
            "Dokumentene kan lages uten appen med «bshp export» (se «bshp --help»).",
            file=sys.stderr,
        )
        return 2
    from ..ui.app import run_app

    # The app runs for hours: the garbage collector is on (`run` pauses it for quick commands), and
    # what the imports built is set aside so its collections skip it.
    gc.freeze()
    gc.enable()
    return run_app(data_dir(args), Path(args.prompts) if args.prompts else None)


COMMANDS = {
    "list": sessions.cmd_list,
    "new": sessions.cmd_new,
    "new-period": sessions.cmd_new_period,
    "dump": sessions.cmd_dump,
    "import": sessions.cmd_import,
    "backups": sessions.cmd_backups,
    "restore": sessions.cmd_restore,
    "check-prompts": prompts.cmd_check_prompts,
    "export": export.cmd_export,
    "region": export.cmd_region,
}
