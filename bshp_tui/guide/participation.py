"""What came out of the participation activities, shown where the group decides: with the status
question of each goal area in the gap analysis (the input that names that goal area) and with the
rating of the measures in the prioritising (all input). Text only; the answers stay where they are.
"""

from __future__ import annotations

from typing import Any

from ..scripts import refs as R
from ..scripts.kinds.base import md_escape
from .conductor import answer_key

MAX_SHOWN = 8  # more than this on one screen is not read; the rest is counted


def _rows(c: Any) -> list[dict[str, str]]:
    fld = R.field_of(c, R.PARTICIPATION_INPUT)
    if fld is None:
        return []
    value = c.session.answer(answer_key(fld.script_id, fld.id))
    out = []
    for row in value if isinstance(value, list) else []:
        if not isinstance(row, dict):
            continue
        cells = {
            col: str(c.cell(fld, row, col) or "").strip()
            for col in R.PARTICIPATION_INPUT.columns
            if fld.column(col) is not None
        }
        if cells.get("innspill"):
            out.append(cells)
    return out


def _line(row: dict[str, str]) -> str:
    text = md_escape(row["innspill"])
    if row.get("aktivitet"):
        text = f"{md_escape(row['aktivitet'])}: {text}"
    if row.get("oppfolging"):
        text += f" (fulgt opp: {md_escape(row['oppfolging'])})"
    return f"- {text}"


def _lines(rows: list[dict[str, str]]) -> list[str]:
    lines = [_line(r) for r in rows[:MAX_SHOWN]]
    if len(rows) > MAX_SHOWN:
        lines.append(
            f"- … og {len(rows) - MAX_SHOWN} til (se steget «Innspill og hvordan de er brukt» i medvirkningen)"
        )
    return lines


def _mentions(gjelder: str, area: str) -> bool:
    a, b = " ".join(gjelder.lower().split()), " ".join(area.lower().split())
    return bool(a and b) and (b in a or a in b)


def context_for(c: Any, script_id: str, field_id: str, item: str | None) -> str:
    """Markdown with the participation input that belongs with this question, or ""."""
    ref = f"{script_id}.{field_id}"
    if ref == R.GAP_STATUS.field and item and R.field_of(c, R.GOAL_AREAS):
        areas = {i.id: i.text for i in c.items(R.GOAL_AREAS.field)}
        area = areas.get(item)
        rows = [r for r in _rows(c) if area and _mentions(r.get("gjelder", ""), area)]
        if area and rows:
            return "\n".join([f"*Innspill fra medvirkningen om {md_escape(area)}:*", "", *_lines(rows)])
    if ref == R.RATINGS.field:
        rows = _rows(c)
        if rows:
            return "\n".join(["*Innspill fra medvirkningen å ha med i vurderingen:*", "", *_lines(rows)])
    return ""
