"""The prompt files for a command: loading them (with a Norwegian message for files with errors),
checking imported answers against them, and the `check-prompts` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from .data import data_dir


def cmd_check_prompts(args: argparse.Namespace) -> int:
    from ..scripts import refs
    from ..scripts.loader import check_folder, default_prompts_dir

    folder = Path(args.dir) if args.dir else (Path(args.prompts) if args.prompts else default_prompts_dir())
    scripts, problems = check_folder(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} feil i «{folder}». Rett dem og kjør kontrollen igjen.", file=sys.stderr)
        return 2
    ref_problems = refs.check(scripts)
    for ref_problem in ref_problems:
        print(f"{folder}: {ref_problem}", file=sys.stderr)
    fatal = [p for p in ref_problems if p.level == "feil"]
    if fatal:
        print(
            f"{len(fatal)} feil i «{folder}»: feltene over kan ikke brukes slik appen trenger. "
            "Rett dem og kjør kontrollen igjen.",
            file=sys.stderr,
        )
        return 2
    steps = sum(len(s.steps) for s in scripts)
    warned = f", med {len(ref_problems)} advarsler om hva som blir utelatt" if ref_problems else ""
    print(f"OK: {len(scripts)} veiledninger med {steps} steg i «{folder}»{warned}.")
    return 0


def load_scripts(args: argparse.Namespace):
    from ..scripts.cache import load_folder_cached
    from ..scripts.folder import default_prompts_dir
    from ..scripts.model import ScriptErrors

    folder = Path(args.prompts) if args.prompts else default_prompts_dir()
    try:
        return load_folder_cached(folder, data_dir(args) / ".cache")
    except ScriptErrors as exc:
        lines = "\n".join(str(e) for e in exc.errors[:10])
        raise UsageError(
            f"Veiledningsfilene i «{folder}» har feil:\n{lines}\nRett dem (se «bshp check-prompts»)."
        ) from None


def answer_checker(args: argparse.Namespace):
    """Checks imported answers against the field kinds of the prompt files in use (--prompts).
    The prompt files are read only for a file that passed the session format."""
    from ..scripts.kinds import answer_problems

    def check(data: dict) -> list[str]:
        return answer_problems(load_scripts(args), data)

    return check
