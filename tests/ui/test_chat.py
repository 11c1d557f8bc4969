"""Pilot tests of the guided chat: a full guided session, resume, editing, facilitation."""

import pytest
from ui_helpers import (
    SIZE,
    answer,
    feedback,
    goto,
    group_turns,
    new_session,
    paste_text,
    toasts,
    transcript_texts,
    work,
)
from walk import answer_for

from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.facilitation import hidden_count
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.dialogs import ConfirmDialog, HelpScreen, MessageDialog
from bshp_tui.ui.screens.start import StartScreen
from bshp_tui.ui.screens.swot import SwotScreen
from bshp_tui.ui.screens.work import WorkScreen
from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.steps import StepsPanel
from bshp_tui.ui.widgets.timer_line import TimerLine


async def walk_oppstart(pilot):
    """Answer Oppstart through the input, each field with the scripted group's answer for it
    (tests/walk.py: looked up by field, so the order of the fields does not matter). A role
    group's SWOT opens on its own screen when the group arrives at it."""
    w = next(s for s in pilot.app.screen_stack if isinstance(s, WorkScreen))
    for _ in range(80):
        if isinstance(pilot.app.screen, SwotScreen):  # a role group's four quadrants on one screen
            for area in pilot.app.screen.query("TextArea"):
                area.load_text(f"{area.id} en\n{area.id} to")
            await pilot.press("ctrl+s")
            await pilot.pause()
            continue
        if w.pos is None or w.pos.script_id != "oppstart":
            break
        await answer(pilot, answer_for(w.c, w.pos))
    assert w.pos is None or w.pos.script_id != "oppstart", (w.pos, feedback(pilot))


@pytest.mark.painted  # every question of the guided sessions is painted as in a terminal (tests/ui/conftest.py)
async def test_full_guided_session_then_resume(app_factory, data_dir):
    app = app_factory()
    # The group has answered Oppstart up to its SWOT (seeded through the store); the rest is typed.
    session = SessionStore(data_dir).create("Molde", "2027-2030")
    c = Conductor(app.scripts, session)
    pos = c.cursor()
    while pos is not None and c.field(pos).id not in ("sterke", "svake", "muligheter", "trusler"):
        pos = c.submit(pos, answer_for(c, pos))
    session.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # open it from the list
        await pilot.pause()
        await walk_oppstart(pilot)
        w = work(pilot)
        assert w.c.script_progress("oppstart") == 1.0
        assert w.pos == Position("kartlegging", "interessenter", None, "interessenter")
        before = transcript_texts(pilot)
        assert any("Kari" in t for t in before)
        await paste_text(pilot, "Et halvferdig svar")
        await pilot.press("ctrl+q")
    # Reopen: the transcript and the position are restored, and the draft is offered back.
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        await pilot.pause()
        w = work(pilot)
        assert w.pos == Position("kartlegging", "interessenter", None, "interessenter")
        assert transcript_texts(pilot) == before
        assert w.query_one(ChatInput).text == "Et halvferdig svar"


