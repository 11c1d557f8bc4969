"""Today's samling (workshop): what it covers, who is present, the agenda with suggested minutes,
and how the time goes. UI-free; the clock is passed in.

A samling is stored in the session's state under "samlinger", one entry per date:
{"2027-03-14": {"present": [...], "scripts": [...], "agenda": [[script, step, title, minutes], ...],
"clock": {...}, "ended": false}}, so the day's minutes (guide/day.py, export/minutes.py) can say who was
there and what was planned, and the clock goes on when the app is closed and opened again that day.
The clock is wall-clock time (seconds since the epoch): it is stored and read again after a restart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..scripts import refs as R
from ..scripts.values import format_date

if TYPE_CHECKING:
    from .conductor import Conductor

WORKSHOPS_STATE = "samlinger"
Where = tuple[str, str, "str | None"]  # (script id, step id, repeat item id)
DEFAULT_MINUTES = 10  # a step without `minutter:` in its prompt file


@dataclass(frozen=True)
class AgendaItem:
    script_id: str
    step_id: str
    title: str
    minutes: int
    estimated: bool = False  # no `minutter:` in the prompt file: DEFAULT_MINUTES
    item: str | None = None  # the repeat (role group, goal area) of a repeated step

    @property
    def where(self) -> tuple[str, str, str | None]:
        return (self.script_id, self.step_id, self.item)

    def to_state(self) -> list:
        return [self.script_id, self.step_id, self.title, self.minutes, self.estimated, self.item]

    @classmethod
    def from_state(cls, raw: Any) -> AgendaItem | None:
        if (
            isinstance(raw, list)
            and len(raw) >= 4
            and all(isinstance(x, str) for x in raw[:3])
            and isinstance(raw[3], int)
            and not isinstance(raw[3], bool)
        ):
            item = raw[5] if len(raw) > 5 and isinstance(raw[5], str) else None
            return cls(raw[0], raw[1], raw[2], raw[3], bool(raw[4]) if len(raw) > 4 else False, item)
        return None


# -- the clock ----------------------------------------------------------------------------------


@dataclass
class StepClock:
    """How long the group has spent in each agenda step today (script, step, repeat item), from a
    wall clock in seconds. `tick(step, now)` is called with where the group is; the time since the
    last tick goes to where it was. Stored with the day's samling, so a restart loses no time: the
    time the app was closed goes to the step the group was at."""

    started: float
    spent: dict[Where, float] = field(default_factory=dict)
    current: Where | None = None
    since: float = 0.0

    def tick(self, step: Where | None, now: float) -> None:
        if self.current is not None:
            self.spent[self.current] = self.spent.get(self.current, 0.0) + max(0.0, now - self.since)
        self.current, self.since = step, now

    def elapsed(self, now: float) -> float:
        return max(0.0, now - self.started)

    def spent_on(self, step: Where, now: float) -> float:
        extra = max(0.0, now - self.since) if step == self.current else 0.0
        return self.spent.get(step, 0.0) + extra

    def to_state(self) -> dict:
        return {
            "started": self.started,
            "since": self.since,
            "current": list(self.current) if self.current else None,
            "spent": [[*where, seconds] for where, seconds in self.spent.items()],
        }

    @classmethod
    def from_state(cls, raw: Any) -> StepClock | None:
        """The stored clock, or None when it is missing or not a clock (the caller starts a new
        one). A damaged step entry is left out; the rest is kept."""
        if not isinstance(raw, dict) or not _is_time(raw.get("started")):
            return None
        clock = cls(float(raw["started"]))
        spent = raw.get("spent")
        for entry in spent if isinstance(spent, list) else []:
            where = _where(entry[:3]) if isinstance(entry, list) and len(entry) == 4 else None
            if where is not None and _is_time(entry[3]):
                clock.spent[where] = max(0.0, float(entry[3]))
        current = _where(raw.get("current"))
        if current is not None and _is_time(raw.get("since")):
            clock.current, clock.since = current, float(raw["since"])
        return clock


MOST_SECONDS = 1e12  # past any real wall-clock time (and below 2**53, where a float stops counting seconds)


def _is_time(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value < MOST_SECONDS
    )


def _where(raw: Any) -> Where | None:
    if (
        isinstance(raw, list)
        and len(raw) == 3
        and isinstance(raw[0], str)
        and isinstance(raw[1], str)
        and (raw[2] is None or isinstance(raw[2], str))
    ):
        return (raw[0], raw[1], raw[2])
    return None


@dataclass
class Workshop:
    date: str  # ÅÅÅÅ-MM-DD
    present: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    clock: StepClock | None = None  # None until the samling starts (or when the stored one is damaged)
    ended: bool = False

    @property
    def planned_minutes(self) -> int:
        return sum(i.minutes for i in self.agenda)

    def to_state(self) -> dict:
        out = {
            "present": list(self.present),
            "scripts": list(self.scripts),
            "agenda": [i.to_state() for i in self.agenda],
            "ended": self.ended,
        }
        if self.clock is not None:
            out["clock"] = self.clock.to_state()
        return out


@dataclass(frozen=True)
class PlannedWorkshop:
    """A row of the framdriftsplan."""

    when: str
    theme: str
    responsible: str = ""

    def text(self) -> str:
        parts = [format_date(self.when) if self.when else "dato ikke satt", self.theme or "tema ikke satt"]
        return ": ".join(parts) + (f" (ansvarlig: {self.responsible})" if self.responsible else "")


# -- what the app proposes ---------------------------------------------------------------------


def members(c: Conductor) -> list[str]:
    """The working group's names, from the member table (oppstart.medlemmer)."""
    fld = R.field_of(c, R.MEMBERS)
    if fld is None or fld.column("navn") is None:
        return []
    rows = c.readable_value(R.MEMBERS.field) or []
    names = [str(c.cell(fld, row, "navn") or "").strip() for row in rows if isinstance(row, dict)]
    return list(dict.fromkeys(n for n in names if n))


