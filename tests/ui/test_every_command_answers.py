"""Every slash command answers something, both when nothing is answered yet and when everything
is: a screen, a message next to the input, a notification, another question or a running timer."""

import pytest
from helpers import shipped_scripts
from ui_helpers import SIZE, answer, feedback, record_notifications, work
from walk import walk

from bshp_tui.guide import commands as cmd
from bshp_tui.guide.conductor import Conductor
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.widgets.private_inputs import PrivateInputs
from bshp_tui.ui.widgets.timer_line import TimerLine

SCRIPTS = shipped_scripts()
# These write files through pandoc in a thread and say what they wrote (or why not) when done:
# tests/ui/test_export_warning.py and tests/ui/test_samling.py wait for them.
WRITES_FILES = {"eksporter", "referat"}


def seed(data_dir, everything: bool) -> None:
    with SessionStore(data_dir).create("Molde") as session:
        if everything:
            c = Conductor(SCRIPTS, session)
            walk(c)
            assert c.cursor() is None


async def what_it_answered(pilot, name: str, sent: list[str]) -> str:
    w = work(pilot)
    before = (w.pos, len(sent))
    await answer(pilot, f"/{name}")
    for _ in range(3):
        await pilot.pause()
    if pilot.app.screen is not w:
        return f"screen {type(pilot.app.screen).__name__}"
    if feedback(pilot):
        return f"says {feedback(pilot)}"
    if len(sent) > before[1]:
        return "notifies"
    if w.pos != before[0]:
        return "moves"
    if w.query_one(TimerLine).has_class("running"):
        return "timer"
    return ""


COMMANDS = [c.name for c in cmd.COMMANDS if c.name not in WRITES_FILES]
PARTS = 3  # the commands in three runs of the app, so that the runs can go side by side


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize(
    "everything",
    [
        False,
        # With everything answered, every screen a command opens is painted as in a terminal, at
        # its fullest (tests/ui/conftest.py); with nothing answered, each widget still draws.
        pytest.param(True, marks=pytest.mark.painted),
    ],
    ids=["nothing-answered", "all-answered"],
)
async def test_every_slash_command_answers(app_factory, data_dir, everything, part):
    seed(data_dir, everything)
    app = app_factory()
    sent = record_notifications(app)
    silent = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        for _ in range(3):
            await pilot.pause()
        start = work(pilot).pos
        for name in COMMANDS[part::PARTS]:
            w = work(pilot)
            w.c.set_cursor(start)
            await w.refresh_all(load_input=True)
            w.query_one(TimerLine).timer = None
            got = await what_it_answered(pilot, name, sent)
            if not got:
                silent.append(name)
            while pilot.app.screen is not w:  # close what it opened
                await pilot.press("escape")
                await pilot.pause()
            w.query_one(PrivateInputs).close()
    assert not silent, silent
