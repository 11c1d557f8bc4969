"""Dialogs of the start screen: a new session and the backups of one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ListItem, ListView, Static


class NewSessionDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for the municipality and the plan period."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Nytt planarbeid", classes="dialog-title")
            yield Label("Kommune")
            yield Input(placeholder="for eksempel Molde", id="kommune")
            yield Label("Planperiode (kan endres senere)")
            yield Input(placeholder="for eksempel 2027-2030", id="periode")
            yield Static("", id="feil", classes="error-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opprett", variant="primary", id="ok")
                yield Button("Avbryt", id="cancel")

    @on(Input.Submitted, "#kommune")
    def _next(self) -> None:
        self.query_one("#periode", Input).focus()

    @on(Input.Submitted, "#periode")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        from ...errors import UsageError
        from ...guide.period import parse_period

        name = self.query_one("#kommune", Input).value.strip()
        period = self.query_one("#periode", Input).value.strip()
        if not name:
            self.query_one("#feil", Static).update("Skriv inn navnet på kommunen.")
            self.query_one("#kommune", Input).focus()
            return
        if period:
            try:
                period = parse_period(period)
            except UsageError as exc:
                self.query_one("#feil", Static).update(str(exc))
                self.query_one("#periode", Input).focus()
                return
        self.dismiss((name, period))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class BackupsDialog(ModalScreen[str | None]):
    """Pick a backup to restore. Returns the backup's file name."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(self, session_id: str, backups):
        super().__init__()
        self.session_id = session_id
        self.backups = backups

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(f"Sikkerhetskopier av «{self.session_id}»", classes="dialog-title")
            if not self.backups:
                yield Static("Ingen sikkerhetskopier ennå. De lages når økta åpnes og mens dere jobber.")
            items = []
            for info in self.backups:
                state = f"SKADET: {info.damaged}" if info.damaged else f"{info.answers} svar"
                items.append(
                    ListItem(
                        Label(f"{info.created:%d.%m.%Y %H:%M:%S}  {info.reason_text}  ({state})", markup=False),
                        name=info.name,
                    )
                )
            yield ListView(*items, id="backups")
            yield Static(
                "Enter gjenoppretter valgt kopi. Dagens tilstand tas vare på som en egen kopi først.", classes="hint"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Avbryt", id="cancel")

    @on(ListView.Selected)
    def _selected(self, event: ListView.Selected) -> None:
        self.dismiss(event.item.name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
