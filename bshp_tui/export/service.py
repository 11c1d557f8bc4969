"""Export a session's documents: the one place the CLI and the app call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..guide.conductor import Conductor
from ..scripts.model import Script
from .document import DOCUMENTS, build_documents
from .pandoc import FORMATS, convert
from .templates import OVERRIDE_DIR

ALL = "alle"
STATUS_REPORT = "statusrapport"


@dataclass
class ExportResult:
    document: str
    path: Path
    missing: list[str]  # what the group has not filled in, shown as "[Ikke utfylt: …]"
    unplaced: list[str] = field(default_factory=list)  # answers in none of the documents


def unplaced_warning(results: list[ExportResult]) -> str:
    """A short Norwegian warning naming the answers that reached no document ("" if none)."""
    unplaced = results[0].unplaced if results else []
    if not unplaced:
        return ""
    shown = "; ".join(unplaced[:3]) + (f" (og {len(unplaced) - 3} til)" if len(unplaced) > 3 else "")
    return (f"{len(unplaced)} svar er ikke med i noe dokument: {shown}. Svarene er lagret og går ikke tapt; "
            "gi feltene en plass med «dokument:» i veiledningsfilene.")


def default_name(session_id: str, document: str, fmt: str) -> str:
    return f"{session_id}-{document}.{fmt}"


def export(scripts: list[Script], session, documents: str, fmt: str, output: Path | None,
           reference_doc: Path | None = None, status: str = "Utkast",
           template_dirs: list[Path] | None = None, year: int | None = None) -> list[ExportResult]:
    """Write one or all documents. `output` is a file for one document, or a folder (for all,
    or when it is an existing folder). The status report (`statusrapport`) is for `year`, or the
    latest year followed up."""
    if documents == STATUS_REPORT:
        return [export_status_report(scripts, session, fmt, output, reference_doc, status, year)]
    kinds = list(DOCUMENTS) if documents == ALL else [documents]
    for kind in kinds:
        if kind not in DOCUMENTS:
            raise UsageError(f"Ukjent dokument «{documents}». Velg plan, grunnlag, arbeidsdokumenter, "
                             "statusrapport eller alle.")
    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    data_dir = session.store.data_dir
    if template_dirs is None:
        template_dirs = [data_dir / OVERRIDE_DIR] if data_dir else []
    cache_dir = data_dir / ".cache" if data_dir else None
    conductor = Conductor(scripts, session)
    built = build_documents(conductor, kinds, status=status, template_dirs=template_dirs, cache_dir=cache_dir)
    results = []
    for kind in kinds:
        if output is None:
            target = Path(default_name(session.id, kind, fmt))
        elif output.is_dir() or len(kinds) > 1:
            if not output.exists():
                raise UsageError(f"Mappen «{output}» finnes ikke. Opprett den, eller velg en annen mappe.")
            target = output / default_name(session.id, kind, fmt)
        else:
            target = output
        convert(built.documents[kind], target, fmt, reference_doc)
        results.append(ExportResult(kind, target, built.missing[kind], built.unplaced))
    return results


def _target(output: Path | None, session_id: str, kind: str, fmt: str) -> Path:
    if output is None:
        return Path(default_name(session_id, kind, fmt))
    return output / default_name(session_id, kind, fmt) if output.is_dir() else output


def export_status_report(scripts: list[Script], session, fmt: str, output: Path | None,
                         reference_doc: Path | None = None, status: str = "Utkast",
                         year: int | None = None) -> ExportResult:
    """Write the status report for `year` (see statusreport.py)."""
    from .statusreport import build_status_report

    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    document, missing = build_status_report(Conductor(scripts, session), year, status)
    target = _target(output, session.id, STATUS_REPORT, fmt)
    convert(document, target, fmt, reference_doc)
    return ExportResult(STATUS_REPORT, target, missing)
