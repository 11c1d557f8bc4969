"""Keep user text literal in exported Markdown, and readable as plain text.

Pandoc's Markdown writer escapes only what it thinks is ambiguous, so some text comes back changed
when the `.md` file is read again: `@key` and `[@doe99]` become citations, `&lt;` becomes `<`,
`::: note` opens a fenced div, a table cell `1. tall` becomes a list. For Markdown output every
word that holds ASCII punctuation is therefore written as raw Markdown, with a backslash before
exactly the characters Markdown could read as markup (pandoc's Markdown allows escaping any ASCII
punctuation). The writer wraps lines between words, so any word may start a line; but a list, a
heading or a quote needs a blank line before it, so their markers are escaped only as the first
word of a paragraph, a table cell or a list item. Ordinary sentences keep their `. , : ( ) -` as they are, and a pair of
square brackets that cannot make a link, a span or a reference (like «[Ikke utfylt: …]») stays
as it is. Reading the file back gives the same text; other formats are never touched. Words with
typographic dashes, quotes or ellipses are written raw too, so the writer cannot turn them into
ASCII look-alikes.
"""

from __future__ import annotations

import re
from typing import Any

from .ast import plain_text

_PUNCTUATION = re.compile(r"""[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]""")
# Markup anywhere in a word: emphasis, code, raw HTML and autolinks, math, sub- and superscript,
# strikeout, tables and line blocks, attributes, entities, citations, smart quotes. Square brackets
# are decided by what is around them (`_inert_brackets`).
_ALWAYS = re.compile(r"""([\\`*<$~^|{}@"'])""")
# A line of only `-` or `=` under a line of text makes it a heading, wherever the writer wraps.
_UNDERLINE = re.compile(r"^([=-])\1*$")
# Only at the start of a paragraph (a list, a heading or a quote needs a blank line before it):
# a word of `#`, `+` or `-` alone, a quote, a list marker such as «1.», «2)», «(3)», «a.», «iv.», «#.»
_BLOCK_START = re.compile(r"^([#+-])\1*$|^>")
# A list marker on its own: «1.», «2)», «(3)», «a.», «iv.», «#.»
_LIST_MARKER = re.compile(r"^(\(?(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|#))([.)])$")
# Typographic characters the writer turns back into ASCII (an en dash becomes `--`, so a table cell
# holding only "–" became a table rule). Raw text keeps them as they are.
_TYPOGRAPHIC = re.compile("[\u2013\u2014\u2026\u2018\u2019\u201c\u201d]")
_BREAKS = ("Space", "SoftBreak", "LineBreak")
_OPAQUE = "\x00"  # any other inline: what it writes is not known here


def escape_word(
    word: str, keep: frozenset[int] = frozenset(), in_link: bool = False, first: bool = True, line: bool = True
) -> str:
    """One word (no spaces) with a backslash before each character Markdown could read as markup;
    `keep` names the positions of square brackets that are plain text where they stand, `first`
    says the word starts a paragraph (or a table cell or a list item), `line` that a line may start
    with it (it follows a space, or starts a paragraph)."""
    marker = _LIST_MARKER.match(word) if first else None
    if marker:
        return escape_word(marker.group(1), keep, in_link, first=False) + "\\" + marker.group(2)
    out = []
    for n, ch in enumerate(word):
        if _ALWAYS.match(ch) or (ch == "[" and n not in keep) or (ch == "]" and in_link):
            out.append("\\" + ch)
        elif ch == "_" and not (word[n - 1 : n].isalnum() and word[n + 1 : n + 2].isalnum()):
            out.append("\\_")  # emphasis; an underscore inside a word is none
        elif ch == "&" and re.match(r"[A-Za-z0-9#]", word[n + 1 : n + 2]):  # an entity: &lt; &#65;
            out.append("\\&")
        elif (ch == "-" and "--" in word) or (ch == "." and ".." in word):  # a smart dash or ellipsis
            out.append("\\" + ch)
        elif n == 0 and line and (ch == ":" or _UNDERLINE.match(word) or (first and _BLOCK_START.match(word))):
            out.append("\\" + ch)  # «:» also makes a definition or a table caption
        elif ch == ":" and first and word.lower() == "table:":  # a table caption «Table: Tekst»
            out.append("\\:")
        else:
            out.append(ch)
    return "".join(out)


