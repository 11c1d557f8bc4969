"""Answers as text: what to put in the input when the group arrives at a field, an answer written
back the way the group would type it, and an answer for reading in the transcript. The field's
kind (bshp_tui/kinds/) does the work."""

from __future__ import annotations

import re
from typing import Any

from ..record import Record
from ..scripts import kinds
from ..scripts.model import Field
from ..scripts.refs import FINAL_ORDER, PLAN_PERIOD
from ..scripts.values import ValidationError, split_cells, split_lines
from .conductor import Conductor, Position


def initial_text(c: Conductor, pos: Position) -> str:
    """What to put in the input when the group arrives at a field: the current answer as
    text, or the suggested defaults."""
    fld = c.field(pos)
    value = c.value(pos)
    kind = kinds.for_field(fld)
    if not kind.is_empty(value):
        return kind.input_text(c, fld, value)
    from .followup import seed_text  # the suggestions load with the first question, not with an export

    text = kind.default_text(c, pos, fld) or seed_text(c, pos)
    if text:
        return text
    if f"{pos.script_id}.{pos.field_id}" == FINAL_ORDER.field:
        from .ranking_text import order_text

        return order_text(c)
    if (pos.script_id, pos.field_id) == (PLAN_PERIOD.script_id, PLAN_PERIOD.field_id):
        return str(c.session.meta.get("period", ""))
    return ""


class InputText(Record):
    """What the input holds when the group arrives at a question."""

    def __init__(
        self, text: str, base: str, offered_draft: str | None = None, from_draft: bool = False, answered: bool = False
    ):
        self.text = text  # shown in the input
        self.base = base  # the fingerprint of the stored answer the text stands on (see Session.draft_base)
        self.offered_draft = offered_draft  # a draft kept aside: the saved answer is shown, the draft offered
        self.from_draft = from_draft  # the text is a draft (there is no saved answer yet)
        self.answered = answered  # the question has a saved answer: the text shows it


def input_text(c: Conductor, pos: Position) -> InputText:
    """The rule for drafts: a draft is shown only for a question without a saved answer. Where a
    saved answer exists, the input shows it, and a draft that differs is offered, never loaded.
    Stale drafts (typed against an older answer) are never returned by the session at all."""
    session = c.session
    draft = session.draft(pos.key)
    base = session.draft_base(pos.key)
    value = c.value(pos)
    if kinds.for_field(c.field(pos)).is_empty(value):
        if draft and draft.strip():
            return InputText(draft, base, from_draft=True)
        return InputText(initial_text(c, pos), base)
    from .commands import escape  # the command table: for the app's input, not for an export

    saved = escape(format_value(c, c.field(pos), value))  # sent again unchanged, also when it starts with «/»
    offered = draft if draft and draft.strip() and draft.strip() != saved.strip() else None
    return InputText(saved, base, offered_draft=offered, answered=True)


def format_value(c: Conductor, fld: Field, value: Any) -> str:
    """An answer as the text the group would type to give it."""
    return kinds.for_field(fld).input_text(c, fld, value)


def display_value(c: Conductor, fld: Field, value: Any) -> str:
    """An answer for reading (the group's turn in the transcript)."""
    return kinds.for_field(fld).display_text(c, fld, value)


def editor_entries(c: Conductor, pos: Position, text: str) -> list[dict]:
    """The entries of a list or table answer that the input shows (typed, suggested or stored), for
    its editor to open with: exactly as stored when the text is unchanged. Raises ValidationError
    when the text cannot be read."""
    stored = c.value(pos)
    if not text.strip():
        return []
    if stored and text.strip() == format_value(c, c.field(pos), stored).strip():
        return [dict(e) for e in stored if isinstance(e, dict)]
    return [dict(e) for e in c.parse(pos, text) or [] if isinstance(e, dict)]


class UnreadRow(Record):
    """A line of a table answer typed in the input that could not be read: kept for the table
    editor's row dialog, so the editor opens anyway and nothing typed is lost."""

    def __init__(self, line: int, at: int, text: str, cells: list[str], error: str):
        self.line = line  # its number among the lines typed (as «Linje 2» in messages)
        self.at = at  # where it goes among the rows that were read
        self.text = text  # the line as typed
        self.cells = cells  # its text, one cell per column (extra cells stay together in the last one)
        self.error = error  # why it could not be read


def table_editor_rows(c: Conductor, pos: Position, text: str) -> tuple[list[dict], list[UnreadRow]]:
    """The rows of a table answer the input shows, for its editor: those that can be read (as
    `editor_entries`), and each line that cannot, with its cells and the reason."""
    try:
        return editor_entries(c, pos, text), []
    except ValidationError:
        pass
    columns = c.field(pos).columns
    read: list[str] = []
    unread: list[UnreadRow] = []
    for n, line in enumerate(split_lines(text), start=1):
        try:
            c.parse(pos, line)
        except ValidationError as exc:
            reason = re.sub(r"^Linje \d+: ", "", str(exc))
            unread.append(UnreadRow(n, len(read), line, _cells(line, len(columns)), reason))
        else:
            read.append(line)
    return editor_entries(c, pos, "\n".join(read)), unread


def _cells(line: str, count: int) -> list[str]:
    """A line's cells, one per column; more cells than columns are kept together in the last one."""
    cells = split_cells(line)
    if len(cells) > count:
        cells = cells[: count - 1] + ["; ".join(cells[count - 1 :])]
    return cells + [""] * (count - len(cells))


def toggle_label(text: str, label: str) -> str:
    """A multiple choice typed as comma-separated labels, with `label` added or taken out."""
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    chosen = [p for p in chosen if p != label] if label in chosen else [*chosen, label]
    return ", ".join(chosen)
