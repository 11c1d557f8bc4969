"""The timer line above the input: a simple countdown or the IGP phases, with a bell at each change."""

from __future__ import annotations

import time

from textual.reactive import reactive
from textual.widgets import Static

from ...guide import facilitation as F


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

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)
        self._last_phase: int | None = None
        self._rang = False

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)

    def clock(self):
        return getattr(self.app, "clock", None) or time.monotonic

    def watch_timer(self) -> None:
        self._last_phase, self._rang = None, False
        self.tick()

    def start(self, minutes: float, igp: bool = False) -> None:
        self.timer = F.Timer.igp(minutes, self.clock()) if igp else F.Timer.simple(minutes, self.clock())

    def toggle(self, minutes: float) -> None:
        """Ctrl+T: stop a running timer, or start one."""
        if self.timer is not None and not self.timer.finished:
            self.timer = None
        else:
            self.start(minutes)

    def tick(self) -> None:
        if self.timer is None:
            self.remove_class("running")
            return
        self.add_class("running")
        index, phase, _ = self.timer.current()
        hint = f" – {phase.hint}" if phase.hint else ""
        self.update(f"⏱ {self.timer.label()}{hint}   (Ctrl+T stopper)")
        finished = self.timer.finished
        self.set_class(finished, "finished")
        if self._last_phase is not None and (index != self._last_phase or finished) and not self._rang:
            self.app.bell()
            self.notify(f"Tid for {phase.name.lower()}." if not finished else "Tiden er ute.")
            self._rang = finished
        self._last_phase = index
