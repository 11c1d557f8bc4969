"""How the app tells that a key has taken effect (bshp_tui/ui/keys.py): it must see the messages
waiting in a widget's queue, and tell a widget with nothing to do from one with work."""

import asyncio

from textual.widgets import DataTable
from ui_helpers import SIZE

from bshp_tui.ui.keys import _busy, _has_work, _parked


async def test_a_widget_with_a_message_waiting_is_busy_until_it_has_run_it(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert _parked(table) and not _busy(table)
        ran = []
        table.call_later(ran.append, "kjørt")  # queued, not yet run
        assert not _parked(table) and _busy(table)
        await pilot.pause()
        assert ran == ["kjørt"]
        assert _parked(table) and not _busy(table)

        go_on = asyncio.Event()

        async def handler_that_waits() -> None:
            await go_on.wait()

        table.call_later(handler_that_waits)
        for _ in range(5):  # the table takes the call and waits inside it (the pilot would wait for it)
            await asyncio.sleep(0)
        assert not _parked(table) and _busy(table)  # in the middle of a handler, nothing queued
        go_on.set()
        await pilot.pause()
        assert _parked(table) and not _busy(table)


async def test_keys_typed_ahead_wait_for_the_app_but_a_key_bubbling_up_does_not(app_factory):
    from textual import events

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        typed = events.Key("a", "a")
        app.post_message(typed)
        assert not _has_work(app)  # a key typed meanwhile waits its turn
        bubbled = events.Key("b", "b")
        bubbled._set_forwarded()
        app.post_message(bubbled)
        assert _has_work(app)
        await pilot.pause()


async def test_keys_typed_ahead_wait_for_a_step_that_runs_as_a_task_outside_any_queue():
    """A key whose effect comes from a task of its own (here: focus moves one turn of the event
    loop later) still gets the keys typed after it, once it has taken effect."""
    from textual import events
    from textual.app import App
    from textual.widgets import Input

    from bshp_tui.ui.keys import KeysInOrder

    class Burst(KeysInOrder, App):
        BINDINGS = [("ctrl+o", "move_later", "")]

        def compose(self):
            yield Input(id="first")
            yield Input(id="second")

        def on_mount(self) -> None:
            self._init_keys()
            self.query_one("#first").focus()

        def action_move_later(self) -> None:
            async def move() -> None:
                await asyncio.sleep(0)
                self.query_one("#second").focus()

            self.moving = asyncio.create_task(move())

    app = Burst()
    async with app.run_test() as pilot:
        await pilot.pause()
        for key, character in [("ctrl+o", None), ("x", "x"), ("y", "y"), ("z", "z")]:
            app.post_message(events.Key(key, character))  # typed faster than the screen changes
        for _ in range(5):
            await pilot.pause()
        assert app.query_one("#first", Input).value == ""
        assert app.query_one("#second", Input).value == "xyz"
