"""A one-line title bar: the app's name and, on the work screen, the municipality and period.

Lighter than Textual's Header (no clock or icon widgets), which keeps start-up quick."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 100%;
        background: $panel;
        color: $foreground;
        text-style: bold;
        content-align: center middle;
    }
    """

    def __init__(self, subtitle: str = ""):
        super().__init__()
        self.subtitle = subtitle

    def on_mount(self) -> None:
        self.show(self.subtitle)

    def show(self, subtitle: str) -> None:
        title = self.app.title
        self.update(Text(f"{title} — {subtitle}" if subtitle else title))
