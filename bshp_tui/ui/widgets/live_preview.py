"""The plan beside the chat (F4), drawn from the same document tree as the export."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown, Static
from textual.worker import get_current_worker

from ...errors import BshpError

if TYPE_CHECKING:
    from ...guide.conductor import Conductor


def shown_when_done(widget: Widget, show: Callable[..., Any], *args: Any) -> None:
    """From a preview's worker thread: `show(*args)` on the app's thread, unless the preview was
    closed (or the app quit) while it was being made; then there is nothing left to show it in."""
    if get_current_worker().is_cancelled or not widget.app.is_running:
        return

    def if_still_open() -> None:
        if widget.is_attached:
            widget.call_next(show, *args)

    try:
        widget.app.call_from_thread(if_still_open)
    except RuntimeError:
        pass  # the app stopped in the meantime


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
        shown_when_done(self, self._show, text)

    async def _show(self, text: str) -> None:
        await self.query_one("#live-doc", Markdown).update(text)
