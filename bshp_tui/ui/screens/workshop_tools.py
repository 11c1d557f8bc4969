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
        """Wall-clock seconds (injected in tests): the samling's clock is stored and goes on after a
        restart."""
        return (getattr(self.app, "clock", None) or time.time)()

    def today(self) -> str:
        return date.today().isoformat()

    def current_step(self) -> W.Where | None:
        cursor = self.c.cursor()
        return (cursor.script_id, cursor.step_id, cursor.item) if cursor else None

    def action_samling(self) -> None:
        self.run_workshop()

    def resume_workshop(self) -> None:
        """On opening the session: today's samling, if one is running, goes on with its stored clock."""
        workshop = W.stored_workshops(self.session).get(self.today())
        if workshop is not None and workshop.clock is not None and not workshop.ended:
            self.start_clock(workshop)

    @work(exclusive=True, group="samling")
    async def run_workshop(self) -> None:
        today = self.today()
        if self.workshop is None or self.workshop.date != today:
            workshop = W.stored_workshops(self.session).get(today)
            if workshop is None:
                workshop = await self.app.push_screen_wait(WorkshopSetup(self.c, today))
                if workshop is None:
                    return
                if self.session.read_only:
                    self.say("Økta er åpnet bare for lesing: dagens samling blir ikke lagret.", "warning")
            self.start_clock(workshop)
        if self.workshop is None or self.workshop_clock is None:
            return
        choice = await self.app.push_screen_wait(AgendaScreen(self.c, self.workshop, self.workshop_clock, self.now))
        if choice == "end":
            self.workshop_clock.tick(None, self.now())
            self.workshop.ended = True
            self.store_workshop()
            wants_minutes = await self.app.push_screen_wait(SummaryScreen(self.c, today))
            self.workshop = None
            self.workshop_clock = None
            if wants_minutes:
                self.action_referat("")

    def start_clock(self, workshop: W.Workshop) -> None:
        """Run the day's clock: the stored one goes on (also after the samling was ended and is taken
        up again); a new or damaged one starts now."""
        now = self.now()
        if workshop.clock is None:
            workshop.clock = W.StepClock(now)
        workshop.ended = False
        self.workshop, self.workshop_clock = workshop, workshop.clock
        self.workshop_clock.tick(self.current_step(), now)
        self.store_workshop()
        self.nudged: set = set()
        if not getattr(self, "_workshop_ticking", False):
            self._workshop_ticking = True
            self.set_interval(TICK_SECONDS, self.workshop_tick)

    def store_workshop(self) -> None:
        """Save the day's samling with its clock (not in a read-only view); a failed save is said once
        and the samling runs on."""
        if self.workshop is None or self.session.read_only:
            return
        try:
            W.save_workshop(self.session, self.workshop)
        except BshpError as exc:
            if not getattr(self, "_workshop_unsaved", False):
                self._workshop_unsaved = True
                self.say(f"Dagens samling er ikke lagret: {exc}", "warning")

    def workshop_tick(self) -> None:
        """Give the time since the last tick to the step the group is at, and store the clock when
        the group has moved to another step; nudge once per step when it has taken longer than
        suggested."""
        clock = self.workshop_clock
        if self.workshop is None or clock is None:
            return
        now, step = self.now(), self.current_step()
        moved = step != clock.current
        clock.tick(step, now)
        if moved:
            self.store_workshop()
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
