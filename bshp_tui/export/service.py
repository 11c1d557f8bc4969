"""Export a session's documents: the one place the CLI and the app call."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..guide.conductor import Conductor
from ..record import Record
from ..scripts.model import Script
from .completeness import unplaced_answers
from .document import BUILD_ORDER, DOCUMENTS, Builder
from .pandoc import FORMATS, Conversion, start
from .templates import OVERRIDE_DIR

ALL = "alle"
STATUS_REPORT = "statusrapport"


class ExportResult(Record):
    """One document written: where, and what it lacks."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, document: str, path: Path, missing: list[str], unplaced: list[str]):
        self.document = document
        self.path = path
        self.missing = missing  # what the group has not filled in, shown as "[Ikke utfylt: …]"
        self.unplaced = unplaced  # answers in none of the documents (none for the status report)


def unplaced_warning(results: list[ExportResult]) -> str:
    """A short Norwegian warning naming the answers that reached no document ("" if none)."""
    unplaced = results[0].unplaced if results else []
    if not unplaced:
        return ""
    shown = "; ".join(unplaced[:3]) + (f" (og {len(unplaced) - 3} til)" if len(unplaced) > 3 else "")
    return (
        f"{len(unplaced)} svar er ikke med i noe dokument: {shown}. Svarene er lagret og går ikke tapt; "
        "gi feltene en plass med «dokument:» i veiledningsfilene."
    )


def default_name(session_id: str, document: str, fmt: str) -> str:
    return f"{session_id}-{document}.{fmt}"


def export(
    scripts: list[Script],
    session,
    documents: str,
    fmt: str,
    output: Path | None,
    reference_doc: Path | None = None,
    status: str = "Utkast",
    template_dirs: list[Path] | None = None,
    year: int | None = None,
) -> list[ExportResult]:
    """Write one or all documents. `output` is a file for one document, or a folder (for all,
    or when it is an existing folder). The status report (`statusrapport`) is for `year`, or the
    latest year followed up."""
    if documents == STATUS_REPORT:
        return [export_status_report(scripts, session, fmt, output, reference_doc, status, year)]
    kinds = list(DOCUMENTS) if documents == ALL else [documents]
    for kind in kinds:
        if kind not in DOCUMENTS:
            raise UsageError(
                f"Ukjent dokument «{documents}». Velg plan, grunnlag, arbeidsdokumenter, statusrapport eller alle."
            )
    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    data_dir = session.store.data_dir
    if template_dirs is None:
        template_dirs = [data_dir / OVERRIDE_DIR] if data_dir else []
    cache_dir = data_dir / ".cache" if data_dir else None
    targets = {kind: _target(output, session.id, kind, fmt, several=len(kinds) > 1) for kind in kinds}
    conductor = Conductor(scripts, session)
    builder = Builder(conductor, status=status, template_dirs=template_dirs, cache_dir=cache_dir)
    queue = [kind for kind in BUILD_ORDER if kind in targets]  # in the order they are built
    missing: dict[str, list[str]] = {}
    written: dict[str, Path] = {}
    waiting: dict[str, Conversion] = {}  # pandoc started, waiting for its document
    running: tuple[str, Conversion] | None = None
    try:
        # Each pandoc starts up while its document is built, and converts it while the next is
        # built (and, for the last, while the answers no document placed are worked out): one
        # pandoc converts at a time, and the next waits for its document.
        waiting[queue[0]] = start(targets[queue[0]], fmt, reference_doc)
        for kind, document, left in builder.build_each(kinds):
            if kind not in targets:
                continue
            missing[kind] = left
            if running is not None:
                done, running = running, None
                written[done[0]] = done[1].finish()
            running = (kind, waiting.pop(kind).send(document))
            later = queue[queue.index(kind) + 1 :]
            if later:
                waiting[later[0]] = start(targets[later[0]], fmt, reference_doc)
        unplaced = unplaced_answers(conductor, builder.placed)
        if running is not None:
            done, running = running, None
            written[done[0]] = done[1].finish()
    finally:
        for conversion in [*waiting.values(), *([running[1]] if running else [])]:
            conversion.abandon()
    return [ExportResult(kind, written[kind], missing[kind], unplaced) for kind in kinds]


def _target(output: Path | None, session_id: str, kind: str, fmt: str, several: bool = False) -> Path:
    """Where a document goes: `output` itself, or its default name in the folder `output` (always
    when `several` documents are written or `output` has no file ending, and then the folder must
    exist)."""
    if output is None:
        return Path(default_name(session_id, kind, fmt))
    if output.is_dir() or several or not output.suffix:  # a name without an ending means a folder
        if several and output.suffix and not output.is_dir():
            raise UsageError(
                f"Med --document alle blir det flere filer, så -o må være en mappe, ikke «{output}». "
                f"Skriv for eksempel -o {output.with_suffix('')} (mappen må finnes), eller velg ett "
                "dokument med --document plan."
            )
        if not output.exists():
            raise UsageError(
                f"Mappen «{output}» finnes ikke. Opprett den, velg en annen mappe, eller skriv "
                f"et filnavn med endelse (for eksempel plan.{fmt})."
            )
        return output / default_name(session_id, kind, fmt)
    return output


def export_status_report(
    scripts: list[Script],
    session,
    fmt: str,
    output: Path | None,
    reference_doc: Path | None = None,
    status: str = "Utkast",
    year: int | None = None,
) -> ExportResult:
    """Write the status report for `year` (see statusreport.py)."""
    from .statusreport import build_status_report

    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    conversion = start(_target(output, session.id, STATUS_REPORT, fmt), fmt, reference_doc)
    try:
        document, missing = build_status_report(Conductor(scripts, session), year, status)
        target = conversion.send(document).finish()
    finally:
        conversion.abandon()
    return ExportResult(STATUS_REPORT, target, missing, [])
