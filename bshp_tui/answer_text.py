"""Answers as text: what to put in the input when the group arrives at a field, an answer written
back the way the group would type it, and an answer for reading in the transcript. The field's
kind (bshp_tui/kinds/) does the work."""

from __future__ import annotations

from typing import Any

from . import kinds
from .conductor import Conductor, Position
from .refs import PLAN_PERIOD
from .script import Field


def initial_text(c: Conductor, pos: Position) -> str:
    """What to put in the input when the group arrives at a field: the current answer as
    text, or the suggested defaults."""
    fld = c.field(pos)
    value = c.value(pos)
    kind = kinds.for_field(fld)
    if not kind.is_empty(value):
        return kind.input_text(c, fld, value)
    text = kind.default_text(c, pos, fld)
    if text:
        return text
    if (pos.script_id, pos.field_id) == (PLAN_PERIOD.script_id, PLAN_PERIOD.field_id):
        return str((getattr(c.session, "meta", {}) or {}).get("period", ""))
    return ""


def format_value(c: Conductor, fld: Field, value: Any) -> str:
    """An answer as the text the group would type to give it."""
    return kinds.for_field(fld).input_text(c, fld, value)


def display_value(c: Conductor, fld: Field, value: Any) -> str:
    """An answer for reading (the group's turn in the transcript)."""
    return kinds.for_field(fld).display_text(c, fld, value)
