"""The choice buttons under the question (1 Ja, 2 Nei …): a click says which number was chosen."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.widgets import Button


class ChoiceButton(Button):
    def __init__(self, number: int, label: str):
        super().__init__(Text(f"{number} {label}"), compact=True)
        self.number = number


class ChoiceBar(HorizontalScroll):
    DEFAULT_CSS = """
    ChoiceBar {
        height: auto;
        max-height: 2;
        padding: 0 1;
        scrollbar-size-horizontal: 1;
    }
    ChoiceBar ChoiceButton {
        margin-right: 2;
        min-width: 4;
    }
    """

    class Chosen(Message):
        def __init__(self, number: int):
            super().__init__()
            self.number = number

    async def show_options(self, labels: list[str]) -> None:
        await self.remove_children()
        self.display = bool(labels)
        if labels:
            await self.mount_all([ChoiceButton(n, label) for n, label in enumerate(labels, start=1)])

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, ChoiceButton):
            self.post_message(self.Chosen(event.button.number))
