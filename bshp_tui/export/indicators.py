"""Målindikatorer: for each main goal, how the group will see that it is reached: an indicator with
its baseline (and the year of it), the target (and the year it should be reached) and the source
(KOSTRA, venteliste, fagsystem …), as the plan's table Indikator · Utgangspunkt · Mål · Kilde.
Indicators of a main goal the group has since removed still show, under their own heading."""

from __future__ import annotations

from typing import Any

from ..scripts import refs as R
from ..scripts.keys import answer_key, parse_answer_key
from . import ast as A
from .render import cell_display

HEADINGS = ("Indikator", "Utgangspunkt", "Mål", "Kilde")
WIDTHS = [0.4, 0.2, 0.2, 0.2]
# The columns of the indicator table in the prompt files: (value, year) per plan column.
CELLS = (("indikator", None), ("utgangspunkt", "utgangsar"), ("mal", "malar"), ("kilde", None))
NAMES = {"indikator": "indikator", "utgangspunkt": "utgangspunkt", "mal": "mål", "kilde": "kilde"}


def with_year(value: str, year: str) -> str:
    """«42 (2025)»: the value and, where the group gave it, its year."""
    return f"{value} ({year})" if year else value


def indicator_table(builder: Any, fld, rows: list[dict], goal: str) -> A.Node:
    c = builder.c
    body = []
    for row in rows:
        name = cell_display(fld.column("indikator"), c.cell(fld, row, "indikator")) or "en indikator"
        cells = []
        for value_id, year_id in CELLS:
            value = cell_display(fld.column(value_id), c.cell(fld, row, value_id)) if fld.column(value_id) else ""
            year = (
                cell_display(fld.column(year_id), c.cell(fld, row, year_id)) if year_id and fld.column(year_id) else ""
            )
            if value:
                cells.append(A.cell_text(with_year(value, year)))
                continue
            missing = [builder.placeholder(f"{NAMES[value_id]} for «{name}» ({goal})")]
            cells.append([A.plain(missing + (A.text(f" ({year})") if year else []))])
        body.append(cells)
    return A.table([A.cell_text(h) for h in HEADINGS], body, widths=WIDTHS)


def indicator_blocks(builder: Any, number: str) -> list[A.Node]:
    """The plan's section «Målindikatorer»: one table per main goal."""
    c = builder.c
    fld = R.field_of(c, R.INDICATORS)
    if fld is None:
        return []
    out = [A.header(2, A.text(f"{number} Målindikatorer"), "indikatorer")]
    goals = c.items(R.MAIN_GOALS.field) if R.field_of(c, R.MAIN_GOALS) else []
    if not goals:
        out.append(
            A.para(
                A.text("Planen får målindikatorer for hvert hovedmål.")
                + [
                    {"t": "Space"},
                    builder.placeholder("målindikatorer – de settes når hovedmålene er valgt i prioriteringen"),
                ]
            )
        )
    for goal in goals:
        out.append(A.para([A.strong(A.text(f"Hovedmål: {goal.text}"))]))
        rows = [r for r in builder.take(fld, goal.id) or [] if isinstance(r, dict)]
        if rows:
            out.append(indicator_table(builder, fld, rows, goal.text))
        else:
            out.append(A.para([builder.placeholder(f"indikatorer for hovedmålet «{goal.text}»")]))
    known = {g.id for g in goals}
    for key in builder.answers:
        script_id, field_id, item = parse_answer_key(key)
        if (script_id, field_id) != (fld.script_id, fld.id) or item is None or item in known:
            continue
        rows = [r for r in builder.take(fld, item) or [] if isinstance(r, dict)]
        if rows and key == answer_key(fld.script_id, fld.id, item):
            out.append(A.para([A.strong(A.text("Indikatorer for et hovedmål som er fjernet fra lista"))]))
            out.append(indicator_table(builder, fld, rows, "fjernet hovedmål"))
    out += builder.bound("plan.indikatorer", skip=(R.INDICATORS,))
    return out
