"""Dialogs and messages: the expected action has the focus, ←/→ move between the buttons, red only
for what destroys something, and commands answer even when everything is answered."""

from textual.app import App
from textual.widgets import Button
from ui_helpers import SIZE, feedback, new_session

from bshp_tui.ui.dialogs import ConfirmDialog
from bshp_tui.ui.widgets.answer_box import AnswerBox


class DialogApp(App):
    def __init__(self, dialog):
        super().__init__()
        self.dialog, self.result = dialog, None

    def on_mount(self) -> None:
        self.push_screen(self.dialog, lambda r: setattr(self, "result", r))


async def test_the_expected_action_has_the_focus_and_arrows_move_between_buttons():
    app = DialogApp(ConfirmDialog("Slette «molde»?", yes="Slett", destructive=True))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.focused.id == "yes" and app.screen.query_one("#yes", Button).variant == "error"
        await pilot.press("right")
        assert app.focused.id == "no"
        await pilot.press("left")
        assert app.focused.id == "yes"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result is True


async def test_a_choice_that_destroys_nothing_is_not_red():
    app = DialogApp(ConfirmDialog("Åpne den bare for lesing?", yes="Bare les"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#yes", Button).variant == "primary"
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is False


async def test_timer_and_private_answer_when_everything_is_answered(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        w.pos = None  # as when every question is answered: no question shown
        await w.query_one(AnswerBox).show_question(None, [])
        await w.run_command("privat", "")
        await pilot.pause()  # the private box says it through a message
        assert "Alle spørsmålene er besvart" in feedback(pilot)
        await w.run_command("timer", "5")
        await pilot.pause()  # the timer line says it through a message
        assert "Tidtakeren går: 5 minutter" in feedback(pilot)
        await w.run_command("timer", "0")
        await pilot.pause()
        assert "over null" in feedback(pilot)
