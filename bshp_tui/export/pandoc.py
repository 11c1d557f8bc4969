"""Convert a document tree with the pandoc that pypandoc-binary ships, sandboxed, written atomically.

The binary is found through pypandoc's installed package (its `files/` folder) without importing
pypandoc or asking it anything: importing it pulls in urllib, http and logging, and its own lookup
starts a `pandoc --version` process for each place pandoc might be, which doubled the cost of an
export. pandoc itself is run directly, with the same `--sandbox` arguments pypandoc would pass.

A conversion is started (`start`), given its document tree (`Conversion.send`) and finished
(`Conversion.finish`) in three steps, so the caller can work while pandoc does: pandoc starts up (a
fifth of its time) while the caller builds the document, and converts it while the caller goes on
(the other documents, this module's finishing edits).
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import BshpError, UsageError, describe_os_error

if TYPE_CHECKING:
    from .layout import Edit

# Markdown without header attributes: a heading's id would show as «{#id}» after it.
FORMATS = {"docx": "docx", "odt": "odt", "md": "markdown-header_attributes", "html": "html", "json": "json"}
TEMPLATE_PART = {"docx": "word/document.xml", "odt": "content.xml"}
DATE_PART = {"docx": "docProps/core.xml", "odt": "meta.xml"}
SANDBOX_EPOCH = "1970-01-01T00:00:00Z"
# The shipped reference documents (A4, header, footer, fonts), finished by the edits in layout.py.
TEMPLATES = Path(__file__).resolve().parent / "templates"
REFERENCE = {"docx": TEMPLATES / "referanse.docx", "odt": TEMPLATES / "referanse.odt"}
# How long `_feed` waits for pandoc to take the whole document tree (see there).
FEED_WAIT = 0.02
FAILURE = "Pandoc klarte ikke å lage dokumentet"
ADVICE = "Ingen fil er endret. Prøv et annet format, eller meld feilen."


class ExportError(BshpError):
    pass


def pandoc_path() -> str:
    global _PANDOC
    if _PANDOC is None:
        _PANDOC = _find_pandoc()
    return _PANDOC


_PANDOC: str | None = None  # found once per process: the binary does not move

# The bundled pandoc reserves a 64 MB heap at start (its default); a document tree of this app
# needs far less, and touching that heap cost pandoc a tenth of its time. Only the bundled binary
# is known to take run-time options: another pandoc may refuse them and stop.
BUNDLED_HEAP = ["+RTS", "-H8m", "-RTS"]


def pandoc_command() -> list[str]:
    """The start of every pandoc command line: the binary, and its heap hint if it is the bundled one."""
    path = pandoc_path()
    return [path, *BUNDLED_HEAP] if path == _bundled_pandoc() else [path]


@lru_cache(maxsize=1)
def _bundled_pandoc() -> str | None:
    """The pandoc that comes with pypandoc-binary, if it is installed (looked up once)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("pypandoc")  # the package's location, without importing it
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("pandoc", "pandoc.exe"):
            candidate = Path(folder) / "files" / name
            if candidate.is_file():
                return str(candidate)
    return None


def _find_pandoc() -> str:
    bundled = _bundled_pandoc()
    if bundled is not None:
        return bundled
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
                raise UsageError(
                    f"«{path.name}» ser ikke ut som et {fmt}-dokument. Lagre malen på nytt fra Word eller LibreOffice."
                )
    except (zipfile.BadZipFile, OSError):
        raise UsageError(
            f"«{path.name}» er ikke et gyldig {fmt}-dokument (filen er skadet eller av feil type)."
        ) from None


def convert(document: dict, output: Path, fmt: str, reference_doc: Path | None = None, toc: bool = True) -> Path:
    """Write `document` as `fmt` to `output`. The file appears complete or not at all: an earlier
    file at `output` stays intact if anything fails."""
    return start(output, fmt, reference_doc, toc).send(document).finish()


def start(output: Path, fmt: str, reference_doc: Path | None = None, toc: bool = True) -> Conversion:
    """Start writing a document as `fmt` to `output` (see convert): bad input is reported here, and
    pandoc starts up while the caller builds the document to `send` it. Finish the conversion, or
    abandon it if the caller fails."""
    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    output = Path(output)
    if reference_doc is not None:
        check_reference_doc(Path(reference_doc), fmt)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Mappen «{folder}» finnes ikke. Velg en mappe som finnes.")
    tmp = folder / f".{output.name}.{os.getpid()}.tmp"
    args = [*pandoc_command(), "--sandbox", "-f", "json", "-t", FORMATS[fmt], "-o", str(tmp)]
    if fmt in ("html", "md"):
        args.append("--standalone")
    if toc and fmt in ("docx", "odt", "html"):
        args.append("--toc")
    if reference_doc is not None:
        args += ["--reference-doc", str(reference_doc)]
    elif fmt in REFERENCE:
        args += ["--reference-doc", str(REFERENCE[fmt])]
    try:
        probe = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.close(probe)
    except OSError as exc:
        raise ExportError(f"Kan ikke skrive til «{folder}»: {describe_os_error(exc)}") from exc
    conversion = Conversion(output, tmp, fmt, reference_doc)
    if fmt != "json":  # the document tree itself needs no pandoc
        try:
            conversion.process = _start_pandoc(args)
        except BaseException:
            conversion.abandon()
            raise
    return conversion


