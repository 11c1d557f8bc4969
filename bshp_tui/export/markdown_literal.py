"""Keep user text literal in exported Markdown.

Pandoc's Markdown writer escapes only what it thinks is ambiguous, so some text comes back changed
when the `.md` file is read again: `@key` and `[@doe99]` become citations, `&lt;` becomes `<`,
`::: note` opens a fenced div, a table cell `1. tall` becomes a list. For Markdown output every
word that holds ASCII punctuation is therefore written as raw Markdown with each punctuation
character backslash-escaped (pandoc's Markdown allows escaping any ASCII punctuation). Reading the
file back gives the same text; other formats are never touched. Words with typographic dashes,
quotes or ellipses are written raw too, so the writer cannot turn them into ASCII look-alikes.
"""

from __future__ import annotations

import re
from typing import Any

_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
# Typographic characters the writer turns back into ASCII (an en dash becomes `--`, so a table cell
# holding only "–" became a table rule). Raw text keeps them as they are.
_TYPOGRAPHIC = re.compile("[\u2013\u2014\u2026\u2018\u2019\u201c\u201d]")


def escape_word(word: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", word)


def literal_markdown(node: Any) -> Any:
    """A copy of a document tree (or any part of it) where every `Str` with punctuation is raw,
    fully escaped Markdown."""
    if isinstance(node, list):
        return [literal_markdown(n) for n in node]
    if isinstance(node, dict):
        if node.get("t") == "Str":
            word = node["c"]
            if _PUNCTUATION.search(word) or _TYPOGRAPHIC.search(word):
                return {"t": "RawInline", "c": ["markdown", escape_word(word)]}
            return node
        return {key: literal_markdown(value) for key, value in node.items()}
    return node
