"""Reading one session file on its own: validated, never blocking, never raising for the listing.

Each file is read and validated by itself, so one bad value (NaN, a number where text belongs,
deep nesting, a FIFO or a symlink named like a session) shows as SKADET with its reason and never
hides the other sessions.
"""

from __future__ import annotations

from pathlib import Path

from ..disk.files import UnreadableFile, read_regular
from ..errors import DamagedSessionError, NewerSchemaError, SessionNotFound
from ..record import Record
from . import schema
from .naming import one_line


def read_session_file(path: Path) -> tuple[dict, int]:
    """Read and validate a session file. Raises DamagedSessionError (file untouched).
    Only a regular file is read (never a FIFO, a device or a symlink), and only up to a limit."""
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raise SessionNotFound(f"Fant ingen økt i «{path}». Se «bshp list» for øktene som finnes.") from None
    except UnreadableFile as exc:
        raise DamagedSessionError(path, exc.reason) from None
    except OSError as exc:
        raise DamagedSessionError(path, f"kunne ikke lese filen ({exc.strerror or exc})") from None
    try:
        data = schema.parse_bytes(raw)
        version = schema.validate(data)
    except schema.ShapeError as exc:
        raise DamagedSessionError(path, str(exc)) from None
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(path, version, schema.SCHEMA_VERSION)
    return data, version


class SessionInfo(Record):
    """A session file as the session list shows it."""

    def __init__(
        self,
        id: str,
        path: Path,
        municipality: str = "",
        period: str = "",
        updated: str = "",
        answers: int = 0,
        progress: float | None = None,
        damaged: str | None = None,
    ):
        self.id = id
        self.path = path
        self.municipality = municipality
        self.period = period
        self.updated = updated
        self.answers = answers
        self.progress = progress
        self.damaged = damaged  # Norwegian reason when the file cannot be opened

    @property
    def ok(self) -> bool:
        return self.damaged is None


def session_info(session_id: str, path: Path) -> SessionInfo:
    """What the listing shows about one session; a bad file gives a damaged entry with its reason."""
    try:
        data, _ = read_session_file(path)
    except (DamagedSessionError, NewerSchemaError) as exc:
        reason = exc.reason if isinstance(exc, DamagedSessionError) else str(exc)
        return SessionInfo(session_id, path, damaged=reason)
    except SessionNotFound:
        return SessionInfo(session_id, path, damaged="filen forsvant mens lista ble laget")
    meta = data["meta"]["1"]
    return SessionInfo(
        id=session_id,
        path=path,
        municipality=one_line(meta["municipality"]) or session_id,
        period=one_line(meta.get("period") or ""),
        updated=meta.get("updated") or "",
        answers=len(data.get("answers", {})),
        progress=meta.get("progress"),
    )
