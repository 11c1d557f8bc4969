"""Which answers reach no document, and why, in words a working group understands."""

from __future__ import annotations

from ..guide.conductor import Conductor, parse_answer_key
from ..scripts.values import is_empty


def unplaced_answers(c: Conductor, placed: set[str]) -> list[str]:
    """Every stored answer whose key the document builder did not place, described in Norwegian."""
    out = []
    for key, value in c.session.answers().items():
        if key in placed or is_empty(value):
            continue
        out.append(describe(c, key))
    return out


def describe(c: Conductor, key: str) -> str:
    script_id, field_id, item = parse_answer_key(key)
    if not c.has_field(f"{script_id}.{field_id}"):
        return (
            f"Svaret «{key}» hører til et felt som ikke finnes i veiledningsfilene (har feltet eller "
            "veiledningen fått ny id?)."
        )
    fld = c.field(f"{script_id}.{field_id}")
    script = c.script(script_id)
    step = script.step(fld.step_id)
    where = f"«{fld.question}» ({script.short_title} › {step.title if step else fld.step_id})"
    if step is not None and not (c.condition_holds(step.condition) and c.condition_holds(fld.condition)):
        cond = fld.condition if not c.condition_holds(fld.condition) else step.condition
        return f"{where}: vises ikke fordi vilkåret «{cond.text() if cond else ''}» ikke er oppfylt."
    if item and step is not None and step.repeat and item not in {i.id for i in c.items(step.repeat)}:
        return f"{where}: hører til et punkt som er fjernet fra lista «{step.repeat}»."
    return f"{where}: har ingen plass i dokumentene."
