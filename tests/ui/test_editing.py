"""Pilot tests of editing in the app: drafts never override a newer answer, commands after typed
text, going back shows the question, messages next to the question, editor and input agree, the
period from the new-session dialog, and a final save that fails."""

from pathlib import Path

from ui_helpers import SIZE, answer, feedback, group_turns, new_session, paste_text, toasts

from bshp_tui.guide.answer_text import format_value
from bshp_tui.guide.conductor import Position
from bshp_tui.store import session as session_module
from bshp_tui.ui.dialogs import HelpScreen, NewSessionDialog
from bshp_tui.ui.dialogs.list_editor import ListEditor
from bshp_tui.ui.dialogs.save_failed import SaveFailedDialog
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.screens.start import StartScreen
from bshp_tui.ui.widgets.chat import ChatInput, Transcript

MEMBERS = Position("oppstart", "arbeidsgruppe", None, "medlemmer")
PERIOD = Position("oppstart", "plantype", None, "planperiode")


async def goto(pilot, w, pos):
    w.c.set_cursor(pos)
    await w.refresh_all(load_input=True)
    await pilot.pause()


def shown(w) -> str:
    return w.query_one(ChatInput).text


def last_turn(w):
    return w.query_one(Transcript).turns[-1]


# -- 1 and 6: drafts, editor and input ------------------------------------------------------


