"""The table editor (Ctrl+E on a table question): the rows in a table, each edited in the row
dialog, with the column totals under it."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...guide.answer_text import UnreadRow
from ...guide.conductor import Conductor, Position
from ...guide.costs import session_years, total_text
from ...scripts import kinds
from ...scripts import refs as R
from ...scripts.kinds.table import first_missing
from ...scripts.values import format_number, merge_rows, new_id
from ..widgets import fitted_table
from ..widgets.footer import KeyFooter
from .entries_editor import EntriesEditor
from .row_dialog import RowDialog


class TableEditor(fitted_table.RefitsTables, EntriesEditor):
    """`unread`: lines typed in the chat that could not be read; each opens in the row dialog with
    the reason by its cell, and until it is put right (R) or taken out (X) the table is not saved."""

    BINDINGS = [
        Binding("r", "fix_unread", "Rett linje", show=False),
        Binding("x", "drop_unread", "Ta ut linje", show=False),
    ]

    def __init__(
        self, c: Conductor, pos: Position, entries: list[dict] | None = None, unread: list[UnreadRow] | None = None
    ):
        super().__init__(c, pos, entries)
        self.unread = list(unread or [])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield from self.header()
            yield DataTable(id="rows", cursor_type="row", zebra_stripes=True)
            yield Static("", id="total", classes="hint", markup=False)  # a column label from the prompt file
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
            row = await self.app.push_screen_wait(
                RowDialog(
                    self.c,
                    self.field,
                    None,
                    self.typing(None),
                    cells=line.cells,
                    error=line.error,
                    heading=f"Linje {line.line} fra feltet kunne ikke leses: rett den her",
                )
            )
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

    def settle_error(self) -> None:
        self.show_unread()  # what still stands: the lines from the chat that could not be read

    def show_unread(self) -> None:
        if not self.unread:
            self.show_error("")
            return
        first = self.unread[0]
        if len(self.unread) == 1:
            self.show_error(
                f"Linje {first.line} fra feltet er ikke med i tabellen ennå: {first.error} "
                "Trykk R for å rette den, eller X for å ta den ut."
            )
            return
        numbers = ", ".join(str(u.line) for u in self.unread)
        self.show_error(
            f"{len(self.unread)} linjer fra feltet er ikke med i tabellen ennå (linje {numbers}). "
            f"Linje {first.line}: {first.error} Trykk R for å rette dem en etter en, eller X for å "
            f"ta ut linje {first.line}."
        )

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
            self.show_error(
                f"Rad {n}: {kinds.column_kind(col.kind).missing_text(col)} Trykk Enter på raden for å fylle den inn."
            )
            self.query_one(DataTable).move_cursor(row=n - 1)
            return False
        return super().store(value)
