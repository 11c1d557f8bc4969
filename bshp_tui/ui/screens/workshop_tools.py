"""`/samling` and `/referat` in the guided chat: today's samling with its agenda and clock, a nudge
when a step overruns, the summary at the end, and the day's minutes as a file. A mixin for
WorkScreen, which provides the session, the conductor, `say` and `notify`."""

from __future__ import annotations

import time
from datetime import date

from textual import work

from ...errors import BshpError
from ...guide import workshop as W
from ..export_place import chosen_format, export_folder
from .work_host import WorkHost
from .workshop import AgendaScreen, SummaryScreen, WorkshopSetup

TICK_SECONDS = 5


class WorkshopTools(WorkHost):
    workshop: W.Workshop | None = None
    workshop_clock: W.StepClock | None = None

    def now(self) -> float:
        return (getattr(self.app, "clock", None) or time.monotonic)()

    def today(self) -> str:
        return date.today().isoformat()

    def current_step(self) -> W.Where | None:
        cursor = self.c.cursor()
        return (cursor.script_id, cursor.step_id, cursor.item) if cursor else None

    def action_samling(self) -> None:
        self.run_workshop()

    @work(exclusive=True, group="samling")
    async def run_workshop(self) -> None:
        today = self.today()
        if self.workshop is None or self.workshop.date != today:
            workshop = W.stored_workshops(self.session).get(today)
            if workshop is None:
                workshop = await self.app.push_screen_wait(WorkshopSetup(self.c, today))
                if workshop is None:
                    return
                try:
                    W.save_workshop(self.session, workshop)
                except BshpError as exc:  # read-only or the save failed: the samling runs, unsaved
                    self.say(f"Dagens samling er ikke lagret: {exc}", "warning")
            self.start_clock(workshop)
        if self.workshop is None or self.workshop_clock is None:
            return
        choice = await self.app.push_screen_wait(AgendaScreen(self.c, self.workshop, self.workshop_clock, self.now))
        if choice == "end":
            wants_minutes = await self.app.push_screen_wait(SummaryScreen(self.c, today))
            self.workshop = None
            self.workshop_clock = None
            if wants_minutes:
                self.action_referat("")

    def start_clock(self, workshop: W.Workshop) -> None:
        self.workshop = workshop
        self.workshop_clock = W.StepClock(self.now())
        self.workshop_clock.tick(self.current_step(), self.now())
        self.nudged: set = set()
        if not getattr(self, "_workshop_ticking", False):
            self._workshop_ticking = True
            self.set_interval(TICK_SECONDS, self.workshop_tick)

    def workshop_tick(self) -> None:
        """Give the time since the last tick to the step the group is at; nudge once per step when
        it has taken longer than suggested."""
        clock = self.workshop_clock
        if self.workshop is None or clock is None:
            return
        now, step = self.now(), self.current_step()
        clock.tick(step, now)
        if step is None or step in self.nudged:
            return
        title = next((i.title for i in self.workshop.agenda if i.where == step), "")
        nudge = W.overrun_text(self.workshop, clock, now, title)
        if nudge:
            self.nudged.add(step)
            self.notify(nudge, title="Over tiden", severity="warning", timeout=30)

    def action_referat(self, arg: str = "") -> None:
        self.write_minutes(arg)

    @work(thread=True, exclusive=True, group="export")
    def write_minutes(self, arg: str) -> None:
        from ...export.minutes import export_minutes

        parts = arg.split()
        fmt = chosen_format(parts)
        when = next((p for p in parts if p[:1].isdigit()), None)
        folder = export_folder(self.app.store.data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = export_minutes(self.app.scripts, self.session, fmt, folder, when)
        except (BshpError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Referatet ble ikke laget: {exc}", severity="error", timeout=15)
            return
        self.app.call_from_thread(self.notify, f"Skrev referatet: {path.resolve()}", timeout=15)
