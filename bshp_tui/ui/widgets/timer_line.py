"""The timer line above the input: a simple countdown or the IGP phases, with a bell at each change.
Ctrl+T starts or stops it, /timer starts it with the minutes typed, /igp runs the three phases."""

from __future__ import annotations

import math

from textual.reactive import reactive, var
from textual.widgets import Static

from ...guide import facilitation as F
from ..clock import app_clock
from .feedback_line import Say

MOST_MINUTES = 24 * 60


def format_minutes(minutes: float) -> str:
    return str(int(minutes)) if minutes == int(minutes) else str(minutes).replace(".", ",")


def minutes_words(minutes: float) -> str:
    """«1 minutt», «10 minutter», «2,5 minutter»."""
    return f"{format_minutes(minutes)} {'minutt' if minutes == 1 else 'minutter'}"


class TimerLine(Static):
    DEFAULT_CSS = """
    TimerLine {
        padding: 0 1;
        background: $accent 30%;
        text-style: bold;
        display: none;
    }
    TimerLine.running {
        display: block;
    }
    TimerLine.finished {
        background: $error 40%;
    }
    """

    timer: reactive[F.Timer | None] = reactive(None, always_update=True, init=False)
    suggested: var[int | None] = var(None)  # the minutes the current step suggests (set by the screen)

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)
        self._last_phase: int | None = None
        self._rang = False

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)

    def clock(self):
        return app_clock(self)

    def watch_timer(self) -> None:
        self._last_phase, self._rang = None, False
        self.tick()

    def start(self, minutes: float, igp: bool = False) -> None:
        self.timer = F.Timer.igp(minutes, self.clock()) if igp else F.Timer.simple(minutes, self.clock())

    def toggle(self) -> None:
        """Ctrl+T: stop a running timer, or start one for the step's suggested minutes (else 10)."""
        if self.timer is not None and not self.timer.finished:
            self.timer = None
        else:
            self.start_said(self.suggested or 10)

    def start_said(self, minutes: float) -> None:
        """Start a countdown and say so on the message line (which also clears an old warning there)."""
        self.start(minutes)
        self.post_message(Say(f"Tidtakeren går: {minutes_words(minutes)}. Ctrl+T stopper den."))

    def start_igp(self) -> None:
        """/igp: individual, group and plenary phases over the step's suggested minutes (else 20)."""
        self.start(self.suggested or 20, igp=True)

    def start_typed(self, typed: str) -> None:
        """/timer with what was typed after it: that many minutes (the suggested ones when nothing was
        typed), or a word about what to type."""
        try:
            chosen = float(typed.replace(",", ".")) if typed.strip() else float(self.suggested or 10)
        except ValueError:
            self.post_message(Say("Skriv antall minutter, for eksempel /timer 10.", "warning"))
            return
        if not (math.isfinite(chosen) and 0 < chosen <= MOST_MINUTES):
            self.post_message(
                Say(f"Skriv et antall minutter over null og høyst {MOST_MINUTES}, for eksempel /timer 10.", "warning")
            )
            return
        self.start_said(chosen)

    def tick(self) -> None:
        if self.timer is None:
            self.remove_class("running")
            return
        self.add_class("running")
        index, phase, _ = self.timer.current()
        hint = f" – {phase.hint}" if phase.hint else ""
        finished = self.timer.finished
        self.update(f"⏱ {self.timer.label()}{hint}   ({'Ctrl+T starter på nytt' if finished else 'Ctrl+T stopper'})")
        self.set_class(finished, "finished")
        if self._last_phase is not None and (index != self._last_phase or finished) and not self._rang:
            self.app.bell()
            self.notify(f"Tid for {phase.name.lower()}." if not finished else "Tiden er ute.")
            self._rang = finished
        self._last_phase = index
