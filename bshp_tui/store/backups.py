"""Rolling backups of a session: `sikkerhetskopier/<id>/<time>_<reason>.json`, newest last.

A backup is kept when a session is opened, at least every five minutes of changes, when a guided
session is completed, when it is closed, and before anything replaces or removes the file. Only
distinct states are kept (a backup equal to the newest one is skipped), at most MAX_BACKUPS.

A backup is a copy written the same durable way as a session (temp file, fsync, rename), so a
kill can never leave a truncated backup, on any file system (FAT/exFAT USB sticks too). It is not
a hard link: a link would share the live file's data until its next save, so damage done to the
file in place would damage the backup with it.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from ..disk.durable import DirSyncWarning, atomic_write_bytes
from ..disk.files import entry_problem, read_regular
from ..record import Record

BACKUP_DIR = "sikkerhetskopier"
MAX_BACKUPS = 20  # distinct states kept per session (at least 10 are promised)
STAMP = "%Y%m%d-%H%M%S-%f"

BACKUP_REASONS = {
    "apnet": "da økta ble åpnet",
    "underveis": "automatisk underveis",
    "fullfort": "da en veiledning ble fullført",
    "lukket": "da økta ble lukket",
    "for-gjenoppretting": "før gjenoppretting",
    "for-migrering": "før oppgradering av filformat",
    "for-import": "før import over økta",
    "slettet": "da økta ble slettet",
    "skadet": "skadet fil, tatt vare på",
}


class BackupInfo(Record):
    """One backup of a session, as `bshp backups` lists it."""

    def __init__(self, name: str, path: Path, created: datetime, reason: str, answers: int | None, damaged: str | None):
        self.name = name
        self.path = path
        self.created = created
        self.reason = reason
        self.answers = answers
        self.damaged = damaged

    @property
    def reason_text(self) -> str:
        return BACKUP_REASONS.get(self.reason, self.reason)


def backup_names(folder: Path) -> list[str]:
    """Names of the backups in `folder`, oldest first (temp files start with a dot)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(n for n in names if n.endswith(".json") and not n.startswith("."))


def take_backup(source: Path, folder: Path, reason: str) -> Path | None:
    """Keep the current state of `source` in `folder`, unless the newest backup holds the same
    state. Call while holding the session's lock. Raises OSError when it cannot be kept."""
    if entry_problem(source) is not None:
        return None  # missing, or not a regular file: nothing bshp wrote to keep
    folder.mkdir(parents=True, exist_ok=True)
    names = backup_names(folder)
    if names and _same_content(folder / names[-1], source):
        return None
    data = read_regular(source)
    when = datetime.now()
    target = folder / f"{when.strftime(STAMP)}_{reason}.json"
    while os.path.lexists(target):  # two backups in one microsecond get distinct names
        when += timedelta(microseconds=1)
        target = folder / f"{when.strftime(STAMP)}_{reason}.json"
    try:
        atomic_write_bytes(target, data)
    except DirSyncWarning:
        pass
    prune(folder)
    return target


def prune(folder: Path) -> None:
    for name in backup_names(folder)[:-MAX_BACKUPS]:
        try:
            os.unlink(folder / name)
        except OSError:
            pass


def created_at(path: Path) -> datetime:
    stamp = path.name.partition("_")[0]
    try:
        return datetime.strptime(stamp, STAMP)
    except ValueError:
        try:
            return datetime.fromtimestamp(os.lstat(path).st_mtime)
        except OSError:
            return datetime.fromtimestamp(0)


def reason_of(name: str) -> str:
    return name[: -len(".json")].partition("_")[2]


def _same_content(a: Path, b: Path) -> bool:
    try:
        if os.stat(a).st_size != os.stat(b).st_size:
            return False
        return read_regular(a) == read_regular(b)
    except OSError:
        return False
