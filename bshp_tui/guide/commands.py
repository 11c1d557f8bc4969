"""Slash commands in the chat input (UI-free): names, help texts and completion."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PaletteEntry:
    """A line in the command palette that runs its command with `argument`."""

    title: str
    help: str
    argument: str = ""


@dataclass(frozen=True)
class Command:
    """One thing the group can do, declared once. The UI binds `name` to an action; the slash
    command, the key, the palette entries and the help line all come from here.

    `slash`: typed as `/name` in the chat. `key`: a Textual key (``ctrl+b``) shown in the footer as
    `label`. `scope`: "work" (the guided chat) or "app" (everywhere). `example`: what the help
    shows in place of `/name` (``/timer 10``)."""

    name: str
    help: str
    takes_argument: bool = False
    slash: bool = True
    key: str = ""
    label: str = ""
    show_key: bool = True
    priority: bool = False
    scope: str = "work"
    palette: tuple[PaletteEntry, ...] = ()
    example: str = ""


def key_name(key: str) -> str:
    """How a key is written for people: ``ctrl+b`` → Ctrl+B, ``f3`` → F3, ``escape`` → Esc."""
    names = {"escape": "Esc", "ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "space": "Mellomrom"}
    return "+".join(names.get(part, part.upper() if len(part) <= 3 else part.capitalize()) for part in key.split("+"))


def _p(title: str, help: str, argument: str = "") -> PaletteEntry:
    return PaletteEntry(title, help, argument)


# In order of what a group needs most: the help's command list, the palette and the key line
# follow it, and a narrow window cuts the key line from the end.
TABLE = [
    Command(
        "hjelp",
        "vis hjelpen",
        key="f1",
        label="Hjelp",
        scope="app",
        priority=True,
        palette=(_p("Hjelp", "Vis hjelpen (F1)"),),
    ),
    Command(
        "rediger",
        "åpne redigering av svaret (liste, tabell eller prioritering)",
        key="ctrl+e",
        label="Rediger",
        priority=True,
    ),
    Command(
        "tilbake",
        "gå tilbake til forrige spørsmål",
        key="ctrl+b",
        label="Tilbake",
        palette=(_p("Forrige spørsmål", "Gå tilbake til forrige spørsmål (Ctrl+B)"),),
    ),
    Command("steg", "vis eller skjul lista over steg", slash=False, key="f3", label="Steg"),
    Command(
        "forhandsvisning",
        "forhåndsvisning av planen ved siden av samtalen (egen skjerm i et smalt vindu)",
        slash=False,
        key="f4",
        label="Forhåndsvis",
    ),
    Command(
        "avslutt",
        "lagre og avslutt",
        slash=False,
        key="ctrl+q",
        label="Avslutt",
        scope="app",
        priority=True,
        palette=(_p("Avslutt", "Lagre og avslutt bshp (Ctrl+Q)"),),
    ),
    Command(
        "hopp",
        "hopp over dette spørsmålet inntil videre",
        key="ctrl+o",
        label="Hopp over",
        palette=(_p("Hopp over spørsmålet", "Hopp over dette spørsmålet inntil videre (Ctrl+O)"),),
    ),
    Command(
        "oktliste",
        "lagre og gå tilbake til øktlista",
        slash=False,
        key="escape",
        label="Øktliste",
        palette=(_p("Tilbake til øktlista", "Lagre og gå til lista over økter"),),
    ),
    Command(
        "neste",
        "gå til neste spørsmål uten å svare",
        key="ctrl+n",
        label="Neste",
        show_key=False,
        palette=(_p("Neste spørsmål", "Gå videre uten å svare (Ctrl+N)"),),
    ),
    Command(
        "matrise",
        "vis prioriteringsmatrisen: vurder tiltakene 1–4, se dem i 2×2-rutenett",
        palette=(_p("Prioriteringsmatrise", "Tiltakene i 2×2-rutenett"),),
    ),
    Command(
        "rangering",
        "vis den rangerte lista over tiltak",
        palette=(_p("Rangerte tiltak", "Tiltakene rangert etter prioriteringen"),),
    ),
    Command(
        "oversikt",
        "planoversikt: målområder, mål, strategier og tiltak",
        palette=(_p("Planoversikt", "Målområder, mål, strategier og tiltak"),),
    ),
    Command(
        "helse", "vis assistentens merknader om planen", palette=(_p("Planhelse", "Assistentens merknader om planen"),)
    ),
    Command(
        "forhandsvis",
        "forhåndsvis plandokumentet slik det blir",
        palette=(_p("Forhåndsvis planen", "Se plandokumentet slik det blir"),),
    ),
    Command(
        "eksporter",
        "lag plandokumentet som Word-fil (eller: /eksporter odt, /eksporter saksframlegg, "
        "/eksporter alle, /eksporter statusrapport 2028)",
        True,
        palette=(
            _p("Eksporter planen", "Lag plandokumentet som Word-fil"),
            _p(
                "Eksporter alle dokumentene",
                "Plan, saksframlegg, datagrunnlag og arbeidsdokumenter som Word-filer",
                "alle",
            ),
            _p(
                "Eksporter statusrapporten",
                "Oppfølgingen av tiltakene det siste året som er fulgt opp, som Word-fil",
                "statusrapport",
            ),
        ),
    ),
    Command(
        "samling",
        "dagens samling: velg hva dere skal gjøre og hvem som er til stede; dagsorden med klokke",
        palette=(_p("Dagens samling", "Dagsorden med klokke, og oppsummering til slutt"),),
    ),
    Command(
        "referat",
        "lag referatet fra dagens samling som Word-fil (eller: /referat odt, /referat 2027-03-14)",
        True,
        palette=(_p("Referat", "Referatet fra dagens samling som Word-fil"),),
    ),
    Command(
        "timer",
        "start en tidtaker, for eksempel /timer 10 (Ctrl+T starter og stopper)",
        True,
        key="ctrl+t",
        label="Tidtaker",
        example="/timer 10",
        palette=(_p("Start tidtaker", "Med minuttene steget foreslår, ellers 10 (Ctrl+T stopper)"),),
    ),
    Command(
        "igp",
        "start individ–gruppe–plenum med tidtaker for dette steget",
        palette=(_p("Start IGP", "Individ–gruppe–plenum med tidtaker"),),
    ),
    Command(
        "privat",
        "«tenk selv først»: skjulte innspill fra hver deltaker",
        palette=(_p("Tenk selv først", "Skjulte innspill fra hver deltaker"),),
    ),
    Command("vis", "vis de skjulte innspillene"),
    Command(
        "utkast",
        "hent fram utkastet dere skrev sist, i stedet for det lagrede svaret",
        key="ctrl+r",
        label="Hent utkast",
        show_key=False,
    ),
    Command(
        "kontrast",
        "høy kontrast (for prosjektor)",
        slash=False,
        key="f2",
        label="Kontrast",
        scope="app",
        show_key=False,
        palette=(_p("Høy kontrast", "Slå høy kontrast for prosjektor av eller på (F2)"),),
    ),
]
# The start screen's own keys (scope "start"): shown in its status line, not in the footer.
TABLE += [
    Command(
        "velg",
        "velg eller fjern økta til en regional oppsummering",
        slash=False,
        key="space",
        label="Velg",
        show_key=False,
        scope="start",
    ),
    Command(
        "region",
        "lag en regional oppsummering av øktene som er valgt",
        slash=False,
        key="r",
        label="Regional oppsummering",
        show_key=False,
        scope="start",
    ),
    Command(
        "nyperiode",
        "start neste planperiode fra økta som er valgt (den gamle endres ikke)",
        slash=False,
        key="p",
        label="Ny periode",
        show_key=False,
        scope="start",
    ),
]
COMMANDS = [c for c in TABLE if c.slash]  # the slash commands, in the order help lists them
BY_NAME = {c.name: c for c in COMMANDS}
IN_TABLE = {c.name: c for c in TABLE}


def help_table() -> str:
    """The slash commands as the Markdown table in ui/help.md."""
    rows = ["| Kommando | Hva den gjør |", "|---|---|"]
    for c in COMMANDS:
        also = f" (også {key_name(c.key)})" if c.key and c.scope == "work" and key_name(c.key) not in c.help else ""
        rows.append(f"| `{c.example or '/' + c.name}` | {c.help}{also} |")
    return "\n".join(rows)


def keys_line() -> str:
    """The keys that are not slash commands, as help: those of the guided chat and the whole app,
    then those of the start screen's session list (so nobody looks for them in the chat)."""

    def line(commands: list[Command]) -> str:
        return " · ".join(f"**{key_name(c.key)}** {c.help}" for c in commands if c.key)

    everywhere = [c for c in TABLE if c.scope != "start" and (not c.slash or c.scope == "app")]
    start = [c for c in TABLE if c.scope == "start"]
    return (
        line(everywhere)
        + " · **Ctrl+P** kommandopaletten"
        + (f"\n\nPå startskjermen (øktlista): {line(start)}" if start else "")
    )


