"""Convert a document tree with the pandoc that pypandoc-binary ships, sandboxed, written atomically.

The binary is found in the pypandoc package without importing or asking it anything: pypandoc's
own lookup starts a second pandoc process for its version, which doubled the cost of an export.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ..errors import BshpError, UsageError, describe_os_error
from .layout import REFERENCE, Edit, layout_edits

# Markdown without header attributes: a heading's id would show as «{#id}» after it.
FORMATS = {"docx": "docx", "odt": "odt", "md": "markdown-header_attributes", "html": "html", "json": "json"}
TEMPLATE_PART = {"docx": "word/document.xml", "odt": "content.xml"}
DATE_PART = {"docx": "docProps/core.xml", "odt": "meta.xml"}
SANDBOX_EPOCH = "1970-01-01T00:00:00Z"


class ExportError(BshpError):
    pass


def pandoc_path() -> str:
    for entry in sys.path:
        for name in ("pandoc", "pandoc.exe"):
            candidate = Path(entry or ".") / "pypandoc" / "files" / name
            if candidate.is_file():
                return str(candidate)
    import shutil  # only when the bundled pandoc is missing

    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except Exception as exc:  # pypandoc raises OSError or its own errors when none is found
        raise ExportError(
            "Fant ikke pandoc, som trengs for å lage dokumentet. Installer bshp på nytt (make run), "
            "så følger pandoc med."
        ) from exc


def check_reference_doc(path: Path, fmt: str) -> None:
    """A municipality's own .docx/.odt template must exist, match the format and be a real file."""
    if fmt not in TEMPLATE_PART:
        raise UsageError(f"En mal (--reference-doc) kan bare brukes for docx og odt, ikke {fmt}.")
    if not path.is_file():
        raise UsageError(f"Fant ikke malen «{path}». Sjekk navnet og mappen.")
    if path.suffix.lower() != f".{fmt}":
        raise UsageError(f"Malen «{path.name}» må være en .{fmt}-fil når dokumentet lages som {fmt}.")
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            if TEMPLATE_PART[fmt] not in archive.namelist():
                raise UsageError(f"«{path.name}» ser ikke ut som et {fmt}-dokument. Lagre malen på nytt fra Word eller LibreOffice.")
    except (zipfile.BadZipFile, OSError):
        raise UsageError(f"«{path.name}» er ikke et gyldig {fmt}-dokument (filen er skadet eller av feil type).") from None


def convert(document: dict, output: Path, fmt: str, reference_doc: Path | None = None,
            toc: bool = True) -> Path:
    """Write `document` as `fmt` to `output`. The file appears complete or not at all: an earlier
    file at `output` stays intact if anything fails."""
    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    output = Path(output)
    if reference_doc is not None:
        check_reference_doc(Path(reference_doc), fmt)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Mappen «{folder}» finnes ikke. Velg en mappe som finnes.")
    tmp = folder / f".{output.name}.{os.getpid()}.tmp"
    args = [pandoc_path(), "--sandbox", "-f", "json", "-t", FORMATS[fmt], "-o", str(tmp)]
    if fmt in ("html", "md"):
        args.append("--standalone")
    if toc and fmt in ("docx", "odt", "html"):
        args.append("--toc")
    if reference_doc is not None:
        args += ["--reference-doc", str(reference_doc)]
    elif fmt in REFERENCE:
        args += ["--reference-doc", str(REFERENCE[fmt])]  # A4, header, footer, fonts (layout.py)
    try:
        probe = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.close(probe)
    except OSError as exc:
        raise ExportError(f"Kan ikke skrive til «{folder}»: {describe_os_error(exc)}") from exc
    if fmt == "md":
        from .markdown_literal import literal_markdown

        document = literal_markdown(document)
    try:
        tree = json.dumps(document, ensure_ascii=False).encode("utf-8")
        if fmt == "json":
            # The document tree itself, for a pandoc pipeline of the user's own (`pandoc -f json`).
            tmp.write_bytes(tree)
        else:
            _run_pandoc(args, tree)
        if fmt in DATE_PART:
            edits = layout_edits(fmt, document) if reference_doc is None else {}
            _finish(tmp, {**edits, DATE_PART[fmt]: _stamp_date})
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        try:
            os.replace(tmp, output)
        except PermissionError as exc:
            raise ExportError(
                f"Kunne ikke skrive «{output}»: filen er kanskje åpen i Word eller et annet program, "
                "eller mappen er skrivebeskyttet. Lukk filen og prøv igjen. Den gamle filen er ikke endret."
            ) from exc
        except OSError as exc:
            raise ExportError(f"Kunne ikke skrive «{output}»: {describe_os_error(exc)}") from exc
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return output


def to_text(document: dict, to: str, *options: str) -> str:
    """`document` converted to a text format (for the app's views), with the same sandboxed pandoc."""
    tree = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return _run_pandoc([pandoc_path(), "--sandbox", "-f", "json", "-t", to, *options], tree,
                       "Pandoc klarte ikke å lage forhåndsvisningen", "Prøv igjen, eller meld feilen.").decode("utf-8")


def _run_pandoc(args: list[str], tree: bytes, failure: str = "Pandoc klarte ikke å lage dokumentet",
                advice: str = "Ingen fil er endret. Prøv et annet format, eller meld feilen.") -> bytes:
    """Run pandoc (every call goes through here) and return what it wrote to stdout."""
    result = subprocess.run(args, input=tree, capture_output=True)
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(
            failure
            + (f" ({detail[-1]})" if detail else "")
            + f". {advice}"
        )
    return result.stdout


def _stamp_date(xml: str) -> str:
    """In the sandbox pandoc cannot read the clock, so it dates the document 1970-01-01: put the
    real time in the document properties."""
    from datetime import UTC, datetime

    return xml.replace(SANDBOX_EPOCH, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def _finish(path: Path, edits: dict[str, Edit]) -> None:
    """Rewrite the parts of the DOCX/ODT file at `path` named in `edits`, each through its edit
    (entries are copied as they were, in order, so the ODT mimetype stays first and uncompressed)."""
    import zipfile

    finished = path.with_name(path.name + ".ferdig")
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(finished, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename in edits:
                    data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
                dst.writestr(info, data)
        os.replace(finished, path)
    finally:
        try:
            os.unlink(finished)
        except OSError:
            pass
