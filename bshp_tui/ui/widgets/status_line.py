"""The status line at the bottom of the guided chat: when it was saved, how far the plan is, or
what went wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        padding: 0 1;
        height: 1;
        background: $panel;
    }
    StatusLine.error {
        background: $error 60%;
        color: $text;
        height: auto;
    }
    StatusLine.warning {
        background: $warning 40%;
    }
    """

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)

    def follow(self, session, percent: Callable[[], int], error: str | None = None) -> None:
        """Show the session's state: opened read-only, the error of a save that failed (`error`, or
        the session's last), or when it was last saved and how far the plan is (`percent`)."""
        error = error or (str(session.last_error) if session.last_error else None)
        if session.read_only:
            self.read_only()
        elif error:
            self.error(error)
        else:
            self.saved(session.last_saved, percent())

    def read_only(self) -> None:
        self._show(
            "Bare lesing: endringer lagres ikke. For å skrive: lukk økta i et eventuelt annet vindu, "
            "gå til øktlista (Esc) og åpne den med Enter.",
            "warning",
        )

    def error(self, text: str) -> None:
        self._show(text, "error")

    def saved(self, when: datetime | None, percent: int) -> None:
        text = f"Lagret {when:%H:%M:%S}" if when else "Alt er lagret"
        self._show(f"{text} · {percent} % av planen er fylt ut", "")

    def _show(self, text: str, level: str) -> None:
        self.update(Text(text))
        self.set_class(level == "error", "error")
        self.set_class(level == "warning", "warning")
