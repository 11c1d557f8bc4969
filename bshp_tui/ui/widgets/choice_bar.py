"""The choice buttons under the question (1 Ja, 2 Nei …): a click says which number was chosen.

The buttons flow like words in a paragraph: as many on a line as fit the width, the rest on the
next lines, so every choice shows at any width (a label wider than the whole bar wraps inside its
button). The bar is a grid one column per character wide; each button spans the columns it needs
and the last one on a line spans the rest of it, so the next starts a new line. A new width only
changes the spans: the buttons stay, and so does the focus. Reading order, and so focus order,
is the choices' order."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.containers import Container
from textual.content import Content
from textual.message import Message
from textual.widgets import Button

GAP = 2  # columns between two buttons on a line


class ChoiceButton(Button):
    def __init__(self, number: int, label: str):
        super().__init__(Text(f"{number} {label}"), compact=True)
        self.number = number
        self.text = Content(f"{number} {label}")
        self.natural_width = max(cell_len(f"{number} {label}") + 2, 4)  # the label, one column each side


def flow(widths: list[int], room: int, gap: int = GAP) -> list[list[int]]:
    """The buttons (their indexes) on each line: a line takes the next button while it fits in
    `room`, gaps included; a button wider than the room gets a line of its own."""
    lines: list[list[int]] = []
    used = 0
    for i, width in enumerate(widths):
        if lines and used + gap + width <= room:
            lines[-1].append(i)
            used += gap + width
        else:
            lines.append([i])
            used = width
    return lines


def spans(widths: list[int], room: int, gap: int = GAP) -> tuple[list[int], list[list[int]]]:
    """How many one-character grid columns each button spans: its width and the gap after it;
    the last on a line, the rest of the line; a button wider than the room, the whole line. And
    the lines (as `flow` gives them)."""
    out = [0] * len(widths)
    lines = flow(widths, room, gap)
    for line in lines:
        used = 0
        for i in line[:-1]:
            out[i] = widths[i] + gap
            used += out[i]
        out[line[-1]] = max(room - used, 1)
    return out, lines


class ChoiceBar(Container):
    DEFAULT_CSS = """
    ChoiceBar {
        layout: grid;
        grid-columns: 1;
        grid-rows: auto;
        height: auto;
        max-height: 10;
        padding: 0 1;
        overflow-y: auto;
    }
    ChoiceBar ChoiceButton {
        width: auto;
        max-width: 100%;
        min-width: 4;
        text-align: left;
        content-align: left middle;
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
            self.spread()

    def spread(self) -> None:
        """Spread the buttons over lines for the width the bar has now (a line as high as the
        label of a button wider than the bar needs, wrapped)."""
        buttons = list(self.query_children(ChoiceButton))
        room = self.scrollable_content_region.width or self.app.size.width
        if not buttons:
            return
        widths = [b.natural_width for b in buttons]
        columns, lines = spans(widths, room)
        self.styles.grid_size_columns = room
        for button, span in zip(buttons, columns):
            button.styles.column_span = span
        heights = [
            max(len(buttons[i].text.wrap(max(room - 2, 1))) if widths[i] > room else 1 for i in line) for line in lines
        ]
        self.styles.grid_rows = " ".join(str(h) for h in heights)

    def on_resize(self) -> None:
        self.spread()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, ChoiceButton):
            self.post_message(self.Chosen(event.button.number))
