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
        self._fit(self.size.width, rest, palette)  # before they are shown: no second layout
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

    def on_resize(self, event: events.Resize) -> None:
        keys = list(self.query(FooterKey))
        self._fit(event.size.width, [k for k in keys if not k.has_class("-command-palette")],
                  [k for k in keys if k.has_class("-command-palette")])

    def _fit(self, width: int, keys: list, palette: list) -> None:
        """Compact (less space around each key) when the keys would not fit otherwise, and a key that
        would end under the palette key (docked at the right) is left out rather than cut in two.
        Only what changes is set: each change costs the key line a new layout."""
        room = width - sum(_width(k, 3) for k in palette if isinstance(k, FooterKey))
        compact = sum(_width(k, 3) for k in keys if isinstance(k, FooterKey)) > room
        if compact != self.compact:
            self.compact = compact
        used = 0
        for key in keys:
            used += _width(key, 2 if compact else 3) if isinstance(key, FooterKey) else 0
            if key.display != (used <= room):
                key.display = used <= room

    def _keys_shown(self, screen: Screen) -> tuple:
        """What the key line draws: a change of focus that only changes hidden keys (a list's
        cursor keys) does not rebuild it. The palette key is drawn from its binding even so."""
        bindings = screen.active_bindings
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING) if self.show_command_palette else None
        return (palette and palette[1:], tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in bindings.values() if binding.show))
