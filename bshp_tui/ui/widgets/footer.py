"""The key line at the bottom of every screen."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, rebuilt only when the keys it shows change. Textual's own rebuilds all its
    keys on every change of focus, which made each key press in the chat noticeably heavier."""

    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        shown = self._keys_shown(screen)
        if shown != self._shown:
            self._shown = shown
            self.call_after_refresh(self.recompose)

    def _keys_shown(self, screen: Screen) -> tuple:
        return (self.compact, self.show_command_palette, tuple(
            (binding.key, binding.action, binding.description, binding.show, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()))
