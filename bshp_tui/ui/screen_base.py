"""The base of bshp's screens: `self.app` is typed as the bshp app (its store, scripts and clock)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

if TYPE_CHECKING:
    from textual import getters

    from .app import BshpApp


class BshpScreen(Screen[Any]):
    if TYPE_CHECKING:
        app = getters.app(BshpApp)
