"""The key line at the bottom of every screen."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ...guide import commands as cmd
from ..command_actions import ACTIONS

# The keys of the command table in its order (what a group needs most first). A screen's own keys
# (an editor's «Lagre», or Esc for «Ferdig») come before them: on that screen they matter most.
TABLE_ORDER = {(c.key, ACTIONS[c.name], c.label): n for n, c in enumerate(cmd.TABLE) if c.key}


def _width(key: FooterKey, around: int) -> int:
    """The columns `key` takes: its key and description, and `around` them (padding and margin)."""
    return cell_len(key.key_display) + cell_len(key.description) + around


class KeyFooter(Footer):
    """Textual's Footer, with its keys in the command table's order so that a narrow window cuts the
    least needed ones, drawn compact when they would not fit otherwise, and rebuilt only when the keys
    it shows change (Textual's own rebuilds all its keys on every change of focus, which made each key
    press in the chat noticeably heavier)."""

    DEFAULT_CSS = """
    KeyFooter.-compact FooterKey.-command-palette {
        margin-right: 0;  /* Textual's compact palette key left the last column to the key under it */
        padding-right: 1;
    }
    """

    _shown: tuple | None = None

    def compose(self) -> ComposeResult:
        keys = list(super().compose())  # the screen's bindings never use groups: every widget is a key
        palette = [k for k in keys if k.has_class("-command-palette")]  # docked at the right
        rest = [k for k in keys if k not in palette]
        rest.sort(key=lambda k: TABLE_ORDER.get((k.key, k.action, k.description), -1) if isinstance(k, FooterKey) else -1)
        yield from rest + palette

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        shown = self._keys_shown(screen)
        if shown != self._shown:
            self._shown = shown
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        await self.recompose()
        self._fit(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Compact (less space around each key) when the keys would not fit otherwise, and a key that
        would end under the palette key (docked at the right) is left out rather than cut in two."""
        keys = [k for k in self.query(FooterKey) if not k.has_class("-command-palette")]
        room = width - sum(_width(k, 3) for k in self.query(".-command-palette").results(FooterKey))
        self.compact = sum(_width(k, 3) for k in keys) > room
        used = 0
        for key in keys:
            used += _width(key, 2 if self.compact else 3)
            key.display = used <= room

    def _keys_shown(self, screen: Screen) -> tuple:
        return (self.show_command_palette, tuple(
            (binding.key, binding.action, binding.description, binding.show, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()))
