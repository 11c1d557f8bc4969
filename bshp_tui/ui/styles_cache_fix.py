"""A fix for a memory leak in Textual's renderer (Textualize/textual#6665, open in Textual 8.2.8).

`StylesCache.get_inner_outer` is an `lru_cache` on an instance method, so its cache keys hold up to
1,024 `StylesCache` objects, each with the rendered lines of a widget that may be long gone. In a
session where the transcript and editors come and go, that is memory that is never given back, and
every full garbage collection walks it. The result depends only on the two colours, so one cache
keyed by the colours gives the same styles and holds no widget.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache


def apply() -> None:
    """Replace the leaking cache (once; a Textual without the leak is left as it is)."""
    current = StylesCache.__dict__.get("get_inner_outer")
    original = getattr(current, "__wrapped__", None)
    if original is None or getattr(current, "_bshp_fixed", False):
        return

    @lru_cache(1024)
    def inner_outer(base_background, background):
        return original(None, base_background, background)

    def get_inner_outer(self, base_background, background):
        return inner_outer(base_background, background)

    get_inner_outer._bshp_fixed = True  # type: ignore[attr-defined]
    get_inner_outer.__wrapped__ = original  # type: ignore[attr-defined]
    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign,assignment]


apply()
