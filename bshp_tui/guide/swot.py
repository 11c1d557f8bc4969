"""SWOT per role group: the four quadrants of one role group, read and saved together.

The answers keep the shape they have always had: four list fields (`oppstart.sterke`,
`oppstart.svake`, `oppstart.muligheter`, `oppstart.trusler`, see scripts/refs.py) in a step that is
repeated per role group (`gjenta: rollegrupper`), stored under `oppstart/sterke@<group id>` and so
on. The SWOT screen edits the four fields of one role group at once; the documents and any other
reader use `swot_by_role_group`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..scripts import refs as R
from ..scripts.model import Step
from ..scripts.values import Item, ValidationError
from .positions import Position

if TYPE_CHECKING:
    from .conductor import Conductor


@dataclass(frozen=True)
class Quadrant:
    ref: R.Ref
    title: str  # Norwegian, as the screen and the documents show it

    @property
    def id(self) -> str:
        return self.ref.field_id


QUADRANTS = (
    Quadrant(R.STRENGTHS, "Sterke sider"),
    Quadrant(R.WEAKNESSES, "Svake sider"),
    Quadrant(R.OPPORTUNITIES, "Muligheter"),
    Quadrant(R.THREATS, "Trusler"),
)


@dataclass
class RoleGroupSwot:
    """One role group's SWOT: the points of each quadrant, by quadrant id (`sterke`, `svake`,
    `muligheter`, `trusler`), as plain texts in the group's order."""

    group: Item
    points: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(self.points.values())


def is_swot_step(c: Conductor, step: Step) -> bool:
    """A step that holds the SWOT fields (in the shipped prompts: oppstart.swot)."""
    refs = {f.ref_id for f in step.fields}
    return any(q.ref.field in refs for q in QUADRANTS)


def quadrants_in(c: Conductor, step: Step) -> list[Quadrant]:
    """The quadrants the step asks for, in SWOT order (a facilitator's own prompts may drop some)."""
    refs = {f.ref_id for f in step.fields}
    return [q for q in QUADRANTS if q.ref.field in refs]


def role_groups(c: Conductor) -> list[Item]:
    return c.items(R.ROLE_GROUPS.field) if c.has_field(R.ROLE_GROUPS.field) else []


def swot_of(c: Conductor, group_id: str | None) -> RoleGroupSwot:
    """One role group's SWOT (group_id None: a SWOT step that is not repeated)."""
    group = next((g for g in role_groups(c) if g.id == group_id), Item(group_id or "", "", "", None))
    out = RoleGroupSwot(group)
    for q in QUADRANTS:
        if not c.has_field(q.ref.field):
            continue
        value = c.readable_value(q.ref.field, group_id)
        out.points[q.id] = [
            e["tekst"].strip()
            for e in value or []
            if isinstance(e, dict) and isinstance(e.get("tekst"), str) and e["tekst"].strip()
        ]
    return out


def swot_by_role_group(c: Conductor) -> list[RoleGroupSwot]:
    """Every role group's SWOT, in the order of the role-group list. Role groups with nothing
    filled in are included (with empty quadrants), so a reader can say what is missing."""
    return [swot_of(c, g.id) for g in role_groups(c)]


def save_swot(c: Conductor, step: Step, group_id: str | None, texts: dict[str, str]) -> None:
    """Save the quadrants of one role group in one write: `texts` holds each quadrant's text, one
    point per line. Points that stay keep their ids. An empty quadrant removes that answer. Raises
    ValidationError (nothing is saved) if a quadrant cannot be read."""
    values = {}
    for q in quadrants_in(c, step):
        if q.id not in texts:
            continue
        pos = Position(q.ref.script_id, step.id, group_id, q.ref.field_id)
        raw = texts[q.id].strip()
        try:
            values[q.id] = (pos, c.parse(pos, raw) if raw else None)
        except ValidationError as exc:
            raise ValidationError(f"{q.title}: {exc}") from None
    with c.session.one_write():
        for pos, value in values.values():
            c.store(pos, value)
