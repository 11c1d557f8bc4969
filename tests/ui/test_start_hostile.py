"""The start screen lists every session next to bad values and special files, which show as
SKADET with their reason, and the healthy one still opens."""

import json
import os
import sys

import pytest
from ui_helpers import SIZE, through_new_dialog

from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.screens.work import WorkScreen


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="needs FIFOs and symlinks")
async def test_start_screen_lists_healthy_and_bad_entries(app_factory, data_dir, tmp_path):
    store = SessionStore(data_dir)
    with store.create("Molde") as s:
        s.set_answer("a/x", "hei")
        snapshot = s.snapshot()
    snapshot["meta"]["1"]["municipality"] = "Nan"
    (data_dir / "nan.json").write_text(
        json.dumps(snapshot).replace('"municipality"', '"progress": NaN, "municipality"')
    )
    os.mkfifo(data_dir / "fifo.json")
    os.symlink("/dev/zero", data_dir / "null.json")
    os.symlink(tmp_path / "borte.json", data_dir / "borte.json")
    (data_dir / "mappe.json").mkdir()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("DataTable")
        rows = {str(table.get_row_at(i)[4]): table.get_row_at(i) for i in range(table.row_count)}
        assert str(rows["molde.json"][0]) == "Molde"
        for name, reason in [
            ("nan.json", "NaN"),
            ("fifo.json", "FIFO"),
            ("null.json", "symbolsk lenke"),
            ("borte.json", "som ikke finnes"),
            ("mappe.json", "mappe"),
        ]:
            assert str(rows[name][0]) == "SKADET" and reason in str(rows[name][1]), name
        molde = next(i for i in range(table.row_count) if str(table.get_row_at(i)[4]) == "molde.json")
        table.move_cursor(row=molde)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WorkScreen)


async def test_values_that_look_like_markup_are_listed_as_they_stand(app_factory, data_dir):
    """A hand-edited or imported file: the period, the time and the name are shown as written,
    never read as styling (an unclosed tag would stop the list from being drawn)."""
    store = SessionStore(data_dir)
    with store.create("Molde") as s:
        snapshot = s.snapshot()
    meta = snapshot["meta"]["1"]
    meta.update(municipality="[b]Molde[/]", period="[/x] 2027", updated="[red]i går")
    (data_dir / "molde.json").write_text(json.dumps(snapshot))
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        name, period, _progress, updated, _file = (str(cell) for cell in table.get_row_at(0))
        assert (name, period, updated) == ("[b]Molde[/]", "[/x] 2027", "[red]i går")
        shown = "\n".join(str(line.text) for line in table.render_lines(table.region.reset_offset))
        assert "[/x] 2027" in shown and "[red]i går" in shown


async def test_a_refused_period_is_quoted_as_typed_in_the_new_dialog(app_factory):
    """What the group typed comes back in the message as written, «[» and all, and the dialog
    stays open with it (no markup: an unclosed tag would stop the app)."""
    from bshp_tui.ui.dialogs import NewSessionDialog

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await through_new_dialog(pilot, "Molde", "[/x] neste år")
        assert isinstance(dialog, NewSessionDialog) and app.screen is dialog
        assert "«[/x] neste år»" in str(dialog.query_one("#feil").render())
