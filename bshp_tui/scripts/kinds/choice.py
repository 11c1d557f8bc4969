"""valg and flervalg: one or several of the options the prompt file lists under `valg:`.

Stored as the option id (valg) or a list of option ids (flervalg). An id that is no longer among
the options (the facilitator changed the prompt) is kept and shown as it is.
"""

from __future__ import annotations

from typing import Any

from .. import values as V
from ..model import Option
from .base import Kind, is_text, text_list, text_list_problem, wrong


class Choice(Kind):
    name = "valg"
    description = "ett valg blant alternativer"
    order = 30
    keys = frozenset({"valg"})
    list_keys = frozenset({"valg"})
    has_options = True
    quick_choose = True
    multiple = False
    expected = "id-en til et alternativ (tekst)"

    def load(self, fld, block) -> None:
        seen: set[str] = set()
        for item, line in block.items("valg", "alternativene gruppa kan velge"):
            oid, label = block.split_pair(item)
            if oid in seen:
                block.error(line, f"alternativet «{oid}» står to ganger")
            seen.add(oid)
            fld.options.append(Option(oid, label))

    def parse(self, c, pos, fld, raw: str) -> str | list[str]:
        return V.choose(raw, [(o.id, o.label) for o in fld.options], self.multiple)

    def question_hint(self, c, fld) -> str:
        return "\n".join(f"{n}. {o.label}" for n, o in enumerate(fld.options, start=1))

    def option_labels(self, fld) -> list[str]:
        return [o.label for o in fld.options]

    def _input_text(self, c, fld, value: Any) -> str:
        return fld.option_label(value)

    def _stored_problem(self, value: Any, fld) -> str | None:
        return None if is_text(value) else wrong(self.expected, value)


class MultipleChoice(Choice):
    name = "flervalg"
    description = "flere valg blant alternativer"
    order = 40
    quick_choose = False
    toggles_options = True
    multiple = True
    expected = "en liste med id-er til alternativer"

    def question_hint(self, c, fld) -> str:
        return (
            super().question_hint(c, fld)
            + "\n\n*Velg ett eller flere: skriv numrene med komma mellom, for eksempel 1, 3.*"
        )

    def _input_text(self, c, fld, value: Any) -> str:
        return ", ".join(fld.option_label(v) for v in value)

    def _stored_problem(self, value: Any, fld) -> str | None:
        return text_list_problem(value, self.expected, "valg")

    def _readable(self, value: Any, fld) -> list[str]:
        return text_list(value)
