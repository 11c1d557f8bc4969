"""Answers of fields that have moved to another guided session.

A field that moves keeps its answer: its felt block names where it stood before
(`tidligere: medvirkning.interessenter`), and when a session is opened with those prompt files the
answer (and any draft) is moved to the new key in one write. A read-only view moves it in memory.
If the write fails, the session keeps the change in memory and the next save writes it, as with any
other answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import ReadOnlyError, SaveError


def former_keys(scripts: Iterable[Any], answer_key: Any) -> list[tuple[str, str]]:
    """(old key, new key) for every field that names where it stood before."""
    out = []
    for script in scripts:
        for fld in script.fields():
            if fld.former:
                old_script, _, old_field = fld.former.partition(".")
                out.append((answer_key(old_script, old_field), answer_key(fld.script_id, fld.id)))
    return out


def adopt_former_answers(scripts: Iterable[Any], session: Any, answer_key: Any) -> None:
    rename = getattr(session, "rename_answer", None)
    if rename is None:
        return
    answers = session.answers()
    drafts = session.drafts() if hasattr(session, "drafts") else {}
    for old, new in former_keys(scripts, answer_key):
        if (old in answers and new not in answers) or (old in drafts and new not in drafts):
            try:
                rename(old, new)
            except (ReadOnlyError, SaveError):
                pass  # the answer stays under its old key (read-only) or is written with the next save
