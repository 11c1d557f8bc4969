"""The list editor (Ctrl+E on a list question): the points, one per line, added, changed, moved
and deleted one by one."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ListItem, ListView

from ...guide.conductor import Conductor, Position
from ...scripts.values import merge_list
from ..widgets.footer import KeyFooter
from .entries_editor import EntriesEditor
from .messages import TextDialog


class ListEditor(EntriesEditor):
    def __init__(self, c: Conductor, pos: Position, entries: list[dict] | None = None):
        super().__init__(c, pos, entries)
        if not self.entries and not self.from_input and self.field.defaults:
            self.entries = merge_list([], list(self.field.defaults))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield from self.header()
            yield ListView(id="items")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.redraw()
        self.query_one(ListView).focus()

    def redraw(self, index: int | None = None) -> None:
        view = self.query_one(ListView)
        keep = view.index if index is None else index
        view.clear()
        for item in self.entries:
            view.append(ListItem(Label(item.get("tekst", ""), markup=False)))
        if self.entries:
            view.index = max(0, min(keep or 0, len(self.entries) - 1))

    @work
    async def action_add(self) -> None:
        text = await self.app.push_screen_wait(TextDialog("Nytt punkt", on_change=self.typing(None)))
        if text and text.strip():
            self.entries = merge_list(self.entries, [i["tekst"] for i in self.entries] + [text.strip()])
            self.redraw(len(self.entries) - 1)
        self.typed_done()

    @on(ListView.Selected)
    @work
    async def edit_item(self) -> None:
        index = self.query_one(ListView).index
        if index is None or index >= len(self.entries):
            return
        text = await self.app.push_screen_wait(
            TextDialog("Endre punktet", self.entries[index]["tekst"], on_change=self.typing(index))
        )
        if text and text.strip():
            self.entries[index] = {"id": self.entries[index]["id"], "tekst": text.strip()}  # same id: a rename
            self.redraw(index)
        self.typed_done()

    def cursor_index(self) -> int | None:
        return self.query_one(ListView).index
