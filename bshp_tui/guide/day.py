"""What happened on one day of work: the answers given or changed, the remarks raised, the
decisions as they stand, the open questions and the next samling. The day's minutes
(export/minutes.py) and the summary at the end of `/samling` are built from this. UI-free.

An answer belongs to the day it was last saved (the store keeps the time of every save): an
answer changed again at a later samling shows in that samling's minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..scripts import refs as R
from ..scripts.values import is_empty
from .answer_text import display_value
from .measures import group_order
from .transcript import said_remarks
from .workshop import PlannedWorkshop, Workshop, next_planned, stored_workshops

if TYPE_CHECKING:
    from .conductor import Conductor


@dataclass
class StepChanges:
    script_title: str
    step_title: str
    answers: list[tuple[str, str]] = field(default_factory=list)  # (question, the answer as text)


@dataclass
class Decision:
    title: str
    lines: list[str]


@dataclass
class Day:
    date: str
    workshop: Workshop | None
    changes: list[StepChanges]
    remarks: list[str]
    decisions: list[Decision]
    open_questions: list[str]
    next_workshop: PlannedWorkshop | None

    @property
    def present(self) -> list[str]:
        return self.workshop.present if self.workshop else []


def saved_days(session) -> list[str]:
    """The dates (ÅÅÅÅ-MM-DD) on which any answer now stored was saved, oldest first."""
    return sorted({t[:10] for t in session.answer_times().values() if len(t) >= 10})


def last_day(session) -> str | None:
    """The last day anything was saved: an answer, or a samling set up with /samling."""
    days = saved_days(session) + list(stored_workshops(session))
    return max(days) if days else None


def changes_on(c: Conductor, date: str) -> list[StepChanges]:
    """The answers last saved on `date`, grouped by guided session and step, in the order of the plan."""
    times = c.session.answer_times()
    out: list[StepChanges] = []
    for inst in c.instances():
        entries = []
        for pos in inst.positions():
            if times.get(pos.key, "")[:10] != date or is_empty(c.value(pos)):
                continue
            fld = c.field(pos)
            entries.append((fld.question, display_value(c, fld, c.value(pos))))
        if entries:
            out.append(StepChanges(f"{inst.script.number}. {inst.script.title}", inst.title, entries))
    return out


def remarks_on(c: Conductor, date: str) -> list[str]:
    """The assistant's remarks raised on `date` (dated when said; older ones by their answer's day)."""
    times = c.session.answer_times()
    out = []
    for r in said_remarks(c):
        day = r.get("date") or times.get(r.get("after", ""), "")[:10]
        if day == date and isinstance(r.get("text"), str):
            out.append(r["text"])
    return out


def _list_texts(c: Conductor, ref: R.Ref) -> list[str]:
    fld = R.field_of(c, ref)
    if fld is None:
        return []
    return [i.text for i in c.items(ref.field)]


def decisions(c: Conductor) -> list[Decision]:
    """The decisions as they stand: the order of the measures, the chosen målgrupper, the goals."""
    out = []
    ranked = [m for m in group_order(c) if m.rated]
    if ranked:
        chosen = not is_empty(c.session.answer(f"{R.FINAL_ORDER.script_id}/{R.FINAL_ORDER.field_id}"))
        title = (
            "Prioriterte tiltak (arbeidsgruppas rekkefølge)" if chosen else "Prioriterte tiltak (etter hjelpesummen)"
        )
        out.append(Decision(title, [f"{n}. {m.item.text}" for n, m in enumerate(ranked, start=1)]))
    groups = []
    fld = R.field_of(c, R.TARGET_GROUPS)
    if fld is not None:
        value = c.readable_value(R.TARGET_GROUPS.field)
        labels = {o.id: o.label for o in fld.options}
        groups = [labels.get(v, v) for v in value or [] if isinstance(v, str)] if isinstance(value, list) else []
    groups += _list_texts(c, R.OTHER_TARGET_GROUPS)
    if groups:
        out.append(Decision("Prioriterte målgrupper", groups))
    goals = _list_texts(c, R.MAIN_GOALS)
    if goals:
        out.append(Decision("Hovedmål for perioden", goals))
    return out


def open_questions(c: Conductor, script_ids: list[str]) -> list[str]:
    """Required questions still unanswered in the guided sessions the day covered."""
    out = []
    for inst in c.instances():
        if inst.script.id not in script_ids:
            continue
        for pos in inst.positions():
            fld = c.field(pos)
            if fld.required and not c.is_answered(pos):
                out.append(f"{inst.script.short_title} › {inst.title}: {fld.question}")
    return out


def day_report(c: Conductor, date: str) -> Day:
    workshop = stored_workshops(c.session).get(date)
    changes = changes_on(c, date)
    covered = workshop.scripts if workshop and workshop.scripts else []
    if not covered:
        titles = {f"{s.number}. {s.title}": s.id for s in c.scripts}
        covered = list(dict.fromkeys(titles[ch.script_title] for ch in changes if ch.script_title in titles))
    return Day(
        date, workshop, changes, remarks_on(c, date), decisions(c), open_questions(c, covered), next_planned(c, date)
    )
