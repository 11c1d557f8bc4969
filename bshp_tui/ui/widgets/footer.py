"""The key line at the bottom of every screen."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from ...guide import commands as cmd
from ..command_actions import ACTIONS

# The keys of the command table in its order (what a group needs most first). A screen's own keys
# (an editor's «Lagre», or Esc for «Ferdig») come before them: on that screen they matter most.
TABLE_ORDER = {(c.key, ACTIONS[c.name], c.label): n for n, c in enumerate(cmd.TABLE) if c.key}

PALETTE_EDGE = "▏"


class Key:
    """One key on the line: what to press, what it does, and the columns it takes (0, 0 if left out)."""

    __slots__ = ("key", "display", "description", "action", "enabled", "start", "end")

    def __init__(self, key: str, display: str, description: str, action: str, enabled: bool):
        self.key, self.display, self.description, self.action = key, display, description, action
        self.enabled = enabled
        self.start = self.end = 0

    def width(self, compact: bool) -> int:
        """Its key and description, and the space around them (one column less when compact)."""
        return cell_len(self.display) + cell_len(self.description) + (2 if compact else 3)

    def signature(self) -> tuple:
        return (self.key, self.action, self.description, self.enabled)

    def __repr__(self) -> str:
        return f"Key({self.display!r}, {self.description!r}, {self.start}–{self.end})"


def _signature(keys: list[Key], palette: Key | None) -> list:
    return [k.signature() for k in keys] + [palette and palette.signature()]


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen, drawn as one line in one widget (a widget per key made every key
    press and every new screen noticeably heavier). The keys come in the command table's order so
    that a narrow window leaves out the least needed ones; they are drawn compact when they would
    not fit otherwise, and a key that would end under the palette key at the right is left out
    rather than cut in two. A click on a key presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-line--key",
        "key-line--description",
        "key-line--item",
        "key-line--edge",
        "key-line--hover",
        "key-line--disabled",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-line--item { background: $footer-item-background; }
        & > .key-line--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-line--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-line--edge { color: $foreground 20%; }
        & > .key-line--hover { background: $block-hover-background; text-style: underline; }
        & > .key-line--disabled { text-style: dim; }
    }
    """

    def __init__(self, show_command_palette: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.show_command_palette = show_command_palette
        self.keys: list[Key] = []  # in the order drawn; those left out have start == end
        self.palette: Key | None = None
        self.compact = False
        self._hover: Key | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        keys, palette = self._read_keys(screen)
        if _signature(keys, palette) != _signature(self.keys, self.palette):  # else nothing to redraw
            self.keys, self.palette, self._hover = keys, palette, None
            self.refresh()

    def _read_keys(self, screen: Screen) -> tuple[list[Key], Key | None]:
        """The screen's shown keys (the first binding of each action, as Textual's Footer takes
        them) in the command table's order, and the palette key."""
        app = self.app
        bindings = screen.active_bindings
        first: dict[str, Key] = {}
        for _node, binding, enabled, _tooltip in bindings.values():
            if binding.show and binding.action not in first:
                first[binding.action] = Key(
                    binding.key, app.get_key_display(binding), binding.description, binding.action, enabled
                )
        keys = sorted(first.values(), key=lambda k: TABLE_ORDER.get((k.key, k.action, k.description), -1))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
            _node, binding, enabled, _tooltip = bindings[app.COMMAND_PALETTE_BINDING]
            palette = Key(binding.key, app.get_key_display(binding), binding.description, binding.action, enabled)
        return keys, palette

    def _fit(self, width: int) -> None:
        """Where each key goes at `width`: compact when the keys would not fit otherwise, and the
        keys that would end under the palette key left out (and all after them: the order is
        what matters most first)."""
        palette_width = self.palette.width(compact=False) if self.palette else 0  # its edge and padding
        room = width - palette_width
        self.compact = sum(k.width(compact=False) for k in self.keys) > room
        used = 0
        for key in self.keys:
            start, used = used, used + key.width(self.compact)
            key.start, key.end = (start, used) if used <= room else (0, 0)
        if self.palette:
            self.palette.start, self.palette.end = width - palette_width, width

    def shown(self) -> list[Key]:
        """The keys on the line now (not the palette key), in their order."""
        self._fit(self.size.width)
        return [k for k in self.keys if k.end > k.start]

    def render(self) -> Text:
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self.shown():
            self._draw(line, key, compact=self.compact)
            if self.compact:
                line.append(" ")
        line.append(
            " " * max(width - line.cell_len - (self.palette.end - self.palette.start if self.palette else 0), 0)
        )
        if self.palette and self.palette.start >= line.cell_len:
            line.append(PALETTE_EDGE, self.get_component_rich_style("key-line--edge"))
            self._draw(line, self.palette, compact=True)
            line.append(" ", self.get_component_rich_style("key-line--item"))
        return line

    def _draw(self, line: Text, key: Key, compact: bool) -> None:
        item = self.get_component_rich_style("key-line--item")
        key_style = item + self.get_component_rich_style("key-line--key")
        description_style = item + self.get_component_rich_style("key-line--description")
        extra = Style()
        if key is self._hover:
            extra += self.get_component_rich_style("key-line--hover")
        if not key.enabled:
            extra += self.get_component_rich_style("key-line--disabled")
        if compact:
            line.append(key.display, key_style + extra)
            line.append(f" {key.description}", description_style + extra)
        else:
            line.append(f" {key.display} ", key_style + extra)
            line.append(f"{key.description} ", description_style + extra)

    def key_at(self, x: int) -> Key | None:
        for key in [*self.shown(), *([self.palette] if self.palette else [])]:
            if key.start <= x < key.end:
                return key
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self.key_at(event.x)
        if hover is not self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
