"""When the last save before leaving fails: say so, and offer to try again or save a copy.

The session stays open (lock held, answers in memory) until the group has chosen. On a signal
there is nobody to ask: one more try, then a copy next to the data folder or in the home folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...errors import BshpError

RETRY, STAY, GIVE_UP, COPIED = "retry", "stay", "give_up", "copied"


def copy_name(session_id: str) -> str:
    return f"{session_id}-kopi-{datetime.now():%Y%m%d-%H%M%S}.json"


def emergency_copy(session, data_dir: Path) -> Path | None:
    """Save a copy of the answers in memory: next to the data folder, else in the home folder."""
    for folder in (Path(data_dir).resolve().parent, Path.home()):
        target = folder / copy_name(session.id)
        try:
            session.save_copy(target)
        except (BshpError, OSError):
            continue
        return target
    return None


class SaveFailedDialog(ModalScreen[str]):
    """Returns RETRY, STAY, GIVE_UP, or COPIED (the copy was written: leaving loses nothing)."""

    BINDINGS = [Binding("escape", "stay", "Avbryt")]

    def __init__(self, session, error: str):
        super().__init__()
        self.session = session
        self.error = error
        self.copied_to: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Svarene er ikke lagret", classes="dialog-title")
            yield Static(
                f"{self.error}\n\nSvarene ligger fortsatt i minnet, og økta er ikke lukket. Prøv å lagre igjen "
                "(for eksempel etter å ha satt inn minnepinnen igjen eller ryddet plass), eller lagre en kopi "
                "i en annen mappe. Kopien kan senere hentes inn med «bshp import».",
                classes="dialog-body",
                markup=False,
            )
            yield Label("Mappe for kopien")
            yield Input(str(Path.home()), id="folder")
            yield Static("", id="copy-result", classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Prøv igjen", variant="primary", id="retry")
                yield Button("Lagre en kopi", id="copy")
                yield Button("Avslutt uten å lagre", variant="error", id="give_up")
                yield Button("Avbryt", id="stay")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    @on(Button.Pressed, "#retry")
    def _retry(self) -> None:
        self.dismiss(RETRY)

    @on(Button.Pressed, "#give_up")
    def _give_up(self) -> None:
        self.dismiss(GIVE_UP)

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(STAY)

    @on(Input.Submitted, "#folder")
    @on(Button.Pressed, "#copy")
    def _copy(self) -> None:
        folder = Path(self.query_one("#folder", Input).value.strip() or Path.home()).expanduser()
        target = folder / copy_name(self.session.id)
        try:
            self.session.save_copy(target)
        except (BshpError, OSError) as exc:
            self.query_one("#copy-result", Static).update(
                Text(f"Kopien kunne ikke lagres der: {exc} Velg en annen mappe.")
            )
            return
        self.copied_to = target
        self.app.notify(f"En kopi av økta er lagret i {target}. Hent den inn med «bshp import».", timeout=20)
        self.dismiss(COPIED)
