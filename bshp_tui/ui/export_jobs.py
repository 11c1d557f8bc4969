"""/eksporter and /referat from the guided chat: the documents are written through pandoc in a
thread, and the group is told what was written (or why not) when it is done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import BshpError
from .export_place import chosen_format, export_folder, unknown_export_word, unknown_minutes_word, written_message
from .widgets.feedback_line import Say

if TYPE_CHECKING:
    from ..store.session import Session
    from .app import BshpApp
    from .screen_base import BshpScreen

DOCUMENTS = ("plan", "grunnlag", "arbeidsdokumenter", "saksframlegg", "statusrapport")


def export_documents(screen: BshpScreen, session: Session, arg: str) -> None:
    """/eksporter [dokument] [format] [år]: the plan (or the named document, or «alle») as a file.
    A word it does not know (`/eksporter pdf`) is refused, and nothing is written."""
    if refused := unknown_export_word(arg.lower().split(), DOCUMENTS):
        screen.post_message(Say(refused, "warning"))
        return
    screen.run_worker(lambda: _export(screen.app, session, arg), thread=True, exclusive=True, group="export")


def write_minutes(screen: BshpScreen, session: Session, arg: str) -> None:
    """/referat [dato] [format]: the day's minutes as a file (a word it does not know is refused)."""
    if refused := unknown_minutes_word(arg.lower().split()):
        screen.post_message(Say(refused, "warning"))
        return
    screen.run_worker(lambda: _minutes(screen.app, session, arg), thread=True, exclusive=True, group="export")


def _export(app: BshpApp, session: Session, arg: str) -> None:
    from ..export.service import export, unplaced_warning

    parts = arg.lower().split()
    fmt = chosen_format(parts)
    document = "alle" if "alle" in parts else next((p for p in parts if p in DOCUMENTS), "plan")
    year = next((int(p) for p in parts if p.isdigit() and len(p) == 4), None)
    folder = export_folder(app.store.data_dir)
    app.call_from_thread(app.notify, "Lager dokumentet …", timeout=3)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        results = export(app.scripts, session, document, fmt, folder, year=year)
    except (BshpError, OSError) as exc:
        app.call_from_thread(app.notify, f"Eksporten feilet: {exc}", severity="error", timeout=15)
        return
    if results:
        what = "dokumentet" if len(results) == 1 else f"{len(results)} dokumenter"
        files = [(result.path, len(result.missing)) for result in results]
        app.call_from_thread(app.notify, written_message(what, files), timeout=15)
    if warning := unplaced_warning(results):
        app.call_from_thread(app.notify, warning, severity="warning", timeout=20)


def _minutes(app: BshpApp, session: Session, arg: str) -> None:
    from ..export.minutes import export_minutes

    parts = arg.lower().split()
    fmt = chosen_format(parts)
    when = next((p for p in parts if p[:1].isdigit()), None)
    folder = export_folder(app.store.data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = export_minutes(app.scripts, session, fmt, folder, when)
    except (BshpError, OSError) as exc:
        app.call_from_thread(app.notify, f"Referatet ble ikke laget: {exc}", severity="error", timeout=15)
        return
    app.call_from_thread(app.notify, written_message("referatet", [(path, 0)]), timeout=15)
