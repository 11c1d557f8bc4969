"""The fields other answers hang on ("gates"), and which of them can get a broken value in the same
pass of the any-value test (tests/unit/test_kinds_schema.py).

A broken value in a gate can hide the readers of the answers that depend on it: the answers of a
step repeated over a list, a field that takes its items from another, a condition. Two gates can
share a pass only when neither hangs on the other through the prompt files' links (computed here,
transitively). The code's own rules can link answers too (the plan period decides the cost years,
an unanswered question ends the transcript), so a pass also records where each answer is read: a
gate only counts as tested in a shared pass when it was read at every place a fully answered
session reads it (see `hidden`); the test gives the others a pass of their own.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from types import CodeType
from typing import Any

from kinds_fixture import MemorySession

import bshp_tui
from bshp_tui.scripts import refs as R
from bshp_tui.scripts.model import Script

PACKAGE = str(Path(bshp_tui.__file__).parent)
TESTS = str(Path(__file__).parent)

Reads = dict[str, set[tuple[CodeType, ...]]]  # answer key -> the call paths (in bshp_tui) that read it


def gates(scripts: list[Script]) -> set[str]:
    """The fields ("script.field") other answers hang on: the lists a step repeats over or a field
    takes its items from, the answers a condition reads, and the fields the plan's own rules read
    (scripts/refs.py)."""
    found = {ref.field for ref in vars(R).values() if isinstance(ref, R.Ref)}
    return found | set(links(scripts))


def links(scripts: list[Script]) -> dict[str, set[str]]:
    """Each field other fields hang on, with those fields (one link, as the prompt files say it)."""
    out: dict[str, set[str]] = defaultdict(set)
    for script in scripts:
        for step in script.steps:
            for fld in step.fields:
                sources = [
                    step.repeat,
                    step.condition and step.condition.ref,
                    fld.ref,
                    fld.condition and fld.condition.ref,
                    *(col.ref for col in fld.columns),
                ]
                for source in filter(None, sources):
                    out[source].add(fld.ref_id)
    return dict(out)


def dependents(scripts: list[Script]) -> dict[str, set[str]]:
    """Each field with every field that hangs on it, through any number of links."""
    direct = links(scripts)
    out: dict[str, set[str]] = {}
    for source in direct:
        seen: set[str] = set()
        todo = list(direct[source])
        while todo:
            ref = todo.pop()
            if ref not in seen:
                seen.add(ref)
                todo += direct.get(ref, ())
        out[source] = seen
    return out


def linked(scripts: list[Script], a: str, b: str) -> bool:
    below = dependents(scripts)
    return b in below.get(a, ()) or a in below.get(b, ())


def gate_groups(scripts: list[Script], fields: list[str]) -> list[list[str]]:
    """`fields` in groups that hang on none of each other, the most linked first (greedy)."""
    below = dependents(scripts)

    def ties(ref: str) -> set[str]:
        return below.get(ref, set()) | {src for src, deps in below.items() if ref in deps}

    groups: list[list[str]] = []
    for ref in sorted(fields, key=lambda f: (-len(ties(f) & set(fields)), f)):
        group = next((g for g in groups if not ties(ref) & set(g)), None)
        if group is None:
            groups.append([ref])
        else:
            group.append(ref)
    return groups


def hidden(clean: Reads, reads: Reads, key: str) -> set[tuple[CodeType, ...]]:
    """The places a fully answered session reads `key` that a pass did not read it at."""
    return clean.get(key, set()) - reads.get(key, set())


def _path() -> tuple[CodeType, ...]:
    """The calls (in bshp_tui) that led to a read, up to the test that started them."""
    frame = sys._getframe(2)
    out = []
    while frame is not None and not frame.f_code.co_filename.startswith(TESTS):
        if frame.f_code.co_filename.startswith(PACKAGE):
            out.append(frame.f_code)
        frame = frame.f_back
    return tuple(out)


class _ReadDict(dict):
    """The answers as a document builder reads them (Session.answers), recording each read."""

    def __init__(self, answers: dict[str, Any], reads: Reads):
        super().__init__(answers)
        self._reads = reads

    def get(self, key: str, default: Any = None) -> Any:
        self._reads[key].add(_path())
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self._reads[key].add(_path())
        return super().__getitem__(key)


class ReadingSession(MemorySession):
    """A MemorySession that records where each answer is read (`reads`)."""

    def __init__(self, answers: dict[str, Any] | None = None):
        super().__init__(answers)
        self.reads: Reads = defaultdict(set)

    def answer(self, key: str, default: Any = None) -> Any:
        self.reads[key].add(_path())
        return super().answer(key, default)

    def answers(self) -> dict[str, Any]:
        return _ReadDict(self._answers, self.reads)
