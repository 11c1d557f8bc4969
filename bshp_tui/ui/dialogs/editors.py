"""Structured editors where chat is clumsy: list items and table rows. EDITORS maps a field
kind to its editor. What is changed and not saved is the question's draft (ui/editor_drafts.py):
Esc asks first, and quitting keeps it."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, ListItem, ListView, Static

from typing import Callable

from textual.screen import Screen

from ...scripts import kinds
from ...scripts import refs as R
from ...guide.costs import session_years, total_text
from ...scripts.kinds.table import first_missing
from ...guide.conductor import Conductor, Position
from ...errors import BshpError
from ...scripts.loader import Field
from ...guide.answer_text import UnreadRow, format_value
from ...scripts.kinds.listing import keep_bullet
from ...scripts.values import ValidationError, format_number, merge_list, merge_rows, new_id
from ..editor_drafts import EditorDrafts
from ..widgets import fitted_table
from .messages import TextDialog, ask_unsaved
from .row_dialog import RowDialog
from ..widgets.footer import KeyFooter


class _Editor(ModalScreen[bool]):
    """Common frame for editing a list of entries (list items or table rows): a title, a hint
    line, delete, move, save and cancel. Subclasses show the entries and add or edit one."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Lagre", id="save"),
        Binding("escape", "cancel", "Lukk", id="cancel"),
        Binding("a", "add", "Legg til"),
        Binding("delete,d", "delete", "Slett"),
        Binding("ctrl+up", "move(-1)", "Flytt opp"),
        Binding("ctrl+down", "move(1)", "Flytt ned"),
        Binding("f1", "app.help", "Hjelp"),  # on the key line here too (the app's F1 works on every screen)
    ]

    def __init__(self, c: Conductor, pos: Position, entries: list[dict] | None = None):
        """`entries`: what the chat input shows (typed or suggested); the stored answer if None."""
        super().__init__()
        self.c, self.pos = c, pos
        self.field: Field = c.field(pos)
        source = c.value(pos) if entries is None else entries
        self.entries: list[dict] = [dict(e) for e in (source or []) if isinstance(e, dict)]
        self.from_input = entries is not None
        self.pending: tuple[int | None, str] | None = None  # a point or row being typed: (its index or None, its line)
        self.drafts: EditorDrafts | None = None
        self.opened_with = ""  # the entries as text when the editor opened (see `unsaved`)

    def on_screen_resume(self) -> None:
        if self.drafts is None:  # the first time the editor shows: what it opened with
            self.opened_with = self.draft_text()
            self.drafts = EditorDrafts(getattr(self.app, "open_session", None), [self.pos.key], keep_before=True)
            self.shown()

    def shown(self) -> None:
        """The editor shows for the first time (what it opened with is known)."""

    def draft_text(self) -> str:
        """The entries as the chat input would show them, with the one being typed in its dialog."""
        lines = format_value(self.c, self.field, self.entries).split("\n") if self.entries else []
        if self.pending is not None:
            index, line = self.pending
            if index is None:
                lines.append(line)
            elif index < len(lines):
                lines[index] = line
        return "\n".join(line for line in lines if line.strip())

    @property
    def unsaved(self) -> bool:
        return self.draft_text() != self.opened_with

    def changed(self) -> None:
        """Keep what the editor holds as the question's draft (saved within a second, and on quit)."""
        if self.drafts is not None:
            self.drafts.typed({self.pos.key: self.draft_text() if self.unsaved else None})

    def typing(self, index: int | None) -> Callable[[str], None]:
        """For a point or row dialog: what is typed there is part of the draft."""
        def typed(line: str) -> None:
            self.pending = (index, keep_bullet(line.strip()))
            self.changed()
        return typed

    def typed_done(self) -> None:
        self.pending = None
        self.changed()

    def cursor_index(self) -> int | None:
        raise NotImplementedError

    def redraw(self, index: int | None = None) -> None:
        raise NotImplementedError

    def action_delete(self) -> None:
        index = self.cursor_index()
        if index is not None and index < len(self.entries):
            del self.entries[index]
            self.redraw(index)
            self.changed()

    def action_move(self, step: int) -> None:
        index = self.cursor_index()
        if index is None:
            return
        target = index + step
        if 0 <= target < len(self.entries):
            self.entries[index], self.entries[target] = self.entries[target], self.entries[index]
            self.redraw(target)
            self.changed()

    def action_save(self) -> None:
        if self.store(self.entries):
            if self.drafts is not None:
                self.drafts.saved()
            self.dismiss(True)

    def header(self) -> ComposeResult:
        yield Label(self.field.question, classes="dialog-title")
        yield Static("A legg til · Enter endrer · Del sletter · Ctrl+↑/↓ flytter · Ctrl+S lagrer · Esc lukker",
                     classes="hint")
        yield Static("", id="editor-error", classes="error-text")

    def show_error(self, text: str) -> None:
        self.query_one("#editor-error", Static).update(text)

    def store(self, value) -> bool:
        try:
            self.c.store(self.pos, value)
        except (ValidationError, BshpError) as exc:
            self.show_error(str(exc))
            return False
        return True

    def action_cancel(self) -> None:
        """Esc: closes at once when nothing is changed; else asks (Lagre / Forkast / Fortsett å skrive)."""
        if self.unsaved:
            ask_unsaved(self, self.action_save, self.discard)
            return
        self.dismiss(False)

    def discard(self) -> None:
        if self.drafts is not None:
            self.drafts.discard()
        self.dismiss(False)


