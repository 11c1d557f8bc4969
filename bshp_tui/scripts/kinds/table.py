"""tabell: rows with named columns, stored as
[{"id": "...", "<column>": "text or number", "refs": {"<column>": "item-id"}}].

The group types one row per line with the columns separated by semicolons. A row keeps its id
when its content or its position stays, so answers that point at a row follow it.
"""

from __future__ import annotations

from typing import Any

from .. import values as V
from ..model import Column
from ..values import ValidationError
from .base import Kind, plain_text, wrong
from .columns import cell_value, column_kind, refs_problem
from .listing import entry_problem, keep_bullet, readable_entry


class Table(Kind):
    name = "tabell"
    description = "rader med navngitte kolonner"
    order = 70
    keys = frozenset({"kolonner", "sum", "standard"})
    list_keys = frozenset({"kolonner", "standard"})
    gives_items = True
    items_by_column = True
    one_entry_per_line = True
    expected = "en liste med rader"

    def load(self, fld, block) -> None:
        seen: set[str] = set()
        for item, line in block.items("kolonner", "kolonnene i tabellen"):
            col = block.column(item, line)
            if col is None:
                continue
            if col.id in seen:
                block.error(line, f"kolonnen «{col.id}» står to ganger")
            seen.add(col.id)
            fld.columns.append(col)
        entry = block.entry("sum")
        if entry is not None:
            fld.sum_column = str(entry.value)
            col = fld.column(fld.sum_column)
            if col is None:
                block.error(entry.line, f"«sum:» viser til kolonnen «{fld.sum_column}», som ikke finnes i tabellen")
            elif col.kind != "tall":
                block.error(entry.line, f"«sum:» viser til kolonnen «{fld.sum_column}», som ikke er av typen tall")

    # -- parsing -----------------------------------------------------------------------------

    def parse(self, c, pos, fld, raw: str) -> list[dict]:
        old = c.value(pos)
        unchanged = self._rows_by_line(c, fld, old if isinstance(old, list) else [])
        rows = []
        for n, line in enumerate(V.split_lines(raw), start=1):
            if unchanged.get(line):
                # A row left as the input showed it keeps its stored value exactly, even where a
                # cell holds a semicolon or a tab that would split it if it were read again.
                row = dict(unchanged[line].pop(0))
                for col in fld.columns:  # a cell naming an item takes the item's name of today
                    if col.ref and isinstance(row.get("refs"), dict) and col.id in row["refs"]:
                        row[col.id] = self.cell(c, fld, row, col.id)
                rows.append(row)
                continue
            cells = V.parse_row(line, fld.columns)
            if not any(cells):
                continue
            try:
                rows.append(self.parse_row(c, fld, cells))
            except ValidationError as exc:
                raise ValidationError(f"Linje {n}: {exc}") from None
        return V.merge_rows(c.value(pos), rows, fld.columns)

    def _rows_by_line(self, c, fld, rows: list) -> dict[str, list[dict]]:
        """The stored rows by the line the input shows for them (rows that show as one line)."""
        out: dict[str, list[dict]] = {}
        for row in rows:
            if not isinstance(row, dict):
                continue
            lines = V.split_lines(keep_bullet(self.row_input_text(c, fld, row)))
            if len(lines) == 1:
                out.setdefault(lines[0], []).append(row)
        return out

    def parse_row(self, c, fld, cells: list[str], old: dict | None = None) -> dict:
        """One row from the text of its cells (in column order). A `fra` cell left as it was in
        `old` keeps following the item it named."""
        row: dict[str, Any] = {}
        refs: dict[str, str] = {}
        for col, cell in zip(fld.columns, cells):
            value, ref = column_kind(col.kind).parse_cell(cell, col, c.items(col.ref) if col.ref else [])
            row[col.id] = value
            if not ref and old is not None and col.ref:
                previous = old.get("refs")
                kept = previous.get(col.id) if isinstance(previous, dict) else None
                if isinstance(kept, str) and value == self.cell(c, fld, old, col.id):
                    ref = kept
            if ref:
                refs[col.id] = ref
        if refs:
            row["refs"] = refs
        return row

    def missing_cell(self, fld, value: Any, before: Any) -> str | None:
        """«Linje 2: Tidspunkt må fylles ut …» for the first row, new or changed since `before`,
        without a cell its column requires (`| påkrevd`). Rows stored as they are stay accepted:
        rows kept from before the column was required are the group's answer too."""
        found = first_missing(fld, value, before)
        if found is None:
            return None
        n, col = found
        return f"Linje {n}: {column_kind(col.kind).missing_text(col)}"

    # -- text --------------------------------------------------------------------------------

    def cell(self, c, fld, row: dict, column_id: str) -> Any:
        return cell_value(c, fld, row, column_id)

    def row_input_text(self, c, fld, row: dict) -> str:
        return V.join_cells(column_kind(col.kind).input_text(self.cell(c, fld, row, col.id)) for col in fld.columns)

    def row_text(self, c, fld, row: dict) -> str:
        """A row for reading: «Kolonne: verdi; ...», leaving out empty cells."""
        cells = []
        for col in fld.columns:
            shown = column_kind(col.kind).display(self.cell(c, fld, row, col.id))
            if shown != "":
                cells.append(f"{col.label}: {shown}")
        return "; ".join(cells)

    def _input_text(self, c, fld, value: Any) -> str:
        return "\n".join(keep_bullet(self.row_input_text(c, fld, row)) for row in value)

    def _display_text(self, c, fld, value: Any) -> str:
        return "\n".join(f"- {self.row_text(c, fld, row)}" for row in value)

    def question_hint(self, c, fld) -> str:
        """How to write the rows, and the values a choice column allows (said before anyone types)."""
        choices = "".join(f" «{col.label}» er en av: {', '.join(col.options)}." for col in fld.columns if col.options)
        required = "".join(f" «{col.label}» må fylles ut." for col in fld.columns if col.required)
        return (
            "*Én rad per linje, kolonnene skilt med semikolon: "
            + "; ".join(col.label for col in fld.columns)
            + "."
            + choices
            + required
            + " Eller åpne tabellen med Ctrl+E.*"
        )

    def default_text(self, c, pos, fld) -> str:
        return seed_rows(c, pos, fld) or super().default_text(c, pos, fld)

    # -- state -------------------------------------------------------------------------------

    def entries(self, value: Any, column: str | None = None) -> list[tuple[str, str]]:
        if not isinstance(value, list):
            return []
        out = []
        for row in value:
            if isinstance(row, dict) and isinstance(row.get("id"), str):
                cell = row.get(column or "", "")
                text = ("" if cell is None else str(cell)).strip()
                if text:
                    out.append((row["id"], text))
        return out

    def _readable(self, value: Any, fld) -> list[dict]:
        first = fld.columns[0].id if fld.columns else "tekst"
        out = []
        for entry in value if isinstance(value, list) else [value]:
            row = readable_entry(entry, first)
            if row is None:
                continue
            for col in fld.columns:
                if col.id in row and column_kind(col.kind).stored_problem(row[col.id], col) is not None:
                    row[col.id] = plain_text(row[col.id])
            if "refs" in row and refs_problem(row["refs"]) is not None:
                del row["refs"]  # the cell keeps its text; only the link to the item is unreadable
            out.append(row)
        return out

    def _stored_problem(self, value: Any, fld) -> str | None:
        if not isinstance(value, list):
            return wrong(self.expected, value)
        for n, row in enumerate(value, start=1):
            where = f"rad {n}: "
            problem = entry_problem(row, where)
            if problem:
                return problem
            for col in fld.columns:
                problem = column_kind(col.kind).stored_problem(row.get(col.id), col)
                if problem:
                    return f"{where}kolonnen «{col.id}»: {problem}"
            if "refs" in row:
                problem = refs_problem(row["refs"])
                if problem:
                    return where + problem
        return None


def first_missing(fld, rows: Any, before: Any) -> tuple[int, Column] | None:
    """The first row (counted from 1), new or changed since `before`, without a cell its column
    requires, and that column."""
    required = [col for col in fld.columns if col.required]
    if not required or not isinstance(rows, list):
        return None
    kept = [r for r in before if isinstance(r, dict)] if isinstance(before, list) else []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or row in kept:
            continue
        for col in required:
            if str(row.get(col.id) or "").strip() == "":
                return n, col
    return None


def seed_rows(c, pos, fld) -> str:
    """For an action-plan table in a step repeated per goal area: one row per measure the group
    gathered for the same goal area, best-ranked first."""
    if pos.item is None:
        return ""
    for col in fld.columns:
        if col.ref and c.repeat_of.get(col.ref) == c.step(pos).repeat:
            rank = c.measure_rank()
            same = [i for i in c.items(col.ref) if i.parent == pos.item]
            same.sort(key=lambda i: rank.get(i.id, len(rank)))
            return "\n".join(
                V.join_cells(item.text if other.id == col.id else "" for other in fld.columns) for item in same
            )
    return ""
