"""Saksframlegg: the case document that takes the plan to formannskap and kommunestyre.

Sammendrag; Bakgrunn (hjemmel, mandate, process); Vurdering (the main challenges, the prioritised
measures and why); Økonomiske konsekvenser (the plan's economy table); Forslag til vedtak. A
kommunedelplan is first put out for consultation and public inspection; any other plan is adopted.
"""

from __future__ import annotations

from typing import Any

from ..scripts import refs as R
from . import ast as A
from .sessions_held import work_so_far
from .summary import challenges, lower_first, measure_line, plan_name, summary, top_measures

TOP_MEASURES = 5  # in the assessment, with the reasons
HJEMMEL = (
    "Kommunen har etter lov om kommunenes ansvar på det boligsosiale feltet (boligsosialloven, "
    "LOV-2022-12-20-121) ansvar for å ha oversikt over behovet for boliger for vanskeligstilte på "
    "boligmarkedet og for at overordnede mål og strategier for arbeidet fastsettes i kommunens planer. "
    "Den boligsosiale handlingsplanen samler kommunens mål, strategier og tiltak for perioden."
)
HJEMMEL_PBL = (
    "Planen utarbeides som kommunedelplan etter plan- og bygningsloven kapittel 11, med høring "
    "og offentlig ettersyn før kommunestyret vedtar den."
)


def plan_type(b: Any) -> str | None:
    fld = R.field_of(b.c, R.PLAN_TYPE)
    value = b.take(fld) if fld is not None else None
    return value if isinstance(value, str) else None


def background(b: Any) -> list[A.Node]:
    kind = plan_type(b)
    out = [A.header(2, A.text("2.1 Hjemmel")), A.para(A.text(HJEMMEL))]
    if kind == "kommunedelplan":
        out.append(A.para(A.text(HJEMMEL_PBL)))
    out.append(A.header(2, A.text("2.2 Mandat")))
    fld = R.field_of(b.c, R.MANDATE)
    mandate = b.field_blocks(fld, None, show_label=False) if fld is not None else []
    out += mandate or [A.para([b.placeholder("arbeidsgruppas mandat (oppstarten)")])]
    out.append(A.header(2, A.text("2.3 Prosess")))
    out += work_so_far(
        b.held(), "En bredt sammensatt arbeidsgruppe har utarbeidet planen gjennom samlinger med disse temaene:"
    )
    return out


def assessment(b: Any) -> list[A.Node]:
    out = [A.header(2, A.text("3.1 Hovedutfordringer"))]
    out += challenges(b)
    out.append(A.header(2, A.text("3.2 Prioriterte tiltak")))
    measures = top_measures(b, TOP_MEASURES)
    if not measures:
        out.append(A.para([b.placeholder("vurderingen av tiltakene (prioriteringen)")]))
        return out
    fld = R.field_of(b.c, R.RATINGS)
    scales = {s.id: s for s in fld.scales} if fld is not None else {}
    out.append(
        A.para(
            A.text(
                "Arbeidsgruppa vurderte hvert tiltak på en skala fra 1 til 4 for hvor mye det haster, hva det "
                "koster, hvor stor innflytelse kommunen har og hvor godt kunnskapsgrunnlaget er. Disse tiltakene "
                "fikk høyest samlet vurdering:"
            )
        )
    )
    items = []
    for m in measures:
        why = ", ".join(pole(scales.get(k), k, v) for k, v in m.ratings.items())
        items.append([A.plain(A.text(f"{measure_line(m)}: {why}; samlet {m.score} av {4 * len(m.ratings)}"))])
    out.append(A.bullets(items))
    return out


def pole(scale: Any, key: str, value: int) -> str:
    """A rating in words: the scale's pole it leans to, and the number («haster (4)»)."""
    if scale is None:
        return f"{key} ({value})"
    word = scale.high if value >= 3 else scale.low
    return f"{word[0].lower()}{word[1:]} ({value})"


def decision(b: Any) -> list[A.Node]:
    kind = plan_type(b)
    name = plan_name(b)
    if kind == "kommunedelplan":
        first = (
            f"Forslag til {lower_first(name)} legges ut til høring og offentlig ettersyn "
            "etter plan- og bygningsloven § 11-14."
        )
    else:
        first = f"{name} vedtas."
    out = []
    if kind is None:
        out.append(A.para([b.placeholder("plantype (kommunedelplan, temaplan eller handlingsdel)")]))
    out.append(
        {
            "t": "OrderedList",
            "c": [
                [1, {"t": "Decimal"}, {"t": "Period"}],
                [
                    [A.plain(A.text(first))],
                    [A.plain(A.text("Tiltakene i planen vurderes i arbeidet med økonomiplan og årsbudsjett."))],
                ],
            ],
        }
    )
    return out


def saksframlegg_blocks(b: Any) -> list[A.Node]:
    from .economy import economy_blocks

    opening = f"Arbeidsgruppa legger med dette fram forslag til {lower_first(plan_name(b))} for {b.municipality or 'kommunen'}."
    out = [A.header(1, A.text("1 Sammendrag"), "sammendrag")] + summary(b, opening)
    out += [A.header(1, A.text("2 Bakgrunn"), "bakgrunn")] + background(b)
    out += [A.header(1, A.text("3 Vurdering"), "vurdering")] + assessment(b)
    out += economy_blocks(b, "4")
    out += [A.header(1, A.text("5 Forslag til vedtak"), "vedtak")] + decision(b)
    return out
