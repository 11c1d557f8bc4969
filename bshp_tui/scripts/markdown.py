"""The Markdown parser the prompt files and document templates share, created on first use."""

from __future__ import annotations

from typing import Any

_parser: Any = None


def parser() -> Any:
    """The CommonMark parser (importing markdown-it is the slowest part of loading prompts)."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark")
    return _parser


def block_end(tokens, i: int) -> int:
    """Index of the token that closes the top-level block opened at `i`."""
    tok = tokens[i]
    if not tok.type.endswith("_open"):
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1
