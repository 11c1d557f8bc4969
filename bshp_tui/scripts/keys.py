"""Answer keys: where an answer is stored in a session, built from a script id, a field id and a
repeat item."""

from __future__ import annotations


def answer_key(script_id: str, field_id: str, item: str | None = None) -> str:
    """The key an answer is stored under: "script/field", or "script/field@item" for one repeat of
    a step. Every answer key is built here."""
    return f"{script_id}/{field_id}" + (f"@{item}" if item else "")


def parse_answer_key(key: str) -> tuple[str, str, str | None]:
    """(script id, field id, repeat item id or None) of an answer key made by `answer_key`."""
    ref, _, item = key.partition("@")
    script_id, _, field_id = ref.partition("/")
    return script_id, field_id, item or None
