"""Build pandoc's JSON document tree (AST) directly.

User text only ever becomes `Str` nodes (with `Space` and `LineBreak` between words and lines), so
nothing the group typed can turn into a heading, a table, raw Word XML or an embedded file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

API_VERSION = [1, 23, 1, 1]  # pandoc 3.x, as bundled by pypandoc-binary

Node = dict[str, Any]
NO_ATTR: list = ["", [], []]
# Words are split on ordinary spaces and tabs only: a no-break space (as in "4 000") stays inside
# the word, so the number never breaks across lines.
_SPACES = str.maketrans("\t\r\f\v", "    ")


def text(value: Any) -> list[Node]:
    """Inlines for literal text: words become Str, runs of spaces Space, newlines LineBreak."""
    out: list[Node] = []
    whole = str(value)
    if "\t" in whole or "\r" in whole or "\f" in whole or "\v" in whole:
        whole = whole.translate(_SPACES)
    for n, line in enumerate(whole.split("\n")):
        if n:
            out.append({"t": "LineBreak"})
        first = True
        for word in line.split(" "):
            if word:
                if not first:
                    out.append({"t": "Space"})
                out.append({"t": "Str", "c": word})
                first = False
    return out


def strong(inlines: list[Node]) -> Node:
    return {"t": "Strong", "c": inlines}


def emph(inlines: list[Node]) -> Node:
    return {"t": "Emph", "c": inlines}


def para(inlines: list[Node]) -> Node:
    return {"t": "Para", "c": inlines}


def plain(inlines: list[Node]) -> Node:
    return {"t": "Plain", "c": inlines}


def header(level: int, inlines: list[Node], ident: str = "", classes: list[str] | None = None) -> Node:
    return {"t": "Header", "c": [level, [ident, classes or [], []], inlines]}


def bullets(items: list[list[Node]]) -> Node:
    return {"t": "BulletList", "c": items}


class Span:
    """A cell that spans `columns` columns (a row naming what the rows under it belong to)."""

    def __init__(self, blocks: list[Node], columns: int):
        self.blocks = blocks
        self.columns = columns


def _cell(cell: list[Node] | Span) -> list:
    if isinstance(cell, Span):
        return [NO_ATTR, {"t": "AlignDefault"}, 1, cell.columns, cell.blocks]
    return [NO_ATTR, {"t": "AlignDefault"}, 1, 1, cell]


def _row(cells: list) -> list:
    return [NO_ATTR, [_cell(c) for c in cells]]


_FIT_WIDTHS: ContextVar[bool] = ContextVar("fit_widths", default=True)


@contextmanager
def widths_fitted(fit: bool) -> Iterator[None]:
    """Tables built inside get widths that fit their content (`fit`), or equal widths: a document
    built only to learn which answers it places (and then dropped) skips the measuring."""
    token = _FIT_WIDTHS.set(fit)
    try:
        yield
    finally:
        _FIT_WIDTHS.reset(token)


def fitted_widths(
    head: list, rows: list, foot: list | None, hints: list[float] | None, equal: list[bool] | None = None
) -> list[float]:
    """Column widths from the cells' content (see colwidths); spanning cells take no part."""
    from .colwidths import cell_measure, fit

    columns: list[list] = [[] for _ in head]
    for n, row in enumerate([head, *rows, *([foot] if foot else [])]):
        if any(isinstance(c, Span) for c in row):
            continue
        for i, cell in enumerate(row[: len(columns)]):
            columns[i].append(cell_measure(cell, bold=n == 0))
    return fit(columns, hints, equal=equal)


def table(
    head: list[list[Node]],
    rows: list[list],
    foot: list[list[Node]] | None = None,
    caption: list[Node] | None = None,
    widths: list[float] | None = None,
    align: list[str] | None = None,
    equal: list[bool] | None = None,
) -> Node:
    """A real table. `head` and each row are lists of cells; each cell is a list of blocks (or a
    Span); `align` names each column's alignment (AlignLeft, AlignRight, ...). The column widths
    fit the content, so no word or number breaks mid-word; `widths` (fractions) only say how to
    share the room left over; the columns marked in `equal` get one width."""
    ncols = len(head)
    if _FIT_WIDTHS.get():
        fitted = fitted_widths(head, rows, foot, widths, equal)
    else:
        fitted = [1 / ncols] * ncols if ncols else []
    colspecs = [[{"t": align[i] if align else "AlignDefault"}, {"t": "ColWidth", "c": fitted[i]}] for i in range(ncols)]
    cap = [None, [plain(caption)]] if caption else [None, []]
    return {
        "t": "Table",
        "c": [
            NO_ATTR,
            cap,
            colspecs,
            [NO_ATTR, [_row(head)]],
            [[NO_ATTR, 0, [], [_row(r) for r in rows]]],
            [NO_ATTR, [_row(foot)] if foot else []],
        ],
    }


def cell_text(value: Any) -> list[Node]:
    return [plain(text(value))] if str(value) != "" else []


def meta_inlines(value: str) -> Node:
    return {"t": "MetaInlines", "c": text(value)}


def meta_string(value: str) -> Node:
    return {"t": "MetaString", "c": value}


def document(blocks: list[Node], meta: dict[str, Node]) -> dict:
    return {"pandoc-api-version": API_VERSION, "meta": meta, "blocks": blocks}


def plain_text(nodes: Any, kinds: set[str] | None = None) -> str:
    """The visible text of any AST fragment (for tests, previews, search and column widths). The
    node types met on the way are added to `kinds` when it is given."""
    out: list[str] = []

    def walk(items: list) -> None:  # one call per list of nodes, not per node: cells hold many words
        for node in items:
            if isinstance(node, dict):
                t = node.get("t")
                if kinds is not None:
                    kinds.add(str(t))
                if t == "Str":
                    out.append(node["c"])
                elif t == "Space":
                    out.append(" ")
                elif t in ("LineBreak", "SoftBreak"):
                    out.append("\n")
                elif isinstance(node.get("c"), list):
                    walk(node["c"])
                if t in ("Para", "Plain", "Header"):
                    out.append("\n")
            elif isinstance(node, list):
                walk(node)

    walk([nodes])
    return "".join(out)
