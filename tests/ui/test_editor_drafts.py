"""Work done in the list and table editors is never thrown away without a question: Esc with unsaved
changes asks (Lagre / Forkast / Fortsett å skrive), and quitting or a signal keeps it as the
question's draft, which the chat and the editor offer back."""

from ui_helpers import SIZE, answer, goto, new_session, paste_text, work

from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.dialogs.list_editor import ListEditor
from bshp_tui.ui.dialogs.messages import UnsavedDialog
from bshp_tui.ui.dialogs.row_dialog import RowDialog
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.widgets.chat import ChatInput

MEETING_ROW = ["18:15", "innspill", "gruppearbeid", "IGP", "45", "Ola", "lapper"]


async def open_editor_with_a_new_role_group(pilot):
    """Ctrl+E on «Rollegrupper», A, «Ny rollegruppe», Enter: the new point is in the editor, not saved."""
    w = await new_session(pilot)
    await goto(w, "oppstart", "rollegrupper")
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ListEditor)
    await pilot.press("a")
    await pilot.pause()
    await paste_text(pilot, "Ny rollegruppe")
    await pilot.press("enter")
    await pilot.pause()
    return w


def stored_session(data_dir):
    store = SessionStore(data_dir)
    return store.open(store.list()[0].id)


async def test_quitting_the_list_editor_keeps_the_new_point_as_a_draft(app_factory, data_dir):
    async with app_factory().run_test(size=SIZE) as pilot:
        await open_editor_with_a_new_role_group(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    with stored_session(data_dir) as session:
        assert session.answer("oppstart/rollegrupper") is None  # not an answer until the group saves
        assert session.draft("oppstart/rollegrupper").splitlines()[-1] == "Ny rollegruppe"
    async with app_factory().run_test(size=SIZE) as pilot:  # back: the chat and the editor show it
        await pilot.press("enter")
        await pilot.pause()
        w = work(pilot)
        await goto(w, "oppstart", "rollegrupper")
        assert w.query_one(ChatInput).text.splitlines()[-1] == "Ny rollegruppe"
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert pilot.app.screen.entries[-1]["tekst"] == "Ny rollegruppe"


async def test_a_signal_keeps_a_row_half_typed_in_the_table_editor(app_factory, data_dir):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        for cell in MEETING_ROW[:3]:
            await paste_text(pilot, cell)
            await pilot.press("enter")
        assert isinstance(pilot.app.screen, RowDialog)
        pilot.app.save_all()  # what SIGTERM/SIGHUP and a closed terminal do
    with stored_session(data_dir) as session:
        assert session.draft("medvirkning/moteplan").startswith("18:15; innspill; gruppearbeid")


async def test_escape_in_the_list_editor_asks_and_each_answer_does_what_it_says(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await open_editor_with_a_new_role_group(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("escape")  # Fortsett å skrive
        await pilot.pause()
        assert isinstance(pilot.app.screen, ListEditor)
        assert pilot.app.screen.entries[-1]["tekst"] == "Ny rollegruppe"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")  # Forkast
        await pilot.pause()
        w.save_draft_now()
        assert pilot.app.screen is w
        assert w.session.answer("oppstart/rollegrupper") is None
        assert w.session.draft("oppstart/rollegrupper") is None
        assert "Ny rollegruppe" not in w.query_one(ChatInput).text
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await paste_text(pilot, "Enda en")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")  # Lagre
        await pilot.pause()
        assert [i["tekst"] for i in w.session.answer("oppstart/rollegrupper")][-1] == "Enda en"


async def test_escape_with_nothing_changed_closes_at_once(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "rollegrupper")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is w


async def test_escape_in_a_row_being_typed_asks_before_the_row_is_dropped(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        await answer(pilot, "18:00; velkommen; intro; plenum; 15; Kari; kaffe")
        await goto(w, "medvirkning", "moteplan")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # edit the first row
        await pilot.pause()
        assert isinstance(pilot.app.screen, RowDialog)
        await pilot.press("enter", "end")  # «Hvorfor»
        await paste_text(pilot, " og kaffe")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("l")  # Lagre: the row goes back into the table
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, TableEditor) and editor.entries[0]["hvorfor"] == "velkommen og kaffe"
        await pilot.press("escape")  # the table has a changed row: asked again
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog)


async def add_a_meeting_row_and_save(pilot):
    await pilot.press("ctrl+e")
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    for cell in MEETING_ROW:
        await paste_text(pilot, cell)
        await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_saving_in_the_editor_confirms_the_answer_and_goes_on_as_enter_does(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        here = w.pos
        await add_a_meeting_row_and_save(pilot)
        assert [r["hvem"] for r in w.session.answer(here.key)] == ["Ola"]
        assert pilot.app.screen is w and w.pos == w.c.next_position(here, unanswered_only=True) != here


async def test_saving_an_earlier_answer_in_the_editor_goes_back_to_where_the_group_was(app_factory):
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        earlier = w.pos
        await goto(w, "gap", "malomrader")
        where = w.pos
        w.editing_from = where  # as clicking an earlier answer in the conversation does
        w.c.set_cursor(earlier)
        await w.refresh_all(load_input=True)
        await add_a_meeting_row_and_save(pilot)
        assert w.session.answer(earlier.key) and w.pos == where and w.editing_from is None
