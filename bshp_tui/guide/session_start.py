"""A session as it is made (the New dialog, `bshp new`, a new plan period): the period given with it
answers the period question, so the group is not asked again, and its progress is recorded for the
lists that read no prompt files."""

from __future__ import annotations

from ..scripts.model import Script
from .conductor import Conductor
from .period import PERIOD_KEY
from .session_like import SessionLike


def record_start(scripts: list[Script], session: SessionLike, period: str | None) -> None:
    """The period (if given) and the progress, in one write. Raises SaveError."""
    with session.one_write():
        if period:
            session.set_answer(PERIOD_KEY, period)
        Conductor(scripts, session).record_progress()
