"""Derived results and the assistant's remarks: what a good facilitator would notice.

Which measures rank high, and which are low-hanging fruit or "flying", is worked out in
measures.py.

The rules name the fields they need through the refs in refs.py (the constants below). A
municipality's own prompt files that leave out a field simply turn its rules off, and
`bshp check-prompts` says which.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..scripts import refs as R
from ..scripts.keys import parse_answer_key
from ..scripts.values import is_empty
from .measures import flying_measures, has_planned_cost, low_hanging_fruit
from .remark import Remark, answered, join_words, key_of, script_started, where

if TYPE_CHECKING:
    from .conductor import Conductor, Position


SECTORS = R.SECTORS.field
POLITICIAN = "politiker"
MIN_SECTORS = 4
GOAL_AREAS = R.GOAL_AREAS.field
GAP_STATUS = R.GAP_STATUS.field
GAP_VISION = R.GAP_VISION.field
GAP_MEASURES = R.GAP_MEASURES.field
RATINGS = R.RATINGS.field
ACTION_PLAN = R.ACTION_PLAN.field
MOBILISATION = R.MOBILISATION.field
PARTICIPATION = R.PARTICIPATION.field
SPECIAL_GROUPS = R.SPECIAL_GROUPS.field
KNOWLEDGE_GAPS = R.KNOWLEDGE_GAPS.field
MEETING_PLAN = R.MEETING_PLAN.field

# Words that show a participation-plan row covers a group that needs special facilitation.
GROUP_WORDS = {
    "barn-unge": ("barn", "unge", "ungdom", "elev", "ungdomsråd"),
    "utviklingshemming": ("utviklingshem",),
    "rus-psykisk": ("rus", "psyk"),
    "sprak": ("språk", "tolk", "flyktning", "innvandr"),
    "bostedslose": ("bostedsløs",),
    "eldre": ("eldre", "eldreråd", "senior"),
}


# --------------------------------------------------------------------------------------------
# The remarks


def _rule_working_group(c: "Conductor") -> list[Remark]:
    if R.field_of(c, R.SECTORS) is None or not answered(c, SECTORS):
        return []
    chosen = c.readable_value(SECTORS) or []
    out = []
    if POLITICIAN not in chosen:
        out.append(
            Remark(
                "ingen-politiker",
                "Arbeidsgruppa har ingen politiker. Erfaringen er at politisk deltakelse gjør at de som skal "
                "vedta planen, kjenner avveiningene bak den. Kan dere invitere en politiker?",
                triggers=(SECTORS,),
                **where(c, SECTORS),
            )
        )
    if len(chosen) < MIN_SECTORS:
        out.append(
            Remark(
                "fa-sektorer",
                f"Bare {len(chosen)} sektor{'er' if len(chosen) != 1 else ''} er representert. En bredt sammensatt gruppe "
                "(for eksempel NAV, helse og omsorg, boligforvaltning og plan) gir et bedre kunnskapsgrunnlag.",
                triggers=(SECTORS,),
                **where(c, SECTORS),
            )
        )
    return out


def _rule_gap_without_measure(c: "Conductor") -> list[Remark]:
    if not c.has_field(GAP_MEASURES):
        return []
    out = []
    for area in c.items(GOAL_AREAS):
        started = any(not is_empty(c.session.answer(key_of(r, area.id))) for r in (GAP_STATUS, GAP_VISION))
        measures = c.session.answer(key_of(GAP_MEASURES, area.id))
        if started and is_empty(measures):
            out.append(
                Remark(
                    "gap-uten-tiltak",
                    f"Gapet for «{area.text}» har ingen tiltak ennå. Hva må til for å komme fra status i dag til visjonen?",
                    triggers=(GAP_STATUS, GAP_VISION, GAP_MEASURES),
                    **where(c, GAP_MEASURES),
                    item=area.id,
                    subjects=[area.text],
                )
            )
    return out


def _rule_measure_details(c: "Conductor") -> list[Remark]:
    fld = R.field_of(c, R.ACTION_PLAN)
    if fld is None:
        return []
    labels = {"ansvarlig": "ansvarlig", "tidsfrist": "tidsfrist", "kostnad": "kostnad"}
    out = []
    areas = {i.id: i.text for i in c.items(GOAL_AREAS)}
    for parent, rows in c.readable_values(ACTION_PLAN):
        for row in rows or []:
            name = c.cell(fld, row, "tiltak") or row.get("strategi") or "et tiltak"
            missing = [
                label
                for col, label in labels.items()
                if fld.column(col) is not None
                and row.get(col) in ("", None)
                and not (col == "kostnad" and has_planned_cost(row))
            ]
            if missing:
                out.append(
                    Remark(
                        "tiltak-mangler",
                        f"Tiltaket «{name}» ({areas.get(parent or '', '')}) mangler {join_words(missing)}. Tiltak uten "
                        "ansvarlig, frist og kostnad blir sjelden gjennomført.",
                        triggers=(ACTION_PLAN,),
                        **where(c, ACTION_PLAN),
                        item=parent,
                        subjects=[str(row.get("id", name))],
                    )
                )
    return out


def _rule_area_without_measures(c: "Conductor") -> list[Remark]:
    plan = R.field_of(c, R.ACTION_PLAN)
    if plan is None:
        return []
    started = script_started(c, plan.script_id)
    if not started:
        return []
    out = []
    for area in c.items(GOAL_AREAS):
        if is_empty(c.session.answer(key_of(ACTION_PLAN, area.id))):
            out.append(
                Remark(
                    "malomrade-uten-tiltak",
                    f"Målområdet «{area.text}» har ingen tiltak i handlingsplanen ennå.",
                    triggers=(ACTION_PLAN,),
                    **where(c, ACTION_PLAN),
                    item=area.id,
                    subjects=[area.text],
                )
            )
    return out


def _rule_external_actors(c: "Conductor") -> list[Remark]:
    if not answered(c, MOBILISATION):
        return []
    rows = c.readable_value(MOBILISATION) or []
    if any(str(r.get("type", "")).lower() == "ekstern" for r in rows if isinstance(r, dict)):
        return []
    return [
        Remark(
            "ingen-eksterne",
            "Mobiliseringsplanen har bare interne målgrupper. Hvem utenfor kommuneorganisasjonen bør med – "
            "brukere, frivillige, utleiere, utbyggere? Marker dem som «ekstern».",
            triggers=(MOBILISATION,),
            **where(c, MOBILISATION),
        )
    ]


def _rule_list_counts(c: "Conductor") -> list[Remark]:
    """A list with more or fewer points than its guide suggests (`antall:` in the prompt file)."""
    out = []
    for script in c.scripts:
        for fld in script.fields():
            if fld.count is None or fld.kind != "liste":
                continue
            low, high = fld.count
            ref = f"{fld.script_id}.{fld.id}"
            name = (fld.doc_label or "").strip("()") or fld.id
            for item, value in c.field_values(ref):
                count = len(value) if isinstance(value, list) else 0
                if not count or low <= count <= high:
                    continue
                suggested = f"{low}–{high}" if high > low else str(low)
                if count < low:
                    text = (
                        f"Dere har skrevet {'ett punkt' if count == 1 else f'{count} punkter'} under «{name}». "
                        f"Veiledningen foreslår {suggested}. Det kan være nok, men se om noe viktig mangler."
                    )
                else:
                    text = (
                        f"Dere har skrevet {count} punkter under «{name}». Veiledningen foreslår {suggested}: "
                        "færre gjør planen lettere å styre etter og følge opp. Kan noen slås sammen?"
                    )
                out.append(
                    Remark(
                        "antall-punkter",
                        text,
                        level="merk",
                        triggers=(ref,),
                        item=item,
                        **where(c, ref),
                        subjects=[fld.id, str(count)],
                    )
                )
    return out


def _rule_special_groups(c: "Conductor") -> list[Remark]:
    fld = R.field_of(c, R.SPECIAL_GROUPS)
    if fld is None or not answered(c, SPECIAL_GROUPS) or R.field_of(c, R.PARTICIPATION) is None:
        return []
    chosen = c.readable_value(SPECIAL_GROUPS) or []
    rows = c.readable_value(PARTICIPATION) or []
    text = " ".join(
        " ".join(str(v) for v in r.values() if isinstance(v, str)) for r in rows if isinstance(r, dict)
    ).lower()
    out = []
    for group in chosen:
        words = GROUP_WORDS.get(group, (fld.option_label(group).lower(),))
        if not any(w in text for w in words):
            out.append(
                Remark(
                    "mangler-tilrettelegging",
                    f"Dere har sagt at «{fld.option_label(group)}» trenger særlig tilrettelegging, men "
                    "medvirkningsplanen sier ikke hvordan de skal medvirke. Plan- og bygningsloven § 5-1 "
                    "gir kommunen et særlig ansvar for dette.",
                    triggers=(SPECIAL_GROUPS, PARTICIPATION),
                    **where(c, PARTICIPATION),
                    subjects=[group],
                )
            )
    return out


def _rule_low_hanging_fruit(c: "Conductor") -> list[Remark]:
    fruit = low_hanging_fruit(c)
    if not fruit:
        return []
    names = join_words([f"«{m.item.text}»" for m in fruit])
    return [
        Remark(
            "lavthengende-frukter",
            f"Lavthengende frukter: {names}. De er billige, dere rår over dem og kan mye om dem – "
            "sett dem gjerne i gang tidlig, så både brukere og ansatte ser at noe skjer.",
            level="bra",
            triggers=(RATINGS,),
            **where(c, RATINGS),
            subjects=[m.item.id for m in fruit],
        )
    ]


def _rule_flying(c: "Conductor") -> list[Remark]:
    out = []
    for m in flying_measures(c):
        out.append(
            Remark(
                "flygende-tiltak",
                f"«{m.item.text}» har lite innflytelse og lite kunnskap bak seg. Ta en realitetssjekk: kan det "
                "deles opp, eller bør første steg være å skaffe mer kunnskap?",
                triggers=(RATINGS,),
                **where(c, RATINGS),
                subjects=[m.item.id],
            )
        )
    return out


def _rule_orphans(c: "Conductor") -> list[Remark]:
    """Answers that point at something the group has since deleted."""
    out = []
    fld = R.field_of(c, R.ACTION_PLAN)
    if fld is not None:
        for parent, rows in c.readable_values(ACTION_PLAN):
            for row in rows or []:
                if c.is_orphan_cell(fld, row, "tiltak"):
                    out.append(
                        Remark(
                            "slettet-tiltak",
                            f"Handlingsplanen har fortsatt tiltaket «{row.get('tiltak', '')}», men det er slettet fra "
                            "gap-analysen. Skal det stå i planen?",
                            level="merk",
                            triggers=(GAP_MEASURES, ACTION_PLAN),
                            **where(c, ACTION_PLAN),
                            item=parent,
                            subjects=[str(row.get("id"))],
                        )
                    )
    # Answers of repeated steps whose item (e.g. a goal area) was removed from its list.
    by_field: dict[tuple[str, str], list[tuple[str, str, object]]] = {}  # (script, field) -> (key, item, value)
    for key, value in c.session.answers().items():
        script_id, field_id, item = parse_answer_key(key)
        if item is not None:
            by_field.setdefault((script_id, field_id), []).append((key, item, value))
    for script in c.scripts:
        for step in script.steps:
            if not step.repeat:
                continue
            alive = {i.id for i in c.items(step.repeat)}
            for fld in step.fields:
                for key, item, value in by_field.get((fld.script_id, fld.id), ()):
                    if item not in alive and not is_empty(value):
                        out.append(
                            Remark(
                                "slettet-punkt",
                                f"Noen svar i «{step.title}» hører til et punkt som er fjernet fra lista. Svarene er "
                                "tatt vare på; legg punktet inn igjen med samme navn hvis dere vil bruke dem.",
                                level="merk",
                                triggers=(step.repeat,),
                                script_id=script.id,
                                step_id=step.id,
                                subjects=[key],
                            )
                        )
                        break
    return out


def _rule_knowledge_gaps(c: "Conductor") -> list[Remark]:
    gaps = c.items(KNOWLEDGE_GAPS)
    plan = R.field_of(c, R.ACTION_PLAN)
    started = any(k.startswith(key_of(GAP_MEASURES)) for k in c.session.answers()) or (
        plan is not None and script_started(c, plan.script_id)
    )
    if not gaps or not started:
        return []
    measures = " ".join(i.text.lower() for i in c.items(GAP_MEASURES))
    missing = [g for g in gaps if g.text.lower() not in measures]
    if not missing:
        return []
    return [
        Remark(
            "kunnskapshull",
            f"Kartleggingen viste at dere mangler kunnskap om {join_words([f'«{g.text}»' for g in missing])}. "
            "Legg videre kartlegging inn som tiltak, så forsvinner det ikke.",
            triggers=(KNOWLEDGE_GAPS, GAP_MEASURES),
            **where(c, GAP_MEASURES),
            subjects=[g.id for g in missing],
        )
    ]


RULES: list[Callable[["Conductor"], list[Remark]]] = [
    _rule_working_group,
    _rule_gap_without_measure,
    _rule_knowledge_gaps,
    _rule_low_hanging_fruit,
    _rule_flying,
    _rule_external_actors,
    _rule_list_counts,
    _rule_special_groups,
    _rule_area_without_measures,
    _rule_measure_details,
    _rule_orphans,
]


def health_report(c: "Conductor") -> list[Remark]:
    """Every remark that applies now: the plan's health report."""
    out: list[Remark] = []
    with c.reading():
        for rule in RULES:
            out.extend(rule(c))
    return out


def remarks_for(c: "Conductor", pos: "Position") -> list[Remark]:
    """The remarks made timely by answering `pos`."""
    ref = f"{pos.script_id}.{pos.field_id}"
    return [r for r in health_report(c) if ref in r.triggers]