class ListEditor(_Editor):
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
        text = await self.app.push_screen_wait(TextDialog("Endre punktet", self.entries[index]["tekst"],
                                                          on_change=self.typing(index)))
        if text and text.strip():
            self.entries[index] = {"id": self.entries[index]["id"], "tekst": text.strip()}  # same id: a rename
            self.redraw(index)
        self.typed_done()

    def cursor_index(self) -> int | None:
        return self.query_one(ListView).index


class TableEditor(fitted_table.RefitsTables, _Editor):
    """`unread`: lines typed in the chat that could not be read; each opens in the row dialog with
    the reason by its cell, and until it is put right (R) or taken out (X) the table is not saved."""

    BINDINGS = [Binding("r", "fix_unread", "Rett linje", show=False),
                Binding("x", "drop_unread", "Ta ut linje", show=False)]

    def __init__(self, c: Conductor, pos: Position, entries: list[dict] | None = None,
                 unread: list[UnreadRow] | None = None):
        super().__init__(c, pos, entries)
        self.unread = list(unread or [])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield from self.header()
            yield DataTable(id="rows", cursor_type="row", zebra_stripes=True)
            yield Static("", id="total", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fit_tables()
        self.query_one(DataTable).focus()

    def shown(self) -> None:
        if self.unread:
            self.action_fix_unread()

    def draft_text(self) -> str:
        lines = [line for line in super().draft_text().split("\n") if line]
        for row in sorted(self.unread, key=lambda u: u.at, reverse=True):  # as typed, where typed
            lines.insert(min(row.at, len(lines)), row.text)
        return "\n".join(lines)

    @work
    async def action_fix_unread(self) -> None:
        """The lines that could not be read, one by one in the row dialog; Esc leaves the rest for later."""
        while self.unread:
            line = self.unread.pop(0)
            self.show_unread()
            row = await self.app.push_screen_wait(RowDialog(
                self.c, self.field, None, self.typing(None), cells=line.cells, error=line.error,
                heading=f"Linje {line.line} fra feltet kunne ikke leses: rett den her"))
            if not row:
                self.unread.insert(0, line)
                self.typed_done()
                break
            self.insert_row(min(line.at, len(self.entries)), row)
            self.typed_done()
        self.show_unread()

    def insert_row(self, at: int, row: dict) -> None:
        """A row put right goes where its line was, with the id reading the whole text would give it."""
        rows = self.entries[:at] + [row] + self.entries[at:]
        bare = [{k: v for k, v in r.items() if k != "id"} for r in rows]
        taken = {e["id"] for e in self.entries if "id" in e}
        wanted = merge_rows(self.c.value(self.pos), bare, self.field.columns)[at]["id"]
        rows[at] = {"id": wanted if wanted not in taken else new_id(taken), **row}
        self.entries = rows
        self.unread = [u.replace(at=u.at + 1) if u.at >= at else u for u in self.unread]
        self.redraw(at)

    def action_drop_unread(self) -> None:
        """X: the first line that could not be read is taken out (what is saved is what the table shows)."""
        if self.unread:
            self.unread.pop(0)
            self.changed()
            self.show_unread()

    def show_unread(self) -> None:
        if not self.unread:
            self.show_error("")
            return
        first = self.unread[0]
        if len(self.unread) == 1:
            self.show_error(f"Linje {first.line} fra feltet er ikke med i tabellen ennå: {first.error} "
                            "Trykk R for å rette den, eller X for å ta den ut.")
            return
        numbers = ", ".join(str(u.line) for u in self.unread)
        self.show_error(f"{len(self.unread)} linjer fra feltet er ikke med i tabellen ennå (linje {numbers}). "
                        f"Linje {first.line}: {first.error} Trykk R for å rette dem en etter en, eller X for å "
                        f"ta ut linje {first.line}.")

    def redraw(self, index: int | None = None) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row if index is None else index
        rows = []
        for row in self.entries:
            cells = []
            for col in self.field.columns:
                text = kinds.column_kind(col.kind).input_text(self.c.cell(self.field, row, col.id))
                if self.c.is_orphan_cell(self.field, row, col.id):
                    text += " (slettet)"
                cells.append(text)
            rows.append(cells)
        fitted_table.fill(table, [c.label for c in self.field.columns], rows, table.scrollable_content_region.width)
        if self.entries:
            table.move_cursor(row=max(0, min(keep or 0, len(self.entries) - 1)))
        sum_column = self.field.column(self.field.sum_column) if self.field.sum_column else None
        if sum_column is not None and self.field.ref_id == R.ACTION_PLAN.field:
            # drift per year counts only in the years a measure runs: the total follows the plan period
            cost = total_text(self.entries, session_years(self.c))
            self.query_one("#total", Static).update(f"Samlet kostnad: {cost}")
        elif sum_column is not None:
            total = sum(v for r in self.entries if isinstance(v := r.get(sum_column.id), (int, float)))
            label = sum_column.label
            self.query_one("#total", Static).update(f"Sum {label.lower()}: {format_number(total)}")

    @work
    async def action_add(self) -> None:
        row = await self.app.push_screen_wait(RowDialog(self.c, self.field, None, self.typing(None)))
        if row:
            self.entries = merge_rows(self.entries, self.entries + [row], self.field.columns)
            self.redraw(len(self.entries) - 1)
        self.typed_done()

    @on(DataTable.RowSelected)
    @work
    async def edit_row(self) -> None:
        index = self.query_one(DataTable).cursor_row
        if index is None or index >= len(self.entries):
            return
        row = await self.app.push_screen_wait(RowDialog(self.c, self.field, self.entries[index], self.typing(index)))
        if row:
            row["id"] = self.entries[index]["id"]
            self.entries[index] = row
            self.redraw(index)
        self.typed_done()

    def cursor_index(self) -> int | None:
        return self.query_one(DataTable).cursor_row if self.entries else None

    def store(self, value) -> bool:
        """Refused while a line typed in the chat could not be read, or a new or changed row lacks a
        cell its column requires (the row is named, and the cursor goes to it)."""
        if self.unread:
            self.show_unread()
            return False
        found = first_missing(self.field, value, self.c.value(self.pos))
        if found is not None:
            n, col = found
            self.show_error(f"Rad {n}: {kinds.column_kind(col.kind).missing_text(col)} "
                            "Trykk Enter på raden for å fylle den inn.")
            self.query_one(DataTable).move_cursor(row=n - 1)
            return False
        return super().store(value)


def _matrix(c: Conductor, pos: Position, read_only: bool) -> Screen:
    from ..screens.views import MatrixEditor

    return MatrixEditor(c, c.field(pos), read_only=read_only)


# The structured editor of each field kind that has one (Ctrl+E); other kinds are edited in the input.
# The list and table editors open with the entries the input shows (typed or suggested, not yet sent).
EDITORS: dict[str, Callable[[Conductor, Position, bool, list[dict] | None], Screen]] = {
    "liste": lambda c, pos, read_only, entries: ListEditor(c, pos, entries),
    "tabell": lambda c, pos, read_only, entries: TableEditor(c, pos, entries),
    "vurdering": lambda c, pos, read_only, entries: _matrix(c, pos, read_only),
}
OPENS_WITH_INPUT = {"liste", "tabell"}


def has_editor(c: Conductor, pos: Position) -> bool:
    return c.field(pos).kind in EDITORS


def opens_with_input(c: Conductor, pos: Position) -> bool:
    return c.field(pos).kind in OPENS_WITH_INPUT


def editor_for(c: Conductor, pos: Position, read_only: bool = False,
               entries: list[dict] | None = None) -> Screen | None:
    make = EDITORS.get(c.field(pos).kind)
    return make(c, pos, read_only, entries) if make else None
