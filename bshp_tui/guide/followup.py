"""Yearly follow-up after adoption: each measure's status, comment and money used, per year.

The follow-up guided session (prompts/7-oppfolging.md) has a list of the years followed up and a
step repeated per year, whose table holds one row per measure. Each year's answer has its own key
(oppfolging/tiltak@<year item>), so a year's status is never overwritten by the next year's: the
history is the row of every year. A follow-up row names its measure the way the action plan does
(the gap-analysis item it was chosen from, or its name), so renaming a measure in the gap
analysis keeps its history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..scripts import refs as R
from ..scripts.kinds.columns import row_refs
from ..scripts.values import Item, join_cells
from .conductor import Conductor, Position

STATUSES = ("ikke startet", "i gang", "gjennomført", "utsatt", "avlyst")
DONE, CANCELLED, POSTPONED = "gjennomført", "avlyst", "utsatt"
CLOSED = frozenset({DONE, CANCELLED})
NAME, STATUS, COMMENT, DRIFT, INVESTMENT = "tiltak", "status", "kommentar", "drift", "investering"


def year_of(text: str) -> int | None:
    """The year an item of the year list names ("2027", "2027 (rullering)"), or None."""
    found = re.findall(r"(?<!\d)(\d{4})(?!\d)", text or "")
    return int(found[0]) if len(found) == 1 else None


def deadline_year(value: Any) -> int | None:
    """The year of a deadline cell ("2028", "2028-06", "2028-06-15"); None for «løpende» or empty."""
    match = re.match(r"\s*(\d{4})", value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


@dataclass
class Measure:
    area: Item  # the goal area
    row: dict  # the action-plan row
    name: str
    gap_item: str | None  # the gap-analysis item the measure names, if any

    @property
    def row_id(self) -> str:
        return str(self.row.get("id", ""))

    @property
    def key(self) -> str:
        """The measure's identity: row ids are unique only within one goal area's table."""
        return f"{self.area.id}/{self.row_id}"


@dataclass
class YearStatus:
    year: int
    label: str  # the year as the group wrote it
    status: str  # one of STATUSES, or "" when not given
    comment: str
    drift: float | None
    investment: float | None


def measures(c: Conductor) -> list[Measure]:
    """Every measure of the action plan, per goal area in plan order."""
    plan = R.field_of(c, R.ACTION_PLAN)
    if plan is None or R.field_of(c, R.GOAL_AREAS) is None:
        return []
    rows_by_area = dict(c.readable_values(plan.ref_id))
    out = []
    for area in c.items(R.GOAL_AREAS.field):
        for row in rows_by_area.get(area.id) or []:
            if not isinstance(row, dict):
                continue
            name = str(c.cell(plan, row, NAME) or "").strip()
            if name:
                ref = row_refs(row).get(NAME)
                out.append(Measure(area, row, name, ref if isinstance(ref, str) else None))
    return out


def years(c: Conductor) -> list[tuple[Item, int | None]]:
    """The years followed up, in the order the group wrote them, with the year each names."""
    if R.field_of(c, R.FOLLOW_UP_YEARS) is None:
        return []
    return [(item, year_of(item.text)) for item in c.items(R.FOLLOW_UP_YEARS.field)]


def status_rows(c: Conductor, year_item: str) -> list[dict]:
    fld = R.field_of(c, R.FOLLOW_UP_STATUS)
    if fld is None:
        return []
    value = c.readable_value(fld.ref_id, year_item)
    return [r for r in value or [] if isinstance(r, dict)]


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def year_rows(c: Conductor, year_item: str, among: list[Measure] | None = None) -> dict[str, dict]:
    """One year's follow-up rows by the measure each is about (Measure.key). A row names
    its measure by the gap-analysis item it was chosen from, else by its name; rows are matched in
    order, so two measures with the same name (in two goal areas) each get their own row."""
    fld = R.field_of(c, R.FOLLOW_UP_STATUS)
    if fld is None:
        return {}
    plan = measures(c) if among is None else among
    out: dict[str, dict] = {}
    rows = status_rows(c, year_item)
    left = []
    for row in rows:
        ref = row_refs(row).get(NAME)
        hit = next((m for m in plan if m.gap_item and m.gap_item == ref and m.key not in out), None)
        if hit is None:
            left.append(row)
        else:
            out[hit.key] = row
    for row in left:
        name = str(c.cell(fld, row, NAME) or "").strip().casefold()
        hit = next((m for m in plan if m.name.casefold() == name and m.key not in out), None)
        if hit is not None:
            out[hit.key] = row
    return out


def history(c: Conductor, measure: Measure) -> list[YearStatus]:
    """The measure's status for every year followed up (a year without a row for it is left out),
    sorted by year."""
    plan = measures(c)
    out = []
    for item, year in years(c):
        if year is None:
            continue
        row = year_rows(c, item.id, plan).get(measure.key)
        if row is None:
            continue
        status = row.get(STATUS)
        out.append(
            YearStatus(
                year,
                item.text,
                status if status in STATUSES else "",
                str(row.get(COMMENT) or "").strip(),
                _number(row.get(DRIFT)),
                _number(row.get(INVESTMENT)),
            )
        )
    return sorted(out, key=lambda s: s.year)


def status_in(c: Conductor, measure: Measure, year: int) -> YearStatus | None:
    """The status the measure had in `year`: that year's row, or the latest earlier one."""
    earlier = [s for s in history(c, measure) if s.year <= year and s.status]
    return earlier[-1] if earlier else None


