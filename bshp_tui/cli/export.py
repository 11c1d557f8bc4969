"""The subcommands that write documents: `export` (a document, all of them, or a day's minutes)
and `region` (several sessions side by side)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..errors import UsageError
from .data import open_store
from .prompts import load_scripts


def _year(text: str) -> int:
    if not re.fullmatch(r"\s*\d{4}\s*", text) or not 2000 <= int(text) <= 2100:
        raise UsageError(f"Ugyldig år «{text}». Skriv året med fire sifre, for eksempel 2028.")
    return int(text)


def cmd_export(args: argparse.Namespace) -> int:
    from ..export.service import export

    year = _year(args.year) if args.year else None
    if year is not None and args.document != "statusrapport":
        raise UsageError("--year gjelder bare statusrapporten. Bruk --document statusrapport --year ÅÅÅÅ.")
    scripts = load_scripts(args)
    store = open_store(args)
    if args.document == "referat" or args.date:
        return _export_minutes(args, scripts, store)
    session = store.open(args.id, read_only=True)
    try:
        results = export(
            scripts,
            session,
            args.document,
            args.format,
            Path(args.output) if args.output else None,
            Path(args.reference_doc) if args.reference_doc else None,
            status=args.status,
            year=year,
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
        print(
            "  Svarene er lagret og går ikke tapt. Gi feltene en plass med «dokument:» i veiledningsfilene "
            "(se prompts/README.md), eller svar på nytt der vilkåret er oppfylt.",
            file=sys.stderr,
        )
    return 0


def cmd_region(args: argparse.Namespace) -> int:
    from ..export.region import export_region
    from ..store.naming import printable

    output = Path(args.output)
    suffix = output.suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in ("docx", "odt", "md", "html") else "docx")
    if output.is_dir():
        output = output / f"region.{fmt}"
    region = export_region(open_store(args), load_scripts(args), args.ids, fmt, output)
    for session_id, why in region.skipped:
        print(printable(f"bshp: advarsel: hoppet over «{session_id}»: {why}"), file=sys.stderr)
    count = len(region.kommuner)
    print(f"Skrev {output} med {count} {'kommune' if count == 1 else 'kommuner'}.")
    return 0


def _export_minutes(args: argparse.Namespace, scripts, store) -> int:
    from ..export.minutes import export_minutes

    if args.document != "referat":
        raise UsageError("--date gjelder bare referatet: bruk --document referat --date ÅÅÅÅ-MM-DD.")
    session = store.open(args.id, read_only=True)
    try:
        path = export_minutes(
            scripts,
            session,
            args.format,
            Path(args.output) if args.output else None,
            args.date,
            Path(args.reference_doc) if args.reference_doc else None,
        )
    finally:
        session.close()
    print(f"Skrev {path}")
    return 0
