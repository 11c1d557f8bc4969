"""The `bshp` command (see command.py): its arguments, and one module per group of subcommands."""

from .command import main
from .parser import build_parser

__all__ = ["build_parser", "main"]
