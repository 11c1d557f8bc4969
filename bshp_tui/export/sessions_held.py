"""What the documents say about the group's work so far: the guided sessions it has held (those
with answers) and, while the plan is not finished, the ones that remain.

The plan's introduction and the saksframlegg's «Prosess» both say this; neither names a samling
the group never held. The yearly follow-up comes after adoption and is not part of making the plan.
"""

from __future__ import annotations

from typing import Any

from ..guide.conductor import Conductor
from ..scripts import refs as R
from ..scripts.values import is_empty
from . import ast as A


def sessions_held(c: Conductor, answers: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The titles of the plan's guided sessions with answers, and of those without, in order."""
    held: list[str] = []
    remaining: list[str] = []
    for script in c.scripts:
        if script.id == R.FOLLOW_UP_YEARS.script_id:
            continue
        answered = any(key.startswith(f"{script.id}/") and not is_empty(value) for key, value in answers.items())
        (held if answered else remaining).append(lower_first(script.title))
    return held, remaining


def lower_first(title: str) -> str:
    return title[:1].lower() + title[1:]


def _bullets(titles: list[str]) -> A.Node:
    return A.bullets([[A.plain(A.text(t))] for t in titles])


def work_so_far(c: Conductor, answers: dict[str, Any], lead: str) -> list[A.Node]:
    """The sessions held, after `lead` (the sentence that opens the list), and what remains."""
    held, remaining = sessions_held(c, answers)
    if not held:
        return [A.para(A.text("Arbeidsgruppa har ennå ikke gjennomført noen av samlingene i arbeidet med planen."))]
    out = [A.para(A.text(lead if not remaining else "Så langt har arbeidsgruppa gjennomført samlinger om:")),
           _bullets(held)]
    if remaining:
        out += [A.para(A.text("Planen er et utkast. Disse samlingene gjenstår før den er ferdig:")),
                _bullets(remaining)]
    return out
