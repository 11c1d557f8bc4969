"""Slash commands in the chat input (UI-free): names, help texts and completion."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    takes_argument: bool = False


COMMANDS = [
    Command("tilbake", "gå tilbake til forrige spørsmål"),
    Command("neste", "gå til neste spørsmål uten å svare"),
    Command("hopp", "hopp over dette spørsmålet inntil videre"),
    Command("oversikt", "planoversikt: målområder, mål, strategier og tiltak"),
    Command("rediger", "åpne redigering av svaret (liste, tabell eller prioritering)"),
    Command("rangering", "vis den rangerte lista over tiltak"),
    Command("matrise", "vis prioriteringsmatrisen (2×2)"),
    Command("helse", "vis assistentens merknader om planen"),
    Command("forhandsvis", "forhåndsvis plandokumentet"),
    Command("eksporter", "lag plandokumentet som Word-fil (eller: /eksporter odt, /eksporter alle)", True),
    Command("timer", "start en tidtaker, for eksempel /timer 10", True),
    Command("igp", "start individ–gruppe–plenum med tidtaker for dette steget"),
    Command("privat", "«tenk selv først»: skjulte innspill fra hver deltaker"),
    Command("vis", "vis de skjulte innspillene"),
    Command("hjelp", "vis hjelpen"),
    Command("utkast", "hent fram utkastet dere skrev sist, i stedet for det lagrede svaret"),
]
BY_NAME = {c.name: c for c in COMMANDS}
_TAIL = re.compile(r"/(\w+)(?:[ \t]+([^/\n]*?))?[ \t]*$")


def parse(text: str) -> tuple[str, str] | None:
    """("name", "argument") if `text` is a slash command, else None."""
    stripped = text.strip()
    if not stripped.startswith("/") or "\n" in stripped:
        return None
    name, _, arg = stripped[1:].partition(" ")
    return name.lower(), arg.strip()


def split(text: str) -> tuple[str, str, str] | None:
    """A command in what was typed, as (the rest of the text, name, argument), or None.

    The rule (see ui/help.md): a line that is only `/navn` is a command (known or not). After other
    text, a known command at the very end of the last line counts too (`2027–2030/tilbake`, or
    `/tilbake` on a line of its own under a list); the text before it is kept, not sent. A word
    with a slash that is not a command («og/eller») is ordinary text."""
    whole = parse(text)
    if whole is not None:
        return "", whole[0], whole[1]
    body = text.rstrip()
    last_start = body.rfind("\n") + 1
    last = body[last_start:]
    for n, char in enumerate(last):
        if char != "/":
            continue
        match = _TAIL.fullmatch(last, n)
        if match is None:
            continue
        command = BY_NAME.get(match.group(1).lower())
        if command is None or (match.group(2) and not command.takes_argument):
            continue
        return body[:last_start + n].rstrip(), command.name, (match.group(2) or "").strip()
    return None


def half_typed(text: str) -> str | None:
    """The start of a command at the end of an answer (`2027–2030/tilb`), which is refused rather
    than saved: the group most likely meant the command."""
    match = re.search(r"/(\w{3,})[ \t]*$", text.rstrip("\n").rsplit("\n", 1)[-1])
    if match and any(c.name.startswith(match.group(1).lower()) for c in COMMANDS):
        return match.group(1)
    return None


def complete(prefix: str) -> list[Command]:
    """Commands whose name starts with what was typed after the slash."""
    if not prefix.startswith("/"):
        return []
    typed = prefix[1:].lower()
    return [c for c in COMMANDS if c.name.startswith(typed)]


def unknown_message(name: str) -> str:
    close = complete("/" + name[:2]) if name else []
    hint = f" Mente du /{close[0].name}?" if close else ""
    return f"Kjenner ikke kommandoen /{name}.{hint} Skriv /hjelp for å se alle kommandoene."
