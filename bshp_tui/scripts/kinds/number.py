"""tall: a number, stored as an int or a float; `min:`, `max:` and `enhet:` in the felt block."""

from __future__ import annotations

from typing import Any

from .. import values as V
from .base import Kind, is_number, wrong


class Number(Kind):
    name = "tall"
    description = "et tall"
    order = 50
    keys = frozenset({"min", "max", "enhet"})
    expected = "et tall"

    def load(self, fld, block) -> None:
        fld.min = block.number("min")
        fld.max = block.number("max")
        fld.unit = block.text("enhet")

    def parse(self, c, pos, fld, raw: str) -> int | float:
        return V.parse_number(raw, fld)

    def _input_text(self, c, fld, value: Any) -> str:
        return V.format_number(value, exact=True)

    def _display_text(self, c, fld, value: Any) -> str:
        shown = V.format_number(value)
        return f"{shown} {fld.unit}" if fld.unit else shown

    def _stored_problem(self, value: Any, fld) -> str | None:
        return None if is_number(value) else wrong(self.expected, value)
