"""dato: a year, month or day ("2027", "2027-06", "2027-06-15") or a word ("løpende", "årlig")."""

from __future__ import annotations

from typing import Any

from .. import values as V
from .base import Kind, is_text, wrong


class Date(Kind):
    name = "dato"
    description = "en måned eller dato"
    order = 60
    expected = "en dato skrevet som tekst"

    def parse(self, c, pos, fld, raw: str) -> str:
        return V.parse_date(raw)

    def _display_text(self, c, fld, value: Any) -> str:
        return V.format_date(value)

    def _stored_problem(self, value: Any, fld) -> str | None:
        return None if is_text(value) else wrong(self.expected, value)
