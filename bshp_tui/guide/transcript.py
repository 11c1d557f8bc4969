"""The chat transcript as a view of the stored answers (UI-free).

The transcript is never stored as such: it is rebuilt from the scripts, the answers and the
remarks already said, so resuming a session shows exactly what the group saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..scripts import kinds
from ..scripts.kinds.base import md_escape
from ..scripts.refs import FOLLOW_UP_YEARS
from .answer_text import display_value
from .conductor import Conductor, Position
from .health import health_report, remarks_for
from .participation import context_for
from .ranking_text import ranking_context
from .remark import Remark

REMARKS_STATE = "remarks_said"


@dataclass(frozen=True)
class Turn:
    kind: str  # intro, step, question, answer, remark, done
    text: str  # Markdown for the assistant's turns, plain text for the group's answers
    pos: Position | None = None
    current: bool = False


def question_text(c: Conductor, pos: Position) -> str:
    fld = c.field(pos)
    parts = [f"**{fld.question}**"]
    if fld.help:
        parts.append(f"*{fld.help}*")
    hint = kinds.for_field(fld).question_hint(c, fld)
    if hint:
        parts.append(hint)
    context = context_for(c, pos.script_id, pos.field_id, pos.item)
    if context:
        parts.append(context)
    ranking = ranking_context(c, pos.script_id, pos.field_id)
    if ranking:
        parts.append(ranking)
    if not fld.required:
        parts.append("*Valgfritt: send tomt svar eller /hopp for å gå videre.*")
    return "\n\n".join(parts)


def said_remarks(c: Conductor) -> list[dict[str, Any]]:
    return list(c.session.state(REMARKS_STATE) or [])


def new_remarks(c: Conductor, pos: Position) -> list[Remark]:
    """Remarks made timely by answering `pos` that have not been said before."""
    said = {r.get("key") for r in said_remarks(c)}
    return [r for r in remarks_for(c, pos) if r.key not in said]


def record_remarks(c: Conductor, pos: Position, remarks: list[Remark]) -> None:
    if not remarks:
        return
    said = said_remarks(c)
    today = date.today().isoformat()  # the day's minutes list the remarks raised that day
    said += [{"key": r.key, "text": r.text, "level": r.level, "after": pos.key, "date": today} for r in remarks]
    c.session.set_state(REMARKS_STATE, said)


def build_turns(c: Conductor) -> list[Turn]:
    """Every turn of the conversation so far, in order."""
    with c.reading():
        return _turns(c)


def _turns(c: Conductor) -> list[Turn]:
    turns: list[Turn] = []
    cursor = c.cursor()
    remarks_after: dict[str, list[dict]] = {}
    applying = {r.key for r in health_report(c)}  # a remark the answers have since made untrue goes
    for r in said_remarks(c):
        if r.get("key") in applying:
            remarks_after.setdefault(r.get("after", ""), []).append(r)
    shown_scripts: set[str] = set()
    shown_steps: set[tuple[str, str, str | None]] = set()
    for inst in c.instances():
        for pos in inst.positions():
            answered = c.is_answered(pos) or c.value(pos) not in (None, "", [], {})
            current = pos == cursor
            if not (answered or current):
                continue
            if inst.script.id not in shown_scripts:
                shown_scripts.add(inst.script.id)
                intro = f"# {inst.script.title}\n\n{inst.script.intro}".strip()
                turns.append(Turn("intro", intro))
            step_key = (inst.script.id, inst.step.id, pos.item)
            if step_key not in shown_steps:
                shown_steps.add(step_key)
                title = f"{inst.step.title}: {md_escape(inst.item.text)}" if inst.item else inst.step.title
                turns.append(Turn("step", f"## {title}\n\n{inst.step.text}".strip(), pos))
            turns.append(Turn("question", question_text(c, pos), pos, current))
            if answered:
                fld = c.field(pos)
                turns.append(Turn("answer", display_value(c, fld, c.value(pos)), pos))
                for r in remarks_after.get(pos.key, []):
                    turns.append(Turn("remark", "💬 " + md_escape(r.get("text", "")), pos))
    if cursor is None:
        turns.append(Turn("done", done_text(c)))
    else:
        _step_last(c, turns, cursor)
        _question_last(c, turns, cursor)
    return turns


def _step_last(c: Conductor, turns: list[Turn], cursor: Position) -> None:
    """The conversation of the step being answered stands together at the end, under its guided
    session's name: after a jump back to an earlier step, its answers so far are not cut off from its
    next question by the steps answered later."""
    here = (cursor.script_id, cursor.step_id, cursor.item)

    def in_step(turn: Turn) -> bool:
        return turn.pos is not None and (turn.pos.script_id, turn.pos.step_id, turn.pos.item) == here

    first = next((n for n, t in enumerate(turns) if in_step(t)), None)
    if first is None or all(in_step(t) for t in turns[first:]):
        return
    block = [t for t in turns if in_step(t)]
    turns[:] = [t for t in turns if not in_step(t)]
    if any(t.pos is not None and t.pos.script_id != cursor.script_id for t in turns[first:]):
        turns.append(Turn("intro", f"# {c.script(cursor.script_id).title}"))  # under its own session again
    turns.extend(block)


def _question_last(c: Conductor, turns: list[Turn], cursor: Position) -> None:
    """The question being answered always stands right above the input: when the group has gone
    back to an earlier question, it is asked again at the end of the conversation."""
    at = next((n for n, t in enumerate(turns) if t.current), None)
    if at is None or at == len(turns) - 1:
        return
    inst = c.instance(cursor)
    title = md_escape(inst.title if inst is not None else c.step(cursor).title)
    if c.value(cursor) in (None, "", [], {}):
        del turns[at]  # not answered yet: asked only here, at the end
        label = f"*{title}*"
    else:
        # «Tilbake til» only when later questions were answered: after saving from an editor the
        # group is still at this question, it has not gone back.
        went_back = any(t.pos is not None and t.pos != cursor for t in turns[at + 1 :])
        turns[at] = Turn("question", turns[at].text, cursor, current=False)
        label = f"*Tilbake til: {title}*" if went_back else f"*{title}*"
    turns.append(Turn("question", f"{label}\n\n{question_text(c, cursor)}", cursor, True))


def done_text(c: Conductor) -> str:
    text = (
        "**Alle spørsmålene er besvart.** Godt jobbet!\n\n"
        "Se gjennom planhelsen med `/helse`, forhåndsvis planen med `/forhandsvis`, og lag dokumentene "
        "med `/eksporter`. Dere kan når som helst gå tilbake og endre et svar i steglisten til venstre."
    )
    if c.has_field(FOLLOW_UP_YEARS.field):
        script = c.script(FOLLOW_UP_YEARS.script_id)
        text += (
            f"\n\nNår planen er vedtatt, følger dere opp tiltakene én gang i året i «{md_escape(script.title)}» "
            "i steglisten, og lager statusrapporten med `/eksporter statusrapport`."
        )
    return text
