"""The `bshp` command: the app by default, and subcommands for scripts and rescue work.

Exit codes: 0 ok, 1 failure, 2 bad input or usage. Messages are in Norwegian and name the file
and what to do.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from .errors import BshpError, UsageError
from .guide.period import parse_period, record_period

DEFAULT_DATA = Path("sessions")

# argparse's usage errors (the message handed to `error`), in Norwegian
_ERRORS_NB = [
    (re.compile(r"the following arguments are required: (.*)", re.S), r"mangler argument: \1"),
    (re.compile(r"unrecognized arguments: (.*)", re.S), r"ukjente argumenter: \1"),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)", re.S), r"ugyldig valg: \1 (velg blant \2)"),
    (re.compile(r"expected one argument"), "trenger én verdi"),
    (re.compile(r"invalid \S+ value: (.*)", re.S), r"ugyldig verdi: \1"),
    (re.compile(r"ambiguous option: (.*) could match (.*)", re.S), r"tvetydig valg: \1 kan bety \2"),
]


def _norwegian_error(message: str) -> str:
    argument, _, rest = message.partition(": ") if message.startswith("argument ") else ("", "", message)
    for pattern, replacement in _ERRORS_NB:
        if pattern.fullmatch(rest):
            rest = pattern.sub(replacement, rest)
            break
    return f"{argument.removeprefix('argument ')}: {rest}" if argument else rest


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (and with it lzma and bz2): argparse
    builds a formatter for every add_argument, so this is on the path of every command."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None):
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
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="vis denne hjelpeteksten og avslutt")

    def error(self, message: str) -> NoReturn:  # exit code 2 for usage errors, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {_norwegian_error(message)}\nSe «{self.prog} --help».\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bshp",
        description="Veiviser for boligsosial handlingsplan. Uten kommando starter appen.",
    )
    parser.add_argument("--data", metavar="MAPPE", help="mappen øktene lagres i (standard: ./sessions, eller BSHP_DATA)")
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
    p.add_argument("--document", default="plan",
                   choices=["plan", "grunnlag", "arbeidsdokumenter", "saksframlegg", "statusrapport", "alle", "referat"],
                   help="hvilket dokument (standard: plan); statusrapport viser oppfølgingen av tiltakene; "
                        "referat er referatet fra én dag")
    p.add_argument("--year", metavar="ÅÅÅÅ", help="året statusrapporten gjelder (standard: siste år som er fulgt opp)")
    p.add_argument("--date", metavar="ÅÅÅÅ-MM-DD",
                   help="dagen referatet gjelder (standard: siste dag noe ble lagret)")
    p.add_argument("--format", default="docx", choices=["docx", "odt", "md", "html", "json"],
                   help="filformat (standard: docx); json er pandocs dokumenttre, for egen pandoc-behandling")
    p.add_argument("-o", "--output", metavar="STI", help="filen eller mappen dokumentet skal skrives til")
    p.add_argument("--reference-doc", metavar="FIL", help="kommunens egen Word- eller ODT-mal")
    p.add_argument("--status", default="Utkast", help="status på forsiden, for eksempel Høringsutkast eller Vedtatt")

    p = sub.add_parser("region", help="lag en regional oppsummering av flere økter side om side")
    p.add_argument("ids", metavar="ID", nargs="+", help="øktene som skal med (se «bshp list»)")
    p.add_argument("--format", choices=["docx", "odt", "md", "html"],
                   help="filformat (standard: etter filnavnet, ellers docx)")
    p.add_argument("-o", "--output", metavar="FIL", required=True, help="filen oppsummeringen skal skrives til")

    p = sub.add_parser("check-prompts", help="kontroller veiledningsfilene")
    p.add_argument("dir", metavar="MAPPE", nargs="?", help="mappen som skal kontrolleres")

    return parser


def data_dir(args: argparse.Namespace) -> Path:
    if args.data:
        return Path(args.data)
    env = os.environ.get("BSHP_DATA")
    return Path(env) if env else DEFAULT_DATA


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _clean_orphans(args)
        if args.command is None:
            return _run_app(args)
        handler = _COMMANDS[args.command]
        return handler(args)
    except BshpError as exc:
        print(f"bshp: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 1


def _clean_orphans(args: argparse.Namespace) -> None:
    """Temp files left by a killed writer (an import, a save) go at the start of any command."""
    folder = data_dir(args)
    if folder.is_dir():
        try:
            _store(args).clean_orphans()
        except OSError:
            pass  # tidying up never stops a command


def _store(args: argparse.Namespace):
    from .store.sessions import SessionStore

    return SessionStore(data_dir(args))


def _run_app(args: argparse.Namespace) -> int:
    from .ui.app import run_app

    return run_app(data_dir(args), Path(args.prompts) if args.prompts else None)


def _cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    infos = store.list()
    if not infos:
        print(f"Ingen økter i «{store.data_dir}» ennå. Opprett en med: bshp new KOMMUNE --period 2027-2030")
        return 0
    from .store.naming import printable

    rows = [("ID", "Kommune", "Planperiode", "Fremdrift", "Sist lagret")]
    damaged = []
    for info in infos:
        if not info.ok:
            damaged.append(info)
            continue
        progress = f"{round((info.progress or 0) * 100)} %"  # as the app's start screen shows it
        rows.append((info.id, printable(info.municipality), printable(info.period) or "–", progress,
                     printable(_short_time(info.updated))))
    if len(rows) > 1:
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        for row in rows:
            print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    for info in damaged:
        print(f"SKADET  {info.path.name}: {printable(info.damaged or '')}. Se «bshp backups {info.id}».")
    return 0


def _short_time(iso: str) -> str:
    return iso[:16].replace("T", " ") if iso else "–"


def _cmd_new(args: argparse.Namespace) -> int:
    period = parse_period(args.period) if args.period else None
    store = _store(args)
    with store.create(args.kommune, period) as session:
        record_period(session, period)
        print(f"Opprettet økta «{session.id}» for {session.municipality} i {session.path}")
    return 0


def _cmd_new_period(args: argparse.Namespace) -> int:
    from .guide.new_period import start_new_period
    from .store.naming import printable

    parse_period(args.period)  # a bad period is reported before anything is read
    carried = start_new_period(_store(args), _load_scripts(args), args.id, args.period)
    print(f"Opprettet økta «{carried.session_id}» for neste planperiode fra «{args.id}» (som ikke er endret).")
    print(f"  Tatt med: {carried.areas} målområder, mål, kartleggingen og {len(carried.measures)} tiltak "
          "som ikke er gjennomført eller avlyst, med historikken fra oppfølgingen.")
    if carried.left:
        print(f"  Ikke tatt med (gjennomført eller avlyst): {printable('; '.join(carried.left))}")
    return 0


def _cmd_dump(args: argparse.Namespace) -> int:
    data = _store(args).dump(args.id)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    store = _store(args)
    session_id = store.import_file(Path(args.file), check=_answer_checker(args))
    print(f"Importerte «{args.file}» som økta «{session_id}» i {store.path_for(session_id)}")
    return 0


def _cmd_backups(args: argparse.Namespace) -> int:
    store = _store(args)
    store.path_for(args.id)  # validates the id
    backups = store.backups(args.id)
    if not backups:
        print(f"Ingen sikkerhetskopier av «{args.id}» ennå. De lages når økta åpnes og mens dere jobber.")
        return 0
    from .store.naming import printable

    for n, info in enumerate(backups, start=1):
        state = f"SKADET: {info.damaged}" if info.damaged else f"{info.answers} svar"
        print(printable(f"{n:>3}  {info.created:%Y-%m-%d %H:%M:%S}  {info.reason_text:<32}  {state}  ({info.name})"))
    print(f"Gjenopprett med: bshp restore {args.id} NUMMER")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    store = _store(args)
    info = store.restore(args.id, args.backup)
    print(
        f"Gjenopprettet «{args.id}» fra sikkerhetskopien {info.created:%Y-%m-%d %H:%M:%S}. "
        "Tilstanden før gjenopprettingen er tatt vare på som en egen sikkerhetskopi."
    )
    return 0


def _cmd_check_prompts(args: argparse.Namespace) -> int:
    from .scripts import refs
    from .scripts.loader import check_folder, default_prompts_dir

    folder = Path(args.dir) if args.dir else (Path(args.prompts) if args.prompts else default_prompts_dir())
    scripts, problems = check_folder(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} feil i «{folder}». Rett dem og kjør kontrollen igjen.", file=sys.stderr)
        return 2
    ref_problems = refs.check(scripts)
    for ref_problem in ref_problems:
        print(f"{folder}: {ref_problem}", file=sys.stderr)
    fatal = [p for p in ref_problems if p.level == "feil"]
    if fatal:
        print(f"{len(fatal)} feil i «{folder}»: feltene over kan ikke brukes slik appen trenger. "
              "Rett dem og kjør kontrollen igjen.", file=sys.stderr)
        return 2
    steps = sum(len(s.steps) for s in scripts)
    warned = f", med {len(ref_problems)} advarsler om hva som blir utelatt" if ref_problems else ""
    print(f"OK: {len(scripts)} veiledninger med {steps} steg i «{folder}»{warned}.")
    return 0


def _load_scripts(args: argparse.Namespace):
    from .scripts.cache import load_folder_cached
    from .scripts.loader import ScriptErrors, default_prompts_dir

    folder = Path(args.prompts) if args.prompts else default_prompts_dir()
    try:
        return load_folder_cached(folder, data_dir(args) / ".cache")
    except ScriptErrors as exc:
        lines = "\n".join(str(e) for e in exc.errors[:10])
        raise UsageError(f"Veiledningsfilene i «{folder}» har feil:\n{lines}\nRett dem (se «bshp check-prompts»).") from None


def _answer_checker(args: argparse.Namespace):
    """Checks imported answers against the field kinds of the prompt files in use (--prompts).
    The prompt files are read only for a file that passed the session format."""
    from .scripts.kinds import answer_problems

    def check(data: dict) -> list[str]:
        return answer_problems(_load_scripts(args), data)

    return check


def _year(text: str) -> int:
    if not re.fullmatch(r"\s*\d{4}\s*", text) or not 2000 <= int(text) <= 2100:
        raise UsageError(f"Ugyldig år «{text}». Skriv året med fire sifre, for eksempel 2028.")
    return int(text)


def _cmd_export(args: argparse.Namespace) -> int:
    from .export.service import export

    year = _year(args.year) if args.year else None
    if year is not None and args.document != "statusrapport":
        raise UsageError("--year gjelder bare statusrapporten. Bruk --document statusrapport --year ÅÅÅÅ.")
    scripts = _load_scripts(args)
    store = _store(args)
    if args.document == "referat" or args.date:
        return _export_minutes(args, scripts, store)
    session = store.open(args.id, read_only=True)
    try:
        results = export(
            scripts, session, args.document, args.format,
            Path(args.output) if args.output else None,
            Path(args.reference_doc) if args.reference_doc else None,
            status=args.status, year=year,
        )
    finally:
        session.close()
    for result in results:
        print(f"Skrev {result.path}")
        if result.missing:
            print(f"  Ikke utfylt eller å sjekke ({len(result.missing)}), vist i [hakeparentes] i dokumentet:")
            for what in result.missing:
                print(f"  - {what}")
    unplaced = results[0].unplaced if results else []
    if unplaced:
        print(f"bshp: advarsel: {len(unplaced)} svar er ikke med i noe dokument:", file=sys.stderr)
        for what in unplaced:
            print(f"  - {what}", file=sys.stderr)
        print("  Svarene er lagret og går ikke tapt. Gi feltene en plass med «dokument:» i veiledningsfilene "
              "(se prompts/README.md), eller svar på nytt der vilkåret er oppfylt.", file=sys.stderr)
    return 0


def _cmd_region(args: argparse.Namespace) -> int:
    from .export.region import export_region
    from .store.naming import printable

    output = Path(args.output)
    suffix = output.suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in ("docx", "odt", "md", "html") else "docx")
    if output.is_dir():
        output = output / f"region.{fmt}"
    region = export_region(_store(args), _load_scripts(args), args.ids, fmt, output)
    for session_id, why in region.skipped:
        print(printable(f"bshp: advarsel: hoppet over «{session_id}»: {why}"), file=sys.stderr)
    count = len(region.kommuner)
    print(f"Skrev {output} med {count} {'kommune' if count == 1 else 'kommuner'}.")
    return 0


def _export_minutes(args: argparse.Namespace, scripts, store) -> int:
    from .export.minutes import export_minutes

    if args.document != "referat":
        raise UsageError("--date gjelder bare referatet: bruk --document referat --date ÅÅÅÅ-MM-DD.")
    session = store.open(args.id, read_only=True)
    try:
        path = export_minutes(scripts, session, args.format, Path(args.output) if args.output else None,
                              args.date, Path(args.reference_doc) if args.reference_doc else None)
    finally:
        session.close()
    print(f"Skrev {path}")
    return 0


_COMMANDS = {
    "list": _cmd_list,
    "new": _cmd_new,
    "new-period": _cmd_new_period,
    "dump": _cmd_dump,
    "import": _cmd_import,
    "backups": _cmd_backups,
    "restore": _cmd_restore,
    "check-prompts": _cmd_check_prompts,
    "export": _cmd_export,
    "region": _cmd_region,
}


if __name__ == "__main__":
    sys.exit(main())
