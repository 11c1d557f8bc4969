"""What every field kind can do, and the helpers the kinds share for stored values.

A kind object is stateless: every method gets the field (and, where answers of other fields
matter, the conductor). The public text methods accept any JSON value: a value of the wrong shape
(from a hand-edited or older file) is shown as plain text instead of raising.
"""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING, Any

from ..values import is_empty

if TYPE_CHECKING:
    from ...guide.conductor import Conductor, Position
    from ..model import Field

MAX_DEPTH = 20  # deeper than any answer the app writes (a table row's refs are 4 levels down)


class Kind:
    """One field kind (the `type:` of a `felt` block)."""

    name = ""
    description = ""  # Norwegian, for the list of kinds in error messages
    order = 100  # position in that list
    keys: frozenset[str] = frozenset()  # kind-specific keys of the felt block this kind takes
    list_keys: frozenset[str] = frozenset()  # ... of those, the ones followed by `- ` items
    gives_items = False  # later fields can use its entries as items (`fra:`, `gjenta:`)
    items_by_column = False  # ... and then `kolonne:` says which column gives the item text
    has_options = False  # a condition (`hvis:`) can test its chosen options
    one_entry_per_line = False  # the group types one entry per line
    quick_choose = False  # a number key chooses an option at once
    toggles_options = False  # an option button adds or removes the option in the input
    expected = "en verdi"  # Norwegian: what a stored value should be, for schema messages

    # -- the prompt file -------------------------------------------------------------------

    def load(self, fld: Field, block: Any) -> None:
        """Read the kind-specific keys of a felt block into `fld`; report problems through `block`
        (see grammar.FieldBlock)."""

    # -- what the group types ----------------------------------------------------------------

    def parse(self, c: Conductor, pos: Position, fld: Field, raw: str) -> Any:
        """The stored value for `raw` (stripped, not empty). Raises ValidationError."""
        raise NotImplementedError

    def input_text(self, c: Conductor, fld: Field, value: Any) -> str:
        """The answer as the text the group would type to give it."""
        if self.is_empty(value):
            return ""
        if self.stored_problem(value, fld) is not None:
            return plain_text(value)
        return self._input_text(c, fld, value)

    def display_text(self, c: Conductor, fld: Field, value: Any) -> str:
        """The answer for reading: the group's turn in the transcript, a labelled answer in a document."""
        if self.is_empty(value):
            return ""
        if self.stored_problem(value, fld) is not None:
            return plain_text(value)
        return self._display_text(c, fld, value)

    def default_text(self, c: Conductor, pos: Position, fld: Field) -> str:
        """What to put in the input before the field is answered."""
        return "\n".join(fld.defaults)

    def question_hint(self, c: Conductor, fld: Field) -> str:
        """Markdown under the question: the choices, or how to write the answer."""
        return ""

    def missing_cell(self, fld: Field, value: Any, before: Any) -> str | None:
        """What a new or changed part of `value` lacks that the field requires (compared with the
        stored `before`), or None. Only tables have required cells."""
        return None

    def option_labels(self, fld: Field) -> list[str]:
        """Labels of the options the group can pick with a number key or a button."""
        return []

    def _input_text(self, c: Conductor, fld: Field, value: Any) -> str:
        return str(value)

    def _display_text(self, c: Conductor, fld: Field, value: Any) -> str:
        return self._input_text(c, fld, value)

    # -- state -------------------------------------------------------------------------------

    def is_empty(self, value: Any) -> bool:
        return is_empty(value)

    def is_answered(self, c: Conductor, fld: Field, value: Any) -> bool:
        return not self.is_empty(value)

    def entries(self, value: Any, column: str | None = None) -> list[tuple[str, str]]:
        """(id, text) of the entries later fields can use as items."""
        return []

    # -- the session format ------------------------------------------------------------------

    def stored_problem(self, value: Any, fld: Field) -> str | None:
        """A Norwegian description of what is wrong with a stored value's shape, or None. An empty
        value (None, "", [], {}) means unanswered and is always fine."""
        if self.is_empty(value):
            return None
        return self._stored_problem(value, fld)

    def _stored_problem(self, value: Any, fld: Field) -> str | None:
        return None

    def readable(self, value: Any, fld: Field) -> Any:
        """The value in the shape this kind stores, for code that reads answers (documents, health
        remarks): None when unanswered, and a value of the wrong shape (a hand-edited file) as its
        plain text in this kind's shape, so it is shown instead of breaking the reader."""
        if self.is_empty(value):
            return None
        if self.stored_problem(value, fld) is None:
            return value
        return self._readable(value, fld)

    def _readable(self, value: Any, fld: Field) -> Any:
        return plain_text(value)


# --------------------------------------------------------------------------------------------
# Shared helpers

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_escape(text: str) -> str:
    """Group text shown inside the assistant's Markdown: every Markdown character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def describe(value: Any) -> str:
    """What a JSON value is, in Norwegian: «en tekst», «et tall», ..."""
    if value is None:
        return "ingenting (null)"
    if isinstance(value, bool):
        return "en sannhetsverdi (true/false)"
    if isinstance(value, (int, float)):
        return "et tall"
    if isinstance(value, str):
        return "en tekst"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "et objekt"
    return type(value).__name__


def wrong(expected: str, value: Any, where: str = "") -> str:
    return f"{where}forventet {expected}, fant {describe(value)}"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_text(value: Any) -> bool:
    return isinstance(value, str)


def text_list_problem(value: Any, expected: str, what: str) -> str | None:
    """A list whose entries are all text (chosen option or item ids)."""
    if not isinstance(value, list):
        return wrong(expected, value)
    for n, entry in enumerate(value, start=1):
        if not isinstance(entry, str):
            return wrong("en tekst", entry, f"{what} {n}: ")
    return None


def text_list(value: Any) -> list[str]:
    """Any value as a list of texts (None entries left out)."""
    entries = value if isinstance(value, list) else [value]
    return [e if isinstance(e, str) else plain_text(e) for e in entries if e is not None]


def json_problem(value: Any) -> str | None:
    """Whether `value` is plain, finite JSON of a sane depth (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"verdien er nøstet for dypt (mer enn {MAX_DEPTH} nivåer)"
        if current is None or isinstance(current, (str, bool, int)):
            continue
        if isinstance(current, float):
            if not math.isfinite(current):
                return "verdien inneholder et tall som ikke er endelig (NaN eller uendelig)"
            continue
        if isinstance(current, list):
            stack.extend((v, depth + 1) for v in current)
            continue
        if isinstance(current, dict):
            if not all(isinstance(k, str) for k in current):
                return "verdien har et objekt med nøkler som ikke er tekst"
            stack.extend((v, depth + 1) for v in current.values())
            continue
        return f"verdien er ikke JSON ({type(current).__name__})"
    return None


def plain_text(value: Any) -> str:
    """Any stored value as plain text, for values of an unexpected shape."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if is_number(value):
        from ..values import format_number

        return format_number(value)
    try:
        return json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return "(en verdi som ikke kan vises)"
