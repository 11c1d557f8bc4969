"""The editors and views opened from the guided chat that change where the group is or what it
answered: the answer's own editor (Ctrl+E), the prioritising matrix and the plan's remarks. Each
opens on the chat's conductor and position and, when it closes, has the chat show the question it
leads to (like `swot.open_swot`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...guide.answer_text import editor_entries
from ...guide.transcript import new_remarks, record_remarks
from ...scripts.values import ValidationError
from ..dialogs import editors
from ..widgets.chat import ChatInput
from . import views
from .swot import is_swot_position, open_swot

if TYPE_CHECKING:
    from .work import WorkScreen


def open_editor(work: WorkScreen) -> None:
    """The answer's own editor (list, table, SWOT), opened with what the input shows."""
    c, pos = work.c, work.pos
    if pos is None:
        work.say("Alle spørsmålene er besvart. Velg et steg med F3, eller klikk på et svar i samtalen, "
                 "for å endre det.")
    elif work.session.read_only:
        work.say("Økta er åpnet bare for lesing, så svarene kan ikke endres.", "warning")
    elif is_swot_position(c, pos):
        open_swot(work)
    elif not editors.has_editor(c, pos):
        work.say("Dette svaret redigeres rett i feltet nederst.")
    else:
        entries = None
        if editors.opens_with_input(c, pos):
            try:
                entries = editor_entries(c, pos, work.query_one(ChatInput).text)
            except ValidationError as exc:
                work.say(f"Rett teksten i feltet før dere åpner redigeringen: {exc}", "warning")
                return
        editor = editors.editor_for(c, pos, entries=entries)
        if editor is not None:
            work.app.push_screen(editor, lambda changed: _after_editor(work, changed))


def open_matrix(work: WorkScreen) -> None:
    fld = next((f for s in work.c.scripts for f in s.fields() if f.kind == "vurdering"), None)
    if fld is None:
        work.say("Veiledningene har ingen prioritering.")
        return
    work.app.push_screen(views.MatrixEditor(work.c, fld, read_only=work.session.read_only),
                         lambda changed: _after_editor(work, changed))


def open_health(work: WorkScreen) -> None:
    """The plan's remarks; the one chosen takes the chat to its question."""

    async def go_to(target: tuple | None) -> None:
        if target:
            work.c.jump(*target)
        await work.refresh_all(load_input=bool(target))

    work.app.push_screen(views.HealthScreen(work.c), go_to)


async def _after_editor(work: WorkScreen, changed: bool | None) -> None:
    if changed and work.pos is not None:
        record_remarks(work.c, work.pos, new_remarks(work.c, work.pos))
    await work.refresh_all(load_input=bool(changed))
