"""A list to tick items in, readable on a projector."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton

TICKED, UNTICKED = "✓", " "


class TickList(SelectionList):
    """Textual's SelectionList with ✓ for a ticked item and an empty box for the others: its own
    shows the same X for both and tells them apart by colour alone. Each item is (text, value,
    ticked); the text is shown as written (a name the group typed is never read as markup)."""

    def __init__(self, *items: tuple[str, str, bool], **kwargs):
        super().__init__(*[(Content(text), value, ticked) for text, value, ticked in items], **kwargs)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER or segments[1].style is None:
            return strip
        index = segments[1].style.meta.get("option")
        if index is None:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        segments[1] = Segment(TICKED if ticked else UNTICKED, segments[1].style)
        return Strip(segments, strip.cell_length)
