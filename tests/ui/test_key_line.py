"""The key line at the bottom: what a group needs most is on it at any width, and no key is cut in
two by the palette key at the right."""

import pytest
from ui_helpers import goto, new_session

from bshp_tui.ui.widgets.footer import Key, KeyFooter


def shown(app) -> list[Key]:
    return app.screen.query_one(KeyFooter).shown()


def drawn(app) -> str:
    return app.screen.query_one(KeyFooter).render().plain


@pytest.mark.parametrize("width", [80, 100, 120, 160])
async def test_the_key_line_starts_with_help_and_never_cuts_a_key(app_factory, width):
    app = app_factory()
    async with app.run_test(size=(width, 30)) as pilot:
        await new_session(pilot)
        await pilot.pause()
        keys = shown(app)
        palette = app.screen.query_one(KeyFooter).palette
        line = drawn(app)
        assert [k.description for k in keys][:6] == ["Hjelp", "Rediger", "Tilbake", "Steg", "Forhåndsvis", "Avslutt"]
        assert all(k.description in line[k.start : k.end] for k in keys)  # drawn where it is clicked
        assert all(k.end <= palette.start for k in keys)  # none under the palette key
        assert palette.end == width == len(line)  # the palette key reaches the edge: nothing shows beside it
        assert line.endswith("▏^p Kommandoer ")
        if width >= 120:  # everything the chat puts on the key line
            assert {"Hopp over", "Øktliste", "Tidtaker"} <= {k.description for k in keys}


async def test_ctrl_c_outside_a_field_says_in_norwegian_how_to_leave(app_factory):
    from ui_helpers import record_notifications

    app = app_factory()
    sent = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert sent == ["Trykk Ctrl+Q for å lagre og avslutte. Ctrl+C kopierer markert tekst."]
        assert app.is_running


async def test_f1_opens_the_help_over_an_editor_and_closes_it_again(app_factory):
    from bshp_tui.ui.dialogs import HelpScreen
    from bshp_tui.ui.dialogs.list_editor import ListEditor

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "rollegrupper")
        await pilot.press("ctrl+e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ListEditor)
        assert "Hjelp" in [k.description for k in shown(app)]  # on the editor's key line too
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen_stack[-2] is editor
        await pilot.press("f1")  # pressed again it closes the help, never opens a second one
        await pilot.pause()
        assert app.screen is editor  # back where the group was, nothing lost
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor


async def test_a_click_on_a_key_presses_it(app_factory):
    from bshp_tui.ui.dialogs import HelpScreen

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await new_session(pilot)
        await pilot.pause()
        [help_key] = [k for k in shown(app) if k.description == "Hjelp"]
        await pilot.click(KeyFooter, offset=(help_key.start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("contrast", [False, True])
async def test_the_key_under_the_pointer_stands_out_in_both_themes(app_factory, contrast):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await new_session(pilot)
        if contrast:
            await pilot.press("f2")
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        [steps] = [k for k in shown(app) if k.description == "Steg"]
        plain = footer.render()
        await pilot.hover(KeyFooter, offset=(steps.start + 1, 0))
        await pilot.pause()
        hovered = footer.render()
        styles = {span.style for span in hovered.spans if span.start >= steps.start and span.end <= steps.end}
        assert any(getattr(style, "underline", False) for style in styles)  # seen without colour too
        assert plain.spans != hovered.spans


async def test_an_empty_start_screen_shows_only_keys_that_do_something(app_factory):
    app = app_factory()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        keys = [k.description for k in shown(app)]
        assert "Bare les" not in keys and "Slett" not in keys
        assert {"Ny", "Hjelp", "Avslutt"} <= set(keys)  # they fit now, even at 60 columns
        await new_session(pilot)
        await pilot.press("escape")  # back to the list, which has a session now
        await pilot.pause()
        assert {"Bare les", "Slett"} <= {k.description for k in app.screen.query_one(KeyFooter).keys}
