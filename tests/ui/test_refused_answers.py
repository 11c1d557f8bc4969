"""A refused answer keeps the typed text in the input and says what is allowed, on the line above
the input (not a notification over it); a choice names its values in the question too."""

import pytest
from ui_helpers import SIZE, answer, feedback, new_session, toasts, transcript_texts

from bshp_tui.ui.widgets.chat import ChatInput


async def go_to(w, ref: str) -> None:
    script_id = ref.split(".")[0]
    w.c.jump(script_id, w.c.field(ref).step_id)
    while w.c.cursor().field_id != ref.split(".")[1]:
        w.c.next()
    await w.refresh_all(load_input=True)


@pytest.mark.parametrize(
    ("ref", "typed", "allowed"),
    [
        ("oppstart.plantype", "kanskje", ["«kanskje» er ikke et av alternativene", "1) Kommunedelplan", "2) Temaplan"]),
        ("tiltak.rullering", "neste høst", ["Forstår ikke datoen «neste høst»", "2028-06", "løpende"]),
        ("kartlegging.antall", "-3", ["«-3» er for lite", "mindre enn 0"]),
    ],
)
async def test_a_refused_answer_keeps_the_text_and_says_what_is_allowed(app_factory, ref, typed, allowed):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = await new_session(pilot)
        await go_to(w, ref)
        await pilot.pause()
        field = w.pos.field_id
        await answer(pilot, typed)
        await pilot.pause()
        assert w.pos.field_id == field and not w.c.is_answered(w.pos)
        assert w.query_one(ChatInput).text == typed  # kept, and visible: nothing covers the input
        assert w.query_one(ChatInput).display
        note = feedback(pilot)
        for text in allowed:
            assert text in note
        assert not any(typed in t for t in await toasts(pilot))


async def test_a_choice_names_its_values_in_the_question_and_in_the_message(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = await new_session(pilot)
        await go_to(w, "oppstart.plantype")
        question = transcript_texts(pilot)[-1]
        assert "1. Kommunedelplan" in question and "2. Temaplan" in question
        await answer(pilot, "")
        assert "Velg et av alternativene med nummer eller navn: 1) Kommunedelplan, 2) Temaplan" in feedback(pilot)
