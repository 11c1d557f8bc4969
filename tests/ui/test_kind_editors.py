"""Ctrl+E opens the editor the field's kind has (one table in ui/dialogs/editors.py), and a table row
edited in the row editor keeps the link to the measure it names when that cell is left as it was,
even after the measure was deleted (the row then still shows it as deleted)."""

from ui_helpers import SIZE, answer, goto, new_session

from bshp_tui.guide.conductor import Position
from bshp_tui.scripts import kinds
from bshp_tui.ui.dialogs.editors import EDITORS
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.screens.views import MatrixEditor
from bshp_tui.ui.screens.work import WorkScreen


def test_every_editor_belongs_to_a_kind():
    assert set(EDITORS) <= set(kinds.names())


async def test_ctrl_e_opens_the_kinds_editor_or_says_where_to_edit(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Kommunale boliger")
        area = w.session.answer("gap/malomrader")[0]["id"]
        w.c.submit(Position("gap", "gap", area, "tiltak"), "Bygge boliger")
        await goto(w, "prioritering", "vurdering")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, MatrixEditor)
        await pilot.press("escape")
        await pilot.pause()
        await goto(w, "gap", "gap", area)
        assert w.c.field(w.pos).kind == "tekst"
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, WorkScreen)


async def test_row_editor_keeps_the_measure_link_of_an_unchanged_cell(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Kommunale boliger")
        area = w.session.answer("gap/malomrader")[0]["id"]
        w.c.submit(Position("gap", "gap", area, "tiltak"), "Bygge boliger")
        plan = Position("tiltak", "malomrade", area, "handlingsplan")
        w.c.submit(plan, "Flere boliger; Bygge boliger; NAV; 2028; 1000")
        measure = w.c.items("gap.tiltak")[0].id
        assert w.session.answer(plan.key)[0]["refs"] == {"tiltak": measure}
        w.c.store(Position("gap", "gap", area, "tiltak"), [])  # the measure is deleted
        w.c.jump("tiltak", "malomrade", area)
        w.c.set_cursor(plan)
        await w.refresh_all(load_input=True)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, TableEditor)
        await pilot.press("enter")  # edit the row
        await pilot.pause()
        for _ in range(2):
            await pilot.press("enter")  # past Strategi and Tiltak, unchanged
        app.screen.focused.value = "Kommunen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        row = w.session.answer(plan.key)[0]
        assert row["ansvarlig"] == "Kommunen" and row["refs"] == {"tiltak": measure}
        assert row["tiltak"] == "Bygge boliger" and w.c.is_orphan_cell(w.c.field(plan), row, "tiltak")
