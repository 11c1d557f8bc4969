"""The choice buttons under a question flow onto more lines instead of scrolling sideways: at
80, 100 and 120 columns every choice is on screen, in reading order, and Tab, a click and the
number keys still choose the right one."""

import pytest
from ui_helpers import goto, new_session

from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.choice_bar import ChoiceBar, ChoiceButton, flow

TARGET_GROUPS = [
    "Bostedsløse",
    "Personer med rusproblemer og/eller psykiske lidelser",
    "Barnefamilier med lav inntekt",
    "Unge i etableringsfasen",
    "Flyktninger som skal bosettes",
    "Personer med nedsatt funksjonsevne",
    "Eldre",
    "Personer som løslates fra fengsel eller skrives ut fra institusjon",
]


def test_flow_fills_each_line_and_gives_a_too_wide_button_its_own():
    assert flow([10, 10, 10], 40) == [[0, 1, 2]]
    assert flow([10, 10, 10], 22) == [[0, 1], [2]]  # 10 + 2 + 10
    assert flow([10, 10, 10], 21) == [[0], [1], [2]]
    assert flow([5, 50, 5, 5], 30) == [[0], [1], [2, 3]]


async def at_target_groups(pilot):
    w = await new_session(pilot)
    await goto(w, "prioritering", "malgrupper")
    await pilot.pause()
    await pilot.pause()
    return w


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_every_choice_shows_in_order_at_any_width(app_factory, width):
    async with app_factory().run_test(size=(width, 30)) as pilot:
        w = await at_target_groups(pilot)
        bar = w.query_one(ChoiceBar)
        buttons = list(bar.query(ChoiceButton))
        assert [b.label.plain for b in buttons] == [f"{n} {t}" for n, t in enumerate(TARGET_GROUPS, start=1)]
        assert bar.max_scroll_x == 0
        for b in buttons:
            assert b.region.width > 0 and b.region.height > 0
            assert bar.region.contains_region(b.region), b.label.plain
            assert b.region.right <= width
            if b.region.width < b.natural_width:  # a label wider than the bar wraps in its button
                assert b.region.height >= 2, b.label.plain
        places = [(b.region.y, b.region.x) for b in buttons]
        assert places == sorted(places)  # reading order is the choices' order
        assert len({b.region.y for b in buttons}) > 1  # they did need more than one line


async def test_tab_a_click_and_number_keys_choose_the_right_choice(app_factory):
    async with app_factory().run_test(size=(80, 30)) as pilot:
        w = await at_target_groups(pilot)
        buttons = list(w.query_one(ChoiceBar).query(ChoiceButton))
        buttons[0].focus()
        await pilot.pause()
        order = [1]
        for _ in buttons[1:]:
            await pilot.press("tab")
            order.append(pilot.app.focused.number)
        assert order == list(range(1, len(TARGET_GROUPS) + 1))
        await pilot.click(buttons[7])
        await pilot.pause()
        assert w.query_one(ChatInput).text == TARGET_GROUPS[7]


async def test_a_number_key_still_chooses_when_the_buttons_wrap(app_factory):
    async with app_factory().run_test(size=(80, 30)) as pilot:
        w = await new_session(pilot)
        assert w.pos.field_id == "plantype"
        await pilot.press("3")
        await pilot.pause()
        assert w.session.answers()["oppstart/plantype"] == "handlingsdel"


async def test_the_lines_follow_a_resize_and_keep_the_focused_choice(app_factory):
    async with app_factory().run_test(size=(120, 30)) as pilot:
        w = await at_target_groups(pilot)
        bar = w.query_one(ChoiceBar)
        lines_wide = len({b.region.y for b in bar.query(ChoiceButton)})
        [b for b in bar.query(ChoiceButton) if b.number == 6][0].focus()
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        await pilot.pause()
        assert len({b.region.y for b in bar.query(ChoiceButton)}) > lines_wide
        assert pilot.app.focused.number == 6
        for b in bar.query(ChoiceButton):
            assert b.region.right <= 80
