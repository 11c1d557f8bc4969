"""The conductor: given the scripts and a session, what to ask next, and what the answers mean.

Pure Python (no Textual). It walks the visible fields in order: steps whose condition holds, and
repeated steps once per item of their list. The cursor is kept in the session's state, so a group
resumes exactly where they stopped. Editing an earlier answer never deletes later answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import UsageError
from ..scripts import kinds
from ..scripts import values as V
from ..scripts.keys import answer_key, parse_answer_key
from ..scripts.kinds.rating import ratings_of
from ..scripts.model import Field, Script, Step
from ..scripts.refs import PLAN_PERIOD
from ..scripts.values import Item, ValidationError, is_empty
from .moved import adopt_former_answers
from .period import parse_period
from .positions import Position, StepInstance
from .session_like import SessionLike

__all__ = ["Conductor", "Position", "SessionLike", "StepInstance", "answer_key", "parse_answer_key"]

CURSOR_STATE = "cursor"
SKIPPED_STATE = "skipped"


class Conductor:
    def __init__(self, scripts: list[Script], session: SessionLike):
        self.scripts = scripts
        self.session = session
        self._scripts = {s.id: s for s in scripts}
        self._fields: dict[str, Field] = {}
        self._steps: dict[str, Step] = {}
        self.repeat_of: dict[str, str | None] = {}  # field ref -> repeat source of its step
        for script in scripts:
            for step in script.steps:
                self._steps[step.ref_id] = step
                for fld in step.fields:
                    self._fields[fld.ref_id] = fld
                    self.repeat_of[fld.ref_id] = step.repeat
        self._items: dict[tuple[str, str | None], list[Item]] | None = None  # see reading()
        adopt_former_answers(scripts, session, answer_key)  # a moved field keeps its answer

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A pass that only reads the answers (a document build, the health report, the
        transcript): inside it, the items of each list are worked out once. A write through the
        conductor forgets them."""
        if self._items is not None:
            yield  # inside an outer pass already
            return
        self._items = {}
        try:
            yield
        finally:
            self._items = None

    # -- lookup ----------------------------------------------------------------------------

    def script(self, script_id: str) -> Script:
        return self._scripts[script_id]

    def step(self, pos: Position) -> Step:
        return self._steps[f"{pos.script_id}.{pos.step_id}"]

    def field(self, ref_or_pos: str | Position) -> Field:
        if isinstance(ref_or_pos, Position):
            return self._fields[f"{ref_or_pos.script_id}.{ref_or_pos.field_id}"]
        return self._fields[ref_or_pos]

    def has_field(self, ref: str) -> bool:
        return ref in self._fields

    def value(self, pos: Position) -> Any:
        return self.session.answer(pos.key)

    def field_values(self, ref: str) -> list[tuple[str | None, Any]]:
        """All answers of a field, as (repeat item id, value), in the order of the repeat list."""
        if ref not in self._fields:
            return []
        script_id, field_id = ref.split(".", 1)
        source = self.repeat_of.get(ref)
        if source is None:
            return [(None, self.session.answer(answer_key(script_id, field_id)))]
        return [(item.id, self.session.answer(answer_key(script_id, field_id, item.id))) for item in self.items(source)]

    def readable_value(self, ref: str, item: str | None = None) -> Any:
        """A field's answer in the shape of its kind, for code that reads answers: a value of the
        wrong shape (a hand-edited file) comes as its plain text (see kinds.Kind.readable)."""
        script_id, field_id = ref.split(".", 1)
        value = self.session.answer(answer_key(script_id, field_id, item))
        return kinds.readable(self._fields[ref], value) if ref in self._fields else value

    def readable_values(self, ref: str) -> list[tuple[str | None, Any]]:
        """`field_values` in the shape of the field's kind."""
        fld = self._fields.get(ref)
        return [(item, kinds.readable(fld, value)) for item, value in self.field_values(ref)] if fld else []

    # -- items -----------------------------------------------------------------------------

    def items(self, ref: str, column: str | None = None) -> list[Item]:
        """The items of a list field (or the rows of a table field, named by `column`), across all
        repeats of its step, in order."""
        if ref not in self._fields:
            return []
        known = self._items
        if known is not None and (ref, column) in known:
            return list(known[ref, column])
        script_id, field_id = ref.split(".", 1)
        kind = kinds.for_field(self._fields[ref])
        out: list[Item] = []
        for parent, value in self.field_values(ref):
            key = answer_key(script_id, field_id, parent)
            out.extend(Item(item_id, text, key, parent) for item_id, text in kind.entries(value, column))
        if known is not None:
            known[ref, column] = list(out)
        return out

    def item_text(self, ref: str, item_id: str) -> str | None:
        return next((i.text for i in self.items(ref) if i.id == item_id), None)

    # -- structure -------------------------------------------------------------------------

    def condition_holds(self, cond) -> bool:
        if cond is None:
            return True
        value = self.session.answer(answer_key(*cond.ref.split(".", 1)))
        if is_empty(value):
            return False
        values = value if isinstance(value, list) else [value]
        chosen = {v for v in values if isinstance(v, str)}
        hit = bool(chosen & set(cond.values))
        return not hit if cond.negate else hit

    def instances(self, script_id: str | None = None) -> list[StepInstance]:
        out = []
        for script in self.scripts:
            if script_id is not None and script.id != script_id:
                continue
            for step in script.steps:
                if not self.condition_holds(step.condition):
                    continue
                fields = [f for f in step.fields if self.condition_holds(f.condition)]
                if not fields:
                    continue
                if step.repeat:
                    for item in self.items(step.repeat):
                        out.append(StepInstance(script, step, item, fields))
                else:
                    out.append(StepInstance(script, step, None, fields))
        return out

    def instance(self, pos: Position) -> StepInstance | None:
        for inst in self.instances(pos.script_id):
            if inst.step.id == pos.step_id and (inst.item.id if inst.item else None) == pos.item:
                return inst
        return None

    def positions(self) -> list[Position]:
        return [p for inst in self.instances() for p in inst.positions()]

    # -- answered and progress -------------------------------------------------------------

    def is_answered(self, pos: Position) -> bool:
        fld = self.field(pos)
        return kinds.for_field(fld).is_answered(self, fld, self.value(pos))

    def measure_rank(self) -> dict[str, int]:
        """Each measure's place in the ranking (0 is best), by item id."""
        from .measures import ranked_measures

        return {m.item.id: n for n, m in enumerate(ranked_measures(self))}

    def unrated(self, fld: Field) -> list[Item]:
        """Items of a rating field not yet rated on every scale."""
        ratings = ratings_of(self.session.answer(answer_key(fld.script_id, fld.id)))
        out = []
        for item in self.items(fld.ref or "", fld.ref_column):
            given = ratings.get(item.id) or {}
            if any(not isinstance(given.get(s.id), int) for s in fld.scales):
                out.append(item)
        return out

    def is_skipped(self, pos: Position) -> bool:
        return pos.key in (self.session.state(SKIPPED_STATE) or [])

    def progress(self, positions: Iterable[Position]) -> tuple[int, int]:
        """(answered, total) over the required fields among `positions`."""
        done = total = 0
        for pos in positions:
            if not self.field(pos).required:
                continue
            total += 1
            done += self.is_answered(pos)
        return done, total

    def step_progress(self, inst: StepInstance) -> tuple[int, int]:
        return self.progress(inst.positions())

    def is_step_complete(self, inst: StepInstance) -> bool:
        done, total = self.step_progress(inst)
        return done == total and (total > 0 or any(self.is_answered(p) for p in inst.positions()))

    def script_progress(self, script_id: str) -> float:
        """A guided session's progress over its required fields (see guide/progress.py)."""
        from .progress import script_progress  # for the app's screens: an export needs none

        return script_progress(self, self._scripts[script_id])

    def overall_progress(self) -> float:
        """The mean of the guided sessions' progress (see guide/progress.py)."""
        from .progress import overall_progress

        return overall_progress(self)

    # -- cursor ----------------------------------------------------------------------------

    def resume_point(self) -> Position | None:
        """The first unanswered required field, or None when everything required is answered."""
        for pos in self.positions():
            if self.field(pos).required and not self.is_answered(pos):
                return pos
        return None

    def cursor(self) -> Position | None:
        """Where the group is: the stored cursor if it is still visible, else the resume point."""
        stored = Position.from_state(self.session.state(CURSOR_STATE))
        if stored is not None and stored in self.positions():
            return stored
        return self.resume_point()

    def set_cursor(self, pos: Position | None) -> None:
        self.session.set_state(CURSOR_STATE, pos.to_state() if pos else None)

    def next_position(self, after: Position | None, unanswered_only: bool = True) -> Position | None:
        """The next field after `after`: the next unanswered one (`unanswered_only`), else the next in
        order. Going on by itself never walks from the plan into a guided session with no required
        question (the yearly follow-up) while the plan still has unanswered required questions: it
        goes back to the first of those instead."""
        positions = self.positions()
        start = positions.index(after) + 1 if after in positions else 0
        optional = {s.id for s in self.scripts if not any(f.required for f in s.fields())}
        for pos in positions[start:]:
            if not unanswered_only:
                return pos
            if self.is_answered(pos) or self.is_skipped(pos):
                continue
            entering_optional = pos.script_id in optional and (after is None or after.script_id != pos.script_id)
            if entering_optional and self.resume_point() is not None:
                break
            return pos
        if unanswered_only:
            return self.resume_point()
        return None

    def next(self) -> Position | None:
        """Move to the next field in order (answered or not)."""
        pos = self.next_position(self.cursor(), unanswered_only=False)
        if pos is not None:
            self.set_cursor(pos)
        return pos

    def back(self) -> Position | None:
        positions = self.positions()
        cur = self.cursor()
        if cur not in positions:
            pos = positions[-1] if positions else None
        else:
            idx = positions.index(cur)
            pos = positions[idx - 1] if idx > 0 else cur
        if pos is not None:
            self.set_cursor(pos)
        return pos

    def skip(self) -> Position | None:
        """Leave the current field for now and go on to the next unanswered one."""
        cur = self.cursor()
        if cur is not None:
            skipped = list(self.session.state(SKIPPED_STATE) or [])
            if cur.key not in skipped:
                skipped.append(cur.key)
                self.session.set_state(SKIPPED_STATE, skipped)
        pos = self.next_position(cur, unanswered_only=True)
        if pos == cur:
            pos = self.next_position(cur, unanswered_only=False)
        self.set_cursor(pos)
        return pos

    def jump(self, script_id: str, step_id: str | None = None, item: str | None = None) -> Position | None:
        """Go to a guided session, a step or one repeat of a step: its first unanswered field, or
        its first field if all are answered."""
        candidates = [
            p
            for inst in self.instances(script_id)
            if (step_id is None or inst.step.id == step_id) and (item is None or (inst.item and inst.item.id == item))
            for p in inst.positions()
        ]
        if not candidates:
            return None
        pos = next((p for p in candidates if not self.is_answered(p)), candidates[0])
        self.set_cursor(pos)
        return pos

    # -- answering -------------------------------------------------------------------------

    def parse(self, pos: Position, text: str) -> Any:
        """Turn what the group typed into a stored value for this field. Raises ValidationError."""
        fld = self.field(pos)
        raw = text.strip()
        if not raw:
            if fld.required:
                labels = kinds.for_field(fld).option_labels(fld)
                what = (
                    "Velg et av alternativene med nummer eller navn: "
                    + ", ".join(f"{n}) {label}" for n, label in enumerate(labels, 1))
                    if labels
                    else "Skriv et svar"
                )
                raise ValidationError(
                    f"Dette spørsmålet må besvares før planen er komplett. {what}, eller bruk /hopp for å ta det senere."
                )
            return None
        if (pos.script_id, pos.field_id) == (PLAN_PERIOD.script_id, PLAN_PERIOD.field_id):
            try:
                return parse_period(raw)
            except UsageError as exc:
                raise ValidationError(str(exc)) from None
        return kinds.for_field(fld).parse(self, pos, fld, raw)

    def submit(self, pos: Position, text: str, advance: bool = True) -> Position | None:
        """Store the answer typed for `pos` and return where the group goes next."""
        value = self.parse(pos, text)
        missing = kinds.for_field(self.field(pos)).missing_cell(self.field(pos), value, self.value(pos))
        if missing:
            raise ValidationError(missing)
        was_complete = self.script_progress(pos.script_id) >= 1
        self.store(pos, value)
        if not was_complete and self.script_progress(pos.script_id) >= 1:
            self.session.backup_now("fullfort")  # a guided session completed: keep this state
        if advance:
            nxt = self.next_position(pos, unanswered_only=True)
            self.set_cursor(nxt)
            return nxt
        return pos

    def store(self, pos: Position, value: Any) -> None:
        """Store a value (from a structured editor or `parse`). An empty value removes the answer;
        answers that depend on it stay (and are flagged by the health report if orphaned).
        The answer, and what follows from it (the period in meta, progress), go in one write."""
        with self.session.one_write():
            self._store(pos, value)

    def _store(self, pos: Position, value: Any) -> None:
        if self._items is not None:
            self._items.clear()
        if is_empty(value):
            self.session.delete_answer(pos.key)
        else:
            self.session.set_answer(pos.key, value)
        skipped = self.session.state(SKIPPED_STATE) or []
        if pos.key in skipped:
            self.session.set_state(SKIPPED_STATE, [k for k in skipped if k != pos.key])
        if (pos.script_id, pos.field_id) == (PLAN_PERIOD.script_id, PLAN_PERIOD.field_id) and isinstance(value, str):
            self.session.update_meta(period=value)
        self.record_progress()

    def set_rating(self, fld: Field, item_id: str, scale_id: str, rating: int | None) -> None:
        """Rate one item on one scale (from the prioritisation editor)."""
        key = answer_key(fld.script_id, fld.id)
        ratings = {k: dict(v) for k, v in ratings_of(self.session.answer(key)).items()}
        given = ratings.setdefault(item_id, {})
        if rating is None:
            given.pop(scale_id, None)
        else:
            if not V.RATING_MIN <= rating <= V.RATING_MAX:
                raise ValidationError("Vurderingen må være et tall fra 1 til 4.")
            given[scale_id] = rating
        self.store(Position(fld.script_id, fld.step_id, None, fld.id), ratings)

    def record_progress(self) -> None:
        """The progress in the session's meta, for lists that show it without the prompt files:
        after each answer, and when a session is made with its period. Raises SaveError."""
        progress = round(self.overall_progress(), 2)
        if self.session.meta.get("progress") != progress:
            self.session.update_meta(progress=progress)

    def cell(self, fld: Field, row: dict, column_id: str) -> Any:
        """A table cell's current value. A cell that names an item follows renames; a cell whose
        item was deleted keeps its last text."""
        return kinds.cell_value(self, fld, row, column_id)

    def is_orphan_cell(self, fld: Field, row: dict, column_id: str) -> bool:
        col = fld.column(column_id)
        return isinstance(row, dict) and col is not None and kinds.column_kind(col.kind).is_orphan(self, col, row)
