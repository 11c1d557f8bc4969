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
    """The arrows, Page Up/Down, Home and End scroll the text while the close button has the focus:
    focusing the text itself would restyle its hundred parts on the way in and out (a noticeable
    pause on a slow laptop)."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Lukk hjelpen"),  # F1 closes it too: the app's F1 (app.action_help)
        Binding("up", "scroll('scroll_up')", show=False),
        Binding("down", "scroll('scroll_down')", show=False),
        Binding("pageup", "scroll('scroll_page_up')", show=False),
        Binding("pagedown,space", "scroll('scroll_page_down')", show=False),
        Binding("home", "scroll('scroll_home')", show=False),
        Binding("end", "scroll('scroll_end')", show=False),
    ]
    AUTO_FOCUS = "#ok"

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        text = help_text()
        with Vertical(classes="dialog wide"):
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Markdown(text)
            yield Button("Lukk (Esc)", variant="primary", id="ok")

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(VerticalScroll), how)(animate=False)

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)
