"""Statusrapport: how the action plan is going in one year, for the årsmelding and the budget.

Per goal area a table of the measures (Tiltak · Ansvarlig · Tidsfrist · Status · Kommentar), the
money used against the money planned, a summary (how many are completed, which are late), the
status year by year and the indicator values over the years, next to the baseline and the target
the plan set for each indicator. The status comes from the follow-up
guided session (guide/followup.py), the plan's costs from the economy reader (economy.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..guide import followup as F
from ..guide.conductor import Conductor
from ..scripts import refs as R
from ..scripts.values import dashed_year_spans, format_date, format_number
from . import ast as A
from .economy import measure_cost, plan_years
from .indicators import with_year
from .render import cell_display

TITLE = "Statusrapport for boligsosial handlingsplan"
NO_STATUS = "uten status"


@dataclass
class Line:
    """One measure in the report year."""

    measure: F.Measure
    responsible: str
    deadline: str
    status: F.YearStatus | None  # this year's, or the latest earlier one
    planned_drift: float
    planned_investment: float
    late: bool
    next_drift: float = 0  # planned for the year after, for the budget
    next_investment: float = 0

    @property
    def status_text(self) -> str:
        if self.status is None or not self.status.status:
            return NO_STATUS
        return self.status.status

    def status_cell(self, year: int) -> str:
        if self.status_text == NO_STATUS:
            return "[Ikke rapportert]"
        text = self.status_text
        if self.status is not None and self.status.status and self.status.year != year:
            text += f" (status fra {self.status.year})"
        return text

    def used(self, year: int) -> tuple[float | None, float | None]:
        if self.status is None or self.status.year != year:
            return None, None
        return self.status.drift, self.status.investment


@dataclass
class Report:
    year: int
    years: list[int]  # the years followed up
    lines: list[Line] = field(default_factory=list)


def report_year(c: Conductor, wanted: int | None) -> int:
    """The year asked for, else the latest year followed up, else this year."""
    if wanted is not None:
        return wanted
    followed = [y for _item, y in F.years(c) if y is not None]
    return max(followed) if followed else date.today().year


def collect(c: Conductor, year: int, period: str) -> Report:
    plan = R.field_of(c, R.ACTION_PLAN)
    span = plan_years(period)
    report = Report(year, sorted({y for _i, y in F.years(c) if y is not None}))
    for measure in F.measures(c):
        status = F.status_in(c, measure, year)
        cost = measure_cost(measure.name, measure.row, span or [year])
        deadline_value = c.cell(plan, measure.row, "tidsfrist") if plan is not None else ""
        due = F.deadline_year(deadline_value)
        state = status.status if status else ""
        late = state == F.POSTPONED or (due is not None and due <= year and state not in F.CLOSED)
        report.lines.append(
            Line(
                measure,
                str(c.cell(plan, measure.row, "ansvarlig") or "").strip() if plan is not None else "",
                format_date(deadline_value) if deadline_value else "",
                status,
                cost.drift.get(year, 0),
                cost.investment.get(year, 0),
                late,
                cost.drift.get(year + 1, 0),
                cost.investment.get(year + 1, 0),
            )
        )
    return report


def _kr(value: float | None) -> str:
    return "–" if value is None else f"{format_number(round(value))}"


def summary(report: Report) -> list[A.Node]:
    year, lines = report.year, report.lines
    out = [A.header(1, A.text("1 Sammendrag"), "sammendrag")]
    if not lines:
        return out + [A.para(A.text("Handlingsplanen har ingen tiltak ennå."))]
    counts = {s: sum(1 for ln in lines if ln.status_text == s) for s in (*F.STATUSES, NO_STATUS)}
    parts = [f"{n} {s}" for s, n in counts.items() if n]
    out.append(
        A.para(
            A.text(
                f"Handlingsplanen har {len(lines)} tiltak. Status i {year}: {', '.join(parts)}. "
                f"{counts[F.DONE]} av {len(lines)} tiltak er gjennomført."
            )
        )
    )
    late = [ln for ln in lines if ln.late]
    if late:
        out.append(A.para(A.text(f"Forsinket eller utsatt i {year} ({len(late)}):")))
        out.append(
            A.bullets(
                [
                    [
                        A.plain(
                            A.text(
                                f"{ln.measure.name} ({ln.measure.area.text}): frist "
                                f"{ln.deadline or 'ikke satt'}, status {ln.status_text}"
                            )
                        )
                    ]
                    for ln in late
                ]
            )
        )
    else:
        out.append(A.para(A.text(f"Ingen tiltak er forsinket i {year}.")))
    drift = sum(ln.used(year)[0] or 0 for ln in lines)
    invest = sum(ln.used(year)[1] or 0 for ln in lines)
    out.append(
        A.para(
            A.text(
                f"Brukt i {year}: {format_number(round(drift))} kr i drift av planlagt "
                f"{format_number(round(sum(ln.planned_drift for ln in lines)))} kr, og "
                f"{format_number(round(invest))} kr i investering av planlagt "
                f"{format_number(round(sum(ln.planned_investment for ln in lines)))} kr."
            )
        )
    )
    going = [ln for ln in lines if ln.status_text not in F.CLOSED]
    drift_next = sum(ln.next_drift for ln in going)
    invest_next = sum(ln.next_investment for ln in going)
    out.append(
        A.para(
            A.text(
                f"Til budsjettet for {year + 1}: tiltakene som ikke er gjennomført eller avlyst, har planlagt "
                f"{format_number(round(drift_next))} kr i drift og {format_number(round(invest_next))} kr i investering "
                f"i {year + 1}."
            )
        )
    )
    return out


def area_part(report: Report, area_text: str, lines: list[Line], number: str) -> list[A.Node]:
    year = report.year
    out = [A.header(2, A.text(f"{number} Målområde {area_text}"))]
    head = [A.cell_text(h) for h in ("Tiltak", "Ansvarlig", "Tidsfrist", "Status", "Kommentar")]
    body = []
    for ln in lines:
        comment = ln.status.comment if ln.status is not None and ln.status.year == year else ""
        body.append(
            [
                A.cell_text(ln.measure.name),
                A.cell_text(ln.responsible or "–"),
                A.cell_text(ln.deadline or "–"),
                A.cell_text(ln.status_cell(year)),
                A.cell_text(comment),
            ]
        )
    out.append(A.table(head, body, widths=[0.28, 0.16, 0.12, 0.16, 0.28]))
    out.append(A.para([A.strong(A.text(f"Penger brukt mot planlagt i {year} (kr)"))]))
    # soft hyphens: a narrow column breaks «investering» cleanly, not as «investerin-g»
    head = [
        A.cell_text(h)
        for h in ("Tiltak", "Planlagt drift", "Brukt drift", "Planlagt inves\u00adtering", "Brukt inves\u00adtering")
    ]
    body = []
    for ln in lines:
        drift, invest = ln.used(year)
        body.append(
            [
                A.cell_text(ln.measure.name),
                A.cell_text(_kr(ln.planned_drift)),
                A.cell_text(_kr(drift)),
                A.cell_text(_kr(ln.planned_investment)),
                A.cell_text(_kr(invest)),
            ]
        )
    foot = [
        A.cell_text("Sum"),
        A.cell_text(_kr(sum(ln.planned_drift for ln in lines))),
        A.cell_text(_kr(sum(ln.used(year)[0] or 0 for ln in lines))),
        A.cell_text(_kr(sum(ln.planned_investment for ln in lines))),
        A.cell_text(_kr(sum(ln.used(year)[1] or 0 for ln in lines))),
    ]
    out.append(
        A.table(head, body, foot, widths=[0.32, 0.17, 0.17, 0.17, 0.17], align=["AlignLeft"] + ["AlignRight"] * 4)
    )
    return out


def history_part(c: Conductor, report: Report) -> list[A.Node]:
    out = [A.header(1, A.text("3 Status år for år"), "historikk")]
    if not report.years or not report.lines:
        return out + [A.para(A.text("Ingen år er fulgt opp ennå. Bruk veiledningen «Oppfølging og rullering»."))]
    head = [A.cell_text("Tiltak")] + [A.cell_text(str(y)) for y in report.years]
    body = []
    for ln in report.lines:
        by_year = {s.year: s.status or "–" for s in F.history(c, ln.measure)}
        body.append([A.cell_text(ln.measure.name)] + [A.cell_text(by_year.get(y, "–")) for y in report.years])
    out.append(A.table(head, body))
    return out


def plan_indicators(c: Conductor) -> dict[str, tuple[str, str, str]]:
    """The plan's målindikatorer (per main goal, in the plan's order) by casefolded name: the name,
    the baseline and the target, each with its year where the group gave one («42 (2025)»)."""
    fld = R.field_of(c, R.INDICATORS)
    if fld is None or R.field_of(c, R.MAIN_GOALS) is None:
        return {}

    def shown(row: dict, value_id: str, year_id: str) -> str:
        value = cell_display(fld.column(value_id), c.cell(fld, row, value_id)) if fld.column(value_id) else ""
        year = cell_display(fld.column(year_id), c.cell(fld, row, year_id)) if fld.column(year_id) else ""
        return with_year(value, year) if value else ""

    out: dict[str, tuple[str, str, str]] = {}
    for goal in c.items(R.MAIN_GOALS.field):
        for row in c.readable_value(fld.ref_id, goal.id) or []:
            name = str(c.cell(fld, row, "indikator") or "").strip() if isinstance(row, dict) else ""
            if name:
                out.setdefault(
                    name.casefold(), (name, shown(row, "utgangspunkt", "utgangsar"), shown(row, "mal", "malar"))
                )
    return out


def indicator_part(c: Conductor) -> list[A.Node]:
    """Each indicator's value over the years, next to the baseline and the target the plan set: the
    plan's indicators first (also those not reported yet), then any the follow-up added."""
    out = [A.header(1, A.text("4 Indikatorer over årene"), "indikatorer")]
    values = F.indicator_values(c)
    planned = plan_indicators(c)
    if not values and not planned:
        return out + [A.para(A.text("Ingen indikatorverdier er ført inn ennå."))]
    reported = {name.casefold(): (name, per_year) for name, per_year in values.items()}
    rows = [
        (name, baseline, target, reported.get(key, (name, {}))[1]) for key, (name, baseline, target) in planned.items()
    ]
    rows += [(name, "", "", per_year) for key, (name, per_year) in reported.items() if key not in planned]
    years = sorted({y for per_year in values.values() for y in per_year})
    if not years:
        out.append(
            A.para(A.text("Ingen indikatorverdier er ført inn ennå; tabellen viser utgangspunktet og målet i planen."))
        )
    head = [A.cell_text(h) for h in ("Indikator", "Utgangs\u00adpunkt", "Mål")] + [A.cell_text(str(y)) for y in years]
    body = [
        [A.cell_text(name), A.cell_text(baseline or "–"), A.cell_text(target or "–")]
        + [A.cell_text(per_year.get(y) or "–") for y in years]
        for name, baseline, target, per_year in rows
    ]
    year_width = min(0.14, 0.4 / len(years)) if years else 0
    first = 1.0 - 2 * 0.15 - year_width * len(years)
    out.append(A.table(head, body, widths=[first, 0.15, 0.15] + [year_width] * len(years)))
    return out


