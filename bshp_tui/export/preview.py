"""A live preview of a document, from the same document tree the export writes."""

from __future__ import annotations

import json
import subprocess

from ..guide.conductor import Conductor
from .document import build_document
from .markdown_literal import escape_word
from .pandoc import ExportError, pandoc_path


def preview_markdown(conductor: Conductor, kind: str = "plan") -> tuple[str, list[str]]:
    """The document as GitHub-flavoured Markdown (what the app's Markdown view shows), and the
    list of what is not filled in."""
    doc, missing = build_document(conductor, kind)
    title = "".join(escape_word(n["c"]) if n["t"] == "Str" else " " for n in doc["meta"]["title"]["c"])
    result = subprocess.run(
        [pandoc_path(), "--sandbox", "-f", "json", "-t", "gfm-raw_html", "--wrap=none"],
        input=json.dumps(doc, ensure_ascii=False).encode("utf-8"), capture_output=True,
    )
    if result.returncode != 0:
        raise ExportError("Kunne ikke lage forhåndsvisningen: " + result.stderr.decode("utf-8", "replace")[-200:])
    return f"# {title}\n\n" + result.stdout.decode("utf-8"), missing
