"""Facilitation on one screen (UI-free): timeboxes, IGP phases and «think alone, then share».

The clock is injected, so tests can move time without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

IGP_PHASES = (
    ("Individ", "Tenk og skriv hver for dere."),
    ("Gruppe", "Del to og to eller i små grupper."),
    ("Plenum", "Samle det viktigste i fellesskap."),
)
IGP_SHARES = (0.25, 0.35, 0.40)
PRIVATE_STATE = "private"
PRIVATE_DRAFT_STATE = "private_draft"  # a hidden input half typed, per question


@dataclass
class Phase:
    name: str
    hint: str
    seconds: float


@dataclass
class Timer:
    """A countdown through one or more phases."""

    phases: list[Phase]
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.started = self.clock()

    @classmethod
    def simple(cls, minutes: float, clock: Callable[[], float] = time.monotonic) -> "Timer":
        return cls([Phase("Tid", "", minutes * 60)], clock)

    @classmethod
    def igp(cls, minutes: float, clock: Callable[[], float] = time.monotonic) -> "Timer":
        total = max(3.0, minutes) * 60
        phases = [Phase(name, hint, round(total * share)) for (name, hint), share in zip(IGP_PHASES, IGP_SHARES)]
        return cls(phases, clock)

    def elapsed(self) -> float:
        return max(0.0, self.clock() - self.started)

    @property
    def total(self) -> float:
        return sum(p.seconds for p in self.phases)

    @property
    def finished(self) -> bool:
        return self.elapsed() >= self.total

    def current(self) -> tuple[int, Phase, float]:
        """(index, phase, seconds left in it). After the end: the last phase with 0 left."""
        t = self.elapsed()
        for index, phase in enumerate(self.phases):
            if t < phase.seconds:
                return index, phase, phase.seconds - t
            t -= phase.seconds
        return len(self.phases) - 1, self.phases[-1], 0.0

    def label(self) -> str:
        index, phase, left = self.current()
        minutes, seconds = divmod(int(round(left)), 60)
        count = f" {index + 1}/{len(self.phases)}" if len(self.phases) > 1 else ""
        if self.finished:
            return f"{phase.name}{count}: tiden er ute"
        return f"{phase.name}{count}: {minutes:02d}:{seconds:02d}"


# --------------------------------------------------------------------------------------------
# Think alone, then share


def private_entries(session, key: str) -> list[dict]:
    return list((session.state(PRIVATE_STATE) or {}).get(key, []))


def add_private(session, key: str, text: str) -> int:
    """Store one participant's hidden contribution. Returns how many there are now (those /vis shows)."""
    from ..store.sanitize import clean_text

    text = clean_text(text).strip()
    if not text:
        return len(private_entries(session, key))
    state = dict(session.state(PRIVATE_STATE) or {})
    entries = list(state.get(key, []))
    entries.append({"text": text, "revealed": False})
    state[key] = entries
    session.set_state(PRIVATE_STATE, state)
    return len(entries)


def reveal(session, key: str) -> list[str]:
    """Reveal the hidden contributions for a field and return their texts."""
    state = dict(session.state(PRIVATE_STATE) or {})
    entries = [dict(e, revealed=True) for e in state.get(key, [])]
    state[key] = entries
    session.set_state(PRIVATE_STATE, state)
    return [e["text"] for e in entries]


def hidden_count(session, key: str) -> int:
    return sum(1 for e in private_entries(session, key) if not e.get("revealed"))


def private_draft(session, key: str) -> str:
    """The hidden input half typed for `key` when the box was left ("" if none)."""
    return str((session.state(PRIVATE_DRAFT_STATE) or {}).get(key, ""))


def set_private_draft(session, key: str, text: str) -> None:
    """Keep (or, with "", forget) the hidden input half typed for `key`."""
    state = dict(session.state(PRIVATE_DRAFT_STATE) or {})
    if text.strip():
        state[key] = text
    else:
        state.pop(key, None)
    session.set_state(PRIVATE_DRAFT_STATE, state)
