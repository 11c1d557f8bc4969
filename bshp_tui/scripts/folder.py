"""The prompt folder: where the shipped prompt files are, and which files of a folder are prompt files.

Apart from the loader, so that a command that finds the parsed files in the cache (scripts/cache.py)
loads neither the loader nor its grammar.
"""

from __future__ import annotations

from pathlib import Path


def default_prompts_dir() -> Path:
    """The prompts that ship with the app: inside the installed package, or the checkout's prompts/."""
    here = Path(__file__).resolve().parent.parent  # the bshp_tui package
    packaged = here / "prompts"
    if packaged.is_dir() and any(p.suffix == ".md" for p in packaged.iterdir()):
        return packaged
    return here.parent / "prompts"


def prompt_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.md") if p.name.lower() != "readme.md")
