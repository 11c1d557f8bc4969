"""Where the group is: a Position (one field, in one repeat of a step) and a StepInstance (a step as
the group meets it, once per item when repeated)."""

from __future__ import annotations

from typing import Any

from ..record import Record
from ..scripts.keys import answer_key
from ..scripts.model import Field, Script, Step
from ..scripts.values import Item


class Position(Record):
    """One field to fill: in a step, for one repeat item (or None)."""

    def __init__(self, script_id: str, step_id: str, item: str | None, field_id: str):
        self.script_id = script_id
        self.step_id = step_id
        self.item = item
        self.field_id = field_id

    @property
    def key(self) -> str:
        return answer_key(self.script_id, self.field_id, self.item)

    def to_state(self) -> list:
        return [self.script_id, self.step_id, self.item, self.field_id]

    @classmethod
    def from_state(cls, raw: Any) -> "Position | None":
        if isinstance(raw, list) and len(raw) == 4 and all(isinstance(x, (str, type(None))) for x in raw):
            return cls(raw[0], raw[1], raw[2], raw[3])
        return None


class StepInstance(Record):
    """A step as the group meets it: a repeated step appears once per item."""

    __hash__ = None  # type: ignore[assignment]  # holds lists

    def __init__(self, script: Script, step: Step, item: Item | None, fields: list[Field]):
        self.script = script
        self.step = step
        self.item = item
        self.fields = fields

    @property
    def title(self) -> str:
        return f"{self.step.title}: {self.item.text}" if self.item else self.step.title

    def positions(self) -> list[Position]:
        item = self.item.id if self.item else None
        return [Position(self.script.id, self.step.id, item, f.id) for f in self.fields]
