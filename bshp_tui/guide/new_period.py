"""The next plan period: a new session that starts from where the last period ended.

Carried over: the goal areas, the goals (long-term and for the period, per goal area, the guiding
principles), the measures not completed or cancelled with their follow-up history, the indicator
history, and the last period's mapping (kartlegging, and which goal area each part belongs to) as
the starting point to update. Everything else (the start-up, the gap analysis's text, the
prioritisation, participation) the group does afresh. The source session is only read.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..scripts import refs as R
from ..scripts.keys import answer_key, parse_answer_key
from ..scripts.model import Script
from . import followup as F
from .conductor import Conductor
from .period import parse_period
from .session_start import record_start

# Fields carried over whole, by meaning (refs) and by id, for every repeat of their step.
CARRIED_REFS = (
    R.GOAL_AREAS,
    R.GAP_MEASURES,
    R.MAIN_GOALS,
    R.LONG_TERM_HORIZON,
    R.AREA_GOAL,
    R.FOLLOW_UP_YEARS,
    R.FOLLOW_UP_INDICATORS,
)
CARRIED_FIELDS = ("prioritering.langsiktige_mal", "tiltak.prinsipper")
MAPPING_SCRIPT = "kartlegging"


@dataclass
class Carried:
    session_id: str
    areas: int = 0
    measures: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # completed or cancelled: not carried


def _field_refs(scripts: list[Script]) -> set[str]:
    """The fields whose answers go over whole: the list above, the mapping, and the fields that
    link a mapping step to a goal area (`kobler:`)."""
    out = {r.field for r in CARRIED_REFS} | set(CARRIED_FIELDS)
    for script in scripts:
        for fld in script.fields():
            if script.id == MAPPING_SCRIPT or (fld.links or "").startswith(f"{MAPPING_SCRIPT}."):
                out.add(fld.ref_id)
    return out


def carried_answers(scripts: list[Script], source: Any) -> tuple[dict[str, Any], Carried]:
    """The answers the new session starts with, and what was carried (for the message)."""
    c = Conductor(scripts, source)
    whole = _field_refs(scripts)
    out: dict[str, Any] = {}
    for key, value in source.answers().items():
        script_id, field_id, _item = parse_answer_key(key)
        if f"{script_id}.{field_id}" in whole:
            out[key] = copy.deepcopy(value)
    report = Carried("")
    report.areas = len(c.items(R.GOAL_AREAS.field)) if R.field_of(c, R.GOAL_AREAS) else 0
    plan = R.field_of(c, R.ACTION_PLAN)
    open_measures = []
    if plan is not None:
        keep: dict[str, set[str]] = {}
        for measure in F.measures(c):
            if F.is_closed(c, measure):
                report.left.append(measure.name)
            else:
                keep.setdefault(measure.area.id, set()).add(measure.row_id)
                report.measures.append(measure.name)
                open_measures.append(measure)
        for area_id, rows in c.field_values(plan.ref_id):
            kept = [
                copy.deepcopy(r)
                for r in rows or []
                if isinstance(r, dict) and r.get("id") in keep.get(area_id or "", set())
            ]
            if kept:
                out[answer_key(plan.script_id, plan.id, area_id)] = kept
    status = R.field_of(c, R.FOLLOW_UP_STATUS)
    if status is not None:
        every = F.measures(c)
        carried = {m.key for m in open_measures}
        for item, _year in F.years(c):
            ids = {r.get("id") for key, r in F.year_rows(c, item.id, every).items() if key in carried}
            stored = source.answer(answer_key(status.script_id, status.id, item.id))
            rows = [copy.deepcopy(r) for r in stored or [] if isinstance(r, dict) and r.get("id") in ids]
            if rows:
                out[answer_key(status.script_id, status.id, item.id)] = rows
    return out, report


def start_new_period(store: Any, scripts: list[Script], source_id: str, period_text: str) -> Carried:
    """Create the next period's session from `source_id` (left exactly as it was)."""
    period = parse_period(period_text)
    source = store.open(source_id, read_only=True)
    try:
        return _from(store, scripts, source, source_id, period)
    finally:
        source.close()


def _from(store: Any, scripts: list[Script], source: Any, source_id: str, period: str) -> Carried:
    old = str(source.meta.get("period") or "")
    if old[:4].isdigit() and old[-4:].isdigit() and int(period[:4]) <= int(old[:4]):
        nxt = int(old[-4:]) + 1
        raise UsageError(
            f"Den nye planperioden ({period}) må komme etter perioden til «{source_id}» ({old}). "
            f"Skriv perioden som kommer etter, for eksempel {nxt}-{nxt + 3}."
        )
    answers, report = carried_answers(scripts, source)
    municipality = str(source.meta.get("municipality", "")) or source_id
    session = store.create(municipality, period, previous_period=source_id)
    try:
        with session.one_write():
            for key, value in answers.items():
                session.set_answer(key, value)
            record_start(scripts, session, period)
        report.session_id = session.id
    finally:
        session.close()
    return report