def _inert_brackets(inlines: list, headings: frozenset[str]) -> dict[int, frozenset[int]]:
    """For a run of inlines: the positions (per `Str` index) of each `[` whose matching `]` is in the
    same run and is followed by a space, the end of the run or punctuation that makes no link
    (not `(`, `[`, `{` or `:`), with plain words between them (no space first or last) that name
    no heading and are no task-list box («[ ]», «[x]»)."""
    chars: list[tuple[int, int, str]] = []  # (inline index, position in its word, character)
    for i, node in enumerate(inlines):
        kind = node.get("t") if isinstance(node, dict) else None
        if kind == "Str":
            chars += [(i, n, ch) for n, ch in enumerate(node["c"])]
        else:
            chars.append((i, -1, " " if kind in _BREAKS else _OPAQUE))
    keep: dict[int, set[int]] = {}
    opened: list[int] = []
    for at, (_i, _n, ch) in enumerate(chars):
        if ch == "[":
            opened.append(at)
        elif ch == "]" and opened:
            start = opened.pop()
            after = chars[at + 1][2] if at + 1 < len(chars) else " "
            inside = "".join(c for _, _, c in chars[start + 1 : at])
            if (
                after in "([{:" + _OPAQUE
                or _OPAQUE in inside
                or inside != inside.strip()
                or inside in ("", "x", "X")  # a task-list box
                or " ".join(inside.split()).lower() in headings
            ):
                continue
            i, n, _ = chars[start]
            keep.setdefault(i, set()).add(n)
    return {i: frozenset(found) for i, found in keep.items()}


def _heading_texts(node: Any) -> frozenset[str]:
    """The headings of a document as plain words (pandoc links `[Heading]` to its section)."""
    blocks = node.get("blocks") if isinstance(node, dict) else None
    found = [plain_text(b["c"][2]) for b in blocks or [] if isinstance(b, dict) and b.get("t") == "Header"]
    return frozenset(" ".join(t.split()).lower() for t in found)


def literal_markdown(
    node: Any, headings: frozenset[str] | None = None, in_link: bool = False, block: bool = False
) -> Any:
    """A copy of a document tree (or any part of it) where every `Str` with punctuation is raw
    Markdown, escaped where it could be read as markup."""
    if headings is None:
        headings = _heading_texts(node)
        if isinstance(node, dict) and "blocks" in node:
            out = {
                **node,
                "blocks": literal_markdown(node["blocks"], headings),
                "meta": _meta(node.get("meta", {}), headings),
            }
            return out if node.get("meta") else _no_title_block(out)
    if isinstance(node, list):
        if any(isinstance(n, dict) and n.get("t") == "Str" for n in node):
            keep = {} if in_link else _inert_brackets(node, headings)  # a link's text: every bracket escaped
            return [
                _word(
                    n,
                    keep.get(i, frozenset()),
                    in_link,
                    block and i == 0,
                    (block and i == 0) or (i > 0 and isinstance(node[i - 1], dict) and node[i - 1].get("t") in _BREAKS),
                )
                if isinstance(n, dict) and n.get("t") == "Str"
                else literal_markdown(n, headings, in_link)
                for i, n in enumerate(node)
            ]
        return [literal_markdown(n, headings, in_link) for n in node]
    if isinstance(node, dict):
        link = in_link or node.get("t") in ("Link", "Image")
        starts = node.get("t") in ("Para", "Plain")  # its first word starts a line after a blank one
        return {key: literal_markdown(value, headings, link, starts and key == "c") for key, value in node.items()}
    return node


def _meta(node: Any, headings: frozenset[str]) -> Any:
    """The metadata (the writer puts it in a YAML block and quotes it as YAML needs): each value's
    text is escaped as if it started a paragraph."""
    if isinstance(node, dict) and node.get("t") == "MetaInlines":
        return {"t": "MetaInlines", "c": literal_markdown(node["c"], headings, block=True)}
    if isinstance(node, list):
        return [_meta(n, headings) for n in node]
    if isinstance(node, dict):
        return {key: _meta(value, headings) for key, value in node.items()}
    return node


def _no_title_block(document: dict) -> dict:
    """A document without metadata whose text starts with «%» would start with a title block."""
    first = document["blocks"][0] if document["blocks"] else None
    if isinstance(first, dict) and first.get("t") in ("Para", "Plain") and first["c"]:
        word = first["c"][0]
        if word.get("t") == "RawInline" and word["c"][1].startswith("%"):
            word["c"][1] = "\\" + word["c"][1]
    return document


def _word(node: dict, keep: frozenset[int], in_link: bool, first: bool, line: bool) -> dict:
    word = node["c"]
    if _PUNCTUATION.search(word) or _TYPOGRAPHIC.search(word):
        return {"t": "RawInline", "c": ["markdown", escape_word(word, keep, in_link, first, line)]}
    return node
