"""Regional summary: several kommuners plans side by side, as in the seed report's regional project.

SWOT per role group across the kommuner (the report's Vedlegg 1), the goal areas with the number of
measures and their cost, the measures several kommuner share, and key figures side by side. A
session that is missing or damaged is left out with a note in the document (and in `skipped`,
for the command line). Every user string goes into the tree as literal text (ast.text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BshpError
from ..guide import followup as F
from ..guide.conductor import Conductor
from ..guide.costs import action_rows, period_totals, session_years
from ..guide.swot import QUADRANTS, RoleGroupSwot, swot_by_role_group
from ..scripts import refs as R
from ..scripts.model import Script
from ..scripts.values import dashed_year_spans, format_number
from . import ast as A
from .pandoc import convert

TITLE = "Regional oppsummering av boligsosiale handlingsplaner"


@dataclass
class Kommune:
    session_id: str
    name: str
    period: str
    swot: list[RoleGroupSwot]  # per role group, read as the documents read it (guide/swot.py)
    areas: list[tuple[str, int, float]]  # goal area, measures, drift in the plan period
    measures: list[str]
    drift: float
    investment: float
    figures: dict[str, str]  # key figure -> value as shown
    done: str  # completed measures in the latest year followed up, or ""


@dataclass
class Region:
    kommuner: list[Kommune] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, why), in Norwegian


def read_kommune(scripts: list[Script], session: Any) -> Kommune:
    c = Conductor(scripts, session)
    meta = session.meta
    areas = []
    measures = F.measures(c)
    years = session_years(c)
    for area in c.items(R.GOAL_AREAS.field) if R.field_of(c, R.GOAL_AREAS) else []:
        mine = [m for m in measures if m.area.id == area.id]
        areas.append((area.text, len(mine), sum(period_totals(action_rows(c, area.id), years)[0])))
    figures = {}
    for script in scripts:
        if script.id != "kartlegging":
            continue
        for fld in script.fields():
            value = c.readable_value(fld.ref_id) if fld.kind == "tall" else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                figures[fld.doc_label or fld.question] = f"{format_number(value)} {fld.unit}".strip()
    drift, investment = period_totals(action_rows(c), years)
    followed = [y for _i, y in F.years(c) if y is not None]
    done = ""
    if followed and measures:
        last = max(followed)
        n = sum(1 for m in measures if (s := F.status_in(c, m, last)) and s.status == F.DONE)
        done = f"{n} av {len(measures)} ({last})"
    return Kommune(
        session.id,
        str(meta.get("municipality") or session.id),
        dashed_year_spans(str(meta.get("period") or "")),
        swot_by_role_group(c),
        areas,
        [m.name for m in measures],
        sum(drift),
        investment,
        figures,
        done,
    )


def read_region(store: Any, scripts: list[Script], ids: list[str]) -> Region:
    region = Region()
    for session_id in dict.fromkeys(ids):
        try:
            session = store.open(session_id, read_only=True)
        except BshpError as exc:
            region.skipped.append((session_id, str(exc)))
            continue
        try:
            region.kommuner.append(read_kommune(scripts, session))
        except BshpError as exc:
            region.skipped.append((session_id, str(exc)))
        finally:
            session.close()
    return region


def _lines(entries: list[str]) -> list[A.Node]:
    return [A.plain(A.text(e)) for e in entries] if entries else A.cell_text("–")


def _kr(value: float) -> str:
    return format_number(round(value)) if value else "–"


def swot_part(region: Region) -> list[A.Node]:
    out = [A.header(1, A.text("1 Sterke og svake sider på tvers av kommunene"), "swot")]
    out.append(
        A.para(
            A.text("Gruppene er delt etter funksjon eller rolle i organisasjonen, som i SWOT-analysen fra samlingene.")
        )
    )
    roles: dict[str, str] = {}
    for k in region.kommuner:
        for swot in k.swot:
            roles.setdefault(swot.group.text.casefold(), swot.group.text)
    if not roles:
        return out + [A.para(A.text("Ingen av kommunene har fylt ut SWOT-analysen ennå."))]
    for n, (key, role) in enumerate(roles.items(), start=1):
        out.append(A.header(2, A.text(f"1.{n} {role}")))
        head = [A.cell_text("Kommune")] + [A.cell_text(q.title) for q in QUADRANTS]
        body = []
        for k in region.kommuner:
            mine = next((s for s in k.swot if s.group.text.casefold() == key), None)
            if mine is not None:
                body.append([A.cell_text(k.name)] + [_lines(mine.points.get(q.id, [])) for q in QUADRANTS])
        out.append(A.table(head, body, widths=[0.16, 0.21, 0.21, 0.21, 0.21]))
    return out


def areas_part(region: Region) -> list[A.Node]:
    out = [A.header(1, A.text("2 Målområder, tiltak og kostnader"), "malomrader")]
    head = [
        A.cell_text(h)
        for h in ("Kommune", "Planperiode", "Målområder", "Tiltak", "Drift i planperioden (kr)", "Investering (kr)")
    ]
    body = [
        [
            A.cell_text(k.name),
            A.cell_text(k.period or "–"),
            A.cell_text(str(len(k.areas))),
            A.cell_text(str(len(k.measures))),
            A.cell_text(_kr(k.drift)),
            A.cell_text(_kr(k.investment)),
        ]
        for k in region.kommuner
    ]
    out.append(A.table(head, body, align=["AlignLeft", "AlignLeft"] + ["AlignRight"] * 4))
    names: dict[str, str] = {}
    for k in region.kommuner:
        for area, _n, _cost in k.areas:
            names.setdefault(area.casefold(), area)
    if names:
        out.append(A.para(A.text("Målområdene side om side: antall tiltak og drift i planperioden i kroner.")))
        head = [A.cell_text("Målområde")] + [A.cell_text(k.name) for k in region.kommuner]
        body = []
        for key, area in names.items():
            row = [A.cell_text(area)]
            for k in region.kommuner:
                hit = next(((n, cost) for a, n, cost in k.areas if a.casefold() == key), None)
                row.append(A.cell_text(f"{hit[0]} tiltak, {_kr(hit[1])} kr" if hit else "–"))
            body.append(row)
        out.append(A.table(head, body))
    return out


def shared_part(region: Region) -> list[A.Node]:
    out = [A.header(1, A.text("3 Tiltak flere kommuner har"), "felles-tiltak")]
    seen: dict[str, tuple[str, list[str]]] = {}
    for k in region.kommuner:
        for name in dict.fromkeys(m.casefold() for m in k.measures):
            shown = next(m for m in k.measures if m.casefold() == name)
            entry = seen.setdefault(name, (shown, []))
            if k.name not in entry[1]:
                entry[1].append(k.name)
    shared = [(shown, who) for shown, who in seen.values() if len(who) > 1]
    if not shared:
        return out + [
            A.para(
                A.text(
                    "Ingen tiltak har samme navn i flere kommuner. Tiltak med samme innhold "
                    "kan likevel ha ulike navn; se handlingsplanene."
                )
            )
        ]
    out.append(A.para(A.text("Tiltak med samme navn i flere kommuner kan være et sted å samarbeide.")))
    body = [[A.cell_text(shown), A.cell_text(", ".join(who))] for shown, who in shared]
    out.append(A.table([A.cell_text("Tiltak"), A.cell_text("Kommuner")], body, widths=[0.5, 0.5]))
    return out


def figures_part(region: Region) -> list[A.Node]:
    out = [A.header(1, A.text("4 Nøkkeltall side om side"), "nokkeltall")]
    rows: list[tuple[str, list[str]]] = [
        ("Planperiode", [k.period or "–" for k in region.kommuner]),
        ("Antall målområder", [str(len(k.areas)) for k in region.kommuner]),
        ("Antall tiltak", [str(len(k.measures)) for k in region.kommuner]),
        ("Drift i planperioden (kr)", [_kr(k.drift) for k in region.kommuner]),
        ("Investering (kr)", [_kr(k.investment) for k in region.kommuner]),
        ("Tiltak gjennomført (siste år fulgt opp)", [k.done or "–" for k in region.kommuner]),
    ]
    labels = list(dict.fromkeys(label for k in region.kommuner for label in k.figures))
    rows += [(label, [k.figures.get(label, "–") for k in region.kommuner]) for label in labels]
    head = [A.cell_text("Nøkkeltall")] + [A.cell_text(k.name) for k in region.kommuner]
    out.append(A.table(head, [[A.cell_text(label)] + [A.cell_text(v) for v in values] for label, values in rows]))
    return out


def build_region(region: Region) -> dict:
    names = ", ".join(k.name for k in region.kommuner)
    blocks: list[A.Node] = [
        A.para(A.text(f"Oppsummeringen stiller planene til {len(region.kommuner)} kommuner side om side: {names}."))
    ]
    if region.skipped:
        blocks.append(A.para([A.strong(A.text("Ikke med i oppsummeringen:"))]))
        blocks.append(A.bullets([[A.plain(A.text(f"«{sid}»: {why}"))] for sid, why in region.skipped]))
    blocks += swot_part(region) + areas_part(region) + shared_part(region) + figures_part(region)
    meta = {
        "title": A.meta_inlines(TITLE),
        "subtitle": A.meta_inlines(names),
        "lang": A.meta_string("nb-NO"),
        "toc-title": A.meta_inlines("Innhold"),
    }
    return A.document(blocks, meta)


def export_region(store: Any, scripts: list[Script], ids: list[str], fmt: str, output: Path) -> Region:
    """Write the regional summary of the sessions `ids`; returns what was read and skipped."""
    region = read_region(store, scripts, ids)
    if not region.kommuner:
        raise BshpError(
            "Ingen av øktene kunne leses, så oppsummeringen er ikke laget:\n"
            + "\n".join(f"  «{sid}»: {why}" for sid, why in region.skipped)
        )
    convert(build_region(region), output, fmt)
    return region
