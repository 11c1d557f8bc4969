"""Small modal dialogs: messages, confirmations, help, new session, backups, text fields."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ListItem, ListView, Static

HELP_FILE = Path(__file__).with_name("help.md")


class MessageDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "Lukk")]

    def __init__(self, title: str, body: str):
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Markdown(self.body)
            yield Button("OK", variant="primary", id="ok")

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question. The expected action (yes) has the focus; ←/→ move between the buttons;
    red only when the action destroys something (`destructive`)."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt"), Binding("j", "confirm", "Ja", show=False),
                Binding("left", "app.focus_previous", "Forrige knapp", show=False),
                Binding("right", "app.focus_next", "Neste knapp", show=False)]

    def __init__(self, question: str, yes: str = "Ja", no: str = "Avbryt", destructive: bool = False):
        super().__init__()
        self.question = question
        self.yes, self.no, self.destructive = yes, no, destructive

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="error" if self.destructive else "primary", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_confirm(self) -> None:
        self.dismiss(True)


def help_text() -> str:
    """ui/help.md with its command table and key line made from the command table."""
    from ..guide import commands as cmd

    try:
        text = HELP_FILE.read_text(encoding="utf-8")
    except OSError:
        return "# Hjelp\n\nFant ikke hjelpeteksten. Installer bshp på nytt."
    return text.replace("<!-- kommandoer -->", cmd.help_table()).replace("<!-- taster -->", cmd.keys_line())


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Lukk hjelpen")]

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        text = help_text()
        with Vertical(classes="dialog wide"):
            with VerticalScroll(classes="dialog-body"):
                yield Markdown(text)
            yield Button("Lukk (Esc)", variant="primary", id="ok")

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)


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
            yield Static("", id="feil", classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opprett", variant="primary", id="ok")
                yield Button("Avbryt", id="cancel")

    @on(Input.Submitted, "#kommune")
    def _next(self) -> None:
        self.query_one("#periode", Input).focus()

    @on(Input.Submitted, "#periode")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        from ..errors import UsageError
        from ..guide.period import parse_period

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
                items.append(ListItem(Label(f"{info.created:%d.%m.%Y %H:%M:%S}  {info.reason_text}  ({state})"),
                                      name=info.name))
            yield ListView(*items, id="backups")
            yield Static("Enter gjenoppretter valgt kopi. Dagens tilstand tas vare på som en egen kopi først.",
                         classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Avbryt", id="cancel")

    @on(ListView.Selected)
    def _selected(self, event: ListView.Selected) -> None:
        self.dismiss(event.item.name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class TextDialog(ModalScreen[str | None]):
    """Edit one line of text (a list item, a table cell)."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(self, title: str, value: str = "", hint: str = ""):
        super().__init__()
        self.title_text, self.value, self.hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, id="value")
            yield Static(self.hint, id="feil", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Avbryt", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(self.query_one("#value", Input).value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, text: str) -> None:
        self.query_one("#feil", Static).update(text)
