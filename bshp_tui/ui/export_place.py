"""Where the app writes documents, and which format a typed command asks for."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

EXPORT_DIR = "eksport"  # the folder under the data folder the app writes documents to
FORMATS = ("docx", "odt", "md", "html")


def export_folder(data_dir: Path | str) -> Path:
    return Path(data_dir) / EXPORT_DIR


def chosen_format(words: Iterable[str]) -> str:
    """The first format named among the command's words; Word (docx) when none is."""
    return next((w for w in words if w in FORMATS), "docx")
