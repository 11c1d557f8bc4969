"""The SWOT screen: each role group fills its four quadrants on one screen, saved in one write;
answers in the per-quadrant keys (the shape they have always been stored in) load and keep their ids."""

from datetime import datetime

from helpers import shipped_scripts
from ui_helpers import SIZE, feedback, work
from walk import answer_for

from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.swot import swot_by_role_group
from bshp_tui.store import session as session_module
from bshp_tui.store.sessions import SessionStore
from bshp_tui.ui.dialogs.messages import UnsavedDialog
from bshp_tui.ui.screens.swot import SwotScreen
from bshp_tui.ui.screens.work import WorkScreen
from bshp_tui.ui.widgets.chat import ChatInput

SCRIPTS = shipped_scripts()


def seed_until_swot(data_dir, before=None) -> dict[str, str]:
    """A session answered through the store up to the first role group's SWOT; the role-group ids by name."""
    store = SessionStore(data_dir)
    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        while (pos := c.cursor()) is not None and pos.step_id != "swot":
            c.submit(pos, answer_for(c, pos))
        groups = {i.text: i.id for i in c.items("oppstart.rollegrupper")}
        if before:
            before(session, groups)
    return groups


async def open_first(pilot):
    await pilot.press("enter")
    for _ in range(3):
        await pilot.pause()
    for box in pilot.app.screen.query(ChatInput):
        box.cursor_blink = False


async def fill(pilot, texts: dict[str, str]):
    screen = pilot.app.screen
    for quadrant, text in texts.items():
        screen.query_one(f"#swot-{quadrant}").load_text(text)
    await pilot.pause()


