"""utvalg: one or several items of an earlier list or table field (`fra:`, and `kolonne:` for a
table), stored as the item id, or a list of item ids with `flere: ja`."""

from __future__ import annotations

from typing import Any

from .. import values as V
from ..values import ValidationError
from .base import Kind, is_text, md_escape, plain_text, text_list, text_list_problem, wrong


def load_source(fld, block) -> None:
    """`fra:` (required) and `kolonne:` (optional): where the items come from."""
    entry = block.need("fra", "feltet med punktene som skal brukes")
    if entry is not None:
        ref = str(entry.value)
        fld.ref = ref if "." in ref else "." + ref
    column = block.entry("kolonne")
    if column is not None:
        fld.ref_column = str(column.value)


class Selection(Kind):
    name = "utvalg"
    description = "valg blant punkter fra et tidligere steg"
    order = 90
    keys = frozenset({"fra", "kolonne", "flere"})
    expected = "id-en til et punkt (tekst)"

    def load(self, fld, block) -> None:
        load_source(fld, block)
        fld.multiple = block.flag("flere", False)

    def parse(self, c, pos, fld, raw: str) -> str | list[str]:
        items = c.items(fld.ref or "", fld.ref_column)
        if not items:
            raise ValidationError("Det er ingen punkter å velge blant ennå. Fyll inn det tidligere steget først.")
        return V.choose(raw, [(i.id, i.text) for i in items], fld.multiple)

    def question_hint(self, c, fld) -> str:
        items = c.items(fld.ref or "", fld.ref_column)
        return "\n".join(f"{n}. {md_escape(i.text)}" for n, i in enumerate(items, start=1)) or "*(ingen punkter ennå)*"

    def _input_text(self, c, fld, value: Any) -> str:
        ids = value if isinstance(value, list) else [value]
        items = {i.id: i.text for i in c.items(fld.ref or "", fld.ref_column)}
        return ", ".join(items.get(i, "(slettet)") for i in ids)

    def _stored_problem(self, value: Any, fld) -> str | None:
        if is_text(value):
            return None
        if isinstance(value, list):
            return text_list_problem(value, "en liste med id-er til punkter", "punkt")
        return wrong("id-en til et punkt, eller en liste med id-er", value)

    def _readable(self, value: Any, fld) -> Any:
        return text_list(value) if isinstance(value, list) else plain_text(value)
