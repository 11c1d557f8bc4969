"""One table row in a dialog: one field per column, each with what to write. The table editor
opens it to add or change a row, and for a line typed in the chat that could not be read (its
cells filled in, the reason by the cell it is about)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...guide.conductor import Conductor
from ...scripts import kinds
from ...scripts.kinds.table import Table
from ...scripts.loader import Field
from ...scripts.model import Column
from ...scripts.values import ValidationError, join_cells
from .messages import ask_unsaved


class RowDialog(ModalScreen[dict | None]):
    """Edit one table row: one field per column. What is typed is reported to `on_change` (the table
    editor keeps it as a draft); Esc with changed cells asks first. `cells` and `error`: a line that
    could not be read, shown as typed with the reason by its cell."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt"), Binding("ctrl+s", "ok", "Lagre")]

    def __init__(
        self,
        c: Conductor,
        fld: Field,
        row: dict | None,
        on_change: Callable[[str], None] | None = None,
        cells: list[str] | None = None,
        error: str = "",
        heading: str = "Rad i tabellen",
    ):
        super().__init__()
        self.c, self.fld, self.row = c, fld, dict(row or {})
        self.on_change = on_change
        self.opened_with: list[str] = []
        self.typed_cells, self.error, self.heading = cells, error, heading

    def compose(self) -> ComposeResult:

        with VerticalScroll(classes="dialog wide", id="row-fields"):
            yield Label(self.heading, classes="dialog-title")
            for n, col in enumerate(self.fld.columns):
                column_kind = kinds.column_kind(col.kind)
                # A Static wraps: a long list of choices is read whole, not cut at the dialog's edge.
                yield Static(
                    col.label + column_kind.hint(col) + (" – må fylles ut" if col.required else ""),
                    classes="row-label",
                    markup=False,
                )
                if self.typed_cells is not None:
                    text = self.typed_cells[n] if n < len(self.typed_cells) else ""
                else:
                    text = column_kind.input_text(self.c.cell(self.fld, self.row, col.id) if self.row else "")
                yield Input(text, id=f"col-{col.id}")
            yield Static("", id="row-error", classes="error-text", markup=False)  # it quotes the cells as typed
            yield Static("Enter går til neste felt · Ctrl+S lagrer raden · Esc avbryter", classes="hint")

    def on_mount(self) -> None:
        self.opened_with = self.cells()
        self.query("Input").first().focus()
        if self.error:
            self.show_error(self.error, self.failing_column(self.cells()))

    def cells(self) -> list[str]:
        return [self.query_one(f"#col-{col.id}", Input).value.strip() for col in self.fld.columns]

    def on_input_changed(self) -> None:
        if self.on_change is not None and self.opened_with:
            self.on_change(join_cells(self.cells()))

    def on_input_submitted(self, event) -> None:
        inputs = list(self.query("Input"))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_ok()

    def action_ok(self) -> None:
        cells = self.cells()
        try:
            # A `fra` cell left unchanged keeps following its item.
            kind = kinds.get(self.fld.kind)
            assert isinstance(kind, Table), "the row dialog edits rows of a table"
            row = kind.parse_row(self.c, self.fld, cells, old=self.row)
        except ValidationError as exc:
            self.show_error(str(exc), self.failing_column(cells))
            return
        missing = next(
            (col for col in self.fld.columns if col.required and str(row.get(col.id) or "").strip() == ""), None
        )
        if missing is not None:
            self.show_error(kinds.column_kind(missing.kind).missing_text(missing), missing)
            return
        if "id" in self.row:
            row = {"id": self.row["id"], **row}
        if not any(row.get(c.id) not in ("", None) for c in self.fld.columns):
            self.query_one("#row-error", Static).update(
                "Raden er tom. Fyll inn minst én kolonne, eller Esc for å avbryte."
            )
            return
        self.dismiss(row)

    def failing_column(self, cells: list[str]) -> Column | None:
        """The first column whose cell is refused on its own."""
        for col, cell in zip(self.fld.columns, cells):
            try:
                kinds.column_kind(col.kind).parse_cell(cell, col, self.c.items(col.ref) if col.ref else [])
            except ValidationError:
                return col
        return None

    def show_error(self, text: str, col: Column | None) -> None:
        """The message right under the field it is about, with the cursor there, so it is seen
        however many columns the row has."""
        error = self.query_one("#row-error", Static)
        error.update(text)
        if col is not None:
            field = self.query_one(f"#col-{col.id}", Input)
            self.query_one("#row-fields", VerticalScroll).move_child(error, after=field)
            field.focus()
        error.scroll_visible(animate=False)

    def action_cancel(self) -> None:
        if self.cells() != self.opened_with:
            ask_unsaved(self, self.action_ok, lambda: self.dismiss(None))
            return
        self.dismiss(None)
