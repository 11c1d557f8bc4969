"""The answers' part of the session-format schema: every record has a key and a value, no key
appears twice, and every value has the shape its field kind stores."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from .base import json_problem

if TYPE_CHECKING:
    from ..model import Field, Script

MAX_SHOWN = 80


def shown_key(key: str) -> str:
    """A record key as one visible line: control and format characters escaped, long keys cut."""
    out = []
    for ch in key:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    text = "".join(out)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def answer_problems(scripts: list[Script], data: Any) -> list[str]:
    from ..keys import answer_key, parse_answer_key
    from . import for_field

    if not isinstance(data, dict):
        return ["filen er ikke et JSON-objekt"]
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        return ["tabellen «answers» er ikke et objekt"]
    fields: dict[str, Field] = {answer_key(s.id, f.id): f for s in scripts for f in s.fields()}
    problems: list[str] = []
    seen: dict[str, str] = {}
    for doc_id, record in answers.items():
        if not isinstance(record, dict):
            problems.append(f"svar nr. {shown_key(str(doc_id))}: posten er ikke et objekt")
            continue
        key = record.get("key")
        if not isinstance(key, str) or not key:
            problems.append(f"svar nr. {shown_key(str(doc_id))}: mangler «key» (hvilket spørsmål svaret hører til)")
            continue
        name = f"svar «{shown_key(key)}»"
        if key in seen:
            problems.append(f"{name} står to ganger (post {seen[key]} og {shown_key(str(doc_id))})")
            continue
        seen[key] = shown_key(str(doc_id))
        if "value" not in record:
            problems.append(f"{name}: mangler «value» (selve svaret)")
            continue
        value = record["value"]
        problem = json_problem(value)
        if problem is None:
            fld = fields.get(answer_key(*parse_answer_key(key)[:2]))
            if fld is not None:
                problem = for_field(fld).stored_problem(value, fld)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems
