"""UI speed, as ratios measured in one run:

1. start-up to the first interactive frame: bshp vs a bare Textual app showing one Static, and vs
   the same with a Footer, as the issue words it (all as whole processes, headless, interleaved).
   Target <= 1.3x.
2. opening a session with about 1,000 transcript turns vs an empty session. Target <= 2x.
3. key press to screen update while typing, with about 1,000 turns vs an empty session.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 9


def startup() -> dict[str, float]:
    driver = str(ROOT / "bench" / "ui_start_driver.py")
    times: dict[str, list[float]] = {"bare": [], "footer": [], "bshp": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(RUNS):
            for mode in times:
                t0 = time.perf_counter()
                subprocess.run([sys.executable, driver, mode, tmp], check=True, capture_output=True)
                times[mode].append(time.perf_counter() - t0)
    return {mode: statistics.median(values) for mode, values in times.items()}


def big_session(store, areas: int = 150):
    from bshp_tui.guide.conductor import Conductor
    from bshp_tui.scripts.loader import load_folder

    session = store.create("Stor kommune", "2027–2030")
    c = Conductor(load_folder(ROOT / "prompts"), session)
    session.set_answer("gap/malomrader", [{"id": f"a{i}", "tekst": f"Målområde {i}"} for i in range(areas)])
    for i in range(areas):
        session.set_answer(f"gap/status@a{i}", f"Status for område {i}: " + "lang tekst " * 20)
        session.set_answer(f"gap/framtid@a{i}", f"Visjon for område {i}")
        session.set_answer(f"gap/tiltak@a{i}", [{"id": f"m{i}-{j}", "tekst": f"Tiltak {j}"} for j in range(3)])
    session.set_state("cursor", ["prioritering", "vurdering", None, "vurderinger"])
    from bshp_tui.guide.transcript import build_turns

    turns = len(build_turns(c))
    session.close()
    return session.id, turns


async def median_key_time(pilot) -> float:
    """Median time from a key press until the app is idle again, over 20 keys."""
    keys = []
    for ch in "abcdefghijklmnopqrst":
        t1 = time.perf_counter()
        await pilot.press(ch)
        await pilot.pause()
        keys.append(time.perf_counter() - t1)
    return statistics.median(keys)


async def open_and_type(data_dir: Path, session_id: str) -> tuple[float, float]:
    from bshp_tui.ui.app import make_app
    from bshp_tui.ui.screens.work import WorkScreen

    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        session = app.store.open(session_id)
        t0 = time.perf_counter()
        await app.push_screen(WorkScreen(session, app.scripts))
        await pilot.pause()
        opened = time.perf_counter() - t0
        key = await median_key_time(pilot)
        app.exit()
    return opened, key


async def bare_typing() -> float:
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App):
        def compose(self):
            yield TextArea()

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        return await median_key_time(pilot)


def sessions() -> dict[str, tuple[float, float, int]]:
    from bshp_tui.store.sessions import SessionStore

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp))
        empty = store.create("Tom kommune")
        empty.close()
        big_id, turns = big_session(store)
        results = {"tom": [], "stor": []}
        for _ in range(3):
            for name, sid in (("tom", empty.id), ("stor", big_id)):
                results[name].append(asyncio.run(open_and_type(Path(tmp), sid)))
        for name in results:
            opened = statistics.median(r[0] for r in results[name])
            key = statistics.median(r[1] for r in results[name])
            out[name] = (opened, key, turns if name == "stor" else 0)
    return out


def main() -> int:
    start = startup()
    ours = start["bshp"]
    print("Oppstart til første interaktive bilde (hele prosessen, median av", RUNS, "kjøringer)")
    print(
        f"  bshp: {ours * 1000:7.1f} ms   bar Textual-app med én Static: {start['bare'] * 1000:7.1f} ms"
        f"   forhold: {ours / start['bare']:.2f}x  (mål: <= 1.3x)"
    )
    print(
        f"  bshp: {ours * 1000:7.1f} ms   bar Textual-app med Footer:    {start['footer'] * 1000:7.1f} ms"
        f"   forhold: {ours / start['footer']:.2f}x  (mål: <= 1.3x)"
    )
    result = sessions()
    empty, big = result["tom"], result["stor"]
    print(f"Åpne økt med {big[2]} turer i samtalen mot tom økt")
    print(
        f"  stor: {big[0] * 1000:7.1f} ms   tom: {empty[0] * 1000:7.1f} ms   forhold: {big[0] / empty[0]:.2f}x  (mål: <= 2x)"
    )
    print("Fra tastetrykk til oppdatert skjerm mens man skriver (median av 20 taster)")
    bare = statistics.median(asyncio.run(bare_typing()) for _ in range(3))
    print(
        f"  stor: {big[1] * 1000:7.1f} ms   tom: {empty[1] * 1000:7.1f} ms   forhold stor/tom: {big[1] / empty[1]:.2f}x"
    )
    print(f"  bar Textual-app med ett TextArea: {bare * 1000:7.1f} ms   forhold stor/bar: {big[1] / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
