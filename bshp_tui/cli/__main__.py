"""`python -m bshp_tui.cli`: the `bshp` command."""

from . import run

if __name__ == "__main__":
    run()
