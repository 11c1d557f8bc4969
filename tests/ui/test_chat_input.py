"""Pilot tests of the guided chat's input: text that starts with a slash, «tenk selv først» across
navigation and restarts, export words, skipping a required question, the timer's words."""

from ui_helpers import SIZE, answer, feedback, goto, new_session, paste_text, work

from bshp_tui.guide.facilitation import hidden_count
from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.private_inputs import PrivateInputs
from bshp_tui.ui.widgets.status_line import StatusLine
from bshp_tui.ui.widgets.timer_line import TimerLine


async def test_text_starting_with_a_slash_stays_in_the_field(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        key = w.pos.key
        await paste_text(pilot, "/50 prosent av budsjettet")
        await pilot.press("enter")
        await pilot.pause()
        assert w.query_one(ChatInput).text == "/50 prosent av budsjettet"  # not wiped
        assert "skriv to: «//50 prosent av …»" in feedback(pilot)  # how to send it
        assert w.pos.key == key and w.session.answer(key) is None  # not saved as an answer either
        w.save_draft_now()  # what the draft timer calls every second
        assert w.session.draft(key) == "/50 prosent av budsjettet"  # kept as a draft
        status = w.query_one(StatusLine)
        status.saved(None, 0)  # whatever the line showed before the draft changes
        await paste_text(pilot, " i år")
        w.save_draft_now()  # unless the timer saved it already
        assert w.session.draft(key) == "/50 prosent av budsjettet i år"
        assert f"Lagret {w.session.last_saved:%H:%M:%S}" in str(status.render())  # the time follows it
        w.query_one(ChatInput).set_text("/50 prosent av budsjettet")
        await answer(pilot, "/tull")  # a mistyped command: said, and kept for correcting
        assert "Kjenner ikke kommandoen /tull" in feedback(pilot)
        assert w.query_one(ChatInput).text == "/tull"
        await answer(pilot, "//50 prosent av budsjettet")
        assert w.session.answer(key) == "/50 prosent av budsjettet"  # «//» sends one slash


async def test_private_mode_belongs_to_one_question(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        first = w.pos.key
        await pilot.press("ctrl+n")
        await pilot.pause()
        second = w.pos.key
        assert second != first
        await answer(pilot, "/privat")
        private = w.query_one(PrivateInputs)
        await paste_text(pilot, "Karis innspill")
        await pilot.press("enter")
        await paste_text(pilot, "Halvskr")  # the next participant has begun
        await pilot.pause()
        await pilot.press("ctrl+b")  # back to the earlier question: the box closes
        await pilot.pause()
        await pilot.pause()
        assert w.pos.key == first
        assert not private.display and w.query_one(ChatInput).display
        await paste_text(pilot, "Vårt felles svar")
        await pilot.press("enter")
        await pilot.pause()
        assert w.session.answer(first) == "Vårt felles svar"  # an answer, not a hidden input
        assert hidden_count(w.session, first) == 0 and hidden_count(w.session, second) == 1
        if w.pos.key != second:  # back to the question with the hidden inputs
            w.c.set_cursor(next(p for p in w.c.positions() if p.key == second))
            await w.show_new_position()
        assert w.pos.key == second
        note = feedback(pilot)
        assert "1 skjult innspill venter – /vis viser dem" in note and "halvskrevet" in note
        assert "Karis" not in note and "Halvskr" not in note
        await answer(pilot, "/privat")
        assert private.display and private.value == "Halvskr" and private.password
        assert "(1 så langt)" in feedback(pilot)


async def test_private_input_half_typed_survives_a_restart(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "forventninger")
        key = w.pos.key
        await answer(pilot, "/privat")
        await paste_text(pilot, "Første innspill")
        await pilot.press("enter")
        await paste_text(pilot, "Andre innsp")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # open it from the list
        await pilot.pause()
        await pilot.pause()
        w = work(pilot)
        assert w.pos.key == key
        note = feedback(pilot)
        assert "1 skjult innspill venter" in note and "halvskrevet" in note and "Andre" not in note
        assert "Andre" not in w.query_one(ChatInput).text  # not shown openly
        await answer(pilot, "/privat")
        private = w.query_one(PrivateInputs)
        assert private.value == "Andre innsp" and private.password
        assert "(1 så langt)" in feedback(pilot)
        await paste_text(pilot, "ord")
        await pilot.press("enter")
        await pilot.pause()
        assert "Innspill 2 er lagret" in feedback(pilot)
        status = str(w.query_one(StatusLine).render())
        assert f"Lagret {w.session.last_saved:%H:%M:%S}" in status  # the status line tells of the save
        await answer_private(pilot, "/vis")
        assert w.query_one(ChatInput).text == "Første innspill\n\nAndre innspord"


async def answer_private(pilot, text: str) -> None:
    await paste_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def test_an_unknown_export_format_is_refused_and_nothing_written(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot)
        for typed in ("/eksporter pdf", "/referat pdf", "/eksporter plan PDF", "/referat 2027-03-14 rtf"):
            await answer(pilot, typed)
            await app.workers.wait_for_complete()
            await pilot.pause()
            word = typed.split()[-1]
            assert f"Kjenner ikke formatet «{word.lower()}». Velg docx, odt, md eller html." in feedback(pilot)
            assert not list(data_dir.glob("**/eksport/*")), typed
        await answer(pilot, "/eksporter budsjettplan")
        assert "Kjenner ikke «budsjettplan». Dokumentet kan være plan, grunnlag" in feedback(pilot)
        await answer(pilot, "/eksporter ODT")  # a known format in capitals is fine
        await app.workers.wait_for_complete()
        assert [p.suffix for p in (data_dir / "eksport").iterdir()] == [".odt"]


async def test_skipping_a_required_question_says_it_stays_open(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        skipped = w.pos
        assert w.c.field(skipped).required
        await answer(pilot, "/hopp")
        assert w.pos != skipped
        assert "Hoppet over. Spørsmålet er påkrevd" in feedback(pilot)
        assert w.c.resume_point() == skipped  # true to what the app does: it is still open


async def test_timer_words_are_true(app_factory, clock):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        line = w.query_one(TimerLine)
        await answer(pilot, "/timer 1")
        assert "Tidtakeren går: 1 minutt. Ctrl+T stopper den." in feedback(pilot)
        assert "(Ctrl+T stopper)" in str(line.render())
        clock.advance(61)
        line.tick()  # what the one-second interval does
        assert "tiden er ute" in str(line.render())
        assert "Ctrl+T starter på nytt" in str(line.render()) and "stopper" not in str(line.render())
        await answer(pilot, "/timer mange")
        assert "Skriv antall minutter" in feedback(pilot)
        await pilot.press("ctrl+t")  # a new timer: the old warning goes
        await pilot.pause()
        assert line.timer is not None and not line.timer.finished
        assert "Skriv antall minutter" not in feedback(pilot) and "Tidtakeren går: 10 minutter" in feedback(pilot)
        await answer(pilot, "/timer mange")
        await answer(pilot, "/igp")
        assert "Skriv antall minutter" not in feedback(pilot)
