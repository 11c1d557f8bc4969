"""When a session was last saved, as the group reads it: «i dag kl. 14:05», «i går kl. 09:30»,
«03.03.2027 kl. 10:00» (short, for lists). The store writes local ISO 8601 times («2027-03-03T10:00:12+01:00»)."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def saved_when(stored: object, today: date | None = None) -> str:
    """The time as words; «–» when none is recorded. A value the store did not write (a
    hand-edited file) is shown as it stands, on one short line, so nothing is hidden."""
    if stored is None or stored == "":
        return "–"
    when = _time(stored)
    if when is None:
        return " ".join(str(stored).split())[:40] or "–"
    if when.tzinfo is not None:
        try:
            when = when.astimezone()  # as this machine's clock reads it (a file from elsewhere, summer time)
        except (OverflowError, ValueError, OSError):
            pass  # the first or last day there is: read as written
    today = today or date.today()
    clock = f"kl. {when:%H:%M}"
    if when.date() == today:
        return f"i dag {clock}"
    if when.date() == today - timedelta(days=1):
        return f"i går {clock}"
    return f"{when.day:02d}.{when.month:02d}.{when.year:04d} {clock}"


def _time(stored: object) -> datetime | None:
    if isinstance(stored, str):
        try:
            return datetime.fromisoformat(stored)
        except ValueError:
            pass
    return None
