"""The help screen: ui/help.md with the command table filled in."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button

HELP_FILE = Path(__file__).parent.parent / "help.md"


def help_text() -> str:
    """ui/help.md with its command table and key line made from the command table."""
    from ...guide import commands as cmd

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
