"""Small modal dialogs: a message, a yes/no question and one text field."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...scripts.kinds.base import md_escape


class MessageDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "Lukk")]

    def __init__(self, title: str, body: str):
        """`body` is Markdown (see `quoting` for a message that quotes names, paths or files)."""
        super().__init__()
        self.title_text = title
        self.body = body

    @classmethod
    def quoting(cls, title: str, message: str) -> MessageDialog:
        """A message that may quote what the group typed or a file holds: shown as written, never
        read as Markdown (where «*x*» would lose its stars)."""
        return cls(title, md_escape(message))

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

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt"),
        Binding("j", "confirm", "Ja", show=False),
        Binding("left", "app.focus_previous", "Forrige knapp", show=False),
        Binding("right", "app.focus_next", "Neste knapp", show=False),
    ]

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


class TextDialog(ModalScreen[str | None]):
    """Edit one line of text (a list item, a table cell). With `on_change`, what is typed is reported
    as it changes (an editor keeps it as a draft), and Esc with a changed text asks first."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(self, title: str, value: str = "", hint: str = "", on_change: Callable[[str], None] | None = None):
        super().__init__()
        self.title_text, self.value, self.hint = title, value, hint
        self.on_change = on_change

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

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self.on_change is not None:
            self.on_change(event.value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.on_change is not None and self.query_one("#value", Input).value.strip() != self.value.strip():
            ask_unsaved(self, self._ok, lambda: self.dismiss(None))
            return
        self.dismiss(None)

    def show_error(self, text: str) -> None:
        self.query_one("#feil", Static).update(text)


SAVE, DISCARD, STAY = "lagre", "forkast", "fortsett"


class UnsavedDialog(ModalScreen[str]):
    """Asked when an editor with changes not yet saved is closed: save them (L), discard them (F) or
    go on typing (Esc). Lagre has the focus; ←/→ move between the buttons."""

    BINDINGS = [
        Binding("escape", "choose('fortsett')", "Fortsett å skrive"),
        Binding("l", "choose('lagre')", "Lagre", show=False),
        Binding("f", "choose('forkast')", "Forkast", show=False),
        Binding("left", "app.focus_previous", "Forrige knapp", show=False),
        Binding("right", "app.focus_next", "Neste knapp", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Endringene er ikke lagret", classes="dialog-title")
            yield Static(
                "Vil dere lagre det dere har skrevet før dere lukker? "
                "L lagrer, F forkaster, Esc går tilbake til skrivingen.",
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Lagre", variant="primary", id=SAVE)
                yield Button("Forkast", variant="error", id=DISCARD)
                yield Button("Fortsett å skrive", id=STAY)

    def on_mount(self) -> None:
        self.query_one(f"#{SAVE}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or STAY)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def ask_unsaved(screen: ModalScreen, save: Callable[[], object], discard: Callable[[], object]) -> None:
    """Ask what to do with unsaved changes before `screen` closes: `save()`, `discard()`, or stay."""

    def chosen(choice: str | None) -> None:
        if choice == SAVE:
            save()
        elif choice == DISCARD:
            discard()

    screen.app.push_screen(UnsavedDialog(), chosen)
