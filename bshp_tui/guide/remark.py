"""A remark of the assistant about the plan's health, and the small helpers the rules share."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING

from ..scripts.keys import answer_key, parse_answer_key
from ..scripts.values import is_empty

if TYPE_CHECKING:
    from .conductor import Conductor


@dataclass
class Remark:
    """Something the assistant says about the plan's health."""

    rule: str
    text: str  # Norwegian, plain words
    level: str = "råd"  # "råd" (advice), "merk" (worth knowing), "bra" (praise)
    triggers: tuple[str, ...] = ()  # field refs whose answer makes the remark timely
    script_id: str | None = None  # where to go to act on it
    step_id: str | None = None
    item: str | None = None
    key: str = ""  # a stable id, so the chat says it once
    subjects: list[str] = dc_field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = f"{self.rule}:{self.item or ''}:{'|'.join(self.subjects)}"


def key_of(ref: str, item: str | None = None) -> str:
    script_id, field_id = ref.split(".", 1)
    return answer_key(script_id, field_id, item)


def script_started(c: "Conductor", script_id: str) -> bool:
    """Whether the group has answered anything in a guided session."""
    return any(parse_answer_key(k)[0] == script_id for k in c.session.answers())


def where(c: "Conductor", ref: str) -> dict:
    """Where to go to act on a remark about `ref`: its guided session and step."""
    if not c.has_field(ref):
        return {}
    fld = c.field(ref)
    return {"script_id": fld.script_id, "step_id": fld.step_id}


def answered(c: "Conductor", ref: str) -> bool:
    return c.has_field(ref) and any(not is_empty(v) for _, v in c.field_values(ref))


def join_words(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " og " + parts[-1]