ESCAPE = "//"  # an answer that starts with «/» is typed with two: «//50 prosent» is sent as «/50 prosent»
_TAIL = re.compile(r"/(\w+)(?:[ \t]+([^/\n]*?))?[ \t]*$")


def parse(text: str) -> tuple[str, str] | None:
    """("name", "argument") if `text` is a slash command, else None."""
    stripped = text.strip()
    if not stripped.startswith("/") or stripped.startswith(ESCAPE) or "\n" in stripped:
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
    escaped = len(body) - len(body.lstrip()) + len(ESCAPE) if body.lstrip().startswith(ESCAPE) else 0
    for n, char in enumerate(last):
        if char != "/" or last_start + n < escaped:
            continue
        match = _TAIL.fullmatch(last, n)
        if match is None:
            continue
        command = BY_NAME.get(match.group(1).lower())
        if command is None or (match.group(2) and not command.takes_argument):
            continue
        return body[: last_start + n].rstrip(), command.name, (match.group(2) or "").strip()
    return None


def unescape(text: str) -> str:
    """The answer text for what was typed: a leading «//» stands for one «/»."""
    stripped = text.lstrip()
    return stripped[1:] if stripped.startswith(ESCAPE) else text


def escape(text: str) -> str:
    """A stored answer as the input shows it: one that starts with «/» gets the second slash, so
    Enter sends it unchanged (the inverse of `unescape`)."""
    stripped = text.lstrip()
    return "/" + stripped if stripped.startswith("/") else text


