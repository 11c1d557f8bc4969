"""Progress that means something: per guided session and overall, from required fields only.

A guided session's progress is the mean over its required fields as the prompt file defines them
(each field counts once, however many times its step is repeated):

- a plain field counts 1 when answered, else 0;
- a field of a repeated step counts the share of the repeats where it is answered (0 while the list
  it repeats over is still empty);
- a rating (`vurdering`) counts the share of its items rated on every scale, once the list it rates
  is answered everywhere (a measures list repeated per goal area: in every goal area);
- a field whose condition does not hold is left out once the group has answered the question the
  condition reads (it does not apply); while that question is unanswered, the field counts 0.

Overall progress is the mean of the guided sessions with a required question, so each weighs the
same: two of six sessions done is 33 %, whatever their length. A guided session with no required
question (the follow-up after adoption) is left out.

Giving an answer to an unanswered field never lowers progress: the field's own share rises; the
fields its answer opens were already counted as 0 (unknown condition or empty repeat list); and the
fields it closes were counted as 0, so leaving them out cannot lower a mean. Two changes of an answer
can add work, and then the share goes down honestly: more items in a list that a step repeats over,
or more measures to rate after the rating has started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..record import Record
from ..scripts import kinds
from ..scripts.keys import answer_key
from ..scripts.model import Condition, Field, Script, Step
from ..scripts.values import is_empty
from .positions import Position

if TYPE_CHECKING:
    from .conductor import Conductor


class Share(Record):
    """What one guided session (or one step) counts: `done` of `total` required fields, as shares."""

    def __init__(self, done: float, total: int):
        self.done = done
        self.total = total

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


def _undecided(c: Conductor, cond: Condition | None) -> bool:
    """The condition reads a question the group has not answered yet."""
    return cond is not None and is_empty(c.session.answer(answer_key(*cond.ref.split(".", 1))))


def field_share(c: Conductor, step: Step, fld: Field) -> float | None:
    """How much of one required field is done (0–1), or None when it does not apply."""
    for cond in (step.condition, fld.condition):
        if not c.condition_holds(cond):
            return 0.0 if _undecided(c, cond) else None
    if step.repeat:
        items = c.items(step.repeat)
        if not items:
            return 0.0
        answered = sum(c.is_answered(Position(fld.script_id, step.id, item.id, fld.id)) for item in items)
        return answered / len(items)
    if fld.kind == "vurdering":
        if not _source_complete(c, fld):
            return 0.0  # the list to rate is still growing: rating counts once it is whole
        items = c.items(fld.ref or "", fld.ref_column)
        if not items or is_empty(c.session.answer(answer_key(fld.script_id, fld.id))):
            return 0.0
        return (len(items) - len(c.unrated(fld))) / len(items)
    pos = Position(fld.script_id, step.id, None, fld.id)
    return 1.0 if kinds.for_field(fld).is_answered(c, fld, c.value(pos)) else 0.0


def _source_complete(c: Conductor, fld: Field) -> bool:
    """Every repeat of the field a rating rates the items of is answered."""
    if not fld.ref or not c.has_field(fld.ref):
        return True
    src = c.field(fld.ref)
    src_step = c.step(Position(src.script_id, src.step_id, None, src.id))
    return field_share(c, src_step, src) == 1.0


def step_share(c: Conductor, step: Step) -> Share:
    shares = [s for fld in step.fields if fld.required and (s := field_share(c, step, fld)) is not None]
    return Share(sum(shares), len(shares))


def script_share(c: Conductor, script: Script) -> Share:
    shares = [step_share(c, step) for step in script.steps]
    return Share(sum(s.done for s in shares), sum(s.total for s in shares))


def script_progress(c: Conductor, script: Script) -> float:
    """0–1. A guided session with no required question at all (the follow-up) stays at 0: it is
    never «complete», and the overall progress leaves it out."""
    if not any(f.required for f in script.fields()):
        return 0.0
    return script_share(c, script).fraction


def counted_scripts(c: Conductor) -> list[Script]:
    """The guided sessions the overall progress counts: those with a required question (the
    follow-up after adoption has none and is not part of writing the plan)."""
    return [s for s in c.scripts if any(f.required for f in s.fields())]


def overall_progress(c: Conductor) -> float:
    """The mean of the guided sessions' progress: each session weighs the same."""
    scripts = counted_scripts(c)
    if not scripts:
        return 0.0
    return sum(script_progress(c, s) for s in scripts) / len(scripts)


def counts_text(c: Conductor, script: Script) -> str:
    """What a guided session's percentage counts, for the step list."""
    share = script_share(c, script)
    done = round(share.done, 1)
    shown = int(done) if done == int(done) else str(done).replace(".", ",")
    return f"{shown} av {share.total} påkrevde spørsmål (gjentatte steg teller som ett)"