async def test_editing_an_earlier_answer_keeps_later_ones(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        await answer(pilot, "Kari; NAV; 10 %; ja")  # the period was given when the session was made
        w = work(pilot)
        where = w.pos
        first = group_turns(pilot)[0]
        first.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(first)
        await pilot.pause()
        assert w.pos.field_id == "plantype" and w.editing_from == where
        hint = str(w.query_one("#where").render())
        assert "Enter lagrer og går tilbake" in hint and "Enter sender" not in hint  # one meaning of Enter
        await answer(pilot, "Temaplan")
        assert w.pos == where  # back where the group was
        assert "Enter sender" in str(w.query_one("#where").render())
        answers = w.session.answers()
        assert answers["oppstart/plantype"] == "temaplan"
        assert answers["oppstart/planperiode"] == "2027–2030"
        assert answers["oppstart/medlemmer"][0]["navn"] == "Kari"


async def test_bad_answer_gets_a_message_and_keeps_the_text(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = await new_session(pilot)
        await goto(w, "kartlegging", "boliger")
        await answer(pilot, "mange [/] [b]")
        await pilot.pause(0.3)
        assert w.pos.field_id == "antall"
        assert w.query_one(ChatInput).text == "mange [/] [b]"
        note = feedback(pilot)  # next to the question, not a toast over the input
        assert "ikke et tall" in note and "«mange [/] [b]»" in note  # shown literally
        assert not any("ikke et tall" in t for t in await toasts(pilot))


async def test_slash_commands_and_completion(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await pilot.press("slash", "h", "j")  # typed key by key, as the group types a command
        await pilot.press("tab")
        assert w.query_one(ChatInput).text == "/hjelp "
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await answer(pilot, "/hopp")
        assert w.pos.field_id == "medlemmer"  # the period was given when the session was made
        await answer(pilot, "/tilbake")
        assert w.pos.field_id == "planperiode"
        await answer(pilot, "/tull")
        assert "Kjenner ikke kommandoen" in feedback(pilot)


async def test_step_panel_jumps(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        w.query_one(StepsPanel).post_message(StepsPanel.JumpRequested("medvirkning", "moteplan", None))
        await pilot.pause()
        await pilot.pause()
        assert w.pos.field_id == "moteplan"


async def test_igp_timer_with_mocked_time(app_factory, clock):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        await answer(pilot, "/igp")
        line = w.query_one(TimerLine)
        assert line.timer is not None and [p.name for p in line.timer.phases] == ["Individ", "Gruppe", "Plenum"]
        assert "Individ 1/3: 07:30" in str(line.render())
        clock.advance(8 * 60)
        line.tick()  # what the one-second interval does
        assert "Gruppe 2/3" in str(line.render())
        clock.advance(30 * 60)
        line.tick()
        assert "tiden er ute" in str(line.render())
        await pilot.press("ctrl+t")  # a finished timer: Ctrl+T starts a new one
        await pilot.pause()
        assert "Individ" not in str(line.render()) and line.timer is not None
        await pilot.press("ctrl+t")  # a running one: Ctrl+T stops it
        await pilot.pause()
        assert line.timer is None and not line.has_class("running")


async def test_private_mode_hides_until_revealed(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        await answer(pilot, "/privat")
        private = w.query_one("#private")
        assert private.display and private.password
        for text in ("Kari sitt innspill", "Olas innspill"):
            await paste_text(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        key = w.pos.key
        assert hidden_count(w.session, key) == 2
        assert not any("innspill" in t for t in transcript_texts(pilot))
        assert "Kari" not in w.query_one(ChatInput).text
        await paste_text(pilot, "/vis")
        await pilot.press("enter")
        await pilot.pause()
        assert hidden_count(w.session, key) == 0
        assert w.query_one(ChatInput).text == "Kari sitt innspill\n\nOlas innspill"


async def test_session_open_elsewhere_opens_read_only(app_factory, data_dir):
    store = SessionStore(data_dir)
    holder = store.create("Molde")
    holder.set_answer("oppstart/plantype", "temaplan")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.pause()
        w = work(pilot)
        assert w.session.read_only
        assert "Bare lesing" in str(w.query_one("#status").render())
        await answer(pilot, "Noe")
        assert holder.answer("oppstart/planperiode") is None
        assert w.pos.field_id == "planperiode"
        await pilot.press("ctrl+n")  # reading: navigation works, nothing is written
        await pilot.pause()
        assert w.pos.field_id == "medlemmer"
    holder.close()


async def test_damaged_file_is_listed_and_others_open(app_factory, data_dir):
    store = SessionStore(data_dir)
    store.create("Molde").close()
    store.create("Skadet").close()
    (data_dir / "skadet.json").write_bytes(b"{")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("DataTable")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert str(rows[0][0]) == "Molde"
        assert str(rows[1][0]) == "SKADET" and "avkuttet" in str(rows[1][1])
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)


async def test_broken_prompt_folder_is_reported_and_shipped_prompts_used(tmp_path, data_dir):
    from bshp_tui.ui.app import make_app

    own = tmp_path / "egne"
    own.mkdir()
    (own / "1-test.md").write_text(
        "# Test\n\n```veiledning\nid: test\n```\n\n## Steg\n\n```felt\nid: a\ntype: farge\n```\n", encoding="utf-8"
    )
    app = make_app(data_dir, prompts_dir=own)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        assert [s.id for s in app.scripts][:2] == ["oppstart", "kartlegging"]
        assert any("1-test.md:" in str(p) and "farge" in str(p) for p in app.prompt_problems)


async def test_markup_in_names_is_shown_literally(app_factory, data_dir):
    store = SessionStore(data_dir)
    with store.create("[/]Rare [b]navn") as s:
        s.set_answer("gap/malomrader", [{"id": "a1", "tekst": "[/] område *x*"}])
        s.set_state("cursor", ["gap", "gap", "a1", "status"])
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert str(app.screen.query_one("DataTable").get_row_at(0)[0]) == "[/]Rare [b]navn"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        w = app.screen
        assert "[/] område *x*" in str(w.query_one("#where").render())
        assert "[/]Rare [b]navn" in str(w.query_one("TitleBar").render())


async def test_enter_after_a_number_choice_does_not_touch_the_next_question(app_factory):
    """A digit sends a single choice at once; the Enter typed after it out of habit is swallowed, so
    the next question is neither sent nor skipped. The Enter after that works as always."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_session(pilot)
        assert screen.pos.field_id == "plantype"
        await pilot.press("1", "enter")
        await pilot.pause()
        assert screen.session.answer("oppstart/plantype") == "kommunedelplan"
        assert screen.pos.field_id != "plantype"
        at = screen.pos
        assert feedback(pilot) == ""
        await pilot.press("enter")  # a deliberate Enter on the empty required question
        await pilot.pause()
        assert screen.pos == at and feedback(pilot) != ""


async def test_an_enter_once_the_next_question_is_read_is_not_swallowed(app_factory, clock):
    """Only an Enter right after the digit is taken for habit: one a moment later (the group has
    read the next question) does what Enter does there at once, with no second press needed."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        at = screen.pos
        assert at.field_id != "plantype" and feedback(pilot) == ""
        clock.advance(2)
        await pilot.press("enter")  # the next question is required: Enter says so
        await pilot.pause()
        assert screen.pos == at and feedback(pilot) != ""


async def test_a_read_only_session_says_how_to_open_it_for_writing(app_factory, data_dir):
    """L opens a session only for reading: nothing can be typed, and Enter says so and how to
    open it for writing (the status line no longer blames another window)."""
    from bshp_tui.store.sessions import SessionStore

    SessionStore(data_dir).create("Molde", "2027–2030").close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert screen.session.read_only
        await pilot.press("t", "enter")
        await pilot.pause()
        assert screen.query_one(ChatInput).text == "" and screen.session.answers() == {}
        said = feedback(pilot)
        assert "bare for lesing" in said and "åpne den med Enter" in said
        assert "annet sted" not in str(screen.query_one("StatusLine").render())
