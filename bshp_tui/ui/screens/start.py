"""The start screen: the sessions in the data folder, new, open, delete and restore."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...disk.durable import file_signature
from ...errors import BshpError, SessionLockedError
from ...guide.saved_when import saved_when
from ...guide.session_start import record_start, same_plan
from ..command_actions import bindings, with_capitals
from ..dialogs import BackupsDialog, ConfirmDialog, MessageDialog, NewSessionDialog
from ..screen_base import BshpScreen
from ..widgets.footer import KeyFooter
from ..widgets.titlebar import TitleBar
from .start_followup import FollowUp

FOLDER_CHECK_SECONDS = 2.0  # how often the list looks for sessions changed from elsewhere


class StartScreen(BshpScreen):
    BINDINGS = with_capitals(
        [
            Binding("n", "new", "Ny", id="new"),
            Binding("enter", "open", "Åpne", id="open", show=True),
            Binding("l", "open_read_only", "Bare les", id="read_only"),
            Binding("s", "delete", "Slett", id="delete"),
            Binding("k", "backups", "Sikkerhetskopier", id="backups"),
            Binding("f5", "refresh", "Oppdater", id="refresh", show=False),
            *bindings("start"),  # the regional summary and the next period (start_followup.py)
        ]
    )  # «trykk N»: Shift+N (or Caps Lock) works as N

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.follow_up = FollowUp(self)
        self._left: str | None = None  # the session just opened, highlighted again on the way back
        self._listed: object = None  # what the data folder held when the list was made

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title_subtitle())
        with Vertical(id="start"):
            yield Static(
                "Velkommen! Velg planarbeidet dere vil fortsette med og trykk Enter, eller trykk N for å starte "
                "et nytt. Alt dere svarer, lagres med en gang.",
                id="welcome",
                markup=False,
            )
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="start-status", classes="hint")
        yield KeyFooter()

    def title_subtitle(self) -> str:
        return ""

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Kommune", "Planperiode", "Fremdrift", "Sist lagret", "Fil")
        self.refresh_list()
        table.focus()
        # A session made, imported or restored from another terminal shows up by itself.
        self.set_interval(FOLDER_CHECK_SECONDS, self.refresh_if_changed)

    def folder_state(self) -> object:
        """The session files and which state of each is written (cheap: names and file times)."""
        try:
            ids = self.app.store.ids()
        except BshpError:
            return None
        return [(session_id, file_signature(self.app.store.path_for(session_id))) for session_id in ids]

    def refresh_if_changed(self) -> None:
        if self.is_current and self.folder_state() != self._listed:
            self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list(keep=self._left)  # back from a session: it stays highlighted
        self._left = None

    def refresh_list(self, keep: str | None = None) -> None:
        """List the sessions again; the highlighted one (or `keep`) stays highlighted, so Enter
        opens the plan the group was at, not the first in the list."""
        table = self.query_one(DataTable)
        keep = keep or self.selected_id()
        row = table.cursor_row
        self._listed = self.folder_state()
        table.clear()
        try:
            infos = self.app.store.list()
        except BshpError as exc:
            self.query_one("#start-status", Static).update(Text(str(exc)))
            return
        for info in infos:
            if info.ok:
                progress = f"{round((info.progress or 0) * 100)} %"
                updated = saved_when(info.updated)
                mark = "✓ " if info.id in self.follow_up.marked else ""
                # Text, not str: a DataTable reads a str as markup, and what a file holds is shown as written.
                cells = [mark + info.municipality, info.period or "–", progress, updated, info.path.name]
            else:
                cells = ["SKADET", info.damaged or "", "", "", info.path.name]
            table.add_row(*map(Text, cells), key=info.id)
        if keep is not None and any(key.value == keep for key in table.rows):
            table.move_cursor(row=table.get_row_index(keep))
        elif table.row_count:  # the plan is gone (deleted): the one now in its place
            table.move_cursor(row=min(row, table.row_count - 1))
        deleted = self.app.store.deleted_ids()
        status = f"{len(infos)} planarbeid i «{self.app.store.data_dir}»."
        if any(not i.ok for i in infos):
            status += " En skadet fil kan gjenopprettes fra sikkerhetskopi (K)."
        if deleted:
            status += f" Slettet, men kan gjenopprettes: {', '.join(deleted)}."
        status += self.follow_up.hint()
        if not infos:
            status = "Ingen planarbeid her ennå. Trykk N for å starte et nytt."
        self.query_one("#start-status", Static).update(Text(status))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Opening read-only and deleting need a session in the list: with none, their keys are
        left off the key line (and do nothing), so the keys that do something fit at any width."""
        if action in ("open_read_only", "delete") and self.is_mounted and not self.query_one(DataTable).row_count:
            return False
        return True

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def plan_name(self, session_id: str) -> str:
        """«Molde 2027–2030» (molde-2.json): how the list names a session, for dialogs."""
        info = self.app.store.info(session_id)
        if not info.ok:
            return f"«{session_id}»"
        return f"«{' '.join(filter(None, [info.municipality, info.period]))}» ({info.path.name})"

    def action_refresh(self) -> None:
        self.refresh_list()

    def action_mark(self) -> None:
        self.follow_up.mark()

    def action_region(self) -> None:
        self.follow_up.region()

    def action_new_period(self) -> None:
        self.follow_up.new_period()

    def action_new(self) -> None:
        # Pushed at once (not from a worker), so keys typed right after N reach the dialog.
        self.app.push_screen(NewSessionDialog(), self._create)

    def _create(self, answer: tuple[str, str] | None) -> None:
        if not answer:
            return
        name, period = answer
        try:
            twins = same_plan(self.app.store.list(), name, period or None)
        except BshpError as exc:  # the data folder cannot be read
            self.app.push_screen(MessageDialog.quoting("Kunne ikke opprette", str(exc)))
            return
        if not twins:
            self._make(name, period)
            return

        def answered(make_anyway: bool | None) -> None:
            if make_anyway:
                self._make(name, period)
            else:
                self.refresh_list(keep=twins[0].id)  # the plan that exists, ready to open with Enter

        names = ", ".join(self.plan_name(t.id) for t in twins)
        self.app.push_screen(
            ConfirmDialog(
                f"Det finnes allerede et planarbeid for samme kommune og periode: {names}.\n\n"
                "Vil dere lage et nytt likevel? Velg Avbryt, så er det som finnes markert i lista, og Enter åpner det.",
                yes="Lag nytt",
            ),
            answered,
        )

    def _make(self, name: str, period: str) -> None:
        try:
            session = self.app.store.create(name, period or None)
        except BshpError as exc:
            self.app.push_screen(MessageDialog.quoting("Kunne ikke opprette", str(exc)))
            return
        try:
            record_start(self.app.scripts, session, period)  # the period is not asked again
        except BshpError as exc:
            self.notify(str(exc), severity="error", timeout=12)
        self.open_session(session)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self, read_only: bool = False, session_id: str | None = None) -> None:
        session_id = session_id or self.selected_id()
        if session_id is None:
            return
        try:
            session = self.app.store.open(session_id, read_only=read_only)
        except SessionLockedError as exc:

            def answered(read_only_wanted: bool | None) -> None:
                if read_only_wanted:  # the plan asked about, whatever the list shows by now
                    self.action_open(read_only=True, session_id=session_id)

            question = (
                f"Planarbeidet {self.plan_name(session_id)} er allerede åpent i et annet bshp-vindu "
                f"({exc.owner}). Lukk det andre vinduet først, eller åpne det bare for lesing nå."
                "\n\nÅpne det bare for lesing?"
            )
            self.app.push_screen(ConfirmDialog(question, yes="Bare les", no="Avbryt"), answered)
            return
        except BshpError as exc:
            self.app.push_screen(MessageDialog.quoting("Kan ikke åpne", str(exc)))
            return
        self.open_session(session)

    def action_open_read_only(self) -> None:
        self.action_open(read_only=True)

    def open_session(self, session) -> None:
        from .work import WorkScreen

        self._left = session.id
        self.app.push_screen(WorkScreen(session, self.app.scripts))

    @work
    async def action_delete(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        if not await self.app.push_screen_wait(
            ConfirmDialog(
                f"Slette {self.plan_name(session_id)}? En sikkerhetskopi blir liggende, så den kan gjenopprettes.",
                yes="Slett",
                destructive=True,
            )
        ):
            return
        try:
            self.app.store.delete(session_id)
        except BshpError as exc:
            await self.app.push_screen_wait(MessageDialog.quoting("Kunne ikke slette", str(exc)))
        self.refresh_list()

    @work
    async def action_backups(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            deleted = self.app.store.deleted_ids()
            if not deleted:
                return
            session_id = deleted[0]
        choice = await self.app.push_screen_wait(BackupsDialog(session_id, self.app.store.backups(session_id)))
        if not choice:
            return
        try:
            info = self.app.store.restore(session_id, choice)
        except BshpError as exc:
            await self.app.push_screen_wait(MessageDialog.quoting("Kunne ikke gjenopprette", str(exc)))
            return
        self.notify(f"Gjenopprettet «{session_id}» fra {info.created:%d.%m.%Y %H:%M}.")
        self.refresh_list()
