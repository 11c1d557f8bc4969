"""The row dialog's labels say what to write, whole, at 80 columns: a long list of choices wraps
instead of being cut at the dialog's edge, and a number column does not get a second pair of brackets."""

from helpers import shipped_scripts
from textual.app import App
from textual.widgets import Static

from bshp_tui.guide.conductor import Conductor
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.dialogs.row_dialog import RowDialog

SCRIPTS = shipped_scripts()


async def test_every_label_of_the_action_plan_is_read_whole_at_80_columns(tmp_path):
    session = SessionStore(tmp_path).create("Molde", "2027–2030")
    c = Conductor(SCRIPTS, session)
    fld = c.field("tiltak.handlingsplan")
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RowDialog(c, fld, None))
        await pilot.pause()
        dialog = app.screen
        labels = list(dialog.query(".row-label").results(Static))
        assert len(labels) == len(fld.columns)
        for label, col in zip(labels, fld.columns):
            lines = [strip.text.rstrip() for strip in label.render_lines(label.region.reset_offset)]
            assert col.label in " ".join(lines)
            assert label.region.right <= dialog.query_one("#row-fields").region.right
        finance = next(lb for lb, col in zip(labels, fld.columns) if col.id == "finansiering")
        assert "egne midler)" in " ".join(s.text for s in finance.render_lines(finance.region.reset_offset))
        investment = next(lb for lb, col in zip(labels, fld.columns) if col.kind == "tall")
        assert ") (" not in str(investment.render())  # «Investering (kr) – skriv et tall»
    session.close()
