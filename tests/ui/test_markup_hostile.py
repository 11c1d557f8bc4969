"""What the group typed, and what a hand-edited file holds, is shown exactly as written in every
screen and dialog: never read as styling, where «[/x]» would stop the app and «[b]» would vanish."""

import shutil
from pathlib import Path

from textual.widgets import Input, Label, ListItem, Static
from ui_helpers import SIZE, answer, goto, new_session, work

from bshp_tui.guide.conductor import Position
from bshp_tui.store import session as session_module
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.app import make_app
from bshp_tui.ui.dialogs import BackupsDialog, MessageDialog
from bshp_tui.ui.dialogs.row_dialog import RowDialog
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.screens.swot import SwotScreen
from bshp_tui.ui.screens.views import MatrixEditor
from bshp_tui.ui.screens.workshop import AgendaScreen, WorkshopSetup
from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.samling_clock import SamlingClock

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"


def shown(widget: Static) -> str:
    return str(widget.render())


async def pause(pilot, n: int = 3) -> None:
    for _ in range(n):
        await pilot.pause()


async def test_a_table_line_that_cannot_be_read_is_quoted_as_typed(app_factory):
    """A cell typed in the chat comes back in the row dialog's message and in the table editor's,
    as written; so does a cell typed in the row dialog, and the group goes on editing."""
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        w.query_one(ChatInput).set_text("18:00; velkommen; intro; plenum; [/x]; Kari; kaffe")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pause(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, RowDialog)
        assert "«[/x]» er ikke et tall" in shown(dialog.query_one("#row-error", Static))
        minutes = dialog.query_one("#col-minutter", Input)
        minutes.value = "[b]lenge"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert "«[b]lenge» er ikke et tall" in shown(dialog.query_one("#row-error", Static))
        minutes.value = "[/x]"  # as it opened: Esc closes without asking
        await pilot.press("escape")
        await pause(pilot)
        editor = pilot.app.screen
        assert isinstance(editor, TableEditor)
        said = shown(editor.query_one("#editor-error", Static))
        assert "Linje 1 fra feltet er ikke med i tabellen ennå: Tid (min): «[/x]» er ikke et tall" in said
        await pilot.press("x")  # the line taken out on purpose: the editor goes on
        await pilot.pause()
        assert shown(editor.query_one("#editor-error", Static)) == ""


async def test_the_swot_screen_names_a_data_folder_it_cannot_save_in_as_it_is_called(tmp_path, monkeypatch, clock):
    """A data folder whose name has brackets (here «[/x] minnepinne» inside «[»): a save that fails
    names it as it is, and the screen stays open with the quadrants as typed."""
    data_dir = tmp_path / "[" / "x] minnepinne"
    app = make_app(data_dir, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "oppstart", "rollegrupper")
        await answer(pilot, "Politisk")
        await goto(w, "oppstart", "swot", w.session.answer("oppstart/rollegrupper")[0]["id"])
        await pause(pilot)
        swot = pilot.app.screen
        assert isinstance(swot, SwotScreen)

        def full_disk(path, data):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(session_module, "atomic_write_bytes", full_disk)
        swot.query_one("#swot-sterke").load_text("Lovfestet")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pause(pilot)
        assert pilot.app.screen is swot
        assert f"«{data_dir / w.session.id}.json»" in shown(swot.query_one("#swot-error", Static))
        assert swot.texts()["sterke"] == "Lovfestet"


async def test_names_typed_by_the_group_are_shown_as_written_in_the_samling(app_factory, clock):
    """A member and a goal area whose names hold brackets: the setup lists the member as written,
    and the agenda's word about a step that overran names the step as it is called."""
    async with app_factory().run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        w.c.set_cursor(Position("oppstart", "arbeidsgruppe", None, "medlemmer"))
        await w.refresh_all(load_input=True)
        await answer(pilot, "[/x] Kari; NAV-leder; 10 %; kan forplikte NAV")
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Boliger [/x]")
        area = w.session.answer("gap/malomrader")[0]["id"]
        await w.run_command("samling", "")
        await pause(pilot)
        setup = pilot.app.screen
        assert isinstance(setup, WorkshopSetup)
        present = setup.query_one("#present")
        assert [str(present.get_option_at_index(i).prompt) for i in range(present.option_count)] == ["[/x] Kari"]
        scripts = setup.query_one("#scripts")
        scripts.deselect_all()
        scripts.select("gap")
        await pilot.press("ctrl+s")
        await pause(pilot)
        assert isinstance(pilot.app.screen, AgendaScreen)
        await pilot.press("escape")
        await pause(pilot)
        await goto(w, "gap", "gap", area)
        w.query_one(SamlingClock).tick()
        clock.advance(5 * 60 * 60)
        w.query_one(SamlingClock).tick()
        await w.run_command("samling", "")
        await pause(pilot)
        agenda = pilot.app.screen
        assert isinstance(agenda, AgendaScreen)
        assert "Boliger [/x]»" in shown(agenda.query_one("#agenda-nudge", Static))


