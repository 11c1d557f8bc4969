"""/samling with an injected clock: the setup proposes the next unfinished guided session and the
working group, the agenda shows the suggested minutes and the clock, a step that overruns gets a
nudge, and the end shows the summary and writes the referat. The samling is stored in the session."""

from datetime import date

from helpers import shipped_scripts
from ui_helpers import SIZE, feedback, toasts, work
from walk import answer_for

from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.values import format_date
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.screens.workshop import AgendaScreen, SummaryScreen, WorkshopSetup
from bshp_tui.ui.widgets.samling_clock import SamlingClock

SCRIPTS = shipped_scripts()
PLAN = "2030-01-10; Kartlegging av status;\n2030-03-05; Gap-analyse og prioritering; Kari"


def seed_oppstart(data_dir) -> str:
    """Oppstart answered through the store (with a framdriftsplan in the future); the group is at Kartlegging."""
    store = SessionStore(data_dir)
    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        while (pos := c.cursor()) is not None and pos.script_id == "oppstart":
            c.submit(pos, PLAN if pos.field_id == "samlinger" else answer_for(c, pos))
        return session.id


async def pause(pilot, n=3):
    for _ in range(n):
        await pilot.pause()


async def test_samling_agenda_clock_nudge_summary_and_referat(app_factory, data_dir, clock):
    session_id = seed_oppstart(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        w = work(pilot)
        await w.run_command("samling", "")
        await pause(pilot)
        setup = app.screen
        assert isinstance(setup, WorkshopSetup)
        assert list(setup.query_one("#scripts").selected) == ["kartlegging"]  # the next unfinished one
        assert list(setup.query_one("#present").selected) == ["Kari Nordmann", "Ola Hansen"]
        assert "Kartlegging av status" in str(setup.query_one(".hint").render())
        setup.query_one("#others").value = "Per Ås"
        await pilot.press("ctrl+s")
        await pause(pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        today = format_date(date.today().isoformat())  # «27. november 2026», as the documents write it
        assert str(agenda.query_one(".dialog-title").render()) == f"Dagens samling {today}"
        table = agenda.query_one("DataTable")
        first = table.get_row_at(0)
        assert str(first[0]) == "▶" and str(first[1]) == "Interessenter" and str(first[2]) == "20 min"
        total = agenda.workshop.planned_minutes
        assert f"0 min brukt · {total // 60} t {total % 60:02d} min igjen" in str(
            agenda.query_one("#agenda-clock").render()
        )
        # Stored durably in the session: date, who is present, the agenda.
        stored = w.session.state("samlinger")[date.today().isoformat()]
        assert stored["present"] == ["Kari Nordmann", "Ola Hansen", "Per Ås"]
        assert stored["agenda"][0][:4] == ["kartlegging", "interessenter", "Interessenter", 20]
        await pilot.press("escape")
        await pause(pilot)
        # 25 minutes on a 20-minute step: one nudge, not repeated.
        clock.advance(25 * 60)
        w.query_one(SamlingClock).tick()
        await pause(pilot)
        shown = await toasts(pilot)
        assert any("Interessenter" in t and "25 minutter" in t and "20 var satt av" in t for t in shown)
        w.query_one(SamlingClock).tick()
        assert sum("25 minutter" in t for t in await toasts(pilot)) == 1
        await w.run_command("samling", "")  # today's samling goes on: straight to the agenda
        await pause(pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        assert str(agenda.query_one("DataTable").get_row_at(0)[3]) == "25 min"
        assert "Interessenter" in str(agenda.query_one("#agenda-nudge").render())
        assert "25 min brukt" in str(agenda.query_one("#agenda-clock").render())
        await pilot.press("a")
        await pause(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        text = summary.query_one("#summary").source.replace("\\", "")  # Markdown escapes the literal text
        assert "Dette står åpent" in text and "Interessenter" in text
        assert str(summary.query_one(".dialog-title").render()) == f"Oppsummering av samlingen {today}"
        assert "10. januar 2030: Kartlegging av status" in text  # the date as the documents write it
        await pilot.press("r")
        await pause(pilot, 5)
        await app.workers.wait_for_complete()
        await pause(pilot)
        written = list((data_dir / "eksport").glob(f"{session_id}-referat-*.docx"))
        assert len(written) == 1 and written[0].stat().st_size > 0


async def test_samling_setup_refuses_an_empty_choice_and_escape_starts_nothing(app_factory, data_dir):
    seed_oppstart(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        w = work(pilot)
        await w.run_command("samling", "")
        await pause(pilot)
        app.screen.query_one("#scripts").deselect_all()
        await pilot.press("ctrl+s")
        await pause(pilot)
        assert isinstance(app.screen, WorkshopSetup)
        assert "minst én veiledning" in str(app.screen.query_one("#setup-error").render())
        await pilot.press("escape")
        await pause(pilot)
        assert w.session.state("samlinger") is None and w.query_one(SamlingClock).workshop is None


def test_agenda_snapshot(snap_compare, tmp_path, monkeypatch):
    import datetime

    from bshp_tui.ui.widgets import samling_clock

    class FixedDate(datetime.date):
        @classmethod
        def today(cls):
            return cls(2030, 1, 10)

    monkeypatch.setattr(samling_clock, "date", FixedDate)
    seed_oppstart(tmp_path)

    async def run_before(pilot):
        await pilot.press("enter")
        await pause(pilot)
        await pilot.app.screen.run_command("samling", "")
        await pause(pilot)
        await pilot.press("ctrl+s")
        await pause(pilot)

    from bshp_tui.ui.app import make_app

    assert snap_compare(make_app(tmp_path, clock=lambda: 1000.0), terminal_size=(100, 30), run_before=run_before)


async def test_samling_clock_goes_on_after_the_app_is_closed_and_opened(app_factory, data_dir, clock):
    seed_oppstart(data_dir)
    async with app_factory().run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        w = work(pilot)
        await w.run_command("samling", "")
        await pause(pilot)
        await pilot.press("ctrl+s")  # start today's samling
        await pause(pilot)
        await pilot.press("escape")
        clock.advance(12 * 60)
        w.query_one(SamlingClock).tick()
    clock.advance(8 * 60)  # closed for 8 minutes, opened again the same day
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        w = work(pilot)
        assert w.query_one(SamlingClock).workshop is not None  # the day's samling goes on without asking again
        await w.run_command("samling", "")
        await pause(pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        assert "20 min brukt" in str(agenda.query_one("#agenda-clock").render())
        assert str(agenda.query_one("DataTable").get_row_at(0)[3]) == "20 min"
        await pilot.press("a")  # ended: the next opening that day does not start the clock by itself
        await pause(pilot)
        await pilot.press("escape")
        await pause(pilot)
    async with app_factory().run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        w = work(pilot)
        assert w.query_one(SamlingClock).workshop is None
        await w.run_command("samling", "")  # taken up again: said, not silent
        await pause(pilot)
        assert isinstance(pilot.app.screen, AgendaScreen)
        await pilot.press("escape")
        await pause(pilot)
        assert "Dagens samling var avsluttet" in feedback(pilot)


async def test_the_setup_ticks_chosen_items_with_a_mark_not_by_colour_alone(app_factory, data_dir):
    seed_oppstart(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        await work(pilot).run_command("samling", "")
        await pause(pilot)
        scripts = app.screen.query_one("#scripts")
        lines = [scripts.render_line(y).text for y in range(scripts.option_count)]
        chosen = [line for line in lines if "Kartlegging" in line]
        others = [line for line in lines if "Kartlegging" not in line and line.strip()]
        assert chosen and "✓" in chosen[0]
        assert others and all("✓" not in line and "X" not in line for line in others)


def test_the_summary_lists_every_step_answered_today_and_every_decision(data_dir):
    """A long day (every guided session walked): no step the group worked on is left out of the
    summary, the last ones (Mål og tiltak) included, nor any measure of the ranked list."""
    from walk import walk

    from bshp_tui.guide.day import day_report
    from bshp_tui.ui.screens.workshop import summary_markdown

    store = SessionStore(data_dir)
    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        walk(c)
        today = date.today().isoformat()
        day = day_report(c, today)
        assert len(day.changes) > 12
        text = summary_markdown(c, today).replace("\\", "")
    listed = [line for line in text.splitlines() if line.startswith("- ")]
    for step in day.changes:
        assert f"- {step.step_title} ({step.script_title})" in listed
    for decision in day.decisions:
        for line in decision.lines:
            assert f"- {line}" in listed
    assert f"i {len(day.changes)} steg:" in text
