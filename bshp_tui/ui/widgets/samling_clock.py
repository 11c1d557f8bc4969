"""Today's samling (/samling), without a face of its own: the day's workshop and its clock, ticking
while the group works, stored so it goes on after a restart, with a nudge when a step overruns. The
setup, the agenda and the summary are dialogs (screens/workshop.py) opened from here. The logic is
in guide/workshop.py."""

from __future__ import annotations

import time
from datetime import date

from textual import work
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from ...errors import BshpError
from ...guide import workshop as W
from ...guide.conductor import Conductor
from ...store.session import Session
from ..clock import app_clock
from ..screens.workshop import AgendaScreen, SummaryScreen, WorkshopSetup
from .feedback_line import Say

TICK_SECONDS = 5


class SamlingClock(Widget):
    """The screen sets `step` (where the group is) whenever it moves; each tick gives the time since
    the last one to the step the group was at."""

    DEFAULT_CSS = """
    SamlingClock {
        display: none;
    }
    """

    step: var[W.Where | None] = var(None)

    class Nudged(Message):
        """A step has taken longer than suggested (said once per step)."""

        def __init__(self, text: str):
            super().__init__()
            self.text = text

    class MinutesWanted(Message):
        """The samling is ended and the group wants the referat written."""

    def __init__(self, c: Conductor, session: Session, **kwargs):
        super().__init__(**kwargs)
        self.c = c
        self.session = session
        self.workshop: W.Workshop | None = None
        self.clock: W.StepClock | None = None
        self.nudged: set[W.Where] = set()
        self._ticking = False
        self._unsaved_said = False

    def now(self) -> float:
        """Wall-clock seconds (injected in tests): the samling's clock is stored and goes on after a
        restart."""
        return app_clock(self, time.time)()

    def today(self) -> str:
        return date.today().isoformat()

    def resume(self) -> None:
        """On opening the session: today's samling, if one is running, goes on with its stored clock."""
        workshop = W.stored_workshops(self.session).get(self.today())
        if workshop is not None and workshop.clock is not None and not workshop.ended:
            self.start(workshop)

    @work(exclusive=True, group="samling")
    async def open_agenda(self) -> None:
        """/samling: today's agenda with its clock, after the setup when today has no samling yet;
        ending it there shows the summary."""
        today = self.today()
        if self.workshop is None or self.workshop.date != today:
            workshop = W.stored_workshops(self.session).get(today)
            if workshop is None:
                workshop = await self.app.push_screen_wait(WorkshopSetup(self.c, today))
                if workshop is None:
                    return
                if self.session.read_only:
                    self.post_message(Say("Økta er åpnet bare for lesing: dagens samling blir ikke lagret.", "warning"))
            elif workshop.ended:
                self.post_message(
                    Say(
                        "Dagens samling var avsluttet. Den er tatt opp igjen, og klokka går videre fra der den stoppet."
                    )
                )
            self.start(workshop)
        if self.workshop is None or self.clock is None:
            return
        choice = await self.app.push_screen_wait(AgendaScreen(self.c, self.workshop, self.clock, self.now))
        if choice == "end":
            self.clock.tick(None, self.now())
            self.workshop.ended = True
            self.store()
            wants_minutes = await self.app.push_screen_wait(SummaryScreen(self.c, today))
            self.workshop = None
            self.clock = None
            if wants_minutes:
                self.post_message(self.MinutesWanted())

    def start(self, workshop: W.Workshop) -> None:
        """Run the day's clock: the stored one goes on (also after the samling was ended and is taken
        up again); a new or damaged one starts now."""
        now = self.now()
        if workshop.clock is None:
            workshop.clock = W.StepClock(now)
        workshop.ended = False
        self.workshop, self.clock = workshop, workshop.clock
        self.clock.tick(self.step, now)
        self.store()
        self.nudged = set()
        if not self._ticking:
            self._ticking = True
            self.set_interval(TICK_SECONDS, self.tick)

    def store(self) -> None:
        """Save the day's samling with its clock (not in a read-only view); a failed save is said once
        and the samling runs on."""
        if self.workshop is None or self.session.read_only:
            return
        try:
            W.save_workshop(self.session, self.workshop)
        except BshpError as exc:
            if not self._unsaved_said:
                self._unsaved_said = True
                self.post_message(Say(f"Dagens samling er ikke lagret: {exc}", "warning"))

    def tick(self) -> None:
        """Give the time since the last tick to the step the group was at, and store the clock when
        the group has moved to another step; nudge once per step when it has taken longer than
        suggested."""
        clock = self.clock
        if self.workshop is None or clock is None:
            return
        now, step = self.now(), self.step
        moved = step != clock.current
        clock.tick(step, now)
        if moved:
            self.store()
        if step is None or step in self.nudged:
            return
        title = next((i.title for i in self.workshop.agenda if i.where == step), "")
        nudge = W.overrun_text(self.workshop, clock, now, title)
        if nudge:
            self.nudged.add(step)
            self.post_message(self.Nudged(nudge))
