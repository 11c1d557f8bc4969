"""The session store: one TinyDB file per session (one municipality's planning work).

This module finds, creates, opens, lists, imports, backs up and restores sessions; an open session
is a `Session` (session.py).

Files in the data folder:

    <id>.json                        the session (a TinyDB database), written durably
    sikkerhetskopier/<id>/*.json     rolling backups, newest last
    .locks/<id>.lock, <id>.owner     the writer lock and who holds it

Every change is written at once through DurableStorage (temp file, fsync, os.replace, folder
fsync). One process at a time may write a session; others may open it read-only.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import schema
from .durable import DirSyncWarning, atomic_write_bytes, fsync_dir, remove_stale_tmp_files
from .errors import (
    BshpError,
    DamagedSessionError,
    NewerSchemaError,
    SaveError,
    SessionLockedError,
    SessionNotFound,
    UsageError,
    describe_os_error,
)
from .naming import is_valid_id, slugify
from .sanitize import clean_text, clean_value
from .session import Session, SessionSnapshot, encode, now_iso

if TYPE_CHECKING:
    from filelock import FileLock

BACKUP_DIR = "sikkerhetskopier"
LOCK_DIR = ".locks"
MAX_BACKUPS = 20  # distinct states kept per session (at least 10 are promised)

BACKUP_REASONS = {
    "apnet": "da økta ble åpnet",
    "underveis": "automatisk underveis",
    "for-gjenoppretting": "før gjenoppretting",
    "for-migrering": "før oppgradering av filformat",
    "for-import": "før import over økta",
    "slettet": "da økta ble slettet",
    "skadet": "skadet fil, tatt vare på",
}


# --------------------------------------------------------------------------------------------
# Reading files


def read_session_file(path: Path) -> tuple[dict, int]:
    """Read and validate a session file. Raises DamagedSessionError (file untouched)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionNotFound(f"Fant ingen økt i «{path}». Se «bshp list» for øktene som finnes.")
    except OSError as exc:
        raise DamagedSessionError(path, f"kunne ikke lese filen: {describe_os_error(exc)}")
    try:
        data = schema.parse_bytes(raw)
        version = schema.validate(data)
    except schema.ShapeError as exc:
        raise DamagedSessionError(path, str(exc)) from None
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(path, version, schema.SCHEMA_VERSION)
    return data, version


# --------------------------------------------------------------------------------------------
# Listing


@dataclass
class SessionInfo:
    id: str
    path: Path
    municipality: str = ""
    period: str = ""
    updated: str = ""
    answers: int = 0
    progress: float | None = None
    damaged: str | None = None  # Norwegian reason when the file cannot be opened

    @property
    def ok(self) -> bool:
        return self.damaged is None


@dataclass
class BackupInfo:
    name: str
    path: Path
    created: datetime
    reason: str
    answers: int | None
    damaged: str | None

    @property
    def reason_text(self) -> str:
        return BACKUP_REASONS.get(self.reason, self.reason)


# --------------------------------------------------------------------------------------------
# The store


