"""Structured editors where chat is clumsy: EDITORS maps a field kind to its editor (the list and
table editors, and the rating matrix)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from ...guide.conductor import Conductor, Position
from .list_editor import ListEditor
from .table_editor import TableEditor


def _matrix(c: Conductor, pos: Position, read_only: bool) -> Screen:
    from ..screens.views import MatrixEditor

    return MatrixEditor(c, c.field(pos), read_only=read_only)


# The structured editor of each field kind that has one (Ctrl+E); other kinds are edited in the input.
# The list and table editors open with the entries the input shows (typed or suggested, not yet sent).
EDITORS: dict[str, Callable[[Conductor, Position, bool, list[dict] | None], Screen]] = {
    "liste": lambda c, pos, read_only, entries: ListEditor(c, pos, entries),
    "tabell": lambda c, pos, read_only, entries: TableEditor(c, pos, entries),
    "vurdering": lambda c, pos, read_only, entries: _matrix(c, pos, read_only),
}
OPENS_WITH_INPUT = {"liste", "tabell"}


def has_editor(c: Conductor, pos: Position) -> bool:
    return c.field(pos).kind in EDITORS


def opens_with_input(c: Conductor, pos: Position) -> bool:
    return c.field(pos).kind in OPENS_WITH_INPUT


def editor_for(
    c: Conductor, pos: Position, read_only: bool = False, entries: list[dict] | None = None
) -> Screen | None:
    make = EDITORS.get(c.field(pos).kind)
    return make(c, pos, read_only, entries) if make else None
