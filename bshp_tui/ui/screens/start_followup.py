"""The start screen's follow-up actions: the next plan period from a session, and a regional
summary of several sessions chosen with the space bar. The keys come from the command table
(scope "start", guide/commands.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from ...errors import BshpError, UsageError
from ...guide.period import parse_period
from ..export_place import export_folder

HINT = " Mellomrom velger økter til en regional oppsummering (R); P starter neste planperiode."


def next_period(period: str) -> str:
    """The period after «2027–2030» with the same length: «2031-2034» ("" when unknown)."""
    try:
        start, end = (int(y) for y in parse_period(period).split("–"))
    except (UsageError, ValueError):
        return ""
    return f"{end + 1}-{end + 1 + end - start}"


class PeriodDialog(ModalScreen[str | None]):
    """Ask for the next plan period."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(self, municipality: str, suggested: str) -> None:
        super().__init__()
        self.municipality = municipality
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Neste planperiode", classes="dialog-title")
            yield Static(
                Text(
                    f"En ny økt for {self.municipality} med målområdene, målene, kartleggingen og tiltakene som "
                    "ikke er gjennomført eller avlyst, med historikken fra oppfølgingen. Den gamle økta endres ikke."
                ),
                classes="dialog-body",
            )
            yield Label("Ny planperiode")
            yield Input(value=self.suggested, placeholder="for eksempel 2031-2034", id="periode")
            yield Static("", id="feil", classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opprett", variant="primary", id="ok")
                yield Button("Avbryt", id="cancel")

    @on(Input.Submitted, "#periode")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#periode", Input).value.strip()
        try:
            self.dismiss(parse_period(text))
        except UsageError as exc:
            self.query_one("#feil", Static).update(Text(str(exc)))
            self.query_one("#periode", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class FollowUp:
    """The start screen's follow-up actions. `screen` is the StartScreen (selected_id, refresh_list)."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        self.marked: set[str] = set()

    @property
    def app(self) -> Any:
        return self.screen.app

    def marked_ids(self) -> list[str]:
        """The sessions chosen for the regional summary, in the list's order."""
        return [i for i in self.app.store.ids() if i in self.marked]

    def hint(self) -> str:
        chosen = self.marked_ids()
        if not chosen:
            return HINT
        return f" Valgt til regional oppsummering: {', '.join(chosen)}. Trykk R for å lage den."

    def mark(self) -> None:
        session_id = self.screen.selected_id()
        if session_id is None:
            return
        self.marked ^= {session_id}
        table = self.screen.query_one(DataTable)
        row = table.cursor_row
        self.screen.refresh_list()
        table.move_cursor(row=row)

    def new_period(self) -> None:
        session_id = self.screen.selected_id()
        if session_id is None:
            return
        info = self.app.store.info(session_id)
        if not info.ok:
            self.screen.notify(
                "Økta er skadet. Gjenopprett den fra en sikkerhetskopi (K) først.", severity="error", timeout=12
            )
            return

        def chosen(period: str | None) -> None:
            if period:
                self._make_period(session_id, period)

        self.app.push_screen(PeriodDialog(info.municipality, next_period(info.period)), chosen)

    def _make_period(self, session_id: str, period: str) -> None:
        from ...guide.new_period import start_new_period

        try:
            carried = start_new_period(self.app.store, self.app.scripts, session_id, period)
        except BshpError as exc:
            self.screen.notify(str(exc), severity="error", timeout=15)
            return
        self.screen.refresh_list()
        table = self.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(carried.session_id))
        self.screen.notify(
            f"Opprettet «{carried.session_id}» for {period} med {len(carried.measures)} tiltak som "
            f"ikke er gjennomført eller avlyst. «{session_id}» er ikke endret.",
            timeout=15,
        )

    def region(self) -> None:
        ids = self.marked_ids()
        if len(ids) < 2:
            self.screen.notify("Velg minst to økter med mellomromstasten, og trykk R igjen.", timeout=10)
            return
        self.screen.run_worker(lambda: self._make_region(ids), thread=True, exclusive=True, group="region")

    def _make_region(self, ids: list[str]) -> None:
        from ...export.region import export_region

        app, notify = self.app, self.screen.notify
        folder = export_folder(app.store.data_dir)
        target = folder / f"region-{datetime.now():%Y%m%d-%H%M%S}.docx"
        app.call_from_thread(notify, "Lager den regionale oppsummeringen …", timeout=3)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            region = export_region(app.store, app.scripts, ids, "docx", target)
        except (BshpError, OSError) as exc:
            app.call_from_thread(notify, f"Oppsummeringen feilet: {exc}", severity="error", timeout=15)
            return
        app.call_from_thread(notify, f"Skrev {target.resolve()} med {len(region.kommuner)} kommuner.", timeout=15)
        for session_id, why in region.skipped:
            app.call_from_thread(notify, f"Hoppet over «{session_id}»: {why}", severity="warning", timeout=20)
