"""/vis shows the hidden inputs that were sent. A hidden input half typed (also one kept over a
restart) is not shown, and /vis says so and how to send it; it is never lost."""

from ui_helpers import SIZE, answer, feedback, goto, new_session, paste_text, work

from bshp_tui.guide import facilitation as F
from bshp_tui.ui.widgets.chat import ChatInput


async def test_vis_after_a_restart_says_a_half_typed_hidden_input_was_not_shown(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        key = w.pos.key
        await answer(pilot, "/privat")
        await paste_text(pilot, "Kari sitt innspill")
        await pilot.press("enter")
        await paste_text(pilot, "Ola skriver ennå")  # not sent
        await pilot.pause()
        await pilot.press("ctrl+q")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        w = work(pilot)
        assert w.pos.key == key
        assert "halvskrevet" in feedback(pilot)  # said on arrival
        await answer(pilot, "/vis")
        assert w.query_one(ChatInput).text == "Kari sitt innspill"  # only what was sent
        said = feedback(pilot)
        assert said.startswith("1 innspill er vist i svarfeltet.")
        assert "halvskrevet skjult innspill er ikke vist" in said and "/privat henter det fram" in said
        assert F.private_draft(w.session, key) == "Ola skriver ennå"  # kept, still hidden
        await answer(pilot, "/privat")  # brought back, sent, and shown with the others
        assert w.query_one("#private").value == "Ola skriver ennå"
        await pilot.press("enter")
        await pilot.pause()
        await paste_text(pilot, "/vis")
        await pilot.press("enter")
        await pilot.pause()
        assert w.query_one(ChatInput).text == "Kari sitt innspill\n\nOla skriver ennå"
        assert "halvskrevet" not in feedback(pilot)


async def test_vis_typed_in_the_open_box_after_half_typed_text_says_it_was_not_shown(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        await answer(pilot, "/privat")
        await paste_text(pilot, "Halvt /vis")  # the command after text not sent: the text stays in the box
        await pilot.press("enter")
        await pilot.pause()
        said = feedback(pilot)
        assert said.startswith("Ingen skjulte innspill å vise.") and "halvskrevet" in said
        assert w.query_one("#private").value.strip() == "Halvt"
