"""Column kinds of a table (`kolonner:` in a tabell field): what a cell holds and how it reads.

id: Label               tekst (the default)
id: Label | tall        a number
id: Label | dato        a year, month or day
id: Label | år          years: one (2027), a span (2027–2029) or a list (2027, 2029)
id: Label | valg A, B   one of the listed words
id: Label | fra FELT    an item of a list field; the row remembers the item's id in "refs"
                        and shows the item's current text
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import values as V
from ..model import Column
from ..values import Item, ValidationError
from .base import describe, is_number, is_text, wrong

if TYPE_CHECKING:
    from ...guide.conductor import Conductor


def row_refs(row: dict) -> dict:
    """The row's item references, whatever the file holds."""
    refs = row.get("refs")
    return refs if isinstance(refs, dict) else {}


def is_blank(value: Any) -> bool:
    return value is None or value == ""


class ColumnKind:
    name = ""
    takes_argument = False
    expected = "tekst"

    def column(self, cid: str, label: str, argument: str, fail: Callable[[str], None]) -> Column | None:
        """The column for `id: Label | <name> <argument>`; `fail` reports a problem."""
        return Column(cid, label, self.name)

    def parse(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        """A cell's value and, for a `fra` column, the id of the item it names."""
        return text, None

    def parse_cell(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        if not text:
            return "", None
        try:
            return self.parse(text, col, items)
        except ValidationError as exc:
            raise ValidationError(f"{col.label}: {exc}") from None

    def current(self, c: Conductor, col: Column, row: dict) -> Any:
        """The cell's value now."""
        return row.get(col.id, "")

    def is_orphan(self, c: Conductor, col: Column, row: dict) -> bool:
        """Whether the cell names an item that no longer exists."""
        return False

    def hint(self, col: Column) -> str:
        """What to write, after the column's label in the row editor."""
        return ""

    def missing_text(self, col: Column) -> str:
        """The message for a row without a cell its column requires (`| påkrevd`)."""
        return f"{col.label} må fylles ut{self.hint(col)}."

    def input_text(self, value: Any) -> str:
        """The cell as the group would type it."""
        if is_blank(value):
            return ""
        if is_number(value):
            return V.format_number(value, exact=True)
        return value if isinstance(value, str) else plain(value)

    def display(self, value: Any) -> str:
        """The cell for reading (transcript, documents, the table editor)."""
        if is_blank(value):
            return ""
        return value if isinstance(value, str) else plain(value)

    def stored_problem(self, value: Any, col: Column) -> str | None:
        if is_blank(value) or is_text(value):
            return None
        return wrong(self.expected, value)


def plain(value: Any) -> str:
    from .base import plain_text

    return plain_text(value)


class TextColumn(ColumnKind):
    name = "tekst"


class NumberColumn(ColumnKind):
    name = "tall"
    expected = "et tall"

    def parse(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        return V.parse_number(text), None

    def hint(self, col: Column) -> str:
        return " – skriv et tall"  # after labels that may have their own brackets: «Investering (kr)»

    def display(self, value: Any) -> str:
        return V.format_number(value) if is_number(value) else super().display(value)

    def stored_problem(self, value: Any, col: Column) -> str | None:
        if is_blank(value) or is_number(value):
            return None
        return wrong(self.expected, value)


class DateColumn(ColumnKind):
    name = "dato"
    expected = "en dato skrevet som tekst"

    def parse(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        return V.parse_date(text), None

    def hint(self, col: Column) -> str:
        return " (år, måned eller dato)"

    def display(self, value: Any) -> str:
        return V.format_date(value) if isinstance(value, str) and value else super().display(value)

    def input_text(self, value: Any) -> str:
        """As it reads («mars 2027», «3. mars 2027»), which is also a way to type it."""
        return V.format_date(value) if isinstance(value, str) and value else super().input_text(value)


class YearsColumn(ColumnKind):
    name = "år"
    expected = "årstall skrevet som tekst"

    def parse(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        return format_years(parse_years(text)), None

    def hint(self, col: Column) -> str:
        return " (år, som 2027 eller 2027–2029)"


YEARS_HELP = "Skriv år som 2027, 2027–2029 eller 2027, 2029."


def parse_years(text: str) -> list[int]:
    """The years a cell names: «2027», «2027–2029», «2027-29», «2027, 2029» or «2027 og 2029»."""
    years: list[int] = []
    for part in re.split(r",|\bog\b|/", text):
        part = part.strip()
        if not part:
            continue
        span = re.fullmatch(r"(\d{4})\s*[-–—]\s*(\d{2}|\d{4})", part)
        if span:
            first = int(span[1])
            last = int(span[2]) if len(span[2]) == 4 else first // 100 * 100 + int(span[2])
            if last < first or last - first > 30:
                raise ValidationError(f"«{part}» er ikke et gyldig tidsrom. {YEARS_HELP}")
            years += range(first, last + 1)
        elif re.fullmatch(r"\d{4}", part):
            years.append(int(part))
        else:
            raise ValidationError(f"«{part}» er ikke et årstall. {YEARS_HELP}")
    if not years:
        raise ValidationError(f"Fant ingen årstall. {YEARS_HELP}")
    return sorted(set(years))


def format_years(years: list[int]) -> str:
    """Years written back: a run of consecutive years as a span."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(V.year_span(r[0], r[-1]) for r in runs)


class ChoiceColumn(ColumnKind):
    name = "valg"
    takes_argument = True

    def column(self, cid: str, label: str, argument: str, fail: Callable[[str], None]) -> Column | None:
        options = tuple(o.strip() for o in argument.split(",") if o.strip())
        if len(options) < 2:
            fail(f"kolonnen «{cid}» må ha minst to valg, som «| valg intern, ekstern»")
            return None
        return Column(cid, label, self.name, None, options)

    def parse(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        for option in col.options:
            if text.lower() == option.lower():
                return option, None
        raise ValidationError(f"«{text}» er ikke et gyldig valg (velg {', '.join(col.options)}).")

    def hint(self, col: Column) -> str:
        return f" ({', '.join(col.options)})"


class ItemColumn(ColumnKind):
    name = "fra"
    takes_argument = True

    def column(self, cid: str, label: str, argument: str, fail: Callable[[str], None]) -> Column | None:
        if not argument:
            fail(f"kolonnen «{cid}» må si hvilket felt punktene kommer fra, som «| fra gap.tiltak»")
            return None
        argument = argument.lower()
        return Column(cid, label, self.name, argument if "." in argument else "." + argument)

    def parse(self, text: str, col: Column, items: list[Item]) -> tuple[Any, str | None]:
        low = text.lower()
        for item in items:
            if item.text.lower() == low:
                return item.text, item.id
        return text, None

    def _ref(self, col: Column, row: dict) -> str | None:
        ref = row_refs(row).get(col.id)
        return ref if isinstance(ref, str) and ref and col.ref else None

    def current(self, c: Conductor, col: Column, row: dict) -> Any:
        ref = self._ref(col, row)
        if ref is not None and col.ref:
            text = c.item_text(col.ref, ref)
            if text is not None:
                return text
        return row.get(col.id, "")

    def is_orphan(self, c: Conductor, col: Column, row: dict) -> bool:
        ref = self._ref(col, row)
        return ref is not None and col.ref is not None and c.item_text(col.ref, ref) is None

    def hint(self, col: Column) -> str:
        return " (skriv navnet på et tiltak fra lista, eller et nytt)"


def cell_value(c: Conductor, fld, row: Any, column_id: str) -> Any:
    """A table cell's current value: a cell that names an item follows renames; a cell whose item
    was deleted keeps its last text."""
    if not isinstance(row, dict):
        return ""
    col = fld.column(column_id)
    if col is None:
        return row.get(column_id, "")
    return column_kind(col.kind).current(c, col, row)


COLUMN_KINDS: dict[str, ColumnKind] = {
    k.name: k for k in (TextColumn(), NumberColumn(), DateColumn(), YearsColumn(), ChoiceColumn(), ItemColumn())
}


def column_kind(name: str) -> ColumnKind:
    """The column kind called `name`; an unknown name reads as text."""
    return COLUMN_KINDS.get(name, COLUMN_KINDS["tekst"])


def refs_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return wrong("et objekt med kolonne-id og punkt-id", value, "«refs»: ")
    for key, ref in value.items():
        if not isinstance(ref, str):
            return f"«refs»: «{key}» skal være id-en til et punkt (tekst), men er {describe(ref)}"
    return None
