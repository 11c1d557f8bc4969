"""From the start screen: the next plan period from the chosen session, and a regional summary of
several sessions chosen with the space bar."""

import hashlib

import docx
from helpers import shipped_scripts
from ui_helpers import SIZE, record_notifications

from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.screens.start_followup import PeriodDialog, next_period

SCRIPTS = shipped_scripts()
HOSTILE = "Sør-*Fron* <b>x</b>"


def planned(store, name):
    session = store.create(name, "2027–2030")
    c = Conductor(SCRIPTS, session)
    c.submit(Position("gap", "malomrader", None, "malomrader"), "Kommunale boliger")
    area = c.items("gap.malomrader")[0]
    c.submit(Position("tiltak", "malomrade", area.id, "handlingsplan"), "S; Flere boliger; NAV; 2028; 10; ; ; ; ja")
    c.submit(Position("oppfolging", "ar", None, "ar"), "2027")
    year = c.items("oppfolging.ar")[0]
    c.submit(Position("oppfolging", "status", year.id, "tiltak"), "Flere boliger; i gang; ;;")
    session.close()
    return session.id


def row_of(table, session_id):
    return next(i for i in range(table.row_count) if table.coordinate_to_cell_key((i, 0)).row_key.value == session_id)


def test_next_period_keeps_the_length():
    assert next_period("2027–2030") == "2031-2034"
    assert next_period("") == ""


async def test_next_period_from_the_start_screen(app_factory, data_dir):
    store = SessionStore(data_dir)
    source = planned(store, "Fjordby")
    before = hashlib.sha256(store.path_for(source).read_bytes()).hexdigest()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeriodDialog)
        field = app.screen.query_one("#periode")
        assert field.value == "2031-2034"
        field.value = "2031"
        await pilot.press("enter")
        await pilot.pause()
        assert "Ugyldig planperiode" in str(app.screen.query_one("#feil").render())
        field.value = "2031-2034"
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        periods = sorted(str(table.get_row_at(i)[1]) for i in range(table.row_count))
        assert periods == ["2027–2030", "2031–2034"]
        assert app.screen.selected_id() == "fjordby-2"  # the new session is ready to open
    assert hashlib.sha256(store.path_for(source).read_bytes()).hexdigest() == before


async def test_regional_summary_of_the_chosen_sessions(app_factory, data_dir):
    store = SessionStore(data_dir)
    first, second = planned(store, "Fjordby"), planned(store, HOSTILE)
    planned(store, "Ikke valgt")
    app = app_factory()
    sent = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("DataTable")
        table.move_cursor(row=row_of(table, first))
        await pilot.press("r")  # nothing chosen yet: a hint, no file
        await pilot.pause()
        assert any("Velg minst to økter" in t for t in sent)
        assert not (data_dir / "eksport").exists()
        await pilot.press("space")
        table.move_cursor(row=row_of(table, second))
        await pilot.press("space")
        await pilot.pause()
        assert str(table.get_row_at(row_of(table, second))[0]) == "✓ " + HOSTILE
        status = str(app.screen.query_one("#start-status").render())
        assert first in status and second in status
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (written,) = (data_dir / "eksport").glob("region-*.docx")
        summary = docx.Document(written)
        figures = next(t for t in summary.tables if t.rows[0].cells[0].text == "Nøkkeltall")
        assert [c.text for c in figures.rows[0].cells] == ["Nøkkeltall", "Fjordby", HOSTILE]
        assert any(f"Skrev {written.resolve()} med 2 kommuner" in t for t in sent)
