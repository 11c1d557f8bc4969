"""Start an app headless and quit as soon as it is ready for input (used by bench/ui.py).

Modes: `bare` (a Textual app showing one Static), `footer` (the same with a Footer) and `bshp`
(the app, started the way the `bshp` command starts it; see bshp_tui/cli).
"""

import gc
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def quit_when_ready(pilot):
    await pilot.pause()
    pilot.app.exit()


def main(mode: str) -> None:
    if mode in ("bare", "footer"):
        from textual.app import App
        from textual.widgets import Footer, Static

        class Bare(App):
            def compose(self):
                yield Static("Hei")
                if mode == "footer":
                    yield Footer()

        app = Bare()
    else:
        # As the `bshp` command does: `run` pauses the garbage collector while the modules load,
        # `_run_app` freezes what they built and turns it back on before the app starts.
        gc.disable()
        from bshp_tui.ui.app import make_app

        gc.freeze()
        gc.enable()
        app = make_app(Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()))
    app.run(headless=True, auto_pilot=quit_when_ready, size=(120, 40))


if __name__ == "__main__":
    main(sys.argv[1])
