"""Pilot tests of the structured editors: list, table, matrix, ranked list, overview, health, preview."""

from ui_helpers import SIZE, answer, goto, new_session, paste_text

from bshp_tui.guide.conductor import Position
from bshp_tui.ui.dialogs.list_editor import ListEditor
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.screens.views import HealthScreen, MatrixEditor, PlanOverviewScreen, PreviewScreen, RankedScreen


async def one_goal_area(pilot, w) -> str:
    """Answer the goal-area question with one area and return its id."""
    await goto(w, "gap", "malomrader")
    await answer(pilot, "Kommunale boliger")
    return w.session.answer("gap/malomrader")[0]["id"]


async def test_list_editor_add_edit_move_delete(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Kommunale boliger\nInnholdstjenester")
        ids = [i["id"] for i in w.session.answer("gap/malomrader")]
        await goto(w, "gap", "malomrader")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ListEditor)
        await pilot.press("a")
        await pilot.pause()
        await paste_text(pilot, "Barn og unge")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("up", "up")  # first item: rename it
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end")
        await paste_text(pilot, " og bostøtte")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down")  # second item: move it down
        await pilot.press("ctrl+down")
        await pilot.pause()
        await pilot.press("delete")  # the cursor follows it: delete it
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = w.session.answer("gap/malomrader")
        assert [i["tekst"] for i in items] == ["Kommunale boliger og bostøtte", "Barn og unge"]
        assert items[0]["id"] == ids[0]  # renamed, same id


async def test_table_editor_rows(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        await answer(pilot, "18:00; velkommen; intro; plenum; 15; Kari; kaffe")
        await goto(w, "medvirkning", "moteplan")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, TableEditor)
        assert "Sum tid (min): 15" in str(app.screen.query_one("#total").render())
        await pilot.press("a")
        await pilot.pause()
        for cell in ["18:15", "innspill", "gruppearbeid", "IGP", "45", "Ola", "lapper"]:
            await paste_text(pilot, cell)
            await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        rows = w.session.answer("medvirkning/moteplan")
        assert [r["minutter"] for r in rows] == [15, 45]
        assert rows[1]["hvem"] == "Ola"


async def add_a_meeting_row_with_a_word_for_minutes(pilot) -> None:
    """Ctrl+E on the meeting plan, A for a new row, every cell typed and Enter; «lenge» in the minutes."""
    w = await new_session(pilot)
    await goto(w, "medvirkning", "moteplan")
    await pilot.press("ctrl+e")
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    for cell in ["18:00", "a", "b", "c", "lenge", "d", "e"]:
        await paste_text(pilot, cell)
        await pilot.press("enter")
    await pilot.pause()


