"""The read API every session view shares: an open `Session` and a read-only `SessionSnapshot` both
read their meta, answers, drafts and view state through this one class."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from .drafts import fingerprint, live_draft


class SessionReader:
    """Reads over documents kept per table ("answers", "drafts", "state"), each with a "key".
    Subclasses say where the documents are (`_doc`, `_docs`, `_meta_doc`)."""

    def _doc(self, table: str, key: str) -> dict | None:
        raise NotImplementedError

    def _docs(self, table: str) -> Iterable[dict]:
        raise NotImplementedError

    def _meta_doc(self) -> dict:
        raise NotImplementedError

    @property
    def meta(self) -> dict:
        return dict(self._meta_doc())

    @property
    def municipality(self) -> str:
        return self.meta.get("municipality", "")

    def answers(self) -> dict[str, Any]:
        return {doc["key"]: doc["value"] for doc in self._docs("answers")}

    def answer_times(self) -> dict[str, str]:
        """When each answer was last saved (local time with offset, ISO 8601), by key."""
        return {doc["key"]: doc["updated"] for doc in self._docs("answers") if isinstance(doc.get("updated"), str)}

    def answer(self, key: str, default: Any = None) -> Any:
        doc = self._doc("answers", key)
        return default if doc is None else doc["value"]

    def draft(self, key: str) -> str | None:
        """The draft typed for `key`, if it was typed against the answer as it is now."""
        return live_draft(self._doc("answers", key), self._doc("drafts", key))

    def drafts(self) -> dict[str, str]:
        return {doc["key"]: text for doc in self._docs("drafts") if (text := self.draft(doc["key"])) is not None}

    def draft_base(self, key: str) -> str:
        """The fingerprint of the answer now: pass it to `set_draft` with text typed against it."""
        doc = self._doc("answers", key)
        return fingerprint(None if doc is None else doc.get("value"))

    def state(self, key: str, default: Any = None) -> Any:
        doc = self._doc("state", key)
        return default if doc is None else doc["value"]

    def one_write(self) -> AbstractContextManager[None]:
        """Changes made inside go to disk in one write (a view that never writes has nothing to group)."""
        return nullcontext()

    def backup_now(self, reason: str) -> None:
        """Keep a backup of the session as it is now (a read-only view keeps none)."""
