"""What the documents say about the group's work so far: the guided sessions it has finished, those
it has started, and, while the plan is not finished, the ones that remain.

The plan's introduction and the saksframlegg's «Prosess» both say this. Only a guided session with
every required question answered (guide/progress.py) is called «gjennomført»; one with some answers
is «påbegynt»; neither names a samling the group never held. The yearly follow-up comes after
adoption and is not part of making the plan.
"""

from __future__ import annotations

from typing import Any

from ..guide.conductor import Conductor
from ..guide.progress import script_progress
from ..scripts import refs as R
from ..scripts.values import is_empty
from . import ast as A


def sessions_held(c: Conductor, answers: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """The titles of the plan's guided sessions, in order: finished, started (some answers) and not
    started. A guided session without a required question is finished once it has an answer."""
    finished: list[str] = []
    started: list[str] = []
    remaining: list[str] = []
    for script in c.scripts:
        if script.id == R.FOLLOW_UP_YEARS.script_id:
            continue
        answered = any(key.startswith(f"{script.id}/") and not is_empty(value) for key, value in answers.items())
        required = any(f.required for f in script.fields())
        done = answered and (not required or script_progress(c, script) >= 1.0)
        (finished if done else started if answered else remaining).append(lower_first(script.title))
    return finished, started, remaining


def lower_first(title: str) -> str:
    return title[:1].lower() + title[1:]


def _bullets(titles: list[str]) -> A.Node:
    return A.bullets([[A.plain(A.text(t))] for t in titles])


def work_so_far(held: tuple[list[str], list[str], list[str]], lead: str) -> list[A.Node]:
    """The sessions finished, after `lead` (the sentence that opens the list) when all are, and
    otherwise those finished, started and remaining (`held`, see sessions_held), each list after
    its own sentence."""
    finished, started, remaining = held
    if not finished and not started:
        return [A.para(A.text("Arbeidsgruppa har ennå ikke gjennomført noen av samlingene i arbeidet med planen."))]
    if not started and not remaining:
        return [A.para(A.text(lead)), _bullets(finished)]
    if finished:
        out = [A.para(A.text("Så langt har arbeidsgruppa gjennomført samlinger om:")), _bullets(finished)]
    else:
        out = [A.para(A.text("Arbeidsgruppa har ennå ikke fullført noen av samlingene i arbeidet med planen."))]
    draft = "Planen er et utkast."
    if started:
        out += [A.para(A.text(f"{draft} Disse samlingene er påbegynt, men ikke fullført:")), _bullets(started)]
    if remaining:
        out += [
            A.para(
                A.text(
                    "Disse samlingene gjenstår:" if started else f"{draft} Disse samlingene gjenstår før den er ferdig:"
                )
            ),
            _bullets(remaining),
        ]
    return out