class SessionStore:
    """All sessions in one data folder."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)

    # -- paths -----------------------------------------------------------------------------

    def path_for(self, session_id: str) -> Path:
        if not is_valid_id(session_id):
            raise SessionNotFound(
                f"«{session_id}» er ikke et gyldig økt-id. Se «bshp list» for øktene som finnes."
            )
        return self.data_dir / f"{session_id}.json"

    def backup_dir(self, session_id: str) -> Path:
        return self.data_dir / BACKUP_DIR / session_id

    def _ensure_dir(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BshpError(
                f"Kunne ikke opprette datamappen «{self.data_dir}»: {describe_os_error(exc)}"
            ) from exc

    # -- listing ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        try:
            names = sorted(os.listdir(self.data_dir))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise BshpError(
                f"Kunne ikke lese datamappen «{self.data_dir}»: {describe_os_error(exc)}"
            ) from exc
        out = []
        for name in names:
            if name.startswith(".") or not name.endswith(".json"):
                continue
            stem = name[: -len(".json")]
            if is_valid_id(stem) and (self.data_dir / name).is_file():
                out.append(stem)
        return out

    def info(self, session_id: str) -> SessionInfo:
        path = self.path_for(session_id)
        try:
            data, _ = read_session_file(path)
        except (DamagedSessionError, NewerSchemaError) as exc:
            reason = exc.reason if isinstance(exc, DamagedSessionError) else str(exc)
            return SessionInfo(session_id, path, damaged=reason)
        meta = data["meta"]["1"]
        progress = meta.get("progress")
        return SessionInfo(
            id=session_id,
            path=path,
            municipality=meta.get("municipality", ""),
            period=meta.get("period", "") or "",
            updated=meta.get("updated", "") or "",
            answers=len(data.get("answers", {})),
            progress=progress if isinstance(progress, (int, float)) else None,
        )

    def list(self) -> list[SessionInfo]:
        return [self.info(session_id) for session_id in self.ids()]

    # -- create / open ---------------------------------------------------------------------

    def new_id(self, municipality: str) -> str:
        base = slugify(municipality)
        candidate, n = base, 2
        while self.path_for(candidate).exists():
            candidate = f"{base}-{n}"
            n += 1
        return candidate

    def create(self, municipality: str, period: str | None = None, **meta: Any) -> Session:
        municipality = clean_text(municipality).strip()
        if not municipality:
            raise UsageError("Skriv inn navnet på kommunen, for eksempel «bshp new Molde».")
        self._ensure_dir()
        session_id = self.new_id(municipality)
        now = now_iso()
        data = {
            "meta": {
                "1": clean_value({
                    "app": schema.APP_MARK,
                    "schema_version": schema.SCHEMA_VERSION,
                    "municipality": municipality,
                    "period": period or "",
                    "created": now,
                    "updated": now,
                    **meta,
                })
            },
            "answers": {},
            "drafts": {},
            "state": {},
        }
        lock = self._acquire(session_id)
        try:
            path = self.path_for(session_id)
            if path.exists():  # another process created the same id a moment ago
                raise UsageError(f"Økta «{session_id}» finnes allerede. Prøv igjen.")
            atomic_write_bytes(path, encode(data))
        except DirSyncWarning:
            pass
        except OSError as exc:
            self._release(session_id, lock)
            raise SaveError(self.path_for(session_id), exc) from exc
        except BaseException:
            self._release(session_id, lock)
            raise
        return Session(self, session_id, data, read_only=False, lock=lock)

    def open(self, session_id: str, read_only: bool = False) -> "Session | SessionSnapshot":
        path = self.path_for(session_id)
        if not path.exists():
            raise SessionNotFound(
                f"Fant ingen økt med id «{session_id}» i «{self.data_dir}». "
                "Se «bshp list» for øktene som finnes."
            )
        lock = None if read_only else self._acquire(session_id)
        try:
            data, version = read_session_file(path)
            if not read_only:
                remove_stale_tmp_files(path)
                if version < schema.SCHEMA_VERSION:
                    self._backup(session_id, "for-migrering")
                    data = schema.migrate(data, version)
                    atomic_write_bytes(path, encode(data))
                else:
                    self._backup_quietly(session_id, "apnet")
            for table in ("answers", "drafts", "state"):
                data.setdefault(table, {})
        except DirSyncWarning:
            pass
        except schema.ShapeError as exc:
            self._release(session_id, lock)
            raise DamagedSessionError(path, str(exc)) from None
        except OSError as exc:
            self._release(session_id, lock)
            raise SaveError(path, exc) from exc
        except BaseException:
            self._release(session_id, lock)
            raise
        if read_only:
            return SessionSnapshot(self, session_id, data)
        return Session(self, session_id, data, read_only=False, lock=lock)

    # -- locking ---------------------------------------------------------------------------

    def _lock_paths(self, session_id: str) -> tuple[Path, Path]:
        folder = self.data_dir / LOCK_DIR
        return folder / f"{session_id}.lock", folder / f"{session_id}.owner"

    def _acquire(self, session_id: str) -> "FileLock":
        lock_path, owner_path = self._lock_paths(session_id)
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(lock_path.parent, exc) from exc
        from filelock import FileLock, Timeout  # only writers need it

        lock = FileLock(lock_path, timeout=0, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise SessionLockedError(self.path_for(session_id), self._describe_owner(owner_path))
        except OSError as exc:
            raise SaveError(lock_path, exc) from exc
        import socket

        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user(),
            "since": now_iso(),
        }
        try:
            owner_path.write_text(json.dumps(owner), encoding="utf-8")
        except OSError:
            pass  # the owner note is a courtesy; the lock itself is what protects the file
        return lock

    def _release(self, session_id: str, lock: "FileLock | None") -> None:
        if lock is None:
            return
        _, owner_path = self._lock_paths(session_id)
        try:
            owner_path.unlink()
        except OSError:
            pass
        lock.release()

    @staticmethod
    def _describe_owner(owner_path: Path) -> str:
        try:
            owner = json.loads(owner_path.read_text(encoding="utf-8"))
            since = str(owner.get("since", ""))[:16].replace("T", " kl. ")
            return f"{owner.get('user', '?')} på {owner.get('host', '?')}, prosess {owner.get('pid', '?')}, siden {since}"
        except (OSError, ValueError, AttributeError):
            return "ukjent eier"

    # -- dump / import ---------------------------------------------------------------------

    def dump(self, session_id: str) -> dict:
        data, _ = read_session_file(self.path_for(session_id))
        return data

    def import_file(self, source: Path) -> str:
        """Validate `source` and store it as a new session. Returns the new id. Writes nothing
        when the file is broken."""
        source = Path(source)
        try:
            raw = source.read_bytes()
        except FileNotFoundError:
            raise UsageError(f"Fant ikke filen «{source}». Sjekk navnet og mappen.") from None
        except IsADirectoryError:
            raise UsageError(f"«{source}» er en mappe, ikke en fil. Oppgi JSON-filen som skal importeres.") from None
        except OSError as exc:
            raise UsageError(f"Kunne ikke lese «{source}»: {describe_os_error(exc)}") from exc
        try:
            data = schema.parse_bytes(raw)
            version = schema.validate(data)
        except schema.ShapeError as exc:
            raise UsageError(f"«{source}» kan ikke importeres: {exc}. Ingenting er lagret.") from None
        if version > schema.SCHEMA_VERSION:
            raise UsageError(str(NewerSchemaError(source, version, schema.SCHEMA_VERSION)))
        try:
            data = clean_value(schema.migrate(data, version))
        except schema.ShapeError as exc:
            raise UsageError(f"«{source}» kan ikke importeres: {exc}. Ingenting er lagret.") from None
        self._ensure_dir()
        session_id = self.new_id(data["meta"]["1"]["municipality"])
        data["meta"]["1"]["imported"] = now_iso()
        lock = self._acquire(session_id)
        try:
            atomic_write_bytes(self.path_for(session_id), encode(data))
        except DirSyncWarning:
            pass
        except OSError as exc:
            raise SaveError(self.path_for(session_id), exc) from exc
        finally:
            self._release(session_id, lock)
        return session_id

    # -- backups ---------------------------------------------------------------------------

    def backups(self, session_id: str) -> list[BackupInfo]:
        """Backups of a session, newest first."""
        folder = self.backup_dir(session_id)
        try:
            names = [n for n in os.listdir(folder) if n.endswith(".json") and not n.startswith(".")]
        except FileNotFoundError:
            return []
        out = []
        for name in sorted(names, reverse=True):
            path = folder / name
            stamp, _, reason = name[: -len(".json")].partition("_")
            try:
                created = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
            except ValueError:
                created = datetime.fromtimestamp(path.stat().st_mtime)
            answers, damaged = None, None
            try:
                data, _ = read_session_file(path)
                answers = len(data.get("answers", {}))
            except (DamagedSessionError, NewerSchemaError) as exc:
                damaged = getattr(exc, "reason", str(exc))
            out.append(BackupInfo(name, path, created, reason, answers, damaged))
        return out

    def _backup(self, session_id: str, reason: str) -> Path | None:
        """Keep the current file as a backup, unless the newest backup holds the same state."""
        source = self.path_for(session_id)
        if not source.exists():
            return None
        folder = self.backup_dir(session_id)
        folder.mkdir(parents=True, exist_ok=True)
        existing = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
        if existing and _same_content(folder / existing[-1], source):
            return None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{stamp}_{reason}.json"
        try:
            # The session file is only ever replaced, never changed in place, so a hard link
            # keeps this state for free.
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        fsync_dir(folder)
        self._prune(folder)
        return target

    def _backup_quietly(self, session_id: str, reason: str) -> None:
        """A backup that must never stop a save: failures are ignored (the save reports its own)."""
        try:
            self._backup(session_id, reason)
        except OSError:
            pass

    @staticmethod
    def _prune(folder: Path) -> None:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
        for name in names[:-MAX_BACKUPS]:
            try:
                os.unlink(folder / name)
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
        lock = self._acquire(session_id)
        try:
            current_ok = True
            if path.exists():
                try:
                    read_session_file(path)
                except (DamagedSessionError, NewerSchemaError):
                    current_ok = False
                self._backup(session_id, "for-gjenoppretting" if current_ok else "skadet")
            atomic_write_bytes(path, info.path.read_bytes())
        except DirSyncWarning:
            pass
        except OSError as exc:
            raise SaveError(path, exc) from exc
        finally:
            self._release(session_id, lock)
        return info

    def delete(self, session_id: str) -> None:
        """Delete a session. Its last state stays among the backups and can be restored."""
        path = self.path_for(session_id)
        lock = self._acquire(session_id)
        try:
            if not path.exists():
                raise SessionNotFound(f"Fant ingen økt med id «{session_id}».")
            self._backup(session_id, "slettet")
            os.unlink(path)
            fsync_dir(self.data_dir)
        except OSError as exc:
            raise SaveError(path, exc) from exc
        finally:
            self._release(session_id, lock)

    def deleted_ids(self) -> list[str]:
        """Sessions with backups but no current file (deleted, restorable)."""
        folder = self.data_dir / BACKUP_DIR
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return []
        return [n for n in names if is_valid_id(n) and not (self.data_dir / f"{n}.json").exists()]


def _same_content(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # getuser raises several kinds when no user name is known
        return "ukjent bruker"