def planned_workshops(c: Conductor) -> list[PlannedWorkshop]:
    fld = R.field_of(c, R.WORKSHOPS)
    if fld is None:
        return []
    out = []
    for row in c.readable_value(R.WORKSHOPS.field) or []:
        if not isinstance(row, dict):
            continue
        cells = {
            col: str(c.cell(fld, row, col) or "").strip() if fld.column(col) else ""
            for col in ("tidspunkt", "tema", "ansvar")
        }
        if cells["tidspunkt"] or cells["tema"]:
            out.append(PlannedWorkshop(cells["tidspunkt"], cells["tema"], cells["ansvar"]))
    return out


def next_planned(c: Conductor, after: str) -> PlannedWorkshop | None:
    """The next samling in the framdriftsplan after the date `after` (ÅÅÅÅ-MM-DD): the first with
    a date later than it (a month counts as later when it is a later month), else the first
    without a date."""
    rows = planned_workshops(c)
    dated = [r for r in rows if r.when[:4].isdigit()]
    later = [r for r in dated if r.when[:10] > after[: len(r.when[:10])]]
    if later:
        return min(later, key=lambda r: r.when)
    return next((r for r in rows if not r.when[:4].isdigit()), None)


def todays_planned(c: Conductor, today: str) -> PlannedWorkshop | None:
    """The framdriftsplan's samling for today (same date, or same month), if any."""
    for r in planned_workshops(c):
        if r.when and today.startswith(r.when[:10]):
            return r
    return None


def default_scripts(c: Conductor) -> list[str]:
    """What today's samling covers unless the facilitator chooses: the guided session the group
    is at (the next unfinished one), or the first one."""
    cursor = c.cursor()
    if cursor is not None:
        return [cursor.script_id]
    return [c.scripts[0].id] if c.scripts else []


def agenda_for(c: Conductor, script_ids: list[str]) -> list[AgendaItem]:
    """The steps of the chosen guided sessions as the group meets them (a step repeated per role
    group or goal area appears once per repeat), each with its suggested minutes."""
    out = []
    for inst in c.instances():
        if inst.script.id not in script_ids:
            continue
        minutes = inst.step.minutes
        out.append(
            AgendaItem(
                inst.script.id,
                inst.step.id,
                inst.title,
                minutes or DEFAULT_MINUTES,
                minutes is None,
                inst.item.id if inst.item else None,
            )
        )
    return out


def new_workshop(
    c: Conductor, date: str, script_ids: list[str] | None = None, present: list[str] | None = None
) -> Workshop:
    scripts = script_ids if script_ids is not None else default_scripts(c)
    return Workshop(date, list(present if present is not None else members(c)), scripts, agenda_for(c, scripts))


# -- stored ------------------------------------------------------------------------------------


def stored_workshops(session: Any) -> dict[str, Workshop]:
    raw = session.state(WORKSHOPS_STATE) or {}
    out = {}
    for date, entry in raw.items() if isinstance(raw, dict) else []:
        if not isinstance(entry, dict):
            continue
        present = [p for p in entry.get("present") or [] if isinstance(p, str)]
        scripts = [s for s in entry.get("scripts") or [] if isinstance(s, str)]
        agenda = [a for a in (AgendaItem.from_state(x) for x in entry.get("agenda") or []) if a]
        out[date] = Workshop(
            date, present, scripts, agenda, StepClock.from_state(entry.get("clock")), entry.get("ended") is True
        )
    return out


def save_workshop(session: Any, workshop: Workshop) -> None:
    """Store the day's samling (durably, with the session's next write: at once). What else is
    stored for the day is kept."""
    raw = session.state(WORKSHOPS_STATE)
    raw = dict(raw) if isinstance(raw, dict) else {}
    old = raw.get(workshop.date)
    raw[workshop.date] = {**(old if isinstance(old, dict) else {}), **workshop.to_state()}
    session.set_state(WORKSHOPS_STATE, raw)


def step_minutes(workshop: Workshop, step: Where) -> int:
    """The suggested minutes of an agenda step (one repeat of a repeated step)."""
    return sum(i.minutes for i in workshop.agenda if i.where == step)


def overrun_text(workshop: Workshop, clock: StepClock, now: float, title: str) -> str:
    """A nudge when the current step has taken longer than suggested, else ""."""
    if clock.current is None:
        return ""
    planned = step_minutes(workshop, clock.current)
    used = clock.spent_on(clock.current, now) / 60
    if not planned or used <= planned:
        return ""
    return (
        f"Steget «{title}» har tatt {round(used)} minutter; {planned} var satt av. Bli enige om å gå "
        "videre, eller om det er verdt tiden (det tas da fra resten av dagen)."
    )


def minutes_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} t {rest:02d} min" if hours else f"{rest} min"
