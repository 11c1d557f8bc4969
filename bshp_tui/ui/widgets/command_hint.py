"""The hint under the input while a /command is being typed: the commands it may become."""

from __future__ import annotations

from textual.widgets import Static

from ...guide import commands as cmd


class CommandHint(Static):
    DEFAULT_CSS = """
    CommandHint {
        padding: 0 1;
        color: $text-muted;
        display: none;
    }
    CommandHint.shown {
        display: block;
    }
    """

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)

    def follow(self, typed: str) -> None:
        """Show the commands that what is typed may become (nothing unless it starts with /)."""
        matches = cmd.complete(typed) if typed.startswith("/") and "\n" not in typed else []
        self.set_class(bool(matches), "shown")
        if matches:
            self.update("  ".join(f"/{c.name} – {c.help}" for c in matches[:4]) + "   (Tab fullfører)")
