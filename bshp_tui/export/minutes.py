"""The day's minutes (referat): date, who was present, what was answered or changed that day by
guided session and step, the remarks raised, the decisions, open questions and the next samling.
Built as a pandoc AST (user text stays literal) and written like the other documents."""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path

from ..errors import UsageError
from ..guide.conductor import Conductor
from ..guide.day import Day, day_report, last_day
from ..scripts.model import Script
from . import ast as A
from .document import today_text
from .pandoc import FORMATS, convert

DOCUMENT = "referat"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> str:
    """A date given as ÅÅÅÅ-MM-DD, checked; a UsageError in Norwegian otherwise."""
    raw = text.strip()
    try:
        if not _DATE.match(raw):
            raise ValueError
        Date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"Forstår ikke datoen «{raw}». Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2027-03-14.") from None
    return raw


def minutes_blocks(day: Day) -> list[A.Node]:
    out: list[A.Node] = []
    when = today_text(Date.fromisoformat(day.date))
    out.append(A.header(1, A.text("Til stede"), "til-stede"))
    out.append(
        A.bullets([[A.plain(A.text(p))] for p in day.present])
        if day.present
        else A.para([A.emph(A.text("Ikke registrert (sett opp dagens samling med /samling)."))])
    )
    if day.workshop and day.workshop.agenda:
        out.append(A.header(1, A.text("Dagsorden"), "dagsorden"))
        out.append(A.bullets([[A.plain(A.text(f"{i.title} ({i.minutes} min)"))] for i in day.workshop.agenda]))
    out.append(A.header(1, A.text("Svar gitt eller endret"), "svar"))
    if not day.changes:
        out.append(A.para(A.text(f"Ingen svar ble lagret {when}.")))
    last_script = None
    for step in day.changes:
        if step.script_title != last_script:
            out.append(A.header(2, A.text(step.script_title)))
            last_script = step.script_title
        out.append(A.header(3, A.text(step.step_title)))
        for question, answer in step.answers:
            out.append(A.para([A.strong(A.text(question))]))
            out.append(A.para(A.text(answer)))
    if day.remarks:
        out.append(A.header(1, A.text("Merknader som kom opp"), "merknader"))
        out.append(A.bullets([[A.plain(A.text(r))] for r in day.remarks]))
    out.append(A.header(1, A.text("Beslutninger slik de står nå"), "beslutninger"))
    if not day.decisions:
        out.append(A.para(A.text("Ingen rangering, målgrupper eller hovedmål er bestemt ennå.")))
    for decision in day.decisions:
        out.append(A.header(2, A.text(decision.title)))
        out.append(A.bullets([[A.plain(A.text(line))] for line in decision.lines]))
    out.append(A.header(1, A.text("Åpne spørsmål"), "apne"))
    out.append(
        A.bullets([[A.plain(A.text(q))] for q in day.open_questions])
        if day.open_questions
        else A.para(A.text("Ingen påkrevde spørsmål står åpne i det dere arbeidet med."))
    )
    out.append(A.header(1, A.text("Neste samling"), "neste"))
    out.append(
        A.para(
            A.text(
                day.next_workshop.text()
                if day.next_workshop
                else "Ikke satt opp i framdriftsplanen (Oppstart › Framdriftsplan)."
            )
        )
    )
    return out


def minutes_document(c: Conductor, when: str | None = None) -> tuple[dict, str]:
    """The referat as a pandoc document, and the date it covers (default: the last day anything was saved)."""
    day = parse_date(when) if when else (last_day(c.session) or Date.today().isoformat())
    report = day_report(c, day)
    municipality = str(c.session.meta.get("municipality", "")).strip() or "Kommunen"
    title = f"Referat fra samling {today_text(Date.fromisoformat(day))}"
    meta = {
        "title": A.meta_inlines(title),  # the kommune stands once on the title page: as author
        "author": {"t": "MetaList", "c": [A.meta_inlines(municipality)]},
        "date": A.meta_inlines(today_text(Date.fromisoformat(day))),
        "lang": A.meta_string("nb-NO"),
    }
    return A.document(minutes_blocks(report), meta), day


def export_minutes(
    scripts: list[Script],
    session,
    fmt: str,
    output: Path | None,
    when: str | None = None,
    reference_doc: Path | None = None,
) -> Path:
    """Write the referat; `output` is a file or a folder (None: the current folder)."""
    if fmt not in FORMATS:
        raise UsageError(f"Ukjent format «{fmt}». Velg docx, odt, md, html eller json.")
    document, day = minutes_document(Conductor(scripts, session), when)
    name = f"{session.id}-{DOCUMENT}-{day}.{fmt}"
    target = Path(name) if output is None else (output / name if output.is_dir() else output)
    return convert(document, target, fmt, reference_doc, toc=False)
