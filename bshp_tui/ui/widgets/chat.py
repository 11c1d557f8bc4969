"""The chat widgets: the transcript (one widget per turn, mounted lazily) and the input."""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Heading, Markdown
from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static, TextArea

from ...guide.transcript import Turn
from ..clock import app_clock

WINDOW = 24  # turns mounted at once (about a dozen questions and answers); earlier ones on request


class _LeftHeading(Heading):
    LEVEL_ALIGN: ClassVar = dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "left")


class TurnMarkdown(Markdown):
    """A turn's Markdown, drawn as one piece of text with headings on the left like the rest."""

    elements: ClassVar = {**Markdown.elements, "heading_open": _LeftHeading}


class AssistantTurn(Static):
    """One of the assistant's turns: its Markdown drawn in one widget, so a long chat stays light
    (a Markdown widget would mount a widget per paragraph and list item)."""

    def __init__(self, turn: Turn):
        classes = f"turn assistant {turn.kind}" + (" current" if turn.current else "")
        super().__init__(TurnMarkdown(turn.text), classes=classes)
        self.turn = turn


class GroupTurn(Static):
    """The group's answer. Click it (or select it and press Enter) to change the answer."""

    can_focus = True

    class EditRequested(Message):
        def __init__(self, turn: Turn):
            super().__init__()
            self.turn = turn

    def __init__(self, turn: Turn):
        super().__init__(turn.text or "–", classes="turn group", markup=False)
        self.turn = turn
        self.tooltip = "Klikk eller trykk Enter for å endre svaret"

    def on_click(self) -> None:
        self.post_message(self.EditRequested(self.turn))

    def key_enter(self) -> None:
        self.post_message(self.EditRequested(self.turn))


def turn_widget(turn: Turn):
    return GroupTurn(turn) if turn.kind == "answer" else AssistantTurn(turn)


class Transcript(VerticalScroll):
    """The conversation. Shows the newest turns; earlier ones are mounted on request so even a
    very long session opens fast."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.turns: list[Turn] = []
        self.first = 0  # index in self.turns of the first mounted turn

    def compose(self) -> ComposeResult:
        yield Button("Vis tidligere", id="earlier", classes="earlier")

    def on_mount(self) -> None:
        self.anchor()

    async def show(self, turns: list[Turn]) -> None:
        """Bring the view up to date with `turns`, changing as few widgets as possible."""
        old = self.turns
        common = 0
        while common < len(old) and common < len(turns) and old[common] == turns[common]:
            common += 1
        self.turns = list(turns)
        if common < self.first or not old:
            await self._remount(max(0, len(turns) - WINDOW))
        else:
            widgets = list(self.query(".turn"))
            keep = common - self.first
            if keep < len(widgets):
                await self.remove_children(widgets[keep:])
            await self.mount_all([turn_widget(t) for t in turns[common:]])
        self._update_earlier()
        self.scroll_end(animate=False)

    async def _remount(self, first: int) -> None:
        self.first = first
        await self.remove_children(".turn")
        await self.mount_all([turn_widget(t) for t in self.turns[first:]])

    def _update_earlier(self) -> None:
        button = self.query_one("#earlier", Button)
        button.display = self.first > 0
        button.label = f"Vis tidligere ({self.first} til)"

    @on(Button.Pressed, "#earlier")
    async def show_earlier(self) -> None:
        new_first = max(0, self.first - WINDOW)
        widgets = [turn_widget(t) for t in self.turns[new_first : self.first]]
        first_turn = self.query(".turn").first() if self.query(".turn") else None
        if first_turn is not None:
            await self.mount_all(widgets, before=first_turn)
        else:
            await self.mount_all(widgets)
        self.first = new_first
        self._update_earlier()
        self.release_anchor()


class ChatInput(TextArea):
    """The answer box: Enter sends, Alt+Enter or Ctrl+J makes a new line, Tab completes a /command.
    It grows with the text, up to a limit."""

    class Submitted(Message):
        def __init__(self, text: str):
            super().__init__()
            self.text = text

    class NumberKey(Message):
        def __init__(self, number: int):
            super().__init__()
            self.number = number

    class CompleteRequested(Message):
        pass

    numbers_choose = False  # set by the screen when the field is a single choice
    HABIT_SECONDS = 1.0  # an Enter this soon after a digit sent a choice was typed out of habit

    def __init__(self, **kwargs):
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)
        self._choice_sent_at: float | None = None

    def choice_sent(self) -> None:
        """A digit just sent a choice (called by the screen)."""
        self._choice_sent_at = self._now()

    def _now(self) -> float:
        return app_clock(self)()

    async def _on_key(self, event: events.Key) -> None:
        sent_at, self._choice_sent_at = self._choice_sent_at, None
        if event.key == "enter" and sent_at is not None and self._now() - sent_at < self.HABIT_SECONDS:
            # A digit sends a choice at once; the Enter typed right after it out of habit must not
            # send (or skip) the next question. An Enter once the group has read it works as always.
            event.stop()
            event.prevent_default()
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self.text))
            return
        if event.key in ("alt+enter", "ctrl+j", "shift+enter"):
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        if event.key == "tab" and self.text.startswith("/") and "\n" not in self.text:
            event.stop()
            event.prevent_default()
            self.post_message(self.CompleteRequested())
            return
        if self.numbers_choose and not self.text and event.character and event.character in "123456789":
            event.stop()
            event.prevent_default()
            self.post_message(self.NumberKey(int(event.character)))
            return
        await super()._on_key(event)

    def set_text(self, text: str) -> None:
        self._choice_sent_at = None
        self.load_text(text)
        lines = text.split("\n")
        self.move_cursor((len(lines) - 1, len(lines[-1])))