async def test_editor_save_leaves_no_stale_text_for_enter_to_send(app_factory):
    """The reported loss: a draft in the input, the editor saves a newer answer, Enter reverted it."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert w.pos == MEMBERS
        await paste_text(pilot, "Kari; NAV; 10 %; ja")  # typed, not sent
        w.save_draft_now()
        assert w.session.draft(MEMBERS.key) == "Kari; NAV; 10 %; ja"
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, TableEditor)
        assert [r["navn"] for r in app.screen.entries] == ["Kari"]  # opens with what the input shows
        await pilot.press("a")
        await pilot.pause()
        for cell in ["Ola", "Helse og omsorg", "20 %", "ja"]:
            await paste_text(pilot, cell)
            await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")  # save the table: this answers the question, as Enter does
        await pilot.pause()
        stored = w.session.answer(MEMBERS.key)
        assert [r["navn"] for r in stored] == ["Kari", "Ola"]
        assert w.session.draft(MEMBERS.key) is None
        assert w.pos != MEMBERS  # on to the next question
        w.save_draft_now()  # the draft timer finds nothing stale to keep
        assert w.session.draft(MEMBERS.key) is None
        await pilot.press("ctrl+b")  # come back to the question
        await pilot.pause()
        assert w.pos == MEMBERS and feedback(pilot) == ""
        assert shown(w) == format_value(w.c, w.c.field(MEMBERS), stored)  # the input shows the stored answer
        box = w.query_one(ChatInput)
        box.focus()
        await pilot.press("enter")  # the natural next key changes nothing
        await pilot.pause()
        assert [r["navn"] for r in w.session.answer(MEMBERS.key)] == ["Kari", "Ola"]


async def test_a_draft_differing_from_the_saved_answer_is_offered_not_loaded(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        await answer(pilot, "Kari; NAV; 10 %; ja")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert w.pos == MEMBERS
        w.query_one(ChatInput).focus()
        await pilot.press("end")
        await paste_text(pilot, "\nOla; Helse")  # a change, not sent
        w.save_draft_now()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert w.pos == MEMBERS
        assert "Ola" not in shown(w) and shown(w).startswith("Kari")  # the saved answer
        assert "utkast" in feedback(pilot) and "Ctrl+R" in feedback(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Ola; Helse" in shown(w)
        assert [r["navn"] for r in w.session.answer(MEMBERS.key)] == ["Kari"]  # nothing stored yet


async def test_list_editor_opens_with_the_suggested_items(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        pos = Position("oppstart", "rollegrupper", None, "rollegrupper")
        await goto(pilot, w, pos)
        w.query_one(ChatInput).focus()
        await pilot.press("end")
        await paste_text(pilot, "\nBoligkontoret")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ListEditor)
        texts = [e["tekst"] for e in app.screen.entries]
        assert texts[0] == "Intern koordinering" and texts[-1] == "Boligkontoret"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [i["tekst"] for i in w.session.answer(pos.key)] == texts
        await goto(pilot, w, pos)  # saving went on to the next question; back at this one:
        assert shown(w).splitlines() == texts


# -- 2: commands typed after prefilled text ---------------------------------------------------


async def test_command_after_prefilled_text_runs_and_never_changes_the_answer(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert w.pos == PERIOD and shown(w) == "2027–2030"  # prefilled, cursor at the end
        await paste_text(pilot, "/tilbake")
        await pilot.press("enter")
        await pilot.pause()
        assert w.pos == Position("oppstart", "plantype", None, "plantype")
        assert w.session.answer(PERIOD.key) == "2027–2030"
        await pilot.press("ctrl+n")
        await pilot.pause()
        await paste_text(pilot, "/tilb")  # half a command is refused, not saved
        await pilot.press("enter")
        await pilot.pause()
        assert w.pos == PERIOD and "ligner en kommando" in feedback(pilot)
        assert w.session.answer(PERIOD.key) == "2027–2030"


async def test_command_under_a_list_is_not_an_item(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        pos = Position("oppstart", "rollegrupper", None, "rollegrupper")
        await goto(pilot, w, pos)
        w.query_one(ChatInput).focus()
        await pilot.press("end")
        await paste_text(pilot, "\n/hjelp")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert w.session.answer(pos.key) is None
        assert "/hjelp" not in shown(w) and shown(w).startswith("Intern koordinering")


# -- 4: going back shows the question --------------------------------------------------------


async def test_going_back_shows_the_question_above_the_input(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        await answer(pilot, "Kari; NAV; 10 %; ja")
        await pilot.press("ctrl+b")  # Ctrl+B
        await pilot.pause()
        assert last_turn(w).current and last_turn(w).pos == MEMBERS
        assert "Hvem er med i arbeidsgruppa" in last_turn(w).text or "Navn" in last_turn(w).text
        await answer(pilot, "/tilbake")  # /tilbake
        assert last_turn(w).pos == PERIOD and "Hvilken periode" in last_turn(w).text
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.pause()
        first = group_turns(pilot)[0]  # clicking an earlier answer
        first.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(first)
        await pilot.pause()
        assert w.pos.field_id == "plantype"
        assert last_turn(w).pos == w.pos and "Hvilken form skal planen ha" in last_turn(w).text
        assert "1. Kommunedelplan" in last_turn(w).text  # with its choices
        w.c.jump("oppstart", "plantype")  # a jump from the step list
        await w.refresh_all(load_input=True)
        await pilot.pause()
        assert last_turn(w).pos == w.pos and last_turn(w).current


# -- 5 and 7: messages next to the question; the period ----------------------------------------


async def test_period_from_the_dialog_is_not_asked_again_and_a_bad_one_is_refused(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await paste_text(pilot, "Molde")
        await pilot.press("tab")
        await paste_text(pilot, "2027-2030/x")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        assert "to årstall" in str(app.screen.query_one("#feil").render())
        for _ in range(2):
            await pilot.press("backspace")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        w = app.screen
        assert w.session.answer(PERIOD.key) == "2027–2030"
        [listed] = app.store.list()  # the start screen's list shows the progress the chat shows
        assert round(listed.progress * 100) == round(w.c.overall_progress() * 100) > 0
        await pilot.press("1")
        await pilot.pause()
        assert w.pos == MEMBERS  # the period counts as answered


async def test_validation_message_stands_by_the_question_and_goes_with_it(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = await new_session(pilot)
        await goto(pilot, w, PERIOD)
        await answer(pilot, "2027–2030/x")
        assert w.pos == PERIOD and "Ugyldig planperiode" in feedback(pilot)
        assert w.session.answer(PERIOD.key) == "2027–2030"
        assert not await toasts(pilot)  # no toast over the input and the status line
        await answer(pilot, "")
        assert "må besvares" in feedback(pilot)
        await pilot.press("ctrl+n")  # the next question starts clean
        await pilot.pause()
        assert w.pos == MEMBERS and feedback(pilot) == ""
        assert not await toasts(pilot)


# -- 8: a final save that fails ----------------------------------------------------------------


def break_saving(monkeypatch, only_in: Path | None = None):
    """Saving fails (in `only_in`, or everywhere)."""
    real = session_module.atomic_write_bytes

    def broken(path, data):
        if only_in is not None and Path(path).resolve().parent != Path(only_in).resolve():
            return real(path, data)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_module, "atomic_write_bytes", broken)


async def test_failed_save_on_quit_offers_a_copy_before_exiting(app_factory, monkeypatch, tmp_path, data_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        break_saving(monkeypatch, only_in=data_dir)
        await answer(pilot, "Temaplan")
        assert w.session.answer("oppstart/plantype") == "temaplan" and w.session.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedDialog) and app.is_running
        dialog = app.screen
        assert "ikke lagret" in str(dialog.query_one(".dialog-title").render())
        dialog.query_one("#folder").value = str(tmp_path)
        await pilot.click("#copy")
        await pilot.pause()
        copy = dialog.copied_to
    assert copy is not None and copy.parent == tmp_path
    assert "temaplan" in copy.read_text(encoding="utf-8")
    assert not app.is_running


async def test_a_copy_folder_that_cannot_be_written_is_named_as_typed(app_factory, monkeypatch, tmp_path, data_dir):
    """The folder the group typed is quoted in the message as written, «[» and all, and the
    dialog stays open for another folder."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot)
        break_saving(monkeypatch, only_in=data_dir)
        await answer(pilot, "Temaplan")
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveFailedDialog)
        (tmp_path / "[").write_text("en fil, ikke en mappe")
        dialog.query_one("#folder").value = str(tmp_path / "[" / "x] minnepinne")
        await pilot.click("#copy")
        await pilot.pause()
        said = str(dialog.query_one("#copy-result").render())
        assert "[/x] minnepinne" in said and "Velg en annen mappe" in said
        assert app.screen is dialog and dialog.copied_to is None


async def test_failed_save_on_escape_can_be_retried(app_factory, monkeypatch, data_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        break_saving(monkeypatch)
        await answer(pilot, "Temaplan")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedDialog)
        await pilot.click("#stay")  # stay: nothing is closed
        await pilot.pause()
        assert app.screen is w and not w.open.closed
        await pilot.press("escape")
        await pilot.pause()
        monkeypatch.undo()  # the USB stick is back
        await pilot.click("#retry")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    with app.store.open(w.session.id) as again:
        assert again.answer("oppstart/plantype") == "temaplan"


async def test_signal_with_failing_save_writes_an_emergency_copy(app_factory, monkeypatch, data_dir, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        break_saving(monkeypatch, only_in=data_dir)
        await answer(pilot, "Temaplan")
        app.save_all()  # what SIGTERM, SIGHUP and SIGQUIT do
        assert w.open.closed
    assert app.exit_messages and "kopi" in app.exit_messages[0]
    copies = list(Path(data_dir).resolve().parent.glob("*-kopi-*.json"))
    assert len(copies) == 1 and str(copies[0]) in app.exit_messages[0]
    assert "temaplan" in copies[0].read_text(encoding="utf-8")
