"""The guided chat's tools are widgets that answer with messages: each one mounted alone in a small
app, driven through its methods and keys, with the messages it posts collected."""

from datetime import date

import pytest
from helpers import shipped_scripts
from textual import on
from textual.app import App

from bshp_tui.errors import BshpError
from bshp_tui.guide import facilitation as F
from bshp_tui.guide import replies
from bshp_tui.guide import workshop as W
from bshp_tui.guide.answer_text import InputText
from bshp_tui.guide.conductor import Conductor
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.widgets import samling_clock
from bshp_tui.ui.widgets.answer_box import AnswerBox
from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.feedback_line import FeedbackLine, Say
from bshp_tui.ui.widgets.private_inputs import PrivateInputs
from bshp_tui.ui.widgets.samling_clock import SamlingClock
from bshp_tui.ui.widgets.timer_line import TimerLine

SCRIPTS = shipped_scripts()
KEY = "oppstart/forventninger"


class Host(App):
    """Mounts one widget and writes down every message the chat's widgets post."""

    def __init__(self, widget, clock=None):
        super().__init__()
        self.widget, self.clock, self.heard = widget, clock, []

    def compose(self):
        yield self.widget

    @on(Say)
    def _say(self, event: Say) -> None:
        self.heard.append(("say", event.text, event.level))

    @on(PrivateInputs.Toggled)
    def _toggled(self, event: PrivateInputs.Toggled) -> None:
        self.heard.append(("toggled", event.active))

    @on(PrivateInputs.Revealed)
    def _revealed(self, event: PrivateInputs.Revealed) -> None:
        self.heard.append(("revealed", event.texts))

    @on(PrivateInputs.CommandTyped)
    def _command(self, event: PrivateInputs.CommandTyped) -> None:
        self.heard.append(("command", event.name, event.arg))

    @on(SamlingClock.Nudged)
    def _nudged(self, event: SamlingClock.Nudged) -> None:
        self.heard.append(("nudged", event.text))

    @on(AnswerBox.Chosen)
    def _chosen(self, event: AnswerBox.Chosen) -> None:
        self.heard.append(("chosen", event.number, event.by_key))

    def said(self) -> list[str]:
        return [h[1] for h in self.heard if h[0] == "say"]


@pytest.fixture
def session(tmp_path):
    with SessionStore(tmp_path).create("Molde") as session:
        yield session


async def test_private_inputs_are_stored_hidden_and_revealed_together(session):
    app = Host(PrivateInputs(session))
    async with app.run_test() as pilot:
        box = app.widget
        box.key = KEY
        box.open()
        await pilot.pause()
        assert box.display and box.has_focus and ("toggled", True) in app.heard
        assert "(0 så langt)" in app.said()[-1]
        await pilot.press(*"Kari", "enter")
        await pilot.press(*"Ola", "enter")
        await pilot.pause()
        assert box.value == "" and F.hidden_count(session, KEY) == 2
        assert app.said()[-1].startswith("Innspill 2 er lagret og skjult")
        assert "Kari" not in str(box.render())  # a password box: nobody reads along
        box.reveal()
        await pilot.pause()
        assert app.heard[-2:] == [("toggled", False), ("revealed", ["Kari", "Ola"])]
        assert not box.display and F.hidden_count(session, KEY) == 0


async def test_a_command_typed_in_the_private_box_is_passed_on_never_stored(session):
    app = Host(PrivateInputs(session))
    async with app.run_test() as pilot:
        box = app.widget
        box.key = KEY
        box.open()
        await pilot.press(*"/vis", "enter")
        await pilot.pause()
        assert app.heard[-1] == ("command", "vis", "")
        assert F.private_entries(session, KEY) == []
        box.reveal()
        await pilot.pause()
        assert "Ingen skjulte innspill å vise." in app.said()


async def test_the_private_box_stays_closed_without_a_question_and_says_why(session):
    app = Host(PrivateInputs(session))
    async with app.run_test() as pilot:
        app.widget.open()
        app.widget.reveal()
        await pilot.pause()
        assert not app.widget.display
        assert [text for kind, text, _level in app.heard] == [replies.PRIVATE_ALL_ANSWERED, replies.NOTHING_TO_REVEAL]


def clock_for(session, fake):
    c = Conductor(SCRIPTS, session)
    workshop = W.new_workshop(c, date.today().isoformat(), ["kartlegging"], ["Kari"])
    widget = SamlingClock(c, session)
    widget.step = workshop.agenda[0].where  # the screen says where the group is
    return Host(widget, clock=fake), workshop


async def test_the_samling_clock_nudges_once_per_overrun_step_and_stores_its_time(session, clock):
    app, workshop = clock_for(session, clock)
    async with app.run_test() as pilot:
        app.widget.start(workshop)
        clock.advance(workshop.agenda[0].minutes * 60 - 60)
        app.widget.tick()
        await pilot.pause()
        assert not [h for h in app.heard if h[0] == "nudged"]
        clock.advance(5 * 60)
        app.widget.tick()
        app.widget.tick()
        await pilot.pause()
        nudges = [h for h in app.heard if h[0] == "nudged"]
        assert len(nudges) == 1 and workshop.agenda[0].title in nudges[0][1]
        app.widget.step = workshop.agenda[1].where  # the group moves on: the time so far is stored
        app.widget.tick()
    stored = W.stored_workshops(session)[date.today().isoformat()]
    assert stored.clock is not None and stored.clock.spent_on(workshop.agenda[0].where, clock()) >= 24 * 60


