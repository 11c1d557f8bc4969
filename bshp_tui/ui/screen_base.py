"""The base of bshp's screens: `self.app` is typed as the bshp app (its store, scripts and clock), a
screen's width classes (HORIZONTAL_BREAKPOINTS) are in place before its widgets are styled, and a
new screen's widgets are styled once, as they are mounted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from textual import getters

    from .app import BshpApp


class BshpScreen(Screen[Any]):
    if TYPE_CHECKING:
        app = getters.app(BshpApp)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._first_resume = True
        # Textual sets the width class at the screen's first resize, after every widget is styled,
        # and so styles them all once more (a third of the work of opening a session). Set now,
        # the resize finds it in place; a terminal that is resized later still moves it.
        try:
            width = self.app.size.width
        except RuntimeError:  # made outside a running app (Textual's NoActiveAppError)
            return
        for least, name in sorted(self.HORIZONTAL_BREAKPOINTS or [], reverse=True):
            if width >= least:
                self.add_class(name)
                break

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler. A pushed screen becomes active right after its
        widgets were mounted, each styled as it was, and Textual would style them all again (a
        tenth of the work of opening a session). That first time it is skipped; coming back to
        the screen later (a dialog closed) is left to Textual (which then restyles nothing)."""
        if self._first_resume:
            self._first_resume = False
            event.refresh_styles = False
