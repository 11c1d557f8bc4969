"""The step list gives way in a narrow terminal and comes back with F3."""

import pytest

from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.screens.work import WorkScreen
from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.steps import StepsPanel


def seed(data_dir):
    with SessionStore(data_dir).create("Molde", "2027–2030"):
        pass


async def open_first(pilot) -> WorkScreen:
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WorkScreen)
    return pilot.app.screen


@pytest.mark.parametrize("width, shown", [(80, False), (99, False), (100, True), (130, True)])
async def test_step_list_shows_from_100_columns(app_factory, data_dir, width, shown):
    seed(data_dir)
    async with app_factory().run_test(size=(width, 30)) as pilot:
        screen = await open_first(pilot)
        assert screen.query_one(StepsPanel).display is shown


async def test_f3_shows_and_hides_the_step_list_in_a_narrow_terminal(app_factory, data_dir):
    seed(data_dir)
    async with app_factory().run_test(size=(80, 30)) as pilot:
        screen = await open_first(pilot)
        steps = screen.query_one(StepsPanel)
        await pilot.press("f3")
        await pilot.pause()
        assert steps.display and steps.has_focus
        await pilot.press("f3")
        await pilot.pause()
        assert not steps.display
        assert screen.query_one(ChatInput).has_focus


async def test_the_step_list_follows_the_terminal_width(app_factory, data_dir):
    seed(data_dir)
    async with app_factory().run_test(size=(120, 30)) as pilot:
        screen = await open_first(pilot)
        steps = screen.query_one(StepsPanel)
        assert steps.display
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert not steps.display
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert steps.display


@pytest.mark.parametrize("width", [80, 120])
async def test_escape_in_the_step_list_goes_back_to_the_answer_not_out_of_the_plan(app_factory, data_dir, width):
    seed(data_dir)
    async with app_factory().run_test(size=(width, 30)) as pilot:
        screen = await open_first(pilot)
        steps = screen.query_one(StepsPanel)
        await pilot.press("f3")
        await pilot.pause()
        assert steps.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen and screen.query_one(ChatInput).has_focus
        assert steps.display is (width >= 100)  # opened by F3 in a narrow window: closed again
        await pilot.press("escape")  # from the answer, Esc still leaves for the session list
        await pilot.pause()
        assert not isinstance(pilot.app.screen, WorkScreen)