async def test_the_samling_clock_goes_on_with_todays_stored_clock(session, clock):
    app, workshop = clock_for(session, clock)
    workshop.clock = W.StepClock(clock() - 600)
    W.save_workshop(session, workshop)
    async with app.run_test():
        app.widget.resume()
        assert app.widget.workshop is not None and app.widget.clock.elapsed(clock()) == 600


async def test_a_samling_that_cannot_be_stored_is_said_once_and_runs_on(session, clock, monkeypatch):
    def broken(session, workshop):
        raise BshpError("Disken er full.")

    monkeypatch.setattr(samling_clock.W, "save_workshop", broken)
    app, workshop = clock_for(session, clock)
    async with app.run_test() as pilot:
        app.widget.start(workshop)
        app.widget.step = workshop.agenda[1].where
        app.widget.tick()
        await pilot.pause()
        assert app.said() == ["Dagens samling er ikke lagret: Disken er full."]
        assert app.widget.workshop is workshop


@pytest.mark.parametrize(
    "typed, said, runs",
    [
        ("", "Tidtakeren går: 15 minutter", True),  # the step's suggested minutes
        ("2,5", "Tidtakeren går: 2,5 minutter", True),
        ("ti", "Skriv antall minutter", False),
        ("0", "over null", False),
        ("inf", "over null", False),
        ("100000", "høyst 1440", False),
    ],
)
async def test_the_timer_says_what_it_started_or_what_to_type(typed, said, runs, clock):
    app = Host(TimerLine(), clock=clock)
    async with app.run_test() as pilot:
        app.widget.suggested = 15
        app.widget.start_typed(typed)
        await pilot.pause()
        assert said in app.said()[-1]
        assert (app.widget.timer is not None) == runs


async def test_the_answer_box_sends_a_single_choice_and_toggles_a_multiple_one(session):
    app = Host(AnswerBox(session))
    async with app.run_test() as pilot:
        box = app.widget
        await box.show_question("a/b", ["Ja", "Nei"], quick_choose=True)
        box.query_one(ChatInput).focus()
        await pilot.press("2")
        await pilot.pause()
        assert app.heard[-1] == ("chosen", 2, True)
        await box.show_question("a/c", ["NAV", "Helse", "Bolig"], toggles=True)
        box.choose(3)
        box.choose(1)
        assert box.query_one(ChatInput).text == "Bolig, NAV"
        box.choose(3)
        assert box.query_one(ChatInput).text == "NAV"
        box.choose(7)
        assert "Velg et tall fra 1 til 3." in str(box.query_one(FeedbackLine).render())


async def test_the_answer_box_offers_a_draft_and_swaps_in_the_private_box(session):
    session.set_answer(KEY, "Lagret svar")
    app = Host(AnswerBox(session))
    async with app.run_test() as pilot:
        box = app.widget
        await box.show_question(KEY, [])
        box.load(InputText("Lagret svar", "", offered_draft="Utkastet"))
        assert "Ctrl+R" in str(box.query_one(FeedbackLine).render())
        box.take_draft()
        assert box.query_one(ChatInput).text == "Utkastet" and box.offered_draft is None
        box.query_one(PrivateInputs).open()
        await pilot.pause()
        assert not box.query_one(ChatInput).display and box.query_one(PrivateInputs).has_focus
        F.add_private(session, KEY, "Kari")
        F.add_private(session, KEY, "Ola")
        box.query_one(PrivateInputs).reveal()
        await pilot.pause()
        assert box.query_one(ChatInput).display and box.query_one(ChatInput).text == "Kari\n\nOla"


async def test_a_private_input_whose_save_fails_is_kept_hidden_and_the_failure_said(session, monkeypatch):
    from bshp_tui.store import session as session_module

    def broken(path, data):
        raise OSError(28, "No space left on device")

    app = Host(PrivateInputs(session))
    async with app.run_test() as pilot:
        box = app.widget
        box.key = KEY
        box.open()
        monkeypatch.setattr(session_module, "atomic_write_bytes", broken)
        await pilot.press(*"Kari", "enter")
        await pilot.pause()
        assert app.heard[-1][0] == "say" and app.heard[-1][2] == "error" and "ikke tapt" in app.heard[-1][1]
        assert box.value == "" and F.hidden_count(session, KEY) == 1  # in memory, saved with the next write
        monkeypatch.undo()
        session.retry_save()
    on_disk = SessionStore(session.store.data_dir).open(session.id, read_only=True)
    assert [e["text"] for e in F.private_entries(on_disk, KEY)] == ["Kari"]