class Conversion:
    """A document on its way to `output`: pandoc writing the temporary file `tmp`, and the edits that
    finish it."""

    def __init__(self, output: Path, tmp: Path, fmt: str, reference_doc: Path | None = None):
        self.output = output
        self.tmp = tmp
        self.fmt = fmt
        self.reference_doc = reference_doc
        self.process: _Pandoc | None = None
        self.edits: dict[str, Edit] = {}

    def send(self, document: dict) -> Conversion:
        """Give pandoc the document tree and prepare the finishing edits while it converts."""
        try:
            if self.fmt == "md":
                from .markdown_literal import literal_markdown

                document = literal_markdown(document)
            tree = json.dumps(document, ensure_ascii=False).encode("utf-8")
            if self.process is None:
                # The document tree itself, for a pandoc pipeline of the user's own (`pandoc -f json`).
                self.tmp.write_bytes(tree)
            else:
                _feed(self.process, tree)
            if self.fmt in DATE_PART:
                # Prepared while pandoc runs: the edits, and the modules that apply them.
                import zipfile  # noqa: F401

                from .layout import layout_edits

                edits = layout_edits(self.fmt, document) if self.reference_doc is None else {}
                self.edits = {**edits, DATE_PART[self.fmt]: _stamp_date}
        except BaseException:
            self.abandon()
            raise
        return self

    def finish(self) -> Path:
        """Wait for pandoc, finish the file and put it in place; the output path."""
        output, tmp = self.output, self.tmp
        try:
            if self.process is not None:
                process, self.process = self.process, None
                _check_pandoc(process)
            if self.edits:
                _finish(tmp, self.edits)
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
            self.abandon()
        return output

    def abandon(self) -> None:
        """Stop pandoc if it still runs and remove the temporary file (after a finish: only the file)."""
        if self.process is not None:
            process, self.process = self.process, None
            process.kill()
            process.communicate()
            if process.feeder is not None:
                process.feeder.join()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def to_text(document: dict, to: str, *options: str) -> str:
    """`document` converted to a text format (for the app's views), with the same sandboxed pandoc."""
    tree = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return _run_pandoc(
        [*pandoc_command(), "--sandbox", "-f", "json", "-t", to, *options],
        tree,
        "Pandoc klarte ikke å lage forhåndsvisningen",
        "Prøv igjen, eller meld feilen.",
    ).decode("utf-8")


def _run_pandoc(args: list[str], tree: bytes, failure: str = FAILURE, advice: str = ADVICE) -> bytes:
    """Run pandoc and return what it wrote to stdout."""
    process = _start_pandoc(args)
    _feed(process, tree)
    return _check_pandoc(process, failure, advice)


class _Pandoc(subprocess.Popen):
    """A pandoc process, fed its document tree on stdin by a thread (`_feed`): the pipe holds less
    than a tree, so writing waits for pandoc to read, and the caller goes on meanwhile."""

    feeder: threading.Thread | None = None


def _start_pandoc(args: list[str]) -> _Pandoc:
    """Start pandoc (every call goes through here); it waits for its document tree on stdin."""
    try:
        return _Pandoc(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise ExportError(
            f"Kunne ikke starte pandoc ({describe_os_error(exc)}). Installer bshp på nytt "
            "(make run), så følger pandoc med."
        ) from exc


def _feed(process: _Pandoc, tree: bytes) -> None:
    """Write the document tree to pandoc's stdin from a thread, which closes it when done.

    pandoc converts once the pipe is closed, and the feeder closes it only when it holds the
    interpreter lock again, which a caller busy in Python (building the next document) would keep
    from it for a switch interval or two (5 ms each). A pandoc that reads at once takes the tree
    in well under a millisecond: wait that long, and leave a slow one to the feeder."""
    stdin, process.stdin = process.stdin, None  # the feeder writes and closes it; communicate() leaves it be
    process.feeder = threading.Thread(target=_write, args=(stdin, tree), daemon=True)
    process.feeder.start()
    process.feeder.join(FEED_WAIT)


def _write(stdin: IO[bytes], tree: bytes) -> None:
    try:
        with stdin:
            stdin.write(tree)
    except OSError:
        pass  # pandoc stopped early (a broken pipe): its message follows in _check_pandoc


def _check_pandoc(process: _Pandoc, failure: str = FAILURE, advice: str = ADVICE) -> bytes:
    """Wait for pandoc; what it wrote to stdout, or an ExportError with its last message."""
    stdout, stderr = process.communicate()
    if process.feeder is not None:
        process.feeder.join()
    if process.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(failure + (f" ({detail[-1]})" if detail else "") + f". {advice}")
    return stdout


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
