"""The session store: one TinyDB file per session (one municipality's planning work).

This module finds, creates, opens, lists, imports, restores and deletes sessions; an open session
is a `Session` (session.py). Reading one session file is in session_file.py, checking a file to
import in importing.py, backups in backups.py, the writer lock in locks.py, and reading files that
may be hostile (FIFOs, devices, huge files) in files.py.

Files in the data folder:

    <id>.json                        the session (a TinyDB database), written durably
    sikkerhetskopier/<id>/*.json     rolling backups, newest last
    .locks/<id>.lock, <id>.owner     the writer lock and who holds it

Every change is written at once through DurableStorage (temp file, fsync, os.replace, folder
fsync). One process at a time may write a session; others may open it read-only. A new session
(`new`, `import`) is published with a hard link, which fails rather than overwrite a session
another process created a moment ago.
"""

from __future__ import annotations

import builtins
import functools
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..disk.durable import (
    DirSyncWarning,
    atomic_write_bytes,
    file_signature,
    fsync_dir,
    publish_new,
    remove_orphans,
    remove_stale_tmp_files,
)
from ..disk.files import entry_problem, read_regular
from ..errors import (
    BshpError,
    DamagedSessionError,
    LockLostError,
    NewerSchemaError,
    NothingChangedError,
    SessionLockedError,
    SessionNotFound,
    UsageError,
)
from . import locks, schema
from .backups import BACKUP_DIR, MAX_BACKUPS, BackupInfo, backup_names, created_at, reason_of, take_backup
from .importing import Check, read_import
from .naming import is_valid_id, one_line, slugify
from .sanitize import clean_value
from .session import Session, SessionSnapshot, encode, now_iso
from .session_file import SessionInfo, read_session_file, session_info

__all__ = ["SessionStore", "SessionInfo", "BackupInfo", "read_session_file", "BACKUP_DIR", "MAX_BACKUPS"]

# --------------------------------------------------------------------------------------------
# The store


