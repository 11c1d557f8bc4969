"""The rule for drafts: a draft belongs to one state of one question.

A draft records the fingerprint of the answer it was typed against. Once the answer changes, by
any path, the draft is stale and is never shown again; `Session.set_answer` also drops it in the
same write."""

from __future__ import annotations

import json
from typing import Any


def fingerprint(value: Any) -> str:
    """What a draft was typed against: a short digest of the stored answer ("" when there is none).
    A draft is live only while the answer still has this fingerprint."""
    if value is None:
        return ""
    import hashlib  # here, not at the top: commands that never read drafts (export) skip loading it

    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def live_draft(answer_doc: dict | None, draft_doc: dict | None) -> str | None:
    """The draft's text if it was typed against the answer as it is now, else None.

    A draft belongs to one state of one question: answering the question by any path makes it
    stale. A draft from before drafts carried a base counts only if there is no answer, or it is
    newer than the answer."""
    if draft_doc is None:
        return None
    value = None if answer_doc is None else answer_doc.get("value")
    base = draft_doc.get("base")
    if base is not None:
        return draft_doc.get("text") if base == fingerprint(value) else None
    if answer_doc is None or str(draft_doc.get("updated", "")) > str(answer_doc.get("updated", "")):
        return draft_doc.get("text")
    return None
