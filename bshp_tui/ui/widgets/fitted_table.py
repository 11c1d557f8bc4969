"""Tables whose columns fit the width they have: each column as wide as its content when there is
room, else the widest columns narrowed and their text wrapped over several lines (nothing cut off,
no sideways scrolling). Used by the table editor, the matrix and the agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

if TYPE_CHECKING:
    from textual.screen import Screen

    _ScreenPart = Screen
else:
    _ScreenPart = object  # a mixin: a second Screen base would reorder the screen's default CSS

MIN_COLUMN = 8  # a header word longer than this may be broken when the room is short
MAX_MINIMUM = 16  # a longer word in a cell is broken rather than hide the columns after it
NARROW_WORD = 5  # ... and when even that does not fit, shorter ones, down to this
PADDING = 2  # DataTable's cell padding, one column on each side
VOWELS = frozenset("aeiouyæøåéèAEIOUYÆØÅÉÈ")


def fit_widths(natural: list[int], room: int, minimum: list[int], wanted: list[int] | None = None) -> list[int]:
    """Column widths (content only) that fit in `room` columns including padding: every column
    as wide as its content if that fits; else the widest are narrowed to one common cap (a column
    narrower than the cap keeps its width), never below its minimum, nor below what it `wanted`
    (its header's longest word) while that fits. If even the minimums do not fit, the table is
    wider than the room and scrolls, the last resort."""
    space = room - PADDING * len(natural)
    if sum(natural) <= space:
        return list(natural)
    least = [min(n, m) for n, m in zip(natural, minimum)]
    if wanted:
        better = [min(n, max(m, w)) for n, m, w in zip(natural, least, wanted)]
        least = better if sum(better) <= space else least

    def capped(cap: int) -> list[int]:
        return [min(n, max(m, cap)) for n, m in zip(natural, least)]

    low, high = 0, max(natural, default=0)
    while low < high:  # the widest cap that fits
        mid = (low + high + 1) // 2
        if sum(capped(mid)) <= space:
            low = mid
        else:
            high = mid - 1
    widths = capped(low)
    spare = space - sum(widths)
    for i in range(len(widths)):  # what the cap leaves, one column each to the narrowed ones
        if spare > 0 and widths[i] < natural[i]:
            widths[i] += 1
            spare -= 1
    return widths


def minimum_width(header: str, cells: list[str], word_limit: int = MAX_MINIMUM) -> int:
    """How narrow a column can be: its longest word up to `word_limit` (a header word up to
    MIN_COLUMN); a number or a date is never broken («250 000», «2027–2028»)."""
    words = [min(cell_len(w), MIN_COLUMN, word_limit) for w in header.split()]  # headers break first
    for cell in cells:
        for line in cell.split("\n"):
            if any(ch.isalpha() for ch in line):
                words += [min(cell_len(w), word_limit) for w in line.split()]
            else:
                words.append(cell_len(line))
    return max(words, default=1)


def shorten_word(word: str, width: int) -> str:
    """A header word too long for its column, shortened with a full stop where a syllable starts:
    after the first syllables that make four letters or more («Invest.», «Ansv.», «Strat.»), else
    after three («Fin.»), else cut where it has to be («Tids.»). A word that fits, or that holds a
    digit, stays whole."""
    if cell_len(word) <= width or width < 2 or any(ch.isdigit() for ch in word):
        return word
    keep = width - 1  # the full stop takes one column

    def syllable_ends(n: int) -> bool:
        return word[n - 1].isalpha() and word[n - 1] not in VOWELS and word[n] in VOWELS

    cut = next((n for n in range(4, keep + 1) if syllable_ends(n)), None)
    if cut is None:
        cut = 3 if keep >= 3 and syllable_ends(3) else keep
    return word[:cut] + "."


def short_header(header: str, width: int) -> str:
    """A column header whose every word fits `width`: it wraps between words, never inside one."""
    return " ".join(shorten_word(word, width) for word in header.split())


def fill(
    table: DataTable,
    headers: list[str],
    rows: list[list[str]],
    room: int,
    keys: list[str] | None = None,
    row_keys: list[str] | None = None,
) -> None:
    """Replace `table`'s columns and rows: widths fitted to `room`, the text of narrowed columns
    wrapped (rows grow to the lines they need; the header too)."""
    natural = [
        max([cell_len(h)] + [max((cell_len(line) for line in r[i].split("\n")), default=0) for r in rows])
        for i, h in enumerate(headers)
    ]
    columns = [[r[i] for r in rows] for i in range(len(headers))]
    # In a narrow terminal long words may be broken too: as few as needed for every column to show.
    for word_limit in range(MAX_MINIMUM, NARROW_WORD - 1, -1):
        minimum = [minimum_width(h, cells, word_limit) for h, cells in zip(headers, columns)]
        if sum(minimum) + PADDING * len(headers) <= room:
            break
    wanted = [max(m, max((cell_len(w) for w in h.split()), default=0)) for m, h in zip(minimum, headers)]
    widths = fit_widths(natural, room, minimum, wanted) if room > 0 else natural  # 0: not laid out yet
    table.clear(columns=True)
    shown = [short_header(h, w) for h, w in zip(headers, widths)]
    for n, (header, width) in enumerate(zip(shown, widths)):
        table.add_column(Text(header, overflow="fold"), width=width, key=keys[n] if keys else None)
    table.header_height = (
        max(len(Text(h, overflow="fold").wrap(table.app.console, w)) for h, w in zip(shown, widths)) if headers else 1
    )
    for n, row in enumerate(rows):
        table.add_row(
            *[Text(cell, overflow="fold") for cell in row], height=None, key=row_keys[n] if row_keys else None
        )


class RefitsTables(_ScreenPart):
    """A screen that fits its tables to its width in `redraw()`: `fit_tables()` draws them when the
    screen is mounted and again once it is laid out (when the real width is known); every resize
    draws them again."""

    def redraw(self) -> None:
        raise NotImplementedError

    def fit_tables(self) -> None:
        self.redraw()
        self.call_after_refresh(self.redraw)

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw)