async def test_table_editor_rejects_bad_cell(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await add_a_meeting_row_with_a_word_for_minutes(pilot)
        assert "ikke et tall" in str(app.screen.query_one("#row-error").render())


async def test_matrix_rating_and_axes(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        area = await one_goal_area(pilot, w)
        w.c.submit(Position("gap", "gap", area, "tiltak"), "Billig tiltak\nFlygende tiltak")
        await answer(pilot, "/matrise")
        assert isinstance(app.screen, MatrixEditor)
        await pilot.press("right")  # from the name column to the first scale
        for key in "2444342113":  # a digit sets the value and moves right, wrapping to the next measure
            await pilot.press(key)
        await pilot.pause()
        ratings = w.session.answer("prioritering/vurderinger")
        assert sorted(ratings.values(), key=lambda r: r["haster"]) == [
            {"haster": 2, "kostnad": 4, "innflytelse": 4, "kunnskap": 4, "effekt": 3},
            {"haster": 4, "kostnad": 2, "innflytelse": 1, "kunnskap": 1, "effekt": 3},
        ]
        quadrant = str(app.screen.query_one("#q-tl").render())
        assert "Billig tiltak" in quadrant  # kan vente, mindre kostbart
        await pilot.press("x")
        assert "Stor kunnskap" in str(app.screen.query_one("#axes").render())
        await pilot.press("escape")
        await pilot.pause()
        assert w.c.is_answered(Position("prioritering", "vurdering", None, "vurderinger"))
        await answer(pilot, "/rangering")
        assert isinstance(app.screen, RankedScreen)
        table = app.screen.query_one("DataTable")
        assert str(table.get_row_at(0)[2]) == "Billig tiltak" and str(table.get_row_at(0)[1]) == "★"
        assert str(table.get_row_at(1)[9]) == "11" and str(table.get_row_at(1)[1]) == "◆?"  # expensive, big effect


async def test_overview_health_and_preview(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        area = await one_goal_area(pilot, w)
        w.c.submit(Position("tiltak", "malomrade", area, "handlingsplan"), "Flere boliger; Bygge; ; ; ")
        await answer(pilot, "/oversikt")
        assert isinstance(app.screen, PlanOverviewScreen)
        labels = [str(n.label) for n in app.screen.query_one("Tree").root.children]
        assert labels[1].startswith("Målområde Kommunale boliger")
        await pilot.press("escape")
        await answer(pilot, "/helse")
        assert isinstance(app.screen, HealthScreen)
        rules = [r.rule for r in app.screen.remarks]
        assert "tiltak-mangler" in rules
        app.screen.query_one("ListView").index = rules.index("tiltak-mangler")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert w.pos.step_id == "malomrade" and w.pos.item == area
        await answer(pilot, "/forhandsvis")
        assert isinstance(app.screen, PreviewScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#preview-status").render())
        assert "ikke fylt ut" in status and "[hakeparentes]" in status
        assert "Målområde Kommunale boliger" in app.screen.query_one("#preview-doc").source


async def test_live_preview_follows_the_answers(app_factory):
    app = app_factory()
    async with app.run_test(size=(200, 40)) as pilot:  # room for the chat beside the preview
        w = await new_session(pilot)
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        doc = w.query_one("#live-doc")
        assert "Ikke utfylt: hovedmål for perioden" in doc.source
        w.c.submit(
            Position("prioritering", "hovedmal", None, "hovedmal"), "Ingen skal bo i midlertidig bolig over 3 måneder"
        )
        await w.refresh_all()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Ingen skal bo i midlertidig bolig over 3 måneder" in doc.source


async def test_a_refused_cell_is_shown_where_the_group_can_see_it(app_factory):
    """In a low window the row's fields scroll: the message stands right under the refused field, which
    gets the cursor, both on screen."""
    from textual.widgets import Input

    app = app_factory()
    async with app.run_test(size=(100, 24)) as pilot:
        await add_a_meeting_row_with_a_word_for_minutes(pilot)
        error = app.screen.query_one("#row-error")
        assert "ikke et tall" in str(error.render())
        refused = app.focused
        assert isinstance(refused, Input) and refused.value == "lenge"
        fields = list(error.parent.children)
        assert fields.index(error) == fields.index(refused) + 1
        for widget in (error, refused):
            region = app.screen.find_widget(widget).region
            assert 0 <= region.y and region.bottom <= 24


async def test_a_samling_without_a_time_is_refused_under_its_field(app_factory):
    from textual.widgets import Input

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "framdrift")
        assert w.pos.field_id == "samlinger"
        await pilot.press("ctrl+e")  # opens with the suggested samlinger, which have no time yet
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, TableEditor) and len(editor.entries) == 5
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor  # not stored
        assert str(editor.query_one("#editor-error").render()).startswith("Rad 1: Tidspunkt må fylles ut")
        assert w.c.value(w.pos) is None
        await pilot.press("enter", "escape")  # the row opened and closed unchanged: the message stays
        await pilot.pause()
        assert str(editor.query_one("#editor-error").render()).startswith("Rad 1: Tidspunkt må fylles ut")
        await pilot.press("delete")  # the row it named goes: what was said of it goes too
        await pilot.pause()
        assert len(editor.entries) == 4 and str(editor.query_one("#editor-error").render()) == ""
        await pilot.press("a")
        await pilot.pause()
        for cell in ["", "Oppstart", "Kari"]:
            await paste_text(pilot, cell)
            await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#row-error")
        assert str(error.render()) == "Tidspunkt må fylles ut (år, måned eller dato)."
        refused = app.focused
        assert isinstance(refused, Input) and refused.id == "col-tidspunkt"
        fields = list(error.parent.children)
        assert fields.index(error) == fields.index(refused) + 1
        await paste_text(pilot, "2027-03")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TableEditor)


async def test_the_overview_and_the_table_editor_give_the_cost_of_the_plan_period(app_factory):
    """A measure in one year is not a cost per year: the totals follow the plan period's years."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        area = await one_goal_area(pilot, w)
        w.c.submit(
            Position("tiltak", "malomrade", area, "handlingsplan"),
            "Flere boliger; Kjøpe; Eiendom; 2028; 50 000; 30 000 000; 2028\nOppfølging; Boveileder; NAV; "
            "løpende; 650 000",
        )
        await answer(pilot, "/oversikt")
        assert isinstance(app.screen, PlanOverviewScreen)
        tree = app.screen.query_one("Tree")
        [area_node] = [n for n in tree.root.children if str(n.label).startswith("Målområde")]
        assert "drift 2 650 000 kr i 2027–2030, investering 30 000 000 kr" in str(area_node.label).replace("\xa0", " ")
        leaves = [str(leaf.label).replace("\xa0", " ") for s in area_node.children for leaf in s.children]
        assert any(leaf.endswith("drift 50 000 kr, investering 30 000 000 kr") for leaf in leaves)
        await pilot.press("escape")
        w.c.jump("tiltak", "malomrade", area)
        w.c.set_cursor(Position("tiltak", "malomrade", area, "handlingsplan"))
        await w.refresh_all(load_input=True)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, TableEditor)
        total = str(app.screen.query_one("#total").render()).replace("\xa0", " ")
        assert "Samlet kostnad: drift 2 650 000 kr i 2027–2030, investering 30 000 000 kr" in total
