"""Start an app headless and quit as soon as it is ready for input (used by bench/ui.py)."""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def quit_when_ready(pilot):
    await pilot.pause()
    pilot.app.exit()


def main(mode: str) -> None:
    if mode == "bare":
        from textual.app import App
        from textual.widgets import Static

        class Bare(App):
            def compose(self):
                yield Static("Hei")

        app = Bare()
    else:
        from bshp_tui.ui.app import make_app

        app = make_app(Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()))
    app.run(headless=True, auto_pilot=quit_when_ready, size=(120, 40))


if __name__ == "__main__":
    main(sys.argv[1])
