"""utvalg: one or several items of an earlier list or table field (`fra:`, and `kolonne:` for a
table), stored as the item id, or a list of item ids with `flere: ja`."""

from __future__ import annotations

from collections import Counter
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


def item_labels(c, ref: str, column: str | None = None) -> list[tuple[str, str]]:
    """(id, label) for each item the group can choose from `ref`. An item that shares its text with
    another (a measure of the same name under two goal areas) is told apart by the item of the
    list its step repeats over («Flere boliger (Kommunale boliger)»), and where that is not enough,
    by a number («Flere boliger (2)»). Typed back, each label names exactly one item."""
    items = c.items(ref, column)
    source = c.repeat_of.get(ref)
    parents = {i.id: i.text for i in c.items(source)} if source else {}
    shared = Counter(_same(i.text) for i in items)
    labels = [
        f"{i.text} ({parents[i.parent]})" if shared[_same(i.text)] > 1 and parents.get(i.parent or "") else i.text
        for i in items
    ]
    still = Counter(_same(label) for label in labels)
    seen: Counter = Counter()
    out = []
    for item, label in zip(items, labels):
        if still[_same(label)] > 1:
            seen[_same(label)] += 1
            label = f"{label} ({seen[_same(label)]})"
        out.append((item.id, label))
    return out


def _same(text: str) -> str:
    return text.strip().lower()


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
        options = item_labels(c, fld.ref or "", fld.ref_column)
        if not options:
            raise ValidationError("Det er ingen punkter å velge blant ennå. Fyll inn det tidligere steget først.")
        return V.choose(raw, options, fld.multiple)

    def question_hint(self, c, fld) -> str:
        options = item_labels(c, fld.ref or "", fld.ref_column)
        return (
            "\n".join(f"{n}. {md_escape(label)}" for n, (_, label) in enumerate(options, start=1))
            or "*(ingen punkter ennå)*"
        )

    def _input_text(self, c, fld, value: Any) -> str:
        ids = value if isinstance(value, list) else [value]
        labels = dict(item_labels(c, fld.ref or "", fld.ref_column))
        return ", ".join(labels.get(i, "(slettet)") for i in ids)

    def _stored_problem(self, value: Any, fld) -> str | None:
        if is_text(value):
            return None
        if isinstance(value, list):
            return text_list_problem(value, "en liste med id-er til punkter", "punkt")
        return wrong("id-en til et punkt, eller en liste med id-er", value)

    def _readable(self, value: Any, fld) -> Any:
        return text_list(value) if isinstance(value, list) else plain_text(value)
