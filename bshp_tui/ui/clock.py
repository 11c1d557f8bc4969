"""The clock widgets read: the app's own when one is given (tests move time without waiting)."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.widget import Widget


def app_clock(widget: Widget, fallback: Callable[[], float] = time.monotonic) -> Callable[[], float]:
    """The app's injected clock, else `fallback` (time.monotonic for spans, time.time for wall time)."""
    return getattr(widget.app, "clock", None) or fallback
