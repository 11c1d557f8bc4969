"""Slash commands and the structured editors of the guided chat. A mixin for WorkScreen, which
provides the session, the conductor, the position, `say`, `refresh_all` and the navigation actions."""

from __future__ import annotations

from ...guide import commands as cmd
from ...guide.answer_text import format_value
from ...guide.transcript import new_remarks, record_remarks
from ...scripts.values import ValidationError
from ..widgets.chat import ChatInput
from .swot import is_swot_position, open_swot
from .work_host import WorkHost


class CommandsAndEditors(WorkHost):
    async def run_command(self, name: str, arg: str) -> None:
        """A slash command typed in the chat (or a palette entry): its action from the table."""
        from .. import command_actions

        if name not in cmd.BY_NAME:
            self.say(cmd.unknown_message(name), "warning")
            return
        await command_actions.run(self, name, arg)

    def action_overview(self) -> None:
        from . import views

        self.app.push_screen(views.PlanOverviewScreen(self.c))

    def action_ranked(self) -> None:
        from . import views

        self.app.push_screen(views.RankedScreen(self.c))

    def action_health(self) -> None:
        from . import views

        self.app.push_screen(views.HealthScreen(self.c), self._after_health)

    def action_preview_screen(self) -> None:
        from . import views

        self.app.push_screen(views.PreviewScreen(self.c))

    def action_take_draft(self) -> None:
        """Ctrl+R or /utkast: put the draft kept aside in the input instead of the saved answer.
        Nothing is stored until Enter."""
        if self.offered_draft is None:
            self.say("Det finnes ikke noe utkast for dette spørsmålet.")
            return
        text, self.offered_draft = self.offered_draft, None
        self.query_one(ChatInput).set_text(text)
        self.draft_text = text
        self.say("Utkastet er hentet fram. Enter lagrer det som svar; /tilbake eller Esc lar det lagrede svaret stå.")

    def action_edit(self) -> None:
        from ..dialogs import editors

        if self.pos is None:
            self.say("Alle spørsmålene er besvart. Velg et steg med F3, eller klikk på et svar i samtalen, "
                     "for å endre det.")
            return
        if self.session.read_only:
            self.say("Økta er åpnet bare for lesing, så svarene kan ikke endres.", "warning")
            return
        if is_swot_position(self.c, self.pos):
            open_swot(self)
            return
        if not editors.has_editor(self.c, self.pos):
            self.say("Dette svaret redigeres rett i feltet nederst.")
            return
        entries = None
        if editors.opens_with_input(self.c, self.pos):
            entries = self.typed_entries()
            if entries is None:
                return
        editor = editors.editor_for(self.c, self.pos, self.session.read_only, entries)
        if editor is not None:
            self.app.push_screen(editor, self._after_editor)

    def action_matrix(self) -> None:
        from . import views

        fld = next((f for s in self.c.scripts for f in s.fields() if f.kind == "vurdering"), None)
        if fld is None:
            self.say("Veiledningene har ingen prioritering.")
            return
        self.app.push_screen(views.MatrixEditor(self.c, fld, read_only=self.session.read_only), self._after_editor)

    def typed_entries(self) -> list[dict] | None:
        """The entries the input shows (typed, suggested or stored), for the editor to open with.
        None (with a message) if the text cannot be read."""
        text = self.query_one(ChatInput).text
        if not text.strip() or self.pos is None:
            return []
        stored = self.c.value(self.pos)
        if stored and text.strip() == format_value(self.c, self.c.field(self.pos), stored).strip():
            return [dict(e) for e in stored if isinstance(e, dict)]  # unchanged: exactly as stored
        try:
            value = self.c.parse(self.pos, text)
        except ValidationError as exc:
            self.say(f"Rett teksten i feltet før dere åpner redigeringen: {exc}", "warning")
            return None
        return [dict(e) for e in value or [] if isinstance(e, dict)]

    async def _after_editor(self, changed: bool | None) -> None:
        if changed and self.pos is not None:
            record_remarks(self.c, self.pos, new_remarks(self.c, self.pos))
        await self.refresh_all(load_input=bool(changed))

    async def _after_health(self, target) -> None:
        if target:
            script_id, step_id, item = target
            self.c.jump(script_id, step_id, item)
        await self.refresh_all(load_input=bool(target))
