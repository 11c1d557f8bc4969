"""The chat transcript as a view of the stored answers (UI-free).

The transcript is never stored as such: it is rebuilt from the scripts, the answers and the
remarks already said, so resuming a session shows exactly what the group saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .answer_text import display_value
from .conductor import Conductor, Position
from .health import Remark, remarks_for

REMARKS_STATE = "remarks_said"


@dataclass(frozen=True)
class Turn:
    kind: str  # intro, step, question, answer, remark, done
    text: str  # Markdown for the assistant's turns, plain text for the group's answers
    pos: Position | None = None
    current: bool = False


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_escape(text: str) -> str:
    """Group text shown inside the assistant's Markdown: every Markdown character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def question_text(c: Conductor, pos: Position) -> str:
    fld = c.field(pos)
    parts = [f"**{fld.question}**"]
    if fld.help:
        parts.append(f"*{fld.help}*")
    if fld.kind in ("valg", "flervalg"):
        parts.append("\n".join(f"{n}. {o.label}" for n, o in enumerate(fld.options, start=1)))
        if fld.kind == "flervalg":
            parts.append("*Velg ett eller flere: skriv numrene med komma mellom, for eksempel 1, 3.*")
    elif fld.kind == "utvalg":
        items = c.items(fld.ref or "", fld.ref_column)
        parts.append("\n".join(f"{n}. {md_escape(i.text)}" for n, i in enumerate(items, start=1))
                     or "*(ingen punkter ennå)*")
    elif fld.kind == "liste":
        parts.append("*Ett punkt per linje.*")
    elif fld.kind == "tabell":
        parts.append("*Én rad per linje, kolonnene skilt med semikolon: "
                     + "; ".join(col.label for col in fld.columns) + ". Eller åpne tabellen med Ctrl+E.*")
    elif fld.kind == "vurdering":
        parts.append("*Åpne prioriteringsmatrisen med Ctrl+E, eller skriv én linje per tiltak med fire tall fra 1 til 4.*")
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
    said += [{"key": r.key, "text": r.text, "level": r.level, "after": pos.key} for r in remarks]
    c.session.set_state(REMARKS_STATE, said)


def build_turns(c: Conductor) -> list[Turn]:
    """Every turn of the conversation so far, in order."""
    turns: list[Turn] = []
    cursor = c.cursor()
    remarks_after: dict[str, list[dict]] = {}
    for r in said_remarks(c):
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
    return turns


def done_text(c: Conductor) -> str:
    return (
        "**Alle spørsmålene er besvart.** Godt jobbet!\n\n"
        "Se gjennom planhelsen med `/helse`, forhåndsvis planen med `/forhandsvis`, og lag dokumentene "
        "med `/eksporter`. Dere kan når som helst gå tilbake og endre et svar i steglisten til venstre."
    )
