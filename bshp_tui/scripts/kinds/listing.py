"""liste: a list of points, stored as [{"id": "a1b2c3", "tekst": "..."}].

Ids are stable: editing the list keeps the id of unchanged and renamed points, so answers that
point at a point (ratings, action-plan rows, repeated steps) follow it.
"""

from __future__ import annotations

import re
from typing import Any

from .. import values as V
from .base import Kind, plain_text, wrong

_LOOKS_LIKE_BULLET = re.compile(r"^\s*[-*•](\s|$)")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")  # «1. », «12) »: the number of a numbered list
_COUNT = re.compile(r"^\s*(\d+)\s*(?:[–-]\s*(\d+)\s*)?$")


class List(Kind):
    name = "liste"
    description = "en liste med punkter"
    order = 20
    keys = frozenset({"standard", "antall"})
    list_keys = frozenset({"standard"})
    gives_items = True
    one_entry_per_line = True
    expected = "en liste med punkter"

    def load(self, fld, block) -> None:
        """`antall: 2–4`: how many points the guide suggests. An answer outside it gets a remark
        from the assistant, never a refusal (the list-count rule in guide/health.py)."""
        entry = block.entry("antall")
        if entry is None:
            return
        match = _COUNT.match(str(entry.value))
        low, high = (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, 0)
        if not match or low < 1 or high < low:
            block.error(
                entry.line,
                "antall: skriv hvor mange punkter veiledningen foreslår, for eksempel «antall: 2–4» eller «antall: 3».",
            )
            return
        fld.count = (low, high)

    def parse(self, c, pos, fld, raw: str) -> list[dict]:
        taken = {i.id for i in c.items(fld.ref_id)}
        return V.merge_list(c.value(pos), list_lines(raw), taken)

    def question_hint(self, c, fld) -> str:
        return "*Ett punkt per linje.*"

    def _input_text(self, c, fld, value: Any) -> str:
        return "\n".join(keep_marker(item["tekst"]) for item in value)

    def _display_text(self, c, fld, value: Any) -> str:
        return "\n".join(f"- {item['tekst']}" for item in value)

    def _readable(self, value: Any, fld) -> list[dict]:
        out = []
        for entry in value if isinstance(value, list) else [value]:
            item = readable_entry(entry, "tekst")
            if item is not None:
                if not isinstance(item.get("tekst"), str):
                    item["tekst"] = plain_text(item.get("tekst"))
                out.append(item)
        return out

    def entries(self, value: Any, column: str | None = None) -> list[tuple[str, str]]:
        if not isinstance(value, list):
            return []
        out = []
        for entry in value:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                text = plain_text(entry.get("tekst")).strip()
                if text:
                    out.append((entry["id"], text))
        return out

    def _stored_problem(self, value: Any, fld) -> str | None:
        if not isinstance(value, list):
            return wrong(self.expected, value)
        for n, item in enumerate(value, start=1):
            problem = entry_problem(item, f"punkt {n}: ")
            if problem is None and not isinstance(item.get("tekst"), str):
                problem = wrong("tekst", item.get("tekst"), f"punkt {n}: «tekst»: ")
            if problem:
                return problem
        return None


def readable_entry(entry: Any, text_key: str) -> dict | None:
    """A list point or table row of any shape as an object with a text id (None is left out)."""
    if entry is None:
        return None
    if not isinstance(entry, dict):
        return {"id": "", text_key: plain_text(entry)}
    out = dict(entry)
    if not isinstance(out.get("id"), str):
        out["id"] = ""
    return out


def list_lines(raw: str) -> list[str]:
    """The points typed, one per line, without list markers: a bullet («- », «• », «* ») on any line,
    and the numbers of a numbered list («1. », «2) ») when two lines or more carry one, as in a list
    pasted from a document. A number after a bullet («- 2. etasje») and a plain number at the start
    of a sentence («2 nye boliger») are part of the text."""
    lines = []
    for line in raw.splitlines():
        kept = V.split_lines(line)
        if kept:
            lines.append((kept[0], kept[0] != line.strip()))  # (the text, whether a bullet was taken off)
    numbered = sum(1 for text, bulleted in lines if not bulleted and _NUMBERED.match(text)) >= 2
    out = []
    for text, bulleted in lines:
        if numbered and not bulleted:
            text = _NUMBERED.sub("", text).strip()
        if text:
            out.append(text)
    return out


def keep_marker(line: str) -> str:
    """A point that itself starts like a bullet or a list number gets a bullet, so reading the line
    back keeps it whole."""
    return "- " + line if _LOOKS_LIKE_BULLET.match(line) or _NUMBERED.match(line) else line


def keep_bullet(line: str) -> str:
    """A line that itself starts like a bullet gets one, so reading the line back keeps it whole."""
    return "- " + line if _LOOKS_LIKE_BULLET.match(line) else line


def entry_problem(entry: Any, where: str) -> str | None:
    """A list point or table row: an object with a text id."""
    if not isinstance(entry, dict):
        return wrong("et objekt med «id»", entry, where)
    if not isinstance(entry.get("id"), str) or not entry["id"]:
        return f"{where}mangler «id» (tekst)"
    return None
