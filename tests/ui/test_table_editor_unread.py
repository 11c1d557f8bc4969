"""Ctrl+E on a table whose typed text has a line that cannot be read: the editor opens anyway with
the lines that can, and the bad line opens in the row dialog as typed, the reason by its cell.
Nothing typed is lost: the line is put right, taken out on purpose, or stays in the field."""

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Static
from ui_helpers import SIZE, new_session, paste_text

from bshp_tui.guide.answer_text import _cells
from bshp_tui.guide.conductor import Position
from bshp_tui.ui.dialogs.row_dialog import RowDialog
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.widgets.chat import ChatInput

KEY = "medvirkning/mobiliseringsplan"
GOOD = "Ungdom; ekstern; ungdomsrådet; besøk; mars 2027; Kari"
BAD = "Eldre; ekstern; eldrerådet; møte; 2027-13; Ola"
LAST = "Utleiere; ekstern; utleierne; brev; mai 2027; Per"


async def open_with_a_bad_line(pilot):
    w = await new_session(pilot)
    w.c.set_cursor(Position("medvirkning", "mobilisering", None, "mobiliseringsplan"))
    await w.refresh_all(load_input=True)
    w.query_one(ChatInput).set_text(f"{GOOD}\n{BAD}\n{LAST}")
    await pilot.pause()
    await pilot.press("ctrl+e")
    await pilot.pause()
    await pilot.pause()
    return w


def error_text(screen, selector) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_editor_opens_with_the_good_lines_and_the_bad_one_in_the_row_dialog(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await open_with_a_bad_line(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, RowDialog)
        editor = pilot.app.screen_stack[-2]
        assert isinstance(editor, TableEditor)
        assert [r["malgruppe"] for r in editor.entries] == ["Ungdom", "Utleiere"]
        assert "Linje 2" in str(dialog.query_one(".dialog-title").render())
        assert dialog.cells() == ["Eldre", "ekstern", "eldrerådet", "møte", "2027-13", "Ola"]  # as typed
        date = dialog.query_one("#col-nar", Input)
        assert date.has_focus  # the cursor at the cell it is about, the reason right under it
        assert "«2027-13» er ikke en gyldig dato" in error_text(dialog, "#row-error")
        children = list(dialog.query_one("#row-fields").children)
        assert children.index(dialog.query_one("#row-error")) == children.index(date) + 1
        date.value = "2027-12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is editor
        assert [r["malgruppe"] for r in editor.entries] == ["Ungdom", "Eldre", "Utleiere"]  # where it was typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = w.session.answer(KEY)
        assert [(r["malgruppe"], r["nar"]) for r in stored] == [
            ("Ungdom", "2027-03"),
            ("Eldre", "2027-12"),
            ("Utleiere", "2027-05"),
        ]


async def test_escape_keeps_the_bad_line_and_the_table_is_not_saved_without_it(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await open_with_a_bad_line(pilot)
        await pilot.press("escape")  # not now
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, TableEditor)
        said = error_text(editor, "#editor-error")
        assert "Linje 2" in said and "2027-13" in said and "R for å rette" in said and "X for å ta den ut" in said
        assert BAD in editor.draft_text().split("\n")  # kept as typed, where typed
        w.save_draft_now()  # what a quit or a signal saves: every line typed, the bad one too
        assert w.session.draft(KEY) == f"{GOOD}\n{BAD}\n{LAST}"
        await pilot.press("ctrl+s")  # refused while the line is left out
        await pilot.pause()
        assert pilot.app.screen is editor and w.session.answer(KEY) is None
        await pilot.press("escape")  # nothing changed: closes, and the field still holds every line
        await pilot.pause()
        assert pilot.app.screen is w
        assert w.query_one(ChatInput).text == f"{GOOD}\n{BAD}\n{LAST}"
        assert w.session.answer(KEY) is None


async def test_r_opens_the_bad_line_again_and_x_takes_it_out_on_purpose(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await open_with_a_bad_line(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RowDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, TableEditor) and error_text(editor, "#editor-error") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [r["malgruppe"] for r in w.session.answer(KEY)] == ["Ungdom", "Utleiere"]


async def test_a_line_typed_in_the_row_dialog_for_a_bad_line_is_kept_by_a_save_on_quit(app_factory, data_dir):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await open_with_a_bad_line(pilot)
        await pilot.press("end")
        await paste_text(pilot, "x")  # typed in the date cell (not put right yet)
        w.save_draft_now()
        draft = w.session.draft(KEY).split("\n")
        assert draft[:2] == [GOOD, LAST] and draft[2].startswith("Eldre; ekstern; eldrerådet; møte; 2027-13x")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab ;\\", max_size=6), min_size=1, max_size=9), st.integers(1, 6))
def test_cells_for_the_row_dialog_keep_every_character_typed(parts, count):
    line = ";".join(parts)
    cells = _cells(line, count)
    assert len(cells) == count
    kept = "".join(cells).replace(";", "").replace("\\", "").replace(" ", "")
    assert kept == line.replace(";", "").replace("\\", "").replace(" ", "")


async def test_an_editor_opened_right_after_typing_keeps_all_of_it_as_the_draft(app_factory):
    """The draft an editor falls back to is what the input shows when it opens, not the last timed save."""
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        w.c.set_cursor(Position("oppstart", "rollegrupper", None, "rollegrupper"))
        await w.refresh_all(load_input=True)
        w.query_one(ChatInput).set_text("Bolig\nHelse")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("a")  # a point started and given up: nothing changed in the editor
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        w.save_draft_now()
        assert w.session.draft("oppstart/rollegrupper") == "Bolig\nHelse"