def is_closed(c: Conductor, measure: Measure, before: int | None = None) -> bool:
    """Gjennomført or avlyst in some year (before `before`, when given)."""
    return any(s.status in CLOSED and (before is None or s.year < before) for s in history(c, measure))


def seed_text(c: Conductor, pos: Position) -> str:
    """The follow-up table of a year, before the group has written it: one row per measure not
    completed or cancelled in an earlier year, with last year's status."""
    if pos.item is None:
        return ""
    if f"{pos.script_id}.{pos.field_id}" == R.FOLLOW_UP_INDICATORS.field:
        return "\n".join(f"{name}; ; " for name in indicator_names(c, before=pos.item))
    if f"{pos.script_id}.{pos.field_id}" != R.FOLLOW_UP_STATUS.field:
        return ""
    fld = R.field_of(c, R.FOLLOW_UP_STATUS)
    if fld is None:
        return ""
    year = next((y for item, y in years(c) if item.id == pos.item), None)
    lines = []
    for measure in measures(c):
        if year is not None and is_closed(c, measure, before=year):
            continue
        last = status_in(c, measure, year - 1) if year is not None else None
        cells = {NAME: measure.name, STATUS: last.status if last else ""}
        lines.append(join_cells(cells.get(col.id, "") for col in fld.columns))
    return "\n".join(lines)


def indicator_values(c: Conductor) -> dict[str, dict[int, str]]:
    """Each indicator's value per year followed up, indicators in the order first written."""
    fld = R.field_of(c, R.FOLLOW_UP_INDICATORS)
    out: dict[str, dict[int, str]] = {}
    if fld is None:
        return out
    names: dict[str, str] = {}  # casefolded -> the name as first written
    for item, year in years(c):
        if year is None:
            continue
        for row in c.readable_value(fld.ref_id, item.id) or []:
            if not isinstance(row, dict):
                continue
            name = str(row.get("indikator") or "").strip()
            if name:
                shown = names.setdefault(name.casefold(), name)
                out.setdefault(shown, {})[year] = str(row.get("verdi") or "").strip()
    return out


def indicator_names(c: Conductor, before: str | None = None) -> list[str]:
    """The indicators of the latest year written before the year item `before` (all years when None)."""
    fld = R.field_of(c, R.FOLLOW_UP_INDICATORS)
    if fld is None:
        return []
    found: list[str] = []
    for item, _year in years(c):
        if item.id == before:
            break
        rows = [r for r in c.readable_value(fld.ref_id, item.id) or [] if isinstance(r, dict)]
        names = [str(r.get("indikator") or "").strip() for r in rows]
        if any(names):
            found = [n for n in names if n]
    return found
