"""tekst: free text, stored as a string."""

from __future__ import annotations

from typing import Any

from .base import Kind, is_text, wrong


class Text(Kind):
    name = "tekst"
    description = "fritekst"
    order = 10
    expected = "tekst"

    def parse(self, c, pos, fld, raw: str) -> str:
        return raw

    def _stored_problem(self, value: Any, fld) -> str | None:
        return None if is_text(value) else wrong(self.expected, value)
