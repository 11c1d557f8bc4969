"""The message line right above the input: what happened with the answer being typed. Widgets that
have something to tell the group post `Say`; the screen puts it on this line."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Static


class Say(Message):
    """Text for the line above the input (level "hint", "warning" or "error")."""

    def __init__(self, text: str, level: str = "hint"):
        super().__init__()
        self.text = text
        self.level = level


class FeedbackLine(Static):
    DEFAULT_CSS = """
    FeedbackLine {
        padding: 0 1;
        height: auto;
        border-left: thick $primary;
        display: none;
    }
    FeedbackLine.shown {
        display: block;
    }
    FeedbackLine.warning {
        background: $warning 25%;
        border-left: thick $warning;
    }
    FeedbackLine.error {
        background: $error 30%;
        border-left: thick $error;
    }
    """

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)

    def say(self, text: str, level: str = "hint") -> None:
        """Show `text` ("" hides the line); level "hint", "warning" or "error"."""
        self.update(Text(text))
        self.set_class(bool(text), "shown")
        self.set_class(level == "error", "error")
        self.set_class(level == "warning", "warning")

    @property
    def shown(self) -> bool:
        return self.has_class("shown")
