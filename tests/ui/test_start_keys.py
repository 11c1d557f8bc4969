"""The start screen says «trykk N»: its letter keys work with Shift or Caps Lock as well."""

from ui_helpers import SIZE

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
