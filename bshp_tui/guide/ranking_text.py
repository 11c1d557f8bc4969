"""The ranked list of measures as the chat shows it, in the step where the group sets the final
order (prioritering.rekkefolge). Markdown; measure names are escaped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scripts import refs as R
from ..scripts.kinds.base import md_escape
from ..scripts.kinds.selection import item_labels
from .measures import big_moves, flying_measures, group_order, low_hanging_fruit, rating_field

if TYPE_CHECKING:
    from .conductor import Conductor

LEGEND = "★ lavthengende frukt · ◆ stort grep (dyrt, stor effekt) · ? trenger realitetssjekk"


def ranked_list_markdown(c: Conductor) -> str:
    """A bullet list (the numbers belong to the choices below it): each measure with its aid sum and the marks, in the group's order if set."""
    fld = rating_field(c)
    measures = group_order(c)
    if fld is None or not measures:
        return "*Ingen tiltak er vurdert ennå.*"
    top = len(fld.scales) * 4
    fruit = {m.item.id for m in low_hanging_fruit(c)}
    big = {m.item.id for m in big_moves(c)}
    flying = {m.item.id for m in flying_measures(c)}
    chosen = c.session.answer(f"{R.FINAL_ORDER.script_id}/{R.FINAL_ORDER.field_id}")
    title = "Arbeidsgruppas rekkefølge" if chosen else "Sortert etter hjelpesummen"
    lines = [f"*{title} (hjelpesum av {top}):*", ""]
    for m in measures:
        marks = "".join(mark for mark, ids in (("★", fruit), ("◆", big), ("?", flying)) if m.item.id in ids)
        score = f"{m.score}" if m.rated else "ikke ferdig vurdert"
        area = f" ({md_escape(m.goal_area)})" if m.goal_area else ""
        lines.append(f"- {md_escape(m.item.text)}{area} – {score}{' ' + marks if marks else ''}")
    lines += ["", f"*{LEGEND}*"]
    return "\n".join(lines)


def ranking_context(c: Conductor, script_id: str, field_id: str) -> str:
    return ranked_list_markdown(c) if f"{script_id}.{field_id}" == R.FINAL_ORDER.field else ""


def order_text(c: Conductor) -> str:
    """The measures' names in the aid sum's order, one per line: what the input holds when the
    group arrives at the final order, so agreeing is Enter and changing it is moving lines."""
    fld = R.field_of(c, R.FINAL_ORDER)
    labels = dict(item_labels(c, fld.ref or "", fld.ref_column)) if fld is not None else {}
    return "\n".join(labels.get(m.item.id, m.item.text) for m in group_order(c))