async def test_a_damaged_backup_is_listed_with_its_reason_as_written(app_factory, data_dir):
    """The reason a backup cannot be read quotes the file (a table's name), and a backup's name
    says why it was taken: both are listed as they stand, and the list can be left."""
    store = SessionStore(data_dir)
    with store.create("Molde") as session:
        folder = store.backup_dir(session.id)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "20261127-101010-000000_[b]egen kopi.json").write_text('{"[/x]": 1}')
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pause(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, BackupsDialog)
        damaged = [shown(item.query_one(Label)) for item in dialog.query(ListItem) if item.name.endswith("kopi.json")]
        assert len(damaged) == 1
        assert "[b]egen kopi  (SKADET: " in damaged[0] and "«[/x]» er ikke et objekt" in damaged[0]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, BackupsDialog)


async def test_a_session_that_cannot_be_opened_is_named_with_its_reason_as_written(app_factory, data_dir):
    """The message quotes the file (a table's name): shown as it stands, not read as Markdown, where
    the stars and the tag would vanish."""
    store = SessionStore(data_dir)
    with store.create("Molde"):
        pass
    (data_dir / "molde.json").write_text('{"*x* <b>": 1}')
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pause(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, MessageDialog)
        said = " ".join(shown(block) for block in dialog.query("MarkdownParagraph"))
        assert "tabellen «*x* <b>» er ikke et objekt" in said and "(bshp backups molde)" in said


def own_prompts(tmp_path) -> Path:
    """The shipped prompt files, hand-edited: brackets in a title, a question, a column label and
    a scale's pole."""
    own = tmp_path / "egne"
    shutil.copytree(PROMPTS, own)
    edits = {
        "3-gap.md": [("# Gap-analyse\n", "# Gap-analyse [utkast]\n")],
        "4-medvirkning.md": [
            ("spørsmål: Én linje per punkt: tidspunkt;", "spørsmål: [/x] Én linje per punkt: tidspunkt;"),
            ("minutter: Tid (min) | tall", "minutter: Tid [min] | tall"),
        ],
        "5-prioritering.md": [("haster: Kan vente | Haster", "haster: [/x] Kan vente | Haster")],
    }
    for name, pairs in edits.items():
        path = own / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return own


async def test_what_hand_edited_prompt_files_say_is_shown_as_written(tmp_path, data_dir, clock):
    app = make_app(data_dir, prompts_dir=own_prompts(tmp_path), clock=clock)
    assert app.prompt_problems == []
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        await goto(w, "medvirkning", "moteplan")
        await answer(pilot, "18:00; velkommen; intro; plenum; 15; Kari; kaffe")
        await goto(w, "medvirkning", "moteplan")
        await pilot.press("ctrl+e")
        await pause(pilot)
        editor = pilot.app.screen
        assert isinstance(editor, TableEditor)
        assert shown(editor.query_one(".dialog-title", Label)).startswith("[/x] Én linje per punkt")
        assert shown(editor.query_one("#total", Static)) == "Sum tid [min]: 15"
        await pilot.press("escape")
        await pause(pilot)
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Kommunale boliger")
        area = w.session.answer("gap/malomrader")[0]["id"]
        w.c.submit(Position("gap", "gap", area, "tiltak"), "Billig tiltak")
        await w.run_command("matrise", "")
        await pause(pilot)
        matrix = pilot.app.screen
        assert isinstance(matrix, MatrixEditor)
        assert "[/x] kan vente → haster" in shown(matrix.query_one("#matrix-legend", Static))
        assert "[/x] Kan vente ← → Haster" in shown(matrix.query_one("#axes", Static))
        await pilot.press("escape")
        await pause(pilot)
        await work(pilot).run_command("samling", "")
        await pause(pilot)
        setup = pilot.app.screen
        assert isinstance(setup, WorkshopSetup)
        scripts = setup.query_one("#scripts")
        titles = [str(scripts.get_option_at_index(i).prompt) for i in range(scripts.option_count)]
        assert "3. Gap-analyse [utkast]" in titles