class SessionStore:
    """All sessions in one data folder. `clock` (seconds, monotonic) times automatic backups."""

    def __init__(self, data_dir: Path | str, clock: Callable[[], float] = time.monotonic):
        self.data_dir = Path(data_dir)
        self.clock = clock

    # -- paths -----------------------------------------------------------------------------

    def path_for(self, session_id: str) -> Path:
        if not is_valid_id(session_id):
            raise SessionNotFound(f"«{session_id}» er ikke et gyldig økt-id. Se «bshp list» for øktene som finnes.")
        return self.data_dir / f"{session_id}.json"

    def backup_dir(self, session_id: str) -> Path:
        return self.data_dir / BACKUP_DIR / session_id

    def _ensure_dir(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NothingChangedError(f"Kunne ikke opprette datamappen «{self.data_dir}»", exc) from exc

    # -- listing ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Every entry named like a session, whatever it is: one that is not a regular file is
        listed as damaged with its reason, never opened."""
        try:
            names = sorted(os.listdir(self.data_dir))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise NothingChangedError(f"Kunne ikke lese datamappen «{self.data_dir}»", exc) from exc
        return [
            n[: -len(".json")]
            for n in names
            if not n.startswith(".") and n.endswith(".json") and is_valid_id(n[: -len(".json")])
        ]

    def info(self, session_id: str) -> SessionInfo:
        """What the listing shows about one session. Never raises for a bad file."""
        return session_info(session_id, self.path_for(session_id))

    def list(self) -> list[SessionInfo]:
        return [self.info(session_id) for session_id in self.ids()]

    # -- create / open ---------------------------------------------------------------------

    def create(self, municipality: str, period: str | None = None, **meta: Any) -> Session:
        name = _municipality_name(municipality)
        self._ensure_dir()
        now = now_iso()
        data = {
            "meta": {
                "1": clean_value(
                    {
                        "app": schema.APP_MARK,
                        "schema_version": schema.SCHEMA_VERSION,
                        "municipality": name,
                        "period": one_line(period or ""),
                        "created": now,
                        "updated": now,
                        **meta,
                    }
                )
            },
            "answers": {},
            "drafts": {},
            "state": {},
        }
        session_id, held = self._publish_new(name, data, "opprette økta")
        return Session(self, session_id, data, read_only=False, lock=held)

    def _publish_new(self, name: str, data: dict, what: str) -> tuple[str, "locks.HeldLock"]:
        """Store `data` under a fresh id made from `name`, never overwriting a session: the id
        is locked, then the file is published only if no file of that name exists."""
        base = slugify(name)
        raw = encode(data)
        for n in range(1, 10_000):
            candidate = base if n == 1 else f"{base}-{n}"
            path = self.path_for(candidate)
            if os.path.lexists(path):
                continue
            try:
                held = locks.acquire(self.data_dir, candidate, now_iso())
            except locks.LockBusy:
                continue  # another process is creating or writing this id right now
            except OSError as exc:
                raise NothingChangedError(f"Kunne ikke {what} i «{self.data_dir}»", exc) from exc
            try:
                created = publish_new(path, raw)
            except DirSyncWarning:
                created = True
            except OSError as exc:
                locks.release(held)
                raise NothingChangedError(f"Kunne ikke {what} i «{self.data_dir}»", exc) from exc
            except BaseException:
                locks.release(held)
                raise
            if created:
                return candidate, held
            locks.release(held)
        raise BshpError(f"Fant ikke et ledig navn for «{name}» i «{self.data_dir}». Ingenting er endret.")

    def open(self, session_id: str, read_only: bool = False) -> "Session | SessionSnapshot":
        path = self.path_for(session_id)
        if not os.path.lexists(path):
            raise SessionNotFound(
                f"Fant ingen økt med id «{session_id}» i «{self.data_dir}». Se «bshp list» for øktene som finnes."
            )
        held = None if read_only else self._lock(session_id, "åpne økta")
        try:
            data, version = read_session_file(path)
            if not read_only:
                remove_stale_tmp_files(path)
                if version < schema.SCHEMA_VERSION:
                    take_backup(path, self.backup_dir(session_id), "for-migrering")
                    data = schema.migrate(data, version)
                    atomic_write_bytes(path, encode(data))
                else:
                    self.backup_quietly(session_id, "apnet")
            for table in ("answers", "drafts", "state"):
                data.setdefault(table, {})
        except DirSyncWarning:
            pass
        except schema.ShapeError as exc:
            locks.release(held)
            raise DamagedSessionError(path, str(exc)) from None
        except OSError as exc:
            locks.release(held)
            raise NothingChangedError(f"Kunne ikke åpne økta «{session_id}»", exc) from exc
        except BaseException:
            locks.release(held)
            raise
        if read_only:
            return SessionSnapshot(self, session_id, data)
        return Session(self, session_id, data, read_only=False, lock=held)

    # -- locking ---------------------------------------------------------------------------

    def _lock(self, session_id: str, what: str) -> "locks.HeldLock":
        try:
            return locks.acquire(self.data_dir, session_id, now_iso())
        except locks.LockBusy as exc:
            raise SessionLockedError(self.path_for(session_id), exc.owner) from None
        except OSError as exc:
            raise NothingChangedError(f"Kunne ikke {what} «{session_id}»", exc) from exc

    def release(self, session_id: str, held: "locks.HeldLock | None", backup: str | None = "lukket") -> None:
        """Let go of a writer's lock. A session being closed keeps its final state as a backup."""
        if held is None:
            return
        if backup and held.is_current():
            self.backup_quietly(session_id, backup)
        locks.release(held)

    def verify_lock(self, session_id: str, held: "locks.HeldLock | None", last_written: object) -> "locks.HeldLock":
        """Before a save: the writer's lock on the session's file, `held` itself while it is
        current. If the lock file was deleted or replaced, a fresh lock is taken (and returned) only
        when no other writer holds it and the file is exactly as this writer last wrote it
        (`last_written`, its file signature); otherwise LockLostError is raised."""
        if held is not None and held.is_current():
            return held
        path = self.path_for(session_id)
        try:
            fresh = locks.acquire(self.data_dir, session_id, now_iso())
        except locks.LockBusy as exc:
            raise LockLostError(path, f"økta er åpnet for skriving et annet sted ({exc.owner})") from None
        except OSError as exc:
            raise LockLostError(path, f"låsen kunne ikke tas på nytt ({exc.strerror or exc})") from None
        if file_signature(path) != last_written:
            locks.release(fresh)
            raise LockLostError(path, "filen er endret av et annet bshp-vindu siden sist lagring")
        if held is not None:
            held.handle.release()
        return fresh

    def clean_orphans(self) -> int:
        """Remove temporary files that killed writers (an import, a save, a backup) left in the
        data folder. A temp file is kept while its writer lives or the session is locked."""
        removed = 0
        folders = [(self.data_dir, None), (self.data_dir / ".cache", "")]
        for session_id in backup_names_dirs(self.data_dir / BACKUP_DIR):
            folders.append((self.data_dir / BACKUP_DIR / session_id, session_id))
        for folder, owner in folders:
            removed += remove_orphans(folder, functools.partial(self._writer_active, owner=owner))
        return removed

    def _writer_active(self, target: str, owner: str | None) -> bool:
        session_id = target[: -len(".json")] if owner is None and target.endswith(".json") else owner
        return session_id is not None and is_valid_id(session_id) and locks.is_locked(self.data_dir, session_id)

    # -- dump / import ---------------------------------------------------------------------

    def dump(self, session_id: str) -> dict:
        data, _ = read_session_file(self.path_for(session_id))
        return data

    def import_file(self, source: Path, check: Check | None = None) -> str:
        """Validate `source` and store it as a new session. Returns the new id. Writes nothing
        when the file is broken. `check` may add problems (Norwegian texts naming the record),
        e.g. answers that do not fit their field in the prompt files."""
        data = read_import(Path(source), check)
        meta = data["meta"]["1"]
        meta["imported"] = now_iso()
        self._ensure_dir()
        session_id, held = self._publish_new(meta["municipality"], data, "importere økta")
        locks.release(held)
        return session_id

    # -- backups ---------------------------------------------------------------------------

    def backups(self, session_id: str) -> builtins.list[BackupInfo]:
        """Backups of a session, newest first."""
        folder = self.backup_dir(session_id)
        out = []
        for name in reversed(backup_names(folder)):
            path = folder / name
            answers, damaged = None, None
            try:
                data, _ = read_session_file(path)
                answers = len(data.get("answers", {}))
            except (DamagedSessionError, NewerSchemaError) as exc:
                damaged = getattr(exc, "reason", str(exc))
            except SessionNotFound:
                continue  # pruned while listing
            out.append(BackupInfo(name, path, created_at(path), reason_of(name), answers, damaged))
        return out

    def backup(self, session_id: str, reason: str) -> Path | None:
        """Keep the current file as a backup (call while holding its lock). Raises OSError."""
        return take_backup(self.path_for(session_id), self.backup_dir(session_id), reason)

    def backup_quietly(self, session_id: str, reason: str) -> None:
        """A backup that must never stop a save: failures are ignored (the save reports its own)."""
        try:
            self.backup(session_id, reason)
        except OSError:
            pass

    def _find_backup(self, session_id: str, backup: str) -> BackupInfo:
        backups = self.backups(session_id)
        if backup.isdigit() and 1 <= int(backup) <= len(backups):
            return backups[int(backup) - 1]
        for info in backups:
            if info.name == backup or info.name == f"{backup}.json":
                return info
        raise UsageError(
            f"Fant ingen sikkerhetskopi «{backup}» for økta «{session_id}». "
            f"Se «bshp backups {session_id}» for dem som finnes."
        )

    def restore(self, session_id: str, backup: str) -> BackupInfo:
        """Make a backup the current state of a session. The state it replaces is kept as a
        backup first (a damaged file too)."""
        info = self._find_backup(session_id, backup)
        if info.damaged:
            raise UsageError(f"Sikkerhetskopien «{info.name}» er skadet: {info.damaged}. Velg en annen.")
        path = self.path_for(session_id)
        held = self._lock(session_id, "gjenopprette")
        try:
            problem = entry_problem(path) if os.path.lexists(path) else None
            if problem is not None:  # it could not be kept as a backup first
                raise UsageError(
                    f"«{path}»: {problem}. Flytt den bort, så kan økta gjenopprettes. Ingenting er endret."
                )
            if os.path.lexists(path):
                current_ok = True
                try:
                    read_session_file(path)
                except (DamagedSessionError, NewerSchemaError):
                    current_ok = False
                self.backup(session_id, "for-gjenoppretting" if current_ok else "skadet")
            atomic_write_bytes(path, read_regular(info.path))
        except DirSyncWarning:
            pass
        except OSError as exc:
            raise NothingChangedError(
                f"Kunne ikke gjenopprette «{session_id}» fra sikkerhetskopien «{info.name}»", exc
            ) from exc
        finally:
            locks.release(held)
        return info

    def delete(self, session_id: str) -> None:
        """Delete a session. Its last state stays among the backups and can be restored."""
        path = self.path_for(session_id)
        held = self._lock(session_id, "slette økta")
        try:
            if not os.path.lexists(path):
                raise SessionNotFound(f"Fant ingen økt med id «{session_id}».")
            if os.path.isfile(path) and not os.path.islink(path) and entry_problem(path):
                raise UsageError(
                    f"«{path}»: {entry_problem(path)}, så den kan ikke tas vare på som "
                    "sikkerhetskopi. Flytt den bort selv. Ingenting er endret."
                )
            self.backup(session_id, "slettet")
            os.unlink(path)
            fsync_dir(self.data_dir)
        except OSError as exc:
            raise NothingChangedError(f"Kunne ikke slette økta «{session_id}»", exc) from exc
        finally:
            locks.release(held)

    def deleted_ids(self) -> builtins.list[str]:
        """Sessions with backups but no current file (deleted, restorable)."""
        return [
            n for n in backup_names_dirs(self.data_dir / BACKUP_DIR) if not os.path.lexists(self.data_dir / f"{n}.json")
        ]


def backup_names_dirs(folder: Path) -> list[str]:
    """Session ids that have a backup folder."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [n for n in names if is_valid_id(n)]


def _municipality_name(text: str) -> str:
    name = one_line(text)
    if not name:
        raise UsageError("Skriv inn navnet på kommunen med synlige tegn, for eksempel «bshp new Molde».")
    return name
