"""`python -m bshp_tui.cli`: the `bshp` command."""

import sys

from .command import main

if __name__ == "__main__":
    sys.exit(main())
