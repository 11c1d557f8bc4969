"""Answers as document blocks, the same way for every field, and a record of what was placed.

The document builder uses this for every answer a prompt file binds to a section (and for the
catch-all in the background document). Every answer key that reaches a document tree is recorded
in `placed`; whatever was answered and never placed is reported after the export.
All value display goes through `answer_text` and `cell_display`.
"""

from __future__ import annotations

from typing import Any

from ..guide import measures as H
from ..guide.answer_text import display_value
from ..guide.conductor import Conductor, answer_key
from ..scripts import kinds
from ..scripts import refs as R
from ..scripts.kinds import column_kind
from ..scripts.kinds.base import plain_text
from ..scripts.model import Column, Field
from ..scripts.values import Item, dashed_year_spans, format_number, is_empty
from . import ast as A


def cell_display(col: Column | None, value: Any) -> str:
    """A table cell for reading: numbers and dates the Norwegian way."""
    return column_kind(col.kind if col is not None else "tekst").display(value)


def column_widths(kinds: list[str]) -> list[float]:
    """Relative widths: numbers and dates narrow, text columns share the rest."""
    narrow = {"tall": 0.08, "dato": 0.13}
    fixed = sum(narrow.get(k, 0) for k in kinds)
    text_cols = sum(1 for k in kinds if k not in narrow) or 1
    share = max(0.1, (1.0 - fixed) / text_cols)
    return [narrow.get(k, share) for k in kinds]


def label_text(fld: Field) -> str:
    """What an answer is called in the documents: its `etikett`, or the question."""
    return fld.doc_label or fld.question.strip()


class FieldRenderer:
    def __init__(self, conductor: Conductor):
        self.c = conductor
        self.s = conductor.session
        self.answers = conductor.session.answers()  # read once: a document reads many answers
        self.placed: set[str] = set()
        self.missing: list[str] = []

    # -- tracking ----------------------------------------------------------------------------

    def placeholder(self, what: str) -> A.Node:
        if what not in self.missing:  # the list after the export names each thing once
            self.missing.append(what)
        return A.emph(A.text(f"[Ikke utfylt: {what}]"))

    def value(self, fld: Field, item: str | None = None) -> Any:
        """A field's answer as stored (every read of an answer in the documents goes through here)."""
        return self.answers.get(answer_key(fld.script_id, fld.id, item))

    def take(self, fld: Field, item: str | None = None) -> Any:
        """A field's answer in its kind's shape, recorded as placed (the caller puts it in the
        document)."""
        value = self.value(fld, item)
        if not is_empty(value):
            self.placed.add(answer_key(fld.script_id, fld.id, item))
        return kinds.readable(fld, value)

    # -- one field ---------------------------------------------------------------------------

    def field_blocks(
        self,
        fld: Field,
        item: Item | None = None,
        suffix: str = "",
        show_label: bool | None = None,
        total_label: str | None = None,
        context: str = "",
    ) -> list[A.Node]:
        """One answer as blocks: a label (or none) and the value; a placeholder when a required
        field is empty (named by its label, the `suffix` and the `context`)."""
        show = fld.show_label if show_label is None else show_label
        label = label_text(fld) + suffix if show else ""
        key = item.id if item else None
        value = self.value(fld, key)
        if not is_empty(value):
            self.placed.add(answer_key(fld.script_id, fld.id, key))
            if kinds.for_field(fld).stored_problem(value, fld) is not None:
                # a value of the wrong shape for its kind (a hand-edited file) is shown as its text
                return [A.para(self._lead(label or label_text(fld), True) + A.text(plain_text(value)))]
        inline = bool(fld.doc_label)  # a short label goes in front of the value: "Mandat: …"
        if is_empty(value):
            if not fld.required:
                return []
            what = label_text(fld) + suffix + (f" {context}" if context else "")
            return [A.para(self._lead(label, inline) + [self.placeholder(what)])]
        kind = fld.kind
        if kind == "tekst":
            text = display_value(self.c, fld, value)
            if fld.ref_id in (R.LONG_TERM_HORIZON.field, R.PLAN_PERIOD.field):  # years, as the documents write them
                text = dashed_year_spans(text)
            parts = [p.strip() for p in text.split("\n\n") if p.strip()] or [""]
            if label and inline:
                first = A.para(self._lead(label, True) + A.text(parts[0]))
                return [first] + [A.para(A.text(p)) for p in parts[1:]]
            return self._label_para(label) + [A.para(A.text(p)) for p in parts]
        if kind == "liste":
            entries = [i.get("tekst", "") for i in value if isinstance(i, dict) and i.get("tekst")]
            return self._label_para(label, colon=inline) + [A.bullets([[A.plain(A.text(e))] for e in entries])]
        if kind == "tabell":
            rows = [r for r in value if isinstance(r, dict)]
            return self._label_para(label) + [self.table(fld, rows, item.id if item else None, total_label)]
        shown = display_value(self.c, fld, value)
        if label and inline:
            return [A.para(self._lead(label, True) + A.text(shown))]
        return self._label_para(label) + [A.para(A.text(shown))]

    @staticmethod
    def _lead(label: str, inline: bool) -> list[A.Node]:
        if not label:
            return []
        return [A.strong(A.text(label + (":" if inline else ""))), {"t": "Space"} if inline else {"t": "LineBreak"}]

    @staticmethod
    def _label_para(label: str, colon: bool = False) -> list[A.Node]:
        return [A.para([A.strong(A.text(label + (":" if colon else "")))])] if label else []

    def sum_text(self, fld: Field, rows: list[dict], item: str | None) -> str:
        """The total of a table's `sum` column, for its total row."""
        return format_number(
            H.table_total(self.c, fld.ref_id, fld.sum_column or "", item)
            if item
            else H.column_sum(rows, fld.sum_column or "")
        )

    def table(self, fld: Field, rows: list[dict], item: str | None, total_label: str | None = None) -> A.Node:
        """A table answer as a real table, with a total row for its `sum` column."""
        head = [A.cell_text(col.label) for col in fld.columns]
        body = [[A.cell_text(cell_display(col, self.c.cell(fld, row, col.id))) for col in fld.columns] for row in rows]
        foot = None
        if fld.sum_column:
            total = self.sum_text(fld, rows, item)
            foot = [
                A.cell_text(total_label or "Sum") if n == 0 else A.cell_text(total) if col.id == fld.sum_column else []
                for n, col in enumerate(fld.columns)
            ]
        return A.table(head, body, foot, widths=column_widths([c.kind for c in fld.columns]))
