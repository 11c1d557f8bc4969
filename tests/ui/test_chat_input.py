"""Pilot tests of the guided chat's input: text that starts with a slash, «tenk selv først» across
navigation and restarts, export words, skipping a required question, the timer's words."""

from bshp_tui.ui.widgets.chat import ChatInput
from ui_helpers import SIZE, answer, feedback, new_session, type_text


async def test_text_starting_with_a_slash_stays_in_the_field(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        w.c.jump("oppstart", "forventninger")
        await w.refresh_all(load_input=True)
        key = w.pos.key
        await type_text(pilot, "/50 prosent av budsjettet")
        await pilot.press("enter")
        await pilot.pause()
        assert w.query_one(ChatInput).text == "/50 prosent av budsjettet"  # not wiped
        assert "«//50 prosent av budsjettet»" in feedback(pilot)  # how to send it
        assert w.pos.key == key and w.session.answer(key) is None  # not saved as an answer either
        w.save_draft_now()
        assert w.session.draft(key) == "/50 prosent av budsjettet"  # kept as a draft
        await answer(pilot, "/tull")  # a mistyped command: said, and kept for correcting
        assert "Kjenner ikke kommandoen /tull" in feedback(pilot)
        assert w.query_one(ChatInput).text == "/tull"
        await answer(pilot, "//50 prosent av budsjettet")
        assert w.session.answer(key) == "/50 prosent av budsjettet"  # «//» sends one slash