async def test_a_role_group_fills_its_swot_on_one_screen_and_the_next_group_follows(app_factory, data_dir):
    groups = seed_until_swot(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SwotScreen)  # arriving at the step opens the four quadrants
        assert "Intern koordinering" in str(screen.query_one(".dialog-title").render())
        titles = [a.border_title for a in screen.query("TextArea")]
        assert titles == ["Sterke sider", "Svake sider", "Muligheter (valgfritt)", "Trusler (valgfritt)"]
        await fill(pilot, {"sterke": "Lovfestet\nTradisjon", "svake": "Lite samarbeid", "trusler": "Kutt i rammene"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        w_screen = pilot.app.screen
        assert isinstance(w_screen, SwotScreen) and w_screen.pos.item == groups["Politisk"]
        await pilot.press("escape")
        await pilot.pause()
        w = work(pilot)
        assert (w.pos.step_id, w.pos.item, w.pos.field_id) == ("swot", groups["Politisk"], "sterke")
        assert "Ctrl+E" in feedback(pilot)
        swot = swot_by_role_group(w.c)
        first = swot[0]
        assert first.group.text == "Intern koordinering"
        assert first.points == {
            "sterke": ["Lovfestet", "Tradisjon"],
            "svake": ["Lite samarbeid"],
            "muligheter": [],
            "trusler": ["Kutt i rammene"],
        }
        assert swot[1].is_empty
    # Saved durably: the stored answers are in the per-quadrant keys.
    with SessionStore(data_dir).open(SessionStore(data_dir).list()[0].id) as session:
        gid = groups["Intern koordinering"]
        assert [e["tekst"] for e in session.answer(f"oppstart/sterke@{gid}")] == ["Lovfestet", "Tradisjon"]
        assert session.answer(f"oppstart/muligheter@{gid}") is None


async def test_answers_in_the_old_per_quadrant_shape_load_and_keep_their_ids(app_factory, data_dir):
    def old_answers(session, groups):
        gid = groups["Intern koordinering"]
        session.set_answer(f"oppstart/sterke@{gid}", [{"id": "s1", "tekst": "Lovfestet"}])
        session.set_answer(f"oppstart/svake@{gid}", [{"id": "w1", "tekst": "Lite samarbeid"}])

    groups = seed_until_swot(data_dir, old_answers)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        w = work(pilot)  # an answered role group does not pop up by itself
        w.c.jump("oppstart", "swot", groups["Intern koordinering"])
        await w.refresh_all()
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SwotScreen)
        assert screen.query_one("#swot-sterke").text == "Lovfestet"
        await fill(pilot, {"sterke": "Lovfestet i boligsosialloven\nTradisjon"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = w.session.answer(f"oppstart/sterke@{groups['Intern koordinering']}")
        assert stored[0] == {"id": "s1", "tekst": "Lovfestet i boligsosialloven"}  # a rename keeps the id
        assert w.session.answer(f"oppstart/svake@{groups['Intern koordinering']}") == [
            {"id": "w1", "tekst": "Lite samarbeid"}
        ]


async def test_escape_keeps_what_is_stored(app_factory, data_dir):
    """Esc with changes asks; «Forkast» (F) closes and keeps what is stored, no draft left behind."""
    groups = seed_until_swot(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press(*"Ikke", "space", *"lagret")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("f")
        await pilot.pause()
        w = work(pilot)
        key = f"oppstart/sterke@{groups['Intern koordinering']}"
        assert w.session.answer(key) is None and w.session.draft(key) is None
        assert isinstance(pilot.app.screen, type(w))  # not opened again by itself


class _NineOClock(datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2027, 3, 4, 9, 0, 0)


def test_swot_screen_snapshot(snap_compare, tmp_path, monkeypatch):
    seed_until_swot(tmp_path)
    monkeypatch.setattr(session_module, "datetime", _NineOClock)  # the «Lagret» time in the picture

    async def run_before(pilot):
        await open_first(pilot)
        await fill(pilot, {"sterke": "Lovfestet\nTradisjon", "svake": "Lite samarbeid på tvers"})
        next(s for s in pilot.app.screen_stack if isinstance(s, WorkScreen)).save_draft_now()  # not the timer
        pilot.app.screen.set_focus(None)  # no blinking cursor: the picture is the same every time
        await pilot.pause()

    from bshp_tui.ui.app import make_app

    assert snap_compare(make_app(tmp_path), terminal_size=(100, 30), run_before=run_before)


async def test_ctrl_j_and_alt_enter_start_a_new_point_in_a_quadrant(app_factory, data_dir):
    """The help promises Ctrl+J and Alt+Enter give a new line in every text box: typed points never run
    together ("boligpolitikkKort vei")."""
    seed_until_swot(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SwotScreen)
        await pilot.press(*"Ny", "ctrl+j", *"Kort", "alt+enter", *"Tett", "enter", *"Tre")
        await pilot.pause()
        assert screen.query_one("#swot-sterke").text == "Ny\nKort\nTett\nTre"


async def test_escape_with_changes_asks_and_going_on_typing_keeps_them(app_factory, data_dir):
    groups = seed_until_swot(data_dir)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press(*"NAV", "tab", *"Svak")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("escape")  # «Fortsett å skrive»
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SwotScreen) and screen.query_one("#swot-svake").text == "Svak"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")  # «Lagre»
        await pilot.pause()
        await pilot.pause()
        group = groups["Intern koordinering"]
        session = pilot.app.open_session.session  # the next role group's screen is open now
        assert [e["tekst"] for e in session.answer(f"oppstart/sterke@{group}")] == ["NAV"]
        assert [e["tekst"] for e in session.answer(f"oppstart/svake@{group}")] == ["Svak"]


async def test_quitting_keeps_the_typed_quadrants_as_drafts_and_the_screen_opens_with_them(app_factory, data_dir):
    """Ctrl+Q (and a signal, which closes the session the same way) keeps what was typed: the screen
    opens with it next time, and nothing is stored as an answer until the group saves."""
    groups = seed_until_swot(data_dir)
    key = f"oppstart/sterke@{groups['Intern koordinering']}"
    async with app_factory().run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press(*"NAV", "space", *"sterk", "tab", *"NAV", "space", *"svak")
        await pilot.press("ctrl+q")
        await pilot.pause()
    async with app_factory().run_test(size=SIZE) as pilot:
        await open_first(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SwotScreen)
        assert screen.query_one("#swot-sterke").text == "NAV sterk"
        assert screen.query_one("#swot-svake").text == "NAV svak"
        assert screen.c.session.answer(key) is None  # a draft, not an answer
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        session = pilot.app.open_session.session
        assert [e["tekst"] for e in session.answer(key)] == ["NAV sterk"]
        assert session.draft(key) is None


async def test_a_signal_keeps_the_typed_quadrants(app_factory, data_dir):
    groups = seed_until_swot(data_dir)
    async with app_factory().run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press(*"Tradisjon")
        pilot.app.save_all()  # what the SIGTERM/SIGHUP handler and the exit path do
    store = SessionStore(data_dir)
    with store.open(store.list()[0].id) as session:
        assert session.draft(f"oppstart/sterke@{groups['Intern koordinering']}") == "Tradisjon"