def build_status_report(c: Conductor, year: int | None = None, status: str = "Utkast") -> tuple[dict, list[str]]:
    """The status report's document tree, and what it could not fill in (for the export's note)."""
    meta_data = c.session.meta
    municipality = str(meta_data.get("municipality", "")).strip() or "Kommunen"
    period = dashed_year_spans(str(meta_data.get("period") or "").strip())
    chosen = report_year(c, year)
    report = collect(c, chosen, period)
    missing = [
        f"status for «{ln.measure.name}» i {chosen}"
        for ln in report.lines
        if ln.status is None or ln.status.year != chosen
    ]
    blocks: list[A.Node] = [
        A.para(
            A.text(
                f"Rapporten viser hvordan tiltakene i handlingsplanen{' ' + period if period else ''} står i {chosen}: "
                "status, hva som er brukt mot det som var planlagt, og utviklingen i indikatorene. Den kan brukes "
                "i årsmeldingen og i arbeidet med budsjett og økonomiplan."
            )
        )
    ]
    blocks += summary(report)
    blocks.append(A.header(1, A.text("2 Status per målområde"), "status"))
    areas: dict[str, list[Line]] = {}
    names: dict[str, str] = {}
    for ln in report.lines:
        areas.setdefault(ln.measure.area.id, []).append(ln)
        names[ln.measure.area.id] = ln.measure.area.text
    if not areas:
        blocks.append(A.para(A.text("Handlingsplanen har ingen tiltak ennå.")))
    for n, (area_id, lines) in enumerate(areas.items(), start=1):
        blocks += area_part(report, names[area_id], lines, f"2.{n}")
    blocks += history_part(c, report)
    blocks += indicator_part(c)
    title = f"{TITLE} {period}".strip()
    meta = {
        "title": A.meta_inlines(title),
        "subtitle": A.meta_inlines(f"Oppfølgingen i {chosen} – {status}"),
        "author": {"t": "MetaList", "c": [A.meta_inlines(municipality)]},
        "lang": A.meta_string("nb-NO"),
        "kommune": A.meta_inlines(municipality),
        "status": A.meta_inlines(status),
        "toc-title": A.meta_inlines("Innhold"),
    }
    if period:
        meta["planperiode"] = A.meta_inlines(period)  # the title page sets it under the title
    return A.document(blocks, meta), missing
