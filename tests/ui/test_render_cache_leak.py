"""Widgets that are gone leave nothing of their rendering behind. Textual 8.2.8 kept the render
caches of up to 1,024 of them (Textualize/textual#6665); `ui/styles_cache_fix.py` mends that."""

import asyncio
import gc
import weakref

import pytest
from textual.app import App
from textual.color import Color
from textual.widgets import Label

from bshp_tui.ui import styles_cache_fix


async def _render_cards_and_close() -> list[weakref.ref]:
    app = App()
    async with app.run_test(size=(40, 10)) as pilot:
        labels = [Label(f"Kort {n}") for n in range(20)]
        await app.screen.mount(*labels)
        await pilot.pause()
        assert all(label.region for label in labels)  # placed on the screen (and painted there)
        return [weakref.ref(label._styles_cache) for label in labels]


@pytest.mark.painted  # the caches are made by painting (tests/ui/conftest.py)
def test_a_closed_app_leaves_no_render_cache_behind():
    styles_cache_fix.apply()
    caches = asyncio.run(_render_cards_and_close())
    gc.collect()
    assert sum(ref() is not None for ref in caches) == 0


def test_the_mended_cache_gives_the_same_styles():
    from textual._styles_cache import StylesCache

    styles_cache_fix.apply()
    base, background = Color(10, 20, 30), Color(200, 100, 50, 0.5)
    inner, outer = StylesCache().get_inner_outer(base, background)
    assert inner.background == base + background and outer.background == base
    assert StylesCache().get_inner_outer(base, background) == (inner, outer)
