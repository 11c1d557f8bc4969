"""The subcommands that list, create, dump, import and restore sessions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..guide.period import parse_period
from ..guide.saved_when import saved_when
from ..guide.session_start import record_start, same_plan
from .data import open_store
from .prompts import answer_checker, load_scripts


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    infos = store.list()
    if not infos:
        print(f"Ingen økter i «{store.data_dir}» ennå. Opprett en med: bshp new KOMMUNE --period 2027-2030")
        return 0
    from ..store.naming import printable

    rows = [("ID", "Kommune", "Planperiode", "Fremdrift", "Sist lagret")]
    damaged = []
    for info in infos:
        if not info.ok:
            damaged.append(info)
            continue
        progress = f"{round((info.progress or 0) * 100)} %"  # as the app's start screen shows it
        rows.append(
            (
                info.id,
                printable(info.municipality),
                printable(info.period) or "–",
                progress,
                printable(saved_when(info.updated)),
            )
        )
    if len(rows) > 1:
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        for row in rows:
            print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    for info in damaged:
        print(f"SKADET  {info.path.name}: {printable(info.damaged or '')}. Se «bshp backups {info.id}».")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    period = parse_period(args.period) if args.period else None
    store = open_store(args)
    scripts = load_scripts(args)
    twins = same_plan(store.list(), args.kommune, period)
    with store.create(args.kommune, period) as session:
        record_start(scripts, session, period)  # `bshp list` shows what the chat shows
        print(f"Opprettet økta «{session.id}» for {session.municipality} i {session.path}")
    if twins:
        files = ", ".join(t.path.name for t in twins)
        print(f"Merk: det fantes allerede et planarbeid for samme kommune og periode ({files}).", file=sys.stderr)
    return 0


def cmd_new_period(args: argparse.Namespace) -> int:
    from ..guide.new_period import start_new_period
    from ..store.naming import printable

    parse_period(args.period)  # a bad period is reported before anything is read
    carried = start_new_period(open_store(args), load_scripts(args), args.id, args.period)
    print(f"Opprettet økta «{carried.session_id}» for neste planperiode fra «{args.id}» (som ikke er endret).")
    print(
        f"  Tatt med: {carried.areas} målområder, mål, kartleggingen og {len(carried.measures)} tiltak "
        "som ikke er gjennomført eller avlyst, med historikken fra oppfølgingen."
    )
    if carried.left:
        print(f"  Ikke tatt med (gjennomført eller avlyst): {printable('; '.join(carried.left))}")
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    data = open_store(args).dump(args.id)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    session_id = store.import_file(Path(args.file), check=answer_checker(args))
    print(f"Importerte «{args.file}» som økta «{session_id}» i {store.path_for(session_id)}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    store = open_store(args)
    store.path_for(args.id)  # validates the id
    backups = store.backups(args.id)
    if not backups:
        print(f"Ingen sikkerhetskopier av «{args.id}» ennå. De lages når økta åpnes og mens dere jobber.")
        return 0
    from ..store.naming import printable

    for n, info in enumerate(backups, start=1):
        state = f"SKADET: {info.damaged}" if info.damaged else f"{info.answers} svar"
        print(printable(f"{n:>3}  {info.created:%Y-%m-%d %H:%M:%S}  {info.reason_text:<32}  {state}  ({info.name})"))
    print(f"Gjenopprett med: bshp restore {args.id} NUMMER")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = open_store(args)
    info = store.restore(args.id, args.backup)
    print(
        f"Gjenopprettet «{args.id}» fra sikkerhetskopien {info.created:%Y-%m-%d %H:%M:%S}. "
        "Tilstanden før gjenopprettingen er tatt vare på som en egen sikkerhetskopi."
    )
    return 0
