"""An open session: answers, drafts and view state, saved durably the moment they change.

`Session` is the writable handle (it holds the writer lock, taken by the store); `SessionSnapshot`
is a read-only view of the file as it is, for a second window or an export.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..disk.durable import DirSyncWarning, atomic_write_bytes, file_signature
from ..errors import BshpError, ReadOnlyError, SaveError
from .reader import SessionReader
from .sanitize import clean_text, clean_value

if TYPE_CHECKING:
    from .locks import HeldLock
    from .sessions import SessionStore

BACKUP_INTERVAL = 5 * 60  # at most this many seconds of changes go without a backup


def now_iso() -> str:
    """Local time with its UTC offset, to the second: 2026-11-26T09:30:12+01:00."""
    t = time.localtime()
    offset = t.tm_gmtoff or 0
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f"{time.strftime('%Y-%m-%dT%H:%M:%S', t)}{sign}{hours:02d}:{minutes:02d}"


def encode(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --------------------------------------------------------------------------------------------
# TinyDB storage


class DurableStorage:
    """A TinyDB storage that keeps the database in memory and writes every change durably.

    TinyDB's JSONStorage re-reads the file before each change and overwrites it in place; this
    one reads once and replaces the file atomically. When a write fails, the in-memory state
    keeps the change, the file stays as it was, and the next write (or `Session.retry_save`)
    writes everything.
    """

    def __init__(self, session: "Session", data: dict):
        self._session = session
        self._data = data

    def read(self) -> dict:
        return self._data

    def write(self, data: dict) -> None:
        self._data = data
        if self._session._batch:
            self._session._batch_pending = True
        else:
            self._session._write(data)

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------------------------
# An open session


class Session(SessionReader):
    """One open session. Changes are saved the moment they are made.

    Answers are stored under string keys chosen by the conductor ("oppstart/plantype",
    "gap/status@a1b2"). Values are cleaned (see sanitize) before they are stored.
    """

    def __init__(self, store: "SessionStore", session_id: str, data: dict, read_only: bool, lock: "HeldLock | None"):
        self.store = store
        self.id = session_id
        self.path = store.path_for(session_id)
        self.read_only = read_only
        self._lock = lock
        self.dirty = False  # True while the file is behind the in-memory state
        self.last_saved: datetime | None = None
        self.last_error: BshpError | None = None
        self.durability_warning: str | None = None
        self._last_backup = store.clock()
        self.file_signature = file_signature(self.path)  # the state this session last wrote
        self._closed = False
        self._batch = False  # inside one_write(): changes are written together at the end
        self._batch_pending = False
        from tinydb import TinyDB  # only writers need it; read-only views use SessionSnapshot

        self.db = TinyDB(storage=DurableStorage, session=self, data=data)
        self._index: dict[str, dict[str, int]] = {}
        for table in ("answers", "drafts", "state"):
            self._index[table] = {doc["key"]: doc.doc_id for doc in self.db.table(table).all()}

    # -- metadata --------------------------------------------------------------------------

    def _meta_doc(self) -> dict:
        return dict(self.db.table("meta").get(doc_id=1) or {})

    def update_meta(self, **fields: Any) -> None:
        self._check_writable()
        self.db.table("meta").update(clean_value(fields), doc_ids=[1])

    # -- answers, drafts and state ---------------------------------------------------------

    def set_answer(self, key: str, value: Any, **extra: Any) -> None:
        """Store an answer. Its draft goes in the same write: the question is answered."""
        with self.one_write():
            self._put("answers", key, {"value": clean_value(value), **clean_value(extra)})
            self._delete("drafts", clean_text(key))

    def rename_answer(self, old: str, new: str) -> None:
        """Move an answer and its draft to a new key in one write, for a field that has moved.
        What the new key already holds is never replaced."""
        moves = [
            (table, doc)
            for table in ("answers", "drafts")
            if (doc := self._doc(table, old)) is not None and self._doc(table, new) is None
        ]
        if not moves:
            return
        with self.one_write():
            for table, doc in moves:
                self._put(table, new, {k: v for k, v in doc.items() if k != "key"})
                self._delete(table, old)

    def delete_answer(self, key: str) -> None:
        with self.one_write():
            self._delete("answers", key)
            self._delete("drafts", clean_text(key))

    def set_draft(self, key: str, text: str, base: str | None = None) -> bool:
        """Keep what is being typed for `key`. `base` is `draft_base(key)` from when the text was
        loaded; if the answer has changed since, the text is stale and is not kept (returns False)."""
        current = self.draft_base(key)
        if base is not None and base != current:
            return False
        if not text:
            self.clear_draft(key)
            return True
        if self.draft(key) == clean_text(text):
            return True
        self._put("drafts", key, {"text": clean_text(text), "base": current})
        return True

    def clear_draft(self, key: str) -> None:
        self._delete("drafts", key)

    def set_state(self, key: str, value: Any) -> None:
        if self.state(key, object()) == value:
            return
        self._put("state", key, {"value": clean_value(value)})

    def _doc(self, table: str, key: str) -> dict | None:
        """The stored document (read straight from memory: every read of an answer comes here)."""
        doc_id = self._index[table].get(key)
        return None if doc_id is None else self._memory().get(table, {}).get(str(doc_id))

    def _docs(self, table: str) -> Iterable[dict]:
        return self.db.table(table).all()

    def _memory(self) -> dict:
        """The whole session data as it is in memory (the file's contents once saved)."""
        return self.db.storage.read() or {}

    def _put(self, table: str, key: str, fields: dict) -> None:
        self._check_writable()
        key = clean_text(key)
        fields = {**fields, "key": key, "updated": now_iso()}
        doc_id = self._index[table].get(key)
        if doc_id is None:
            # Index first: if the write fails, the document is still in memory under this id.
            doc_id = max(self._index[table].values(), default=0) + 1
            self._index[table][key] = doc_id
            from tinydb.table import Document

            self.db.table(table).insert(Document(fields, doc_id=doc_id))
        else:
            self.db.table(table).update(fields, doc_ids=[doc_id])

    def _delete(self, table: str, key: str) -> None:
        self._check_writable()
        doc_id = self._index[table].pop(key, None)
        if doc_id is not None:
            self.db.table(table).remove(doc_ids=[doc_id])

    @contextmanager
    def one_write(self) -> Iterator[None]:
        """Make several changes in one durable write (all or nothing on disk)."""
        if self._batch:
            yield
            return
        self._batch, self._batch_pending = True, False
        try:
            yield
        except BaseException:
            if self._batch_pending:
                self.dirty = True  # memory is ahead of the file; the next write catches up
            raise
        finally:
            self._batch = False
        if self._batch_pending:
            self._batch_pending = False
            self._write(self._memory())

    # -- saving ----------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.id)
        if self._closed:
            raise BshpError(f"Økta «{self.id}» er lukket. Åpne den på nytt for å gjøre endringer.")

    def _write(self, data: dict) -> None:
        """Write the whole state durably. Called by DurableStorage for every change."""
        self._check_writable()
        data["meta"]["1"]["updated"] = now_iso()
        try:
            self._lock = self.store.verify_lock(self.id, self._lock, self.file_signature)
        except SaveError as exc:
            self.dirty = True
            self.last_error = exc
            raise
        try:
            atomic_write_bytes(self.path, encode(data))
        except DirSyncWarning as exc:
            # The file holds the new state; only the folder sync failed. Keep dirty so the
            # next change writes and syncs again.
            self.file_signature = file_signature(self.path)
            self.durability_warning = str(exc)
            self.dirty = True
            self.last_saved = datetime.now()
            return
        except OSError as exc:
            self.dirty = True
            self.last_error = SaveError(self.path, exc)
            raise self.last_error from exc
        self.file_signature = file_signature(self.path)
        if self.store.clock() - self._last_backup >= BACKUP_INTERVAL:
            self.backup_now("underveis")
        self.dirty = False
        self.durability_warning = None
        self.last_error = None
        self.last_saved = datetime.now()

    def backup_now(self, reason: str) -> None:
        """Keep the state on disk as a backup now (e.g. when a guided session is completed).
        A failed backup never stops the work; the next one tries again."""
        if self.read_only or self._closed:
            return
        self._last_backup = self.store.clock()
        self.store.backup_quietly(self.id, reason)

    def retry_save(self) -> None:
        """Write the in-memory state again (after a failed save). Raises SaveError on failure."""
        self._write(self._memory())

    def save_copy(self, path: Path) -> None:
        """Write the in-memory state to another file, e.g. when the data folder is unwritable."""
        try:
            atomic_write_bytes(Path(path), encode(self._memory()))
        except DirSyncWarning:
            pass
        except OSError as exc:
            raise SaveError(Path(path), exc) from exc

    def snapshot(self) -> dict:
        """A deep copy of the whole session data (as in the file)."""
        return json.loads(encode(self._memory()))

    def close(self, give_up: bool = False) -> None:
        """Save what is not yet saved and release the lock.

        If that final save fails, SaveError is raised and the session stays open (lock held, data
        in memory), so the caller can `retry_save()` or `save_copy(path)` and then close again;
        `give_up=True` closes without saving (after the user has chosen so)."""
        if self._closed:
            return
        if self.dirty and not self.read_only and not give_up:
            self.retry_save()
        self._closed = True
        self.store.release(self.id, self._lock)
        self._lock = None

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class SessionSnapshot(SessionReader):
    """A read-only view of a session as it is on disk, for a second window or an export.
    It takes no lock and never writes."""

    read_only = True
    dirty = False
    last_saved = None
    last_error = None
    durability_warning = None

    def __init__(self, store: "SessionStore", session_id: str, data: dict):
        self.store = store
        self.id = session_id
        self.path = store.path_for(session_id)
        self._data = data
        self._tables = {
            table: {doc["key"]: doc for doc in data.get(table, {}).values()} for table in ("answers", "drafts", "state")
        }

    def _meta_doc(self) -> dict:
        return dict(self._data["meta"]["1"])

    def _doc(self, table: str, key: str) -> dict | None:
        return self._tables[table].get(key)

    def _docs(self, table: str) -> Iterable[dict]:
        return self._tables[table].values()

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise ReadOnlyError(self.id)

    set_answer = delete_answer = set_draft = clear_draft = update_meta = _refuse
    retry_save = _refuse

    def rename_answer(self, old: str, new: str) -> None:
        """A moved field's answer is read under its new key; in memory only, nothing is written."""
        for table in ("answers", "drafts"):
            docs = self._tables[table]
            if old in docs and new not in docs:
                docs[new] = {**docs.pop(old), "key": new}

    def set_state(self, key: str, value: Any) -> None:
        """View state (where the reader is) is kept in memory only, so a read-only view can
        still be navigated. Nothing is written."""
        self._tables["state"][key] = {"key": key, "value": clean_value(value)}

    def snapshot(self) -> dict:
        return json.loads(encode(self._data))

    def save_copy(self, path: Path) -> None:
        try:
            atomic_write_bytes(Path(path), encode(self._data))
        except DirSyncWarning:
            pass
        except OSError as exc:
            raise SaveError(Path(path), exc) from exc

    def close(self, give_up: bool = False) -> None:
        pass

    def __enter__(self) -> "SessionSnapshot":
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass
