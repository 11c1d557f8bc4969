"""Keys reach the app in the order they were typed, even when typed faster than the screen changes.

Textual hands each key to the widget that has focus when the key is read. A key that moves focus
(Tab), opens a dialog (N) or opens a screen (Enter) takes effect only after its handlers have run,
so the next keys of a quick burst went to the old widget or screen: «Fjordvik kommune2027–2030».
Here a key is handed on only once everything the previous key set off has been processed (the
screen, its widgets and the app have empty queues), so every key meets the focus the keys before
it left behind.
"""

from __future__ import annotations

import asyncio
from collections import deque

from textual import events

QUIET_ROUNDS = 3  # rounds in a row with nothing queued anywhere: the key has taken effect
MAX_ROUNDS = 50  # rounds of "let every queue catch up" before a key is handed on anyway
STUCK_AFTER = 5.0  # seconds; a key is never held longer than this (a widget that went away, say).
# Generous: on a loaded machine a Tab took over 2 s to move focus, and the next key landed in the old field.


class KeysInOrder:
    """Mixin for the App (put it before App in the bases)."""

    def _init_keys(self) -> None:
        self._held: deque[events.Event] = deque()
        self._settling = False
        self._generation = 0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._settling or self._held:
                self._held.append(event)
                return
            await self._hand_on(event)
            return
        await super().on_event(event)  # type: ignore[misc]

    async def _hand_on(self, event: events.Event) -> None:
        self._settling = True
        self._generation += 1
        generation = self._generation
        settle = self._may_move_on(event)
        await super().on_event(event)  # type: ignore[misc]
        if not settle:
            await self._settled()
            return
        self.set_timer(STUCK_AFTER, lambda: self._unstick(generation))  # type: ignore[attr-defined]
        self._round(generation, 1)

    def _may_move_on(self, event: events.Event) -> bool:
        """Could this key move focus or change the screen? A letter typed into a text field
        cannot, and the next key may follow at once; anything else waits for it to take effect."""
        from textual.widgets import Input, TextArea

        focused = self.focused  # type: ignore[attr-defined]
        if focused is None:
            return True
        if not isinstance(event, events.Key):
            return False
        if not event.is_printable or event.key in ("enter", "tab") or (event.character or "").isdigit():
            return True
        if event.key in self.active_bindings:  # type: ignore[attr-defined]
            return True
        return not isinstance(focused, (Input, TextArea))

    def _targets(self) -> list:
        try:
            return [self, *self.screen.walk_children(with_self=True)]  # type: ignore[attr-defined]
        except Exception:  # no screen yet, or it is being torn down
            return [self]

    def _round(self, generation: int, count: int, quiet: int = 0) -> None:
        """Queue a marker behind everything each widget has to do; when all markers have run,
        check whether anything new was queued meanwhile. A widget parked with nothing to do would
        run its marker at once, so only the app and the widgets with work get one (a screen has
        dozens of widgets, and each round of a key sent every one of them a marker)."""
        targets = [t for t in self._targets() if t is self or not _parked(t)]
        left = len(targets)

        def marker() -> None:
            nonlocal left
            left -= 1
            if left == 0:
                self.call_later(self._round_done, generation, count, quiet)  # type: ignore[attr-defined]

        for target in targets:
            if not target.call_later(marker):
                left -= 1
        if left == 0:
            self.call_later(self._round_done, generation, count, quiet)  # type: ignore[attr-defined]

    async def _round_done(self, generation: int, count: int, quiet: int = 0) -> None:
        # Some steps run as tasks outside any queue (a dialog closing, say): each round gives them
        # a turn on the event loop (a round that marked only the app would otherwise run on
        # without one), and a few quiet rounds in a row let them finish.
        await asyncio.sleep(0)
        if generation != self._generation or not self._settling:
            return
        busy = any(_has_work(t) if t is self else _busy(t) for t in self._targets())
        quiet = 0 if busy else quiet + 1
        if quiet < QUIET_ROUNDS and count < MAX_ROUNDS:
            self._round(generation, count + 1, quiet)
            return
        await self._settled()

    async def _unstick(self, generation: int) -> None:
        if generation == self._generation and self._settling:
            await self._settled()

    async def _settled(self) -> None:
        self._settling = False
        if self._held:
            await self._hand_on(self._held.popleft())


def _queued(pump) -> list:
    """The messages waiting in a widget's queue (Textual's own queue keeps them in `values`)."""
    queue = pump._message_queue
    return list(getattr(queue, "values", None) or getattr(queue, "_queue", None) or ())


def _parked(pump) -> bool:
    """Is the widget waiting for its next message with nothing queued, nothing in hand and
    nothing to call next? Its loop then sits in the queue's wait, and a marker would run at once.
    (Anything this cannot tell counts as busy: the widget gets a marker.)"""
    queue = pump._message_queue
    waiters = getattr(getattr(queue, "ready_event", None), "_waiters", None)
    return (
        bool(waiters)
        and not _queued(pump)
        and getattr(pump, "_pending_message", None) is None
        and not getattr(pump, "_next_callbacks", None)
    )


def _busy(pump) -> bool:
    """Has a widget anything to do: a message queued, or one it is still handling (it is not
    waiting for the next)? A widget being removed counts as done."""
    return not _parked(pump) and not (getattr(pump, "_closing", False) or getattr(pump, "_closed", False))


def _has_work(app) -> bool:
    """Anything queued for the app (or taken out to be looked at)? Keys typed meanwhile do not
    count (they wait their turn), but a key bubbling back up from a widget (to run a binding) does.
    (The app is handling this very round, so it is never parked.)"""
    waiting = _queued(app)
    pending = getattr(app, "_pending_message", None)
    if pending is not None:
        waiting.append(pending)
    return any(not (isinstance(m, (events.Key, events.Paste)) and not m.is_forwarded) for m in waiting)
