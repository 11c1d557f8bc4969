"""What the plan and the saksframlegg open with: the Sammendrag (challenges, goals, the top
measures, the cost) and the Utfordringsbilde (the challenges per goal area today and the key
figures from the mapping)."""

from __future__ import annotations

from typing import Any

from ..guide import measures as H
from ..scripts import refs as R
from ..scripts.values import format_number, year_span
from . import ast as A
from .economy import economy_rows, plan_years
from .need_table import need_table
from .render import label_text

SUMMARY_MEASURES = 3


def plan_name(b: Any) -> str:
    return f"Boligsosial handlingsplan {b.period}".strip()


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def main_goals(b: Any) -> list[str]:
    fld = R.field_of(b.c, R.MAIN_GOALS)
    if fld is None:
        return []
    b.take(fld)
    return [i.text for i in b.c.items(fld.ref_id)]


def top_measures(b: Any, count: int) -> list[H.RankedMeasure]:
    return [m for m in H.ranked_measures(b.c) if m.rated][:count]


def measure_line(m: H.RankedMeasure) -> str:
    return f"{m.item.text} ({m.goal_area})" if m.goal_area else m.item.text


def challenges(b: Any) -> list[A.Node]:
    """The state today per goal area, from the gap analysis."""
    status = R.field_of(b.c, R.GAP_STATUS)
    lines = []
    for area in b.goal_areas():
        text = b.take(status, area.id) if status is not None else None
        if isinstance(text, str) and text.strip():
            lines.append([A.plain([A.strong(A.text(f"{area.text}:")), {"t": "Space"}, *A.text(text.strip())])])
    if not lines:
        return [A.para([b.placeholder("status i dag per målområde (gap-analysen)")])]
    return [A.para(A.text("Gap-analysen viser disse utfordringene i dag:")), A.bullets(lines)]


def key_figures(b: Any) -> list[tuple[str, str]]:
    """Every number the group gave in the mapping, with what it counts."""
    out = []
    mapping = R.KNOWLEDGE_GAPS.script_id
    for inst in b.instances:
        if inst.script.id != mapping:
            continue
        for fld in inst.fields:
            value = b.value(fld, inst.item.id if inst.item else None)
            if fld.kind != "tall" or not isinstance(value, (int, float)) or isinstance(value, bool):
                continue
            label = label_text(fld) + (f" ({inst.item.text})" if inst.item else "")
            out.append((label, f"{format_number(value)} {fld.unit or ''}".strip()))
    return out


def challenge_picture(b: Any, number: str) -> list[A.Node]:
    """The plan's «Utfordringsbilde»: the challenges, the key figures and the need overview."""
    out = [A.header(2, A.text(f"{number} Utfordringsbilde"), "utfordringsbilde")]
    out += challenges(b)
    figures = key_figures(b)
    if figures:
        out.append(A.para(A.text("Nøkkeltall fra kartleggingen:")))
        out.append(
            A.table(
                [A.cell_text("Nøkkeltall"), A.cell_text("Verdi")],
                [[A.cell_text(label), A.cell_text(value)] for label, value in figures],
                widths=[0.75, 0.25],
            )
        )
    out += need_overview(b)
    return out


def need_overview(b: Any) -> list[A.Node]:
    """The need overview from the mapping (today, expected need and the gap per target group)."""
    fld = R.field_of(b.c, R.HOUSING_NEED)
    rows = b.take(fld) if fld is not None else None
    rows = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
    if not rows:
        return []
    return [A.para(A.text("Boligbehovet per målgruppe, fra kartleggingen:")), need_table(b, fld, rows)]


def costs_sentence(b: Any) -> list[A.Node]:
    """What the plan costs over the period and how much of it needs new money."""
    if R.field_of(b.c, R.ACTION_PLAN) is None:
        return []
    years = plan_years(b.period)
    if not years:
        return [A.para([b.placeholder("planperioden (årstallene) i oppstarten, for å regne ut kostnadene")])]
    rows, costs = economy_rows(b.c, b.goal_areas(), years)
    if not any(m.stated for m in costs):  # no measure says what it costs yet
        return [
            A.para(
                [
                    b.placeholder(
                        "hva tiltakene koster – regnes ut når tiltakene i handlingsplanen har "
                        "fått kostnad eller er merket «innenfor dagens rammer»"
                    )
                ]
            )
        ]
    total = next(r for r in rows if r.post == "Sum per år").total
    new = next(r for r in rows if r.post == "Behov for nye midler").total
    if round(total) == 0:
        return [A.para(A.text(f"Tiltakene er ført uten kostnader i planperioden {year_span(years[0], years[-1])}."))]
    if round(new) == round(total):
        share = "Alt krever nye midler."
    elif round(new) == 0:
        share = "Alt dekkes innenfor dagens rammer."
    else:
        share = f"Av dette krever {format_number(round(new))} kr nye midler; resten dekkes innenfor dagens rammer."
    return [
        A.para(
            A.text(
                f"Tiltakene koster til sammen {format_number(round(total))} kr i planperioden {year_span(years[0], years[-1])}, "
                f"drift og investering sammenlagt. {share} Fordelingen per år står under «Økonomiske konsekvenser»."
            )
        )
    ]


def summary(b: Any, opening: str) -> list[A.Node]:
    """One page: the challenges, the goals, the top measures and the cost."""
    out = [A.para(A.text(opening))]
    out += challenges(b)
    goals = main_goals(b)
    if goals:
        out.append(A.para(A.text("Planen har disse hovedmålene:")))
        out.append(A.bullets([[A.plain(A.text(g))] for g in goals]))
    else:
        out.append(A.para([b.placeholder("hovedmål (prioriteringen)")]))
    measures = top_measures(b, SUMMARY_MEASURES)
    if measures:
        out.append(A.para(A.text("De høyest prioriterte tiltakene er:")))
        out.append(A.bullets([[A.plain(A.text(measure_line(m)))] for m in measures]))
    out += costs_sentence(b)
    return out
