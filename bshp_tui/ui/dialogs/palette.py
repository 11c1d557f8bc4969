"""The command palette in Norwegian: Textual's own palette with a Norwegian placeholder and
«Ingen treff» where Textual would say «No matches found».

Textual 8 has no public setting for that text: it is written by the palette's private
`_start_no_matches_countdown`. The palette here replaces that one method, and only while the
private names it relies on are still there (`NO_MATCHES_HOOK_FITS`); after a Textual change that
renames them it falls back to Textual's own (English) text rather than fail.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

PLACEHOLDER = "Søk etter en kommando …"
NO_MATCHES = "Ingen treff"

_UPSTREAM_NAMES = (
    "_start_no_matches_countdown",
    "_stop_no_matches_countdown",
    "_NO_MATCHES",
    "_NO_MATCHES_COUNTDOWN",
    "_list_visible",
)
NO_MATCHES_HOOK_FITS = all(hasattr(CommandPalette, name) for name in _UPSTREAM_NAMES)


class Palette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=PLACEHOLDER)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        if not NO_MATCHES_HOOK_FITS:
            super()._start_no_matches_countdown(search_value)
            return
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # an empty search lists what there is: «no matches» would mislead
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
