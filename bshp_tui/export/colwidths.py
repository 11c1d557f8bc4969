"""Column widths that fit a table's content, so that no word and no number breaks mid-word.

Word and LibreOffice break a word that is wider than its column anywhere, which turns an amount
like 8 650 000 into «8 650 0» / «00». Every table therefore gets its widths from its content: each
column at least as wide as its widest word (a number, with no-break spaces between the thousands,
is one word), the room left shared by how much more text each column holds. When even the widest
words do not fit the page, the columns of numbers keep their room and the text columns share what
is left (a long text word may then break; a number does not, unless numbers alone overflow).

Widths are measured in em of the table font (10 pt) with conservative metrics (those of DejaVu Sans, the
wide font LibreOffice falls back to when Calibri is missing), so the columns also fit there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .ast import plain_text

TABLE_PT = 10  # table text size (the reference documents' table styles)
PAGE_EM = 16.0 / (TABLE_PT * 2.54 / 72)  # the text width of an A4 page with 2.5 cm margins (16 cm)
PADDING_EM = 0.95  # the cell margins (2 × 0.15 cm = 0.85 em), the rules and a little slack
BULLET_EM = 1.7  # the indent of a bullet list inside a cell
BOLD = 1.16
MAX_WANT_EM = 60.0  # a cell longer than this wraps anyway: it asks for no more room
_WORDS = re.compile(r"[ \t\n]+")  # a no-break space is no break: it stays inside the word
_NUMBER = re.compile(r"^[-−+]?[\d\u00a0\u202f .,]*\d[\d\u00a0\u202f .,%]*$")

# Advance widths of DejaVu Sans in 1/2048 em (its bold is about 12 % wider).
_UNITS = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 \u00a0\u202f.,:;-–—()/%«»'\"",
        [
            1255,
            1300,
            1126,
            1300,
            1260,
            721,
            1300,
            1298,
            569,
            569,
            1186,
            569,
            1995,
            1298,
            1253,
            1300,
            1300,
            842,
            1067,
            803,
            1298,
            1212,
            1675,
            1212,
            1212,
            1075,
            2003,
            1253,
            1255,
            1401,
            1405,
            1430,
            1577,
            1294,
            1178,
            1587,
            1540,
            604,
            604,
            1343,
            1141,
            1767,
            1532,
            1612,
            1235,
            1612,
            1423,
            1300,
            1251,
            1499,
            1401,
            2025,
            1403,
            1251,
            1403,
            2011,
            1612,
            1401,
            *[1303] * 10,
            651,
            651,
            651,
            651,
            651,
            690,
            690,
            739,
            1024,
            2048,
            799,
            799,
            690,
            1946,
            1026,
            1026,
            563,
            942,
        ],
    )
)


def char_em(ch: str) -> float:
    if ch == "\u00ad":  # a soft hyphen is invisible unless the word breaks there
        return 0.0
    if ch in _UNITS:
        return _UNITS[ch] / 2048
    if ch.lower() in _UNITS:  # é, ü and the like: as their base letter, a little more
        return _UNITS[ch.lower()] / 2048
    return 1300 / 2048 if not ch.isupper() else 1500 / 2048


_EM: dict[str, float] = {}  # char_em of every character met so far


def text_em(text: str, bold: bool = False) -> float:
    try:
        total = sum(map(_EM.__getitem__, text))
    except KeyError:
        _EM.update((ch, char_em(ch)) for ch in text)
        total = sum(map(_EM.__getitem__, text))
    return total * (BOLD if bold else 1.0)


def is_number(word: str) -> bool:
    """A number (or the dash that stands for none) in a cell."""
    return word in ("–", "-") or bool(_NUMBER.match(word))


class Measure:
    """What one cell needs: its widest word (`need`), its whole longest line (`want`), and
    whether it holds a number only."""

    def __init__(self, text: str, bold: bool = False, indent: float = 0.0):
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        words = [w for ln in lines for w in _WORDS.split(ln) if w]
        self.need = max(map(text_em, words), default=0.0) * (BOLD if bold else 1.0) + indent + PADDING_EM
        self.want = (
            min(MAX_WANT_EM, max(map(text_em, lines), default=0.0) * (BOLD if bold else 1.0)) + indent + PADDING_EM
        )
        self.number = bool(words) and all(is_number(w) for w in words)
        self.empty = not words


def fit(
    columns: list[list[Measure]],
    hints: list[float] | None = None,
    page: float = PAGE_EM,
    equal: list[bool] | None = None,
) -> list[float]:
    """Column widths as fractions of the page width (summing to 1) for the cells of each column.
    `hints` (fractions) say how to share the room the content does not claim; the columns marked
    in `equal` (amounts side by side, one per year) get one width."""
    n = len(columns)
    if not n:
        return []
    need = [max((m.need for m in col), default=PADDING_EM) for col in columns]
    if equal and any(equal):
        same = max(nd for nd, e in zip(need, equal) if e)
        need = [same if e else nd for nd, e in zip(need, equal)]
    want = [max(max((m.want for m in col), default=PADDING_EM), nd) for col, nd in zip(columns, need)]
    if equal and any(equal):
        same = max(w for w, e in zip(want, equal) if e)
        want = [same if e else w for w, e in zip(want, equal)]
    numeric = [any(m.number for m in col) and all(m.number or m.empty for m in col[1:]) for col in columns]
    if sum(need) > page:
        return [w / page for w in _squeeze(need, numeric, page)]
    widths = list(need)
    extra = page - sum(need)
    if hints and len(hints) == n:
        # The caller's shares, where the content allows them: each column at least its need.
        target = [max(h * page, nd) for h, nd in zip(hints, need)]
        over = sum(target) - page
        if over > 0:
            surplus = [t - nd for t, nd in zip(target, need)]
            total = sum(surplus)
            target = [t - over * s / total for t, s in zip(target, surplus)] if total else need
        return [t / sum(target) for t in target]
    grow = [w - nd for w, nd in zip(want, need)]
    if sum(grow) >= extra:
        widths = [nd + extra * g / sum(grow) for nd, g in zip(need, grow)]
    else:
        # Every column has all it wants: the text columns share the rest of the page.
        grows = [not num for num in numeric] if not all(numeric) else [True] * n
        share = sum(w for w, g in zip(want, grows) if g)
        left = page - sum(want)
        widths = [w + (left * w / share if g else 0.0) for w, g in zip(want, grows)]
    return [w / sum(widths) for w in widths]


def _squeeze(need: list[float], numeric: list[bool], page: float) -> list[float]:
    """The widest words overflow the page: numbers keep their width, text columns share the rest
    in proportion to their need (down to a floor); only if numbers alone overflow is all scaled."""
    fixed = sum(nd for nd, num in zip(need, numeric) if num)
    texts = sum(nd for nd, num in zip(need, numeric) if not num)
    floor = 4.0 * sum(1 for num in numeric if not num)
    left = page - fixed
    if texts and left >= floor:
        return [nd if num else nd * left / texts for nd, num in zip(need, numeric)]
    return [nd * page / sum(need) for nd in need]


def cell_measure(cell: list[Any], bold: bool = False) -> Measure:
    """A table cell (a list of pandoc blocks) measured; Strong text counts as bold."""
    if len(cell) == 1 and isinstance(cell[0], dict) and cell[0].get("t") == "Plain":
        plain = _plain_words(cell[0]["c"])
        if plain is not None:  # the usual cell: one line of plain words (as ast.cell_text makes it)
            return _measure(plain, bold, 0.0)
    kinds: set[str] = set()
    text = plain_text(cell, kinds)
    listed = any(isinstance(b, dict) and b.get("t") in ("BulletList", "OrderedList") for b in cell)
    return _measure(text, bold or "Strong" in kinds, BULLET_EM if listed else 0.0)


@lru_cache(maxsize=4096)
def _measure(text: str, bold: bool, indent: float) -> Measure:
    """Cells repeat (a measure's name in every table it is in): each text is measured once."""
    return Measure(text, bold, indent)


def _plain_words(inlines: list[Any]) -> str | None:
    """The text of inlines that are only words, spaces and line breaks (as plain_text gives it for
    a Plain block), or None for anything else."""
    out = []
    for node in inlines:
        t = node.get("t") if isinstance(node, dict) else None
        if t == "Str":
            out.append(node["c"])
        elif t == "Space":
            out.append(" ")
        elif t == "LineBreak" or t == "SoftBreak":
            out.append("\n")
        else:
            return None
    out.append("\n")
    return "".join(out)
