"""Answers as text: what to put in the input when the group arrives at a field, an answer written
back the way the group would type it, and an answer for reading in the transcript."""

from __future__ import annotations

from typing import Any

from . import values as V
from .conductor import Conductor, Position
from .health import ranked_measures
from .script import Field
from .values import is_empty


def initial_text(c: Conductor, pos: Position) -> str:
    """What to put in the input when the group arrives at a field: the current answer as
    text, or the suggested defaults."""
    fld = c.field(pos)
    value = c.value(pos)
    if not is_empty(value):
        return format_value(c, fld, value)
    if fld.kind == "liste" and fld.defaults:
        return "\n".join(fld.defaults)
    if fld.kind == "tabell":
        seeded = _seed_rows(c, pos, fld)
        if seeded:
            return seeded
        if fld.defaults:
            return "\n".join(fld.defaults)
    if (pos.script_id, pos.field_id) == ("oppstart", "planperiode"):
        return str((getattr(c.session, "meta", {}) or {}).get("period", ""))
    return ""

def _seed_rows(c: Conductor, pos: Position, fld: Field) -> str:
    """For an action-plan table in a step repeated per goal area: one row per measure the
    group gathered for the same goal area, best-ranked first."""
    if pos.item is None:
        return ""
    for col in fld.columns:
        if col.kind == "fra" and col.ref and c.repeat_of.get(col.ref) == c.step(pos).repeat:
            rank = {m.item.id: n for n, m in enumerate(ranked_measures(c))}
            same = [i for i in c.items(col.ref) if i.parent == pos.item]
            same.sort(key=lambda i: rank.get(i.id, len(rank)))
            rows = []
            for item in same:
                rows.append("; ".join(item.text if c.id == col.id else "" for c in fld.columns))
            return "\n".join(rows)
    return ""

def format_value(c: Conductor, fld: Field, value: Any) -> str:
    """An answer as the text the group would type to give it."""
    if is_empty(value):
        return ""
    kind = fld.kind
    if kind == "liste":
        return "\n".join(str(i.get("tekst", "")) for i in value if isinstance(i, dict))
    if kind == "tabell":
        return "\n".join(V.format_row(r, fld.columns) for r in value if isinstance(r, dict))
    if kind == "valg":
        return fld.option_label(value)
    if kind == "flervalg":
        return ", ".join(fld.option_label(v) for v in value)
    if kind == "tall":
        return V.format_number(value)
    if kind == "utvalg":
        ids = value if isinstance(value, list) else [value]
        items = {i.id: i.text for i in c.items(fld.ref or "", fld.ref_column)}
        return ", ".join(items.get(i, "(slettet)") for i in ids)
    if kind == "vurdering":
        lines = []
        for item in c.items(fld.ref or "", fld.ref_column):
            given = value.get(item.id) or {}
            lines.append(" ".join(str(given.get(s.id, "-")) for s in fld.scales))
        return "\n".join(lines)
    return str(value)

def display_value(c: Conductor, fld: Field, value: Any) -> str:
    """An answer for reading (the group's turn in the transcript)."""
    if fld.kind == "liste":
        return "\n".join(f"- {i.get('tekst', '')}" for i in value or [] if isinstance(i, dict))
    if fld.kind == "dato":
        return V.format_date(value)
    if fld.kind == "tall" and fld.unit:
        return f"{V.format_number(value)} {fld.unit}"
    if fld.kind == "vurdering":
        parts = []
        for item in c.items(fld.ref or "", fld.ref_column):
            given = (value or {}).get(item.id) or {}
            marks = ", ".join(f"{s.high.lower()} {given.get(s.id, '–')}" for s in fld.scales)
            parts.append(f"- {item.text}: {marks}")
        return "\n".join(parts)
    if fld.kind == "tabell":
        return "\n".join(f"- {row_text(c, fld, r)}" for r in value or [] if isinstance(r, dict))
    return format_value(c, fld, value)

def row_text(c: Conductor, fld: Field, row: dict) -> str:
    cells = []
    for col in fld.columns:
        value = c.cell(fld, row, col.id)
        if value not in ("", None):
            if col.kind == "tall":
                value = V.format_number(value)
            elif col.kind == "dato":
                value = V.format_date(value)
            cells.append(f"{col.label}: {value}")
    return "; ".join(cells)

