"""The `bshp` command's arguments: argparse speaking Norwegian (help, usage and usage errors) and
every subcommand with its options."""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from typing import NoReturn

# argparse's usage errors (the message handed to `error`), in Norwegian: patterns compiled only
# when an error is reported
_ERRORS_NB = [
    (r"the following arguments are required: (.*)", r"mangler argument: \1"),
    (r"unrecognized arguments: (.*)", r"ukjente argumenter: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ugyldig valg: \1 (velg blant \2)"),
    (r"expected one argument", "trenger én verdi"),
    (r"invalid \S+ value: (.*)", r"ugyldig verdi: \1"),
    (r"ambiguous option: (.*) could match (.*)", r"tvetydig valg: \1 kan bety \2"),
]


def _norwegian_error(message: str) -> str:
    argument, _, rest = message.partition(": ") if message.startswith("argument ") else ("", "", message)
    for pattern, replacement in _ERRORS_NB:
        if re.fullmatch(pattern, rest, re.S):
            rest = re.sub(pattern, replacement, rest, flags=re.S)
            break
    return f"{argument.removeprefix('argument ')}: {rest}" if argument else rest


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (and with it lzma and bz2): argparse
    builds a formatter for every add_argument, so this is on the path of every command."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            try:
                width = int(os.environ.get("COLUMNS", "") or 0) or os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
            except (ValueError, OSError, AttributeError):
                width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _NorwegianHelp(_Formatter):
    """argparse's help text with its own words in Norwegian."""

    _HEADINGS = {"positional arguments": "argumenter", "options": "valg"}

    def _format_usage(self, usage, actions, groups, prefix):
        return super()._format_usage(usage, actions, groups, "bruk: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(self._HEADINGS.get(heading or "", heading))


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Norwegian: help, usage and usage errors."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _NorwegianHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjelpeteksten og avslutt"
        )

    def error(self, message: str) -> NoReturn:  # exit code 2 for usage errors, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {_norwegian_error(message)}\nSe «{self.prog} --help».\n")


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """The `bshp` command's parser, made once per process (parsing leaves it unchanged)."""
    parser = _Parser(
        prog="bshp",
        description="Veiviser for boligsosial handlingsplan. Uten kommando starter appen.",
    )
    parser.add_argument(
        "--data", metavar="MAPPE", help="mappen øktene lagres i (standard: ./sessions, eller BSHP_DATA)"
    )
    parser.add_argument("--prompts", metavar="MAPPE", help="egne veiledningsfiler i stedet for de som følger med")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    sub.add_parser("list", help="vis øktene i datamappen")

    p = sub.add_parser("new", help="opprett en ny økt")
    p.add_argument("kommune", metavar="KOMMUNE", help="kommunens navn")
    p.add_argument("--period", metavar="ÅÅÅÅ-ÅÅÅÅ", help="planperioden, for eksempel 2027-2030")

    p = sub.add_parser("new-period", help="start neste planperiode fra en økt (økta selv endres ikke)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--period", metavar="ÅÅÅÅ-ÅÅÅÅ", required=True, help="den nye planperioden, for eksempel 2031-2034")

    p = sub.add_parser("dump", help="skriv hele økta som JSON")
    p.add_argument("id", metavar="ID")

    p = sub.add_parser("import", help="importer en økt fra en JSON-fil")
    p.add_argument("file", metavar="FIL")

    p = sub.add_parser("backups", help="vis sikkerhetskopiene av en økt")
    p.add_argument("id", metavar="ID")

    p = sub.add_parser("restore", help="gjenopprett en økt fra en sikkerhetskopi")
    p.add_argument("id", metavar="ID")
    p.add_argument("backup", metavar="KOPI", help="nummer fra «bshp backups ID» eller filnavn")

    p = sub.add_parser("export", help="lag planen, datagrunnlaget, arbeidsdokumentene eller saksframlegget som fil")
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--document",
        default="plan",
        choices=["plan", "grunnlag", "arbeidsdokumenter", "saksframlegg", "statusrapport", "alle", "referat"],
        help="hvilket dokument (standard: plan); statusrapport viser oppfølgingen av tiltakene; "
        "referat er referatet fra én dag",
    )
    p.add_argument("--year", metavar="ÅÅÅÅ", help="året statusrapporten gjelder (standard: siste år som er fulgt opp)")
    p.add_argument("--date", metavar="ÅÅÅÅ-MM-DD", help="dagen referatet gjelder (standard: siste dag noe ble lagret)")
    p.add_argument(
        "--format",
        default="docx",
        choices=["docx", "odt", "md", "html", "json"],
        help="filformat (standard: docx); json er pandocs dokumenttre, for egen pandoc-behandling",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="STI",
        help="filen dokumentet skal skrives til, eller en mappe som finnes (med --document alle: alltid en mappe)",
    )
    p.add_argument("--reference-doc", metavar="FIL", help="kommunens egen Word- eller ODT-mal")
    p.add_argument("--status", default="Utkast", help="status på forsiden, for eksempel Høringsutkast eller Vedtatt")

    p = sub.add_parser("region", help="lag en regional oppsummering av flere økter side om side")
    p.add_argument("ids", metavar="ID", nargs="+", help="øktene som skal med (se «bshp list»)")
    p.add_argument(
        "--format", choices=["docx", "odt", "md", "html"], help="filformat (standard: etter filnavnet, ellers docx)"
    )
    p.add_argument("-o", "--output", metavar="FIL", required=True, help="filen oppsummeringen skal skrives til")

    p = sub.add_parser("check-prompts", help="kontroller veiledningsfilene")
    p.add_argument("dir", metavar="MAPPE", nargs="?", help="mappen som skal kontrolleres")

    return parser
