"""A few SVG snapshots (fixed size, cursor blink off). Update with: pytest tests/ui --snapshot-update"""

from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.app import make_app
from bshp_tui.ui.chat import ChatInput


def fixed_session(data_dir, measures=False):
    store = SessionStore(data_dir)
    with store.create("Molde", "2027–2030") as s:
        if measures:
            s.set_answer("gap/malomrader", [{"id": "a1", "tekst": "Kommunale boliger"}])
            s.set_answer("gap/tiltak@a1", [{"id": "m1", "tekst": "Kartlegge boligmassen"},
                                           {"id": "m2", "tekst": "Bygge utleieboliger"}])
            s.set_answer("prioritering/vurderinger", {"m1": {"haster": 2, "kostnad": 4, "innflytelse": 4, "kunnskap": 4}})


async def open_first(pilot):
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()
    for box in pilot.app.screen.query(ChatInput):
        box.cursor_blink = False
    await pilot.pause()


def test_start_screen_empty(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path / "tom"), terminal_size=(100, 30))


def test_first_question(snap_compare, tmp_path):
    fixed_session(tmp_path)
    assert snap_compare(make_app(tmp_path), terminal_size=(110, 36), run_before=open_first)


def test_small_terminal(snap_compare, tmp_path):
    fixed_session(tmp_path)
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_first)


def test_matrix_editor(snap_compare, tmp_path):
    fixed_session(tmp_path, measures=True)

    async def run_before(pilot):
        await open_first(pilot)
        await pilot.app.screen.run_command("matrise", "")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(110, 36), run_before=run_before)
