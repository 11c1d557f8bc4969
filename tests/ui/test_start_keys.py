"""The start screen says «trykk N»: its letter keys work with Shift or Caps Lock as well."""

from ui_helpers import SIZE, through_new_dialog

from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.dialogs import BackupsDialog, ConfirmDialog, NewSessionDialog
from bshp_tui.ui.screens.start import StartScreen


async def test_capital_letters_do_what_the_small_ones_do(app_factory, data_dir):
    SessionStore(data_dir).create("Molde", "2027-2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        for key, dialog in (("N", NewSessionDialog), ("K", BackupsDialog), ("S", ConfirmDialog)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, dialog), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
        screen = app.screen
        small = {b.key: b.action for b in screen.BINDINGS if len(b.key) == 1 and b.key.isalpha() and b.key.islower()}
        capitals = {b.key: b.action for b in screen.BINDINGS if len(b.key) == 1 and b.key.isupper()}
        assert small and capitals == {k.upper(): action for k, action in small.items()}


async def test_the_plan_the_group_was_at_stays_highlighted(app_factory, data_dir):
    """Back from a session, or from a dialog that was cancelled, the same plan is highlighted:
    Enter opens the plan the group was at, not the first in the list."""
    store = SessionStore(data_dir)
    for name in ("Aukra", "Bergen", "Molde"):
        store.create(name, "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        assert start.selected_id() == "aukra"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.session.id == "molde"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is start and start.selected_id() == "molde"
        await pilot.press("s")  # delete? No.
        await pilot.pause()
        assert "«Molde 2027–2030» (molde.json)" in str(app.screen.query_one(".dialog-body").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is start and start.selected_id() == "molde"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert start.selected_id() == "molde"


async def test_a_new_plan_is_highlighted_when_the_group_comes_back_from_it(app_factory, data_dir):
    SessionStore(data_dir).create("Aukra", "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        await through_new_dialog(pilot, "Volda", "2027-2030")
        assert app.screen.session.id == "volda"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is start and start.selected_id() == "volda"


async def test_a_second_plan_for_the_same_municipality_and_period_is_asked_about(app_factory, data_dir):
    store = SessionStore(data_dir)
    store.create("Aukra", "2027–2030").close()
    store.create("Molde", "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        await through_new_dialog(pilot, "molde", "2027-2030")
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "«Molde 2027–2030» (molde.json)" in str(question.query_one(".dialog-body").render())
        await pilot.press("escape")  # Avbryt: the plan that exists is highlighted, nothing is made
        await pilot.pause()
        assert app.screen is start and start.selected_id() == "molde"
        assert sorted(store.ids()) == ["aukra", "molde"]

        await through_new_dialog(pilot, "Molde", "2027-2030")
        await pilot.press("enter")  # «Lag nytt» has the focus
        await pilot.pause()
        assert app.screen.session.id == "molde-2"

    store.create("Volda", "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await through_new_dialog(pilot, "Volda", "2031-2034")  # another period: no question
        assert app.screen.session.id == "volda-2"


async def test_a_plan_made_in_another_terminal_shows_up_by_itself(app_factory, data_dir):
    """`bshp new` or `bshp import` in another window while the list is open: the list follows
    (the screen looks every couple of seconds; here the look is made at once)."""
    store = SessionStore(data_dir)
    store.create("Aukra", "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        store.create("Molde", "2027–2030").close()
        start.refresh_if_changed()
        await pilot.pause()
        table = start.query_one("DataTable")
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["Aukra", "Molde"]
        assert start.selected_id() == "aukra"


async def test_the_list_looks_at_the_folder_on_its_own_and_only_lists_again_on_a_change(
    app_factory, data_dir, monkeypatch
):
    from bshp_tui.ui.screens import start as start_module

    intervals = []
    set_interval = StartScreen.set_interval

    def recorded(self, seconds, callback, *args, **kwargs):
        intervals.append((seconds, getattr(callback, "__name__", "")))
        return set_interval(self, seconds, callback, *args, **kwargs)

    monkeypatch.setattr(StartScreen, "set_interval", recorded)
    SessionStore(data_dir).create("Aukra", "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        assert (start_module.FOLDER_CHECK_SECONDS, "refresh_if_changed") in intervals
        listed = []
        monkeypatch.setattr(start, "refresh_list", lambda keep=None: listed.append(keep))
        start.refresh_if_changed()
        await pilot.pause()
        assert listed == []  # nothing changed: the list is left as it is


async def test_after_a_delete_the_plan_below_is_highlighted(app_factory, data_dir):
    store = SessionStore(data_dir)
    for name in ("Aukra", "Bergen", "Molde"):
        store.create(name, "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        await pilot.press("down", "s")
        await pilot.pause()
        await pilot.press("enter")  # «Slett»
        await pilot.pause()
        await pilot.pause()
        assert sorted(store.ids()) == ["aukra", "molde"]
        assert start.selected_id() == "molde"


async def test_an_unreadable_data_folder_gives_a_message_when_a_plan_is_made(app_factory, data_dir):
    from bshp_tui.ui.dialogs import MessageDialog

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("en fil, ikke en mappe")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await through_new_dialog(pilot, "Molde", "2027-2030")
        assert isinstance(app.screen, MessageDialog) and app.is_running


async def test_a_plan_open_in_another_window_is_named_as_the_list_names_it(app_factory, data_dir):
    """The plan is named by municipality and period (and its file), not only by the file's id, and
    «Bare les» opens it for reading."""
    from bshp_tui.guide.session_start import record_start
    from bshp_tui.ui.screens.work import WorkScreen

    other_window = SessionStore(data_dir)
    app = app_factory()
    held = other_window.create("Molde", "2027–2030")
    try:
        record_start(app.scripts, held, "2027–2030")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog)
            assert dialog.question.startswith("Planarbeidet «Molde 2027–2030» (molde.json) er allerede åpent")
            assert dialog.question.endswith("Åpne det bare for lesing?")
            await pilot.press("enter")  # «Bare les» has the focus
            await pilot.pause()
            assert isinstance(app.screen, WorkScreen) and app.screen.session.read_only
    finally:
        held.close()
