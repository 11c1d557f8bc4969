"""A scripted group that answers every field with a value found nowhere else: a unique marker per
field, per list item and per table cell, distinct numbers and dates, chosen options by label.

`distinct_walk` returns what each answer must look like in a document (as displayed), so a test
can look for every one of them.
"""

from bshp_tui.export.render import cell_display
from bshp_tui.guide.answer_text import display_value, initial_text
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.refs import PLAN_PERIOD
from bshp_tui.scripts.values import format_date


class Walker:
    def __init__(self, c: Conductor):
        self.c = c
        self.n = 0
        self.expected: list[tuple[str, str]] = []  # (answer key, text that must be in a document)

    def marker(self, what: str) -> str:
        self.n += 1
        return f"M{self.n:03d}{what.replace('_', '')}"

    def number(self) -> int:
        self.n += 1
        return 4000 + self.n * 7

    def date(self) -> str:
        self.n += 1
        return f"{2030 + self.n // 300}-{self.n % 12 + 1:02d}-{self.n % 28 + 1:02d}"

    def answer(self, pos) -> str:
        c, fld = self.c, self.c.field(pos)
        key = pos.key
        kind = fld.kind
        if (pos.script_id, pos.field_id) == (PLAN_PERIOD.script_id, PLAN_PERIOD.field_id):
            self.n += 1
            text = f"{2040 + self.n % 50}–{2043 + self.n % 50}"  # the period question takes two years
            self.expected.append((key, text))
            return text
        if kind == "tekst":
            text = self.marker(fld.id)
            self.expected.append((key, text))
            return text
        if kind == "liste":
            items = [self.marker(fld.id) for _ in range(2)]
            self.expected += [(key, i) for i in items]
            return "\n".join(items)
        if kind == "valg":
            option = fld.options[self.n % len(fld.options)]
            self.n += 1
            self.expected.append((key, option.label))
            return option.label
        if kind == "flervalg":
            chosen = [fld.options[0], fld.options[-1]]
            self.expected += [(key, o.label) for o in chosen]
            return ", ".join(o.label for o in chosen)
        if kind == "tall":
            value = self.number()
            self.expected.append((key, display_value(c, fld, value)))
            return str(value)
        if kind == "dato":
            value = self.date()
            self.expected.append((key, format_date(value)))
            return value
        if kind == "tabell":
            seeded = [line.split(";") for line in initial_text(c, pos).splitlines()] if pos.item else []
            lines = []
            for r in range(max(2, len(seeded) if any(col.kind == "fra" for col in fld.columns) else 2)):
                cells = []
                for n, col in enumerate(fld.columns):
                    if col.kind == "fra":
                        text = seeded[r][n].strip() if r < len(seeded) else self.marker(col.id)
                        shown = text
                    elif col.kind == "tall":
                        value = self.number()
                        text, shown = str(value), cell_display(col, value)
                    elif col.kind == "dato":
                        text = self.date()
                        shown = cell_display(col, text)
                    elif col.kind == "år":
                        self.n += 1
                        text = shown = str(2100 + self.n)
                    elif col.kind == "valg":
                        text = shown = col.options[r % len(col.options)]
                    else:
                        text = shown = self.marker(col.id)
                    cells.append(text)
                    self.expected.append((key, shown))
                lines.append("; ".join(cells))
            return "\n".join(lines)
        if kind == "vurdering":
            items = c.items(fld.ref, fld.ref_column)
            return "\n".join(
                " ".join(["4 4 4 4 4", "1 2 1 1 3", "3 3 3 3 2", "2 4 3 4 1"][i % 4].split()[: len(fld.scales)])
                for i in range(len(items))
            )
        if kind == "utvalg":
            items = c.items(fld.ref, fld.ref_column)
            self.expected.append((key, items[0].text))
            return "1"
        raise AssertionError(kind)


def distinct_walk(c: Conductor, limit: int = 500) -> list[tuple[str, str]]:
    """Answer every field the cursor reaches; return (answer key, displayed text) for each value."""
    walker = Walker(c)
    pos = c.cursor()
    n = 0
    while pos is not None and n < limit:
        pos = c.submit(pos, walker.answer(pos))
        n += 1
    assert n < limit, "the walk did not finish"
    return walker.expected
