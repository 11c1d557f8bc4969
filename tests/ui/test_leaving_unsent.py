"""Leaving a question with text typed and not sent: the text is kept as a draft (never saved as the
answer), and the group is told so at the moment they leave, not only when they come back."""

from ui_helpers import SIZE, answer, feedback, new_session, paste_text

from bshp_tui.guide.conductor import Position
from bshp_tui.ui.widgets.chat import ChatInput

MEMBERS = Position("oppstart", "arbeidsgruppe", None, "medlemmer")


async def at_members_answered(pilot):
    w = await new_session(pilot)
    await pilot.press("1")
    await pilot.pause()
    await answer(pilot, "Kari; NAV; 10 %; ja")
    await pilot.press("ctrl+b")
    await pilot.pause()
    assert w.pos == MEMBERS
    w.query_one(ChatInput).focus()
    return w


async def test_leaving_an_edited_answer_says_the_edit_is_a_draft_and_keeps_the_answer(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await at_members_answered(pilot)
        await pilot.press("end")
        await paste_text(pilot, "\nOla; Helse")  # a change, not sent
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert w.pos != MEMBERS
        said = feedback(pilot)
        assert "Endringen i «Arbeidsgruppa» er ikke lagret som svar" in said and "Ctrl+R" in said
        assert [r["navn"] for r in w.session.answer(MEMBERS.key)] == ["Kari"]  # the answer is untouched
        assert "Ola; Helse" in w.session.draft(MEMBERS.key)
        await pilot.press("ctrl+n")  # said once, at the move; the next move starts clean
        await pilot.pause()
        assert "Arbeidsgruppa" not in feedback(pilot)


async def test_nothing_is_said_when_nothing_was_changed_or_the_edit_was_sent(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await at_members_answered(pilot)
        await pilot.press("ctrl+n")  # looked at, not changed
        await pilot.pause()
        assert "Arbeidsgruppa" not in feedback(pilot)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert w.pos == MEMBERS
        w.query_one(ChatInput).focus()
        await pilot.press("end")
        await paste_text(pilot, "\nOla; Helse; 20 %; ja")
        await pilot.press("enter")  # sent: the answer, no draft
        await pilot.pause()
        assert w.pos != MEMBERS
        assert "Arbeidsgruppa" not in feedback(pilot)
        assert [r["navn"] for r in w.session.answer(MEMBERS.key)] == ["Kari", "Ola"]


async def test_leaving_an_unanswered_question_with_typed_text_says_it_is_not_sent(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert w.pos == MEMBERS
        await paste_text(pilot, "Kari; NAV")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Det dere skrev i «Arbeidsgruppa», er ikke sendt" in feedback(pilot)
        assert w.session.answer(MEMBERS.key) is None
        assert w.session.draft(MEMBERS.key) == "Kari; NAV"
