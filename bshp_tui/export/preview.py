"""A live preview of a document, from the same document tree the export writes."""

from __future__ import annotations

from ..guide.conductor import Conductor
from .document import build_document
from .markdown_literal import escape_word
from .pandoc import to_text


def preview_markdown(conductor: Conductor, kind: str = "plan") -> tuple[str, list[str]]:
    """The document as GitHub-flavoured Markdown (what the app's Markdown view shows), and the
    list of what is not filled in."""
    doc, missing = build_document(conductor, kind)
    title = "".join(escape_word(n["c"]) if n["t"] == "Str" else " " for n in doc["meta"]["title"]["c"])
    return f"# {title}\n\n" + to_text(doc, "gfm-raw_html", "--wrap=none"), missing