def plausible_command(text: str) -> bool:
    """Whether a whole line starting with «/» may be a command (mistyped or half typed): a name of
    letters, with an argument only if it names a command that takes one. «/50 prosent av budsjettet»
    or «/budsjett er stramt» are text that starts with a slash, not commands."""
    parsed = parse(text)
    if parsed is None:
        return False
    name, arg = parsed
    if not arg:
        return name == "" or name.isalpha()
    command = BY_NAME.get(name)
    return command is not None and command.takes_argument


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


def unknown_message(typed: str, hidden: bool = False) -> str:
    """What to say about a line that starts with «/» but is no command; the text stays in the field.
    `hidden`: typed in the hidden-input box, so the text is not repeated."""
    parsed = parse(typed)
    name = parsed[0] if parsed else ""
    shown = typed.strip()
    if len(shown) > 24:  # the start of it, cut between words
        shown = (shown[:20].rsplit(" ", 1)[0] if " " in shown[:20] else shown[:20]) + " …"
    escape = (
        "Skal teksten begynne med skråstrek, skriv to (//)."
        if hidden
        else f"Skal svaret begynne med skråstrek, skriv to: «/{shown}»."
    )
    if hidden or not plausible_command(typed):
        return f"Ikke lagret: en linje som begynner med «/», leses som en kommando. {escape}"
    close = complete("/" + name[:2]) if name else []
    hint = f" Mente du /{close[0].name}?" if close else ""
    return f"Kjenner ikke kommandoen /{name}.{hint} Skriv /hjelp for å se alle kommandoene. {escape}"
