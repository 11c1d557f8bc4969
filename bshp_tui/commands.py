"""Slash commands in the chat input (UI-free): names, help texts and completion."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    help: str


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
    Command("eksporter", "lag plandokumentet som Word-fil (eller: /eksporter odt, /eksporter alle)"),
    Command("timer", "start en tidtaker, for eksempel /timer 10"),
    Command("igp", "start individ–gruppe–plenum med tidtaker for dette steget"),
    Command("privat", "«tenk selv først»: skjulte innspill fra hver deltaker"),
    Command("vis", "vis de skjulte innspillene"),
    Command("hjelp", "vis hjelpen"),
]


def parse(text: str) -> tuple[str, str] | None:
    """("name", "argument") if `text` is a slash command, else None."""
    stripped = text.strip()
    if not stripped.startswith("/") or "\n" in stripped:
        return None
    name, _, arg = stripped[1:].partition(" ")
    return name.lower(), arg.strip()


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
