"""The help fits any terminal the app supports: its text scrolls to the end inside the dialog and
the close button stays on screen."""

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button
from ui_helpers import new_session

from bshp_tui.ui.dialogs.help import HelpScreen


@pytest.mark.parametrize("size", [(80, 24), (100, 32), (120, 40)])
async def test_the_help_scrolls_to_its_end_and_its_button_is_on_screen(app_factory, size):
    async with app_factory().run_test(size=size) as pilot:
        await new_session(pilot)
        await pilot.press("f1")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        body = screen.query_one(VerticalScroll)
        button = screen.query_one(Button)
        width, height = size
        assert 0 <= button.region.y and button.region.bottom <= height  # the close button is seen
        assert body.region.bottom <= button.region.y  # the text ends above it, not behind it
        assert screen.focused is button
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0  # the keys scroll the text while the button has the focus
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0  # the end of the text can be reached
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("enter")  # the button closes it
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
