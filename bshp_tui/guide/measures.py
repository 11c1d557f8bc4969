"""Derived results over the answers: measures ranked by their ratings, the 2x2 grids, and table totals.

Ranking rule (documented for the group in prompts/5-prioritering.md and the help text):
each measure is rated 1–4 on the scales of the rating field, whose right-hand pole favours doing it
now (haster, mindre kostbart, stor innflytelse, stor kunnskap, stor effekt). Its score is the sum
(5–20 with five scales), an aid for the talk: the group sets the final order itself
(prioritering.rekkefolge). Measures are ranked by score, then by urgency, then by cost (cheaper
first), then in the order they were written. Measures not rated on every scale come last, marked as
not yet rated.

Low-hanging fruit: rated 3–4 on cost (mindre kostbart), influence and knowledge.
"Flying" measures (need a reality check): rated 1–2 on both influence and knowledge.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..record import Record
from ..scripts import refs as R
from ..scripts.keys import answer_key
from ..scripts.kinds.rating import ratings_of
from ..scripts.values import Item

if TYPE_CHECKING:
    from .conductor import Conductor

HIGH = 3  # ratings 3 and 4 are the right-hand half of a 2x2 grid
GOAL_AREAS = R.GOAL_AREAS.field
ACTION_PLAN = R.ACTION_PLAN.field
MEETING_PLAN = R.MEETING_PLAN.field


def _key(ref: str, item: str | None = None) -> str:
    script_id, field_id = ref.split(".", 1)
    return answer_key(script_id, field_id, item)


class RankedMeasure(Record):
    """A measure with its ratings and its aid sum, for ranking."""

    __hash__ = None  # type: ignore[assignment]  # holds a dict

    def __init__(self, item: Item, ratings: dict[str, int], score: int | None, goal_area: str = ""):
        self.item = item
        self.ratings = ratings
        self.score = score  # None when not rated on every scale
        self.goal_area = goal_area

    @property
    def rated(self) -> bool:
        return self.score is not None


def rating_field(c: "Conductor"):
    return R.field_of(c, R.RATINGS)


def ranked_measures(c: "Conductor") -> list[RankedMeasure]:
    fld = rating_field(c)
    if fld is None:
        return []
    ratings = ratings_of(c.session.answer(_key(fld.ref_id)))
    areas = {i.id: i.text for i in c.items(GOAL_AREAS)}
    scales = [s.id for s in fld.scales]
    out = []
    for order, item in enumerate(c.items(fld.ref or "", fld.ref_column)):
        given = {k: v for k, v in (ratings.get(item.id) or {}).items() if isinstance(v, int)}
        score = sum(given[s] for s in scales) if all(s in given for s in scales) else None
        out.append((order, RankedMeasure(item, given, score, areas.get(item.parent or "", ""))))

    def sort_key(entry):
        order, m = entry
        if m.score is None:
            return (1, 0, 0, 0, order)
        return (0, -m.score, -m.ratings.get(R.URGENT, 0), -m.ratings.get(R.COST, 0), order)

    return [m for _, m in sorted(out, key=sort_key)]


def big_moves(c: "Conductor") -> list[RankedMeasure]:
    """Expensive measures with a large effect (cost 1–2, effect 3–4): they must not sink unseen."""
    return [
        m
        for m in ranked_measures(c)
        if m.rated and R.EFFECT in m.ratings and m.ratings.get(R.COST, HIGH) < HIGH and m.ratings[R.EFFECT] >= HIGH
    ]


def group_order(c: "Conductor") -> list[RankedMeasure]:
    """The measures in the order the group set (prioritering.rekkefolge), the rest after them in
    the order of the aid sum. Without the group's order: the aid sum's order."""
    ranked = ranked_measures(c)
    fld = R.field_of(c, R.FINAL_ORDER)
    chosen = c.readable_value(R.FINAL_ORDER.field) if fld is not None else None
    ids = [i for i in chosen if isinstance(i, str)] if isinstance(chosen, list) else []
    by_id = {m.item.id: m for m in ranked}
    first = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    return first + [m for m in ranked if m not in first]


def low_hanging_fruit(c: "Conductor") -> list[RankedMeasure]:
    return [
        m
        for m in ranked_measures(c)
        if m.rated and all(m.ratings.get(s, 0) >= HIGH for s in (R.COST, R.INFLUENCE, R.KNOWLEDGE))
    ]


def flying_measures(c: "Conductor") -> list[RankedMeasure]:
    return [
        m
        for m in ranked_measures(c)
        if m.ratings.get(R.INFLUENCE, HIGH) < HIGH and m.ratings.get(R.KNOWLEDGE, HIGH) < HIGH
    ]


def quadrants(c: "Conductor", x_scale: str, y_scale: str) -> dict[tuple[bool, bool], list[RankedMeasure]]:
    """Measures in a 2x2 grid: key (x high?, y high?) for measures rated on both scales."""
    grid: dict[tuple[bool, bool], list[RankedMeasure]] = {(a, b): [] for a in (False, True) for b in (False, True)}
    for m in ranked_measures(c):
        if x_scale in m.ratings and y_scale in m.ratings:
            grid[(m.ratings[x_scale] >= HIGH, m.ratings[y_scale] >= HIGH)].append(m)
    return grid


def table_total(c: "Conductor", ref: str, column: str, item: str | None = None) -> int | float:
    """Sum of a number column of a table field (one repeat, or all repeats)."""
    if not c.has_field(ref):
        return 0
    return column_sum(
        (row for parent, rows in c.readable_values(ref) if item is None or parent == item for row in rows or []), column
    )


def column_sum(rows: Iterable[Any], column: str) -> int | float:
    """Sum of the numbers in one column of table rows; text, empty cells and non-rows count nothing."""
    total: int | float = 0
    for row in rows:
        value = row.get(column) if isinstance(row, dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            total += value
    return total


def meeting_minutes(c: "Conductor") -> int | float:
    return table_total(c, MEETING_PLAN, "minutter")


# The cost columns of an action-plan row (see costs.py for how they count per year).
DRIFT, INVESTMENT, WITHIN = "kostnad", "investering", "rammer"


def _amount(value: Any) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def within_budget(row: dict) -> bool:
    """Whether the group marked the measure as covered within today's budget («innenfor dagens rammer: ja»)."""
    value = row.get(WITHIN)
    return isinstance(value, str) and value.strip().lower() == "ja"


def has_planned_cost(row: dict) -> bool:
    """Whether a measure says what it costs: drift per year (0 included), an investering, or marked as
    within today's budget. A measure with none of these is missing its cost."""
    return _amount(row.get(DRIFT)) is not None or bool(_amount(row.get(INVESTMENT))) or within_budget(row)
