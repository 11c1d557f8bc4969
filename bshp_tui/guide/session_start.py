"""A session as it is made (the New dialog, `bshp new`, a new plan period): the period given with it
answers the period question, so the group is not asked again, and its progress is recorded for the
lists that read no prompt files."""

from __future__ import annotations

from collections.abc import Iterable

from ..scripts.model import Script
from ..store.naming import one_line
from ..store.session_file import SessionInfo
from .conductor import Conductor
from .period import PERIOD_KEY
from .session_like import SessionLike


def record_start(scripts: list[Script], session: SessionLike, period: str | None) -> None:
    """The period (if given) and the progress, in one write. Raises SaveError."""
    with session.one_write():
        if period:
            session.set_answer(PERIOD_KEY, period)
        Conductor(scripts, session).record_progress()


def same_plan(infos: Iterable[SessionInfo], municipality: str, period: str | None) -> list[SessionInfo]:
    """The sessions already made for this municipality and plan period (the name compared as the
    store keeps it, whatever the case), so the group is asked before making a second one."""
    name = one_line(municipality).casefold()
    return [i for i in infos if i.ok and i.municipality.casefold() == name and (i.period or "") == (period or "")]
