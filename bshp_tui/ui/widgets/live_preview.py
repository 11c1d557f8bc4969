"""The plan beside the chat (F4), drawn from the same document tree as the export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from ...errors import BshpError

if TYPE_CHECKING:
    from ...guide.conductor import Conductor


class LivePreview(VerticalScroll):
    """The plan as it stands, rendered off the UI thread each time it is asked to follow the answers."""

    def compose(self) -> ComposeResult:
        yield Static("Forhåndsvisning av planen – oppdateres når dere svarer (F4 skjuler)", classes="hint")
        yield Markdown("", id="live-doc")

    @work(thread=True, exclusive=True, group="preview")
    def follow(self, c: Conductor) -> None:
        from ...export.preview import preview_markdown

        try:
            text, _ = preview_markdown(c, "plan")
        except BshpError as exc:
            text = str(exc)
        self.app.call_from_thread(self.query_one("#live-doc", Markdown).update, text)
