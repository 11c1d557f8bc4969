"""The editors opened from the guided chat (Ctrl+E, /rediger, /matrise), chosen from the conductor,
the position and what the input shows: the editor to open, or what to tell the group instead."""

from __future__ import annotations

from textual.screen import Screen

from ...guide.answer_text import editor_entries, table_editor_rows
from ...guide.conductor import Conductor, Position
from ...scripts.values import ValidationError
from ..dialogs import editors
from ..dialogs.table_editor import TableEditor
from ..widgets.feedback_line import Say
from . import views


def answer_editor(c: Conductor, pos: Position | None, read_only: bool, typed: str) -> Screen | Say:
    """The editor of the answer at `pos` (a list or a table), opened with the entries `typed` in the
    input (a SWOT step has its own screen: swot.open_swot)."""
    if pos is None:
        return Say(
            "Alle spørsmålene er besvart. Velg et steg med F3, eller klikk på et svar i samtalen, for å endre det."
        )
    if read_only:
        return Say("Økta er åpnet bare for lesing, så svarene kan ikke endres.", "warning")
    if not editors.has_editor(c, pos):
        return Say("Dette svaret redigeres rett i feltet nederst.")
    if c.field(pos).kind == "tabell":  # lines that cannot be read open in the row dialog, as typed
        rows, unread = table_editor_rows(c, pos, typed)
        return TableEditor(c, pos, rows, unread)
    entries = None
    if editors.opens_with_input(c, pos):
        try:
            entries = editor_entries(c, pos, typed)
        except ValidationError as exc:
            return Say(f"Rett teksten i feltet før dere åpner redigeringen: {exc}", "warning")
    return editors.editor_for(c, pos, entries=entries) or Say("Dette svaret redigeres rett i feltet nederst.")


def matrix_editor(c: Conductor, read_only: bool) -> Screen | Say:
    """The prioritising matrix of the first rating field in the guided sessions."""
    fld = next((f for s in c.scripts for f in s.fields() if f.kind == "vurdering"), None)
    if fld is None:
        return Say("Veiledningene har ingen prioritering.")
    return views.MatrixEditor(c, fld, read_only=read_only)


def confirms_answer(c: Conductor, pos: Position) -> bool:
    """Saving in this answer's editor confirms it (Ctrl+S in the list and table editors). The
    prioritising matrix saves every key and is closed with «Ferdig»: the group stays."""
    return editors.opens_with_input(c, pos)
