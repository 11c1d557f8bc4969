"""The housing-need table of the background document: today, expected need and the gap per target
group. The gap is worked out where both cells hold a number ("12" or "12 boliger"); otherwise the
group's own words in the gap column stand, and an empty gap with no numbers to go on is shown as
missing.
"""

from __future__ import annotations

import re
from typing import Any

from ..scripts.values import format_number
from . import ast as A
from .render import cell_display, column_widths

_SPACES = "[ \u00a0\u202f]"  # thousands are grouped with a space, often a non-breaking one
_NUMBER = re.compile(
    r"^\s*(?:ca\.?\s*|cirka\s+|omtrent\s+)?(-?\d(?:\d|" + _SPACES + r"(?=\d))*(?:[.,]\d+)?)\s*(\D*)$", re.IGNORECASE
)


def number_in(cell: object) -> tuple[float, str] | None:
    """The number a cell holds and the unit after it, or None when the cell is not a number."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        return float(cell), ""
    match = _NUMBER.match(str(cell or ""))
    if not match:
        return None
    digits = re.sub(_SPACES, "", match.group(1)).replace(",", ".")
    try:
        return float(digits), match.group(2).strip()
    except ValueError:
        return None


def gap_text(today: object, need: object) -> str:
    """The gap between today and the expected need in words, or "" when it cannot be worked out."""
    now, expected = number_in(today), number_in(need)
    if now is None or expected is None:
        return ""
    diff = expected[0] - now[0]
    amount = int(diff) if float(diff).is_integer() else diff
    unit = f" {expected[1] or now[1]}".rstrip()
    if diff > 0:
        return f"mangler {format_number(amount)}{unit}"
    if diff < 0:
        return f"{format_number(-amount)}{unit} mer enn behovet"
    return "behovet er dekket"


def need_table(builder: Any, fld: Any, rows: list[dict]) -> A.Node:
    """The table answer with the gap column filled in: the group's words if they wrote any, else
    the worked-out gap, else a placeholder naming the target group."""
    c = builder.c
    head = [A.cell_text(col.label) for col in fld.columns]
    body = []
    for row in rows:
        cells = []
        for col in fld.columns:
            shown = cell_display(col, c.cell(fld, row, col.id))
            if col.id == "gap" and not shown.strip():
                shown = gap_text(c.cell(fld, row, "i_dag"), c.cell(fld, row, "behov"))
                if not shown:
                    group = cell_display(fld.column("malgruppe"), c.cell(fld, row, "malgruppe")) or "en målgruppe"
                    cells.append([A.plain([builder.placeholder(f"gapet for «{group}» (tall eller tekst)")])])
                    continue
            cells.append(A.cell_text(shown))
        body.append(cells)
    return A.table(head, body, None, widths=column_widths([col.kind for col in fld.columns]))
