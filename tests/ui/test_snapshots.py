"""A few SVG snapshots (fixed size, cursor blink off). Update with: pytest tests/ui --snapshot-update"""

from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.app import make_app
from bshp_tui.ui.screens.work import WorkScreen
from bshp_tui.ui.widgets.chat import ChatInput


def fixed_session(data_dir, measures=False):
    store = SessionStore(data_dir)
    with store.create("Molde", "2027–2030") as s:
        if measures:
            s.set_answer("gap/malomrader", [{"id": "a1", "tekst": "Kommunale boliger"}])
            s.set_answer(
                "gap/tiltak@a1",
                [{"id": "m1", "tekst": "Kartlegge boligmassen"}, {"id": "m2", "tekst": "Bygge utleieboliger"}],
            )
            s.set_answer(
                "prioritering/vurderinger",
                {"m1": {"haster": 2, "kostnad": 4, "innflytelse": 4, "kunnskap": 4, "effekt": 3}},
            )


async def open_first(pilot):
    """Open the first session and wait for its chat; the input's cursor then stops blinking and
    stays drawn (a blinking cursor would be caught on or off at random)."""
    await pilot.press("enter")
    for _ in range(100):
        await pilot.pause()
        if isinstance(pilot.app.screen, WorkScreen) and pilot.app.screen.query(ChatInput):
            break
    assert isinstance(pilot.app.screen, WorkScreen)
    for box in pilot.app.screen.query(ChatInput):
        box.cursor_blink = False
        # TextArea caches a line drawn in the blink's "off" phase under the same key as a line
        # drawn without blinking: clear that cache so the line is drawn again, cursor and all.
        box.notify_style_update()
        box.refresh()
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

    assert snap_compare(make_app(tmp_path), terminal_size=(100, 30), run_before=run_before)  # every scale shows
