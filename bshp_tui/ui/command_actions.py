"""The one place where the command table (guide/commands.py) meets the UI: each command's name
mapped to its action, and the key bindings and palette entries made from the table."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Any

from textual.binding import Binding, BindingType

from ..guide import commands as cmd

# name in the table → action (method `action_<action>`) on the guided chat (scope "work") or the app
ACTIONS = {
    "tilbake": "back",
    "neste": "next",
    "hopp": "skip",
    "rediger": "edit",
    "matrise": "matrix",
    "rangering": "ranked",
    "oversikt": "overview",
    "helse": "health",
    "forhandsvis": "preview_screen",
    "eksporter": "export",
    "samling": "samling",
    "referat": "referat",
    "timer": "timer",
    "igp": "igp",
    "privat": "private",
    "vis": "reveal",
    "utkast": "take_draft",
    "steg": "toggle_steps",
    "forhandsvisning": "toggle_preview",
    "oktliste": "close",
    "hjelp": "help",
    "kontrast": "toggle_contrast",
    "avslutt": "quit",
    "velg": "mark",
    "region": "region",
    "nyperiode": "new_period",
}


def bindings(scope: str) -> list[Binding]:
    """The key bindings of one scope, in table order."""
    return [
        Binding(c.key, ACTIONS[c.name], c.label, show=c.show_key, priority=c.priority, id=c.name)
        for c in cmd.TABLE
        if c.key and c.scope == scope
    ]


def with_capitals(keys: list[Binding]) -> list[BindingType]:
    """`keys` and, for each letter key, the same letter with Shift or Caps Lock (not in the key line)."""
    return [
        *keys,
        *[
            Binding(b.key.upper(), b.action, b.description, show=False, priority=b.priority)
            for b in keys
            if len(b.key) == 1 and b.key.isalpha() and b.key.islower()
        ],
    ]


async def run(work, name: str, arg: str = "") -> None:
    """Run command `name` (with its argument, if it takes one) for the guided chat `work`."""
    command = cmd.IN_TABLE[name]
    target = work.app if command.scope == "app" else work
    method = getattr(target, "action_" + ACTIONS[name])
    result = method(arg) if command.takes_argument else method()
    if inspect.isawaitable(result):
        await result


def palette(app, work) -> Iterable[tuple[str, str, Callable[[], Any]]]:
    """(title, help, callback) for each palette entry in table order; the guided chat's entries
    only when `work` (the guided chat the palette was opened from) is given."""
    for command in cmd.TABLE:
        if command.scope == "work" and work is None or command.scope == "start":
            continue
        for entry in command.palette:
            if command.scope == "app" and not command.takes_argument:
                callback = getattr(app, "action_" + ACTIONS[command.name])
            else:
                callback = _runner(work, command.name, entry.argument)
            # The slash command in the title: searching finds it, and the palette teaches it.
            typed = f"/{command.name} {entry.argument}".strip() if command.slash else ""
            yield (f"{entry.title} ({typed})" if typed else entry.title), entry.help, callback


def _runner(work, name: str, arg: str):
    async def run_it() -> None:
        await run(work, name, arg)

    return run_it
