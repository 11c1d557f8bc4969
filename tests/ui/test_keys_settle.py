"""How the app tells that a key has taken effect (bshp_tui/ui/keys.py): it must see the messages
waiting in a widget's queue, and tell a widget with nothing to do from one with work."""

from textual.widgets import DataTable
from ui_helpers import SIZE

from bshp_tui.ui.keys import _has_work, _parked


async def test_a_widget_with_a_message_waiting_is_busy_until_it_has_run_it(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert _parked(table) and not _has_work(table, False)
        ran = []
        table.call_later(ran.append, "kjørt")  # queued, not yet run
        assert not _parked(table) and _has_work(table, False)
        await pilot.pause()
        assert ran == ["kjørt"]
        assert _parked(table) and not _has_work(table, False)


async def test_keys_typed_ahead_wait_for_the_app_but_a_key_bubbling_up_does_not(app_factory):
    from textual import events

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        typed = events.Key("a", "a")
        app.post_message(typed)
        assert not _has_work(app, True)  # a key typed meanwhile waits its turn
        bubbled = events.Key("b", "b")
        bubbled._set_forwarded()
        app.post_message(bubbled)
        assert _has_work(app, True)
        await pilot.pause()
