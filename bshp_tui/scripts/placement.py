"""Where answers go in the documents, as the prompt files declare it.

A step or a field says `dokument: grunnlag.status` (one or more sections, comma-separated). A field's
own `dokument:` replaces its step's. `etikett:` is the short label the answer gets in the document
(`etikett: nei` shows the answer alone; `etikett: (name)` too, and the name is used when the
answer is missing or stands elsewhere). A step whose answers belong to a goal area names its default
goal area with `målområde:` (a list of names); a field `kobler: kartlegging.boliger` in a later step
(an `utvalg` from the goal-area list) lets the group choose the goal area instead, and its answer then
decides. Anything not bound appears in the background document under its guided session and step.

This module holds the catalogue of sections, the checks the loader runs on these keys, and the
lookups the document builder uses. It imports nothing from the export package (no pandoc).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..record import Record
from . import refs

if TYPE_CHECKING:
    from ..guide.conductor import Conductor
    from .model import Field, Script, Step
    from .values import Item

NO = {"nei", "n", "no", "false", "usann", "-"}


class Section(Record):
    """A place in a document that answers can be bound to (`dokument:`)."""

    def __init__(self, id: str, where: str, per_area: bool = False, grouped: bool = False):
        self.id = id  # "document.section"
        self.where = where  # where it is in the document, in Norwegian (for prompts/README.md and errors)
        self.per_area = per_area  # repeated for each goal area
        self.grouped = grouped  # answers shown under their step's heading


SECTIONS: dict[str, Section] = {
    s.id: s
    for s in (
        Section("plan.innledning", "planen, 1.1 Hva er boligsosial handlingsplan?"),
        Section("plan.rammer", "planen, 1.2 Rammer for boligsosial handlingsplan"),
        Section("plan.prosess", "planen, 1.3 Planprosess og medvirkning", grouped=True),
        Section("plan.langsiktig", "planen, 2 Hovedmål: de langsiktige målene, før 2.1"),
        Section("plan.hovedmal", "planen, 2.1 Boligsosiale mål"),
        Section("plan.prinsipper", "planen, 2.2 Styrende prinsipper"),
        Section("plan.indikatorer", "planen, 2 Hovedmål: «Målindikatorer», etter «Styrende prinsipper»"),
        Section("plan.mal", "planen, 3.x Målområde …: under «Mål», før tiltakstabellen", per_area=True),
        Section("plan.tiltak", "planen, 3.x Målområde …: etter tiltakstabellen", per_area=True),
        Section("plan.oppfolging", "planen, 5 Oppfølging av planen"),
        Section("grunnlag.innledning", "datagrunnlaget, 1.1 Hva er boligsosial handlingsplan?"),
        Section("grunnlag.hovedmal", "datagrunnlaget, 2.1 Boligsosiale mål"),
        Section("grunnlag.prinsipper", "datagrunnlaget, 2.2 Styrende prinsipper"),
        Section("grunnlag.utviklingstrekk", "datagrunnlaget, 3 Generelle utviklingstrekk"),
        Section(
            "grunnlag.boligbehov",
            "datagrunnlaget, 3 Generelle utviklingstrekk: «Boligbehov og boligmarked» (under stegets overskrift)",
            grouped=True,
        ),
        Section("grunnlag.langsiktig", "datagrunnlaget, 2 Hovedmål: de langsiktige målene, før 2.1"),
        Section("grunnlag.kunnskap", "datagrunnlaget, 3 Generelle utviklingstrekk: «Kunnskapsgrunnlaget»"),
        Section("grunnlag.status", "datagrunnlaget, 4.x Målområde …: «Status og utfordringer»", per_area=True),
        Section("grunnlag.visjon", "datagrunnlaget, 4.x Målområde …: «Visjon»", per_area=True),
        Section("grunnlag.behov", "datagrunnlaget, 4.x Målområde …: «Behov og tiltak»", per_area=True),
        Section("grunnlag.mal", "datagrunnlaget, 4.x Målområde …: «Overordnede mål for arbeidet»", per_area=True),
        Section("grunnlag.vedlegg1", "datagrunnlaget, 5.1 Mandat og prosjektorganisasjon"),
        Section("arbeidsdokumenter.forventninger", "arbeidsdokumentene, 1 Forventningsavklaring"),
        Section("arbeidsdokumenter.swot", "arbeidsdokumentene, 2 Sterke og svake sider", grouped=True),
        Section("arbeidsdokumenter.gap", "arbeidsdokumentene, 3 Gap-analyse"),
        Section(
            "arbeidsdokumenter.medvirkning",
            "arbeidsdokumentene, 4 Medvirkning (under stegets overskrift)",
            grouped=True,
        ),
        Section("arbeidsdokumenter.prioritering", "arbeidsdokumentene, 5 Prioritering"),
        Section("arbeidsdokumenter.framdrift", "arbeidsdokumentene, 6 Framdriftsplan"),
        Section(
            "arbeidsdokumenter.oppfolging",
            "arbeidsdokumentene, 7 Oppfølging år for år (under stegets overskrift)",
            grouped=True,
        ),
    )
}


# --------------------------------------------------------------------------------------------
# Loader checks. Entries are the loader's parsed block entries (with .value and .line); problems
# are (line, message) pairs the loader turns into file:line errors.


def apply_step_keys(step: "Step", entries: dict[str, Any], problems: list[tuple[int, str]]) -> None:
    if "dokument" in entries:
        step.documents = _sections(entries["dokument"], problems)
        step.document_line = entries["dokument"].line
    if "målområde" in entries:
        step.goal_areas = tuple(" ".join(text.split()) for text, _ in entries["målområde"].value)
        step.goal_area_line = entries["målområde"].line


def apply_field_keys(fld: "Field", entries: dict[str, Any], problems: list[tuple[int, str]]) -> None:
    if "dokument" in entries:
        fld.documents = _sections(entries["dokument"], problems)
    if "etikett" in entries:
        label = str(entries["etikett"].value).strip()
        if label.lower() in NO:
            fld.show_label = False
        elif label.startswith("(") and label.endswith(")") and label[1:-1].strip():
            fld.doc_label, fld.show_label = label[1:-1].strip(), False
        else:
            fld.doc_label = label
    if "kobler" in entries:
        entry = entries["kobler"]
        if fld.kind != "utvalg":
            problems.append(
                (entry.line, (f"«kobler:» brukes bare på felt av typen utvalg (fra målområdelista), ikke {fld.kind}"))
            )
        else:
            fld.links = str(entry.value).strip()


def _sections(entry: Any, problems: list[tuple[int, str]]) -> tuple[str, ...]:
    out = []
    for name in (n.strip().lower() for n in str(entry.value).split(",")):
        if not name:
            continue
        if name not in SECTIONS:
            import difflib  # only for a mistake: it is slow to import

            close = difflib.get_close_matches(name, list(SECTIONS), n=1)
            hint = f" Mente du «{close[0]}»?" if close else ""
            problems.append(
                (
                    entry.line,
                    (
                        f"ukjent dokumentavsnitt «{name}».{hint} Avsnittene står i prompts/README.md "
                        "(for eksempel plan.oppfolging, grunnlag.status eller arbeidsdokumenter.medvirkning)"
                    ),
                )
            )
            continue
        out.append(name)
    return tuple(out)


def check(scripts: list["Script"]) -> list[tuple[Any, int, str]]:
    """Cross-file checks of the document keys: (path, line, message) for each problem."""
    out: list[tuple[Any, int, str]] = []
    steps = {st.ref_id: (s, st) for s in scripts for st in s.steps}
    linked: dict[str, list["Field"]] = {}
    for script in scripts:
        for fld in script.fields():
            if not fld.links:
                continue
            line = fld.lines.get("kobler", fld.line)
            target = fld.links if "." in fld.links else f"{script.id}.{fld.links}"
            fld.links = target
            if fld.ref != refs.GOAL_AREAS.field:
                out.append(
                    (
                        script.path,
                        line,
                        (
                            f"feltet med «kobler:» må hente punktene fra målområdelista "
                            f"(«fra: {refs.GOAL_AREAS.field}»), ikke fra «{fld.ref}»"
                        ),
                    )
                )
            if target not in steps:
                out.append((script.path, line, f"«kobler:» viser til steget «{target}», som ikke finnes"))
                continue
            if steps[target][1].repeat:
                out.append(
                    (
                        script.path,
                        line,
                        (
                            f"«kobler:» viser til steget «{target}», som gjentas per punkt; et slikt steg kan "
                            "ikke kobles til ett målområde"
                        ),
                    )
                )
                continue
            linked.setdefault(target, []).append(fld)
    for script in scripts:
        for step in script.steps:
            per_area = [f for f in step.fields if any(SECTIONS[s].per_area for s in targets(f, step))]
            line = step.document_line or step.line
            if step.goal_areas and not per_area:
                out.append(
                    (
                        script.path,
                        step.goal_area_line or step.line,
                        (
                            "«målområde:» brukes bare når svarene skal til et avsnitt per målområde "
                            "(for eksempel «dokument: grunnlag.status»)"
                        ),
                    )
                )
            if not per_area:
                continue
            if step.repeat:
                if step.repeat != refs.GOAL_AREAS.field:
                    out.append(
                        (
                            script.path,
                            line,
                            (
                                f"steget gjentas per punkt i «{step.repeat}», men svarene skal til et avsnitt per "
                                f"målområde; da må steget gjentas per målområde («gjenta: {refs.GOAL_AREAS.field}») "
                                "eller bruke et annet avsnitt"
                            ),
                        )
                    )
            elif not step.goal_areas and step.ref_id not in linked:
                out.append(
                    (
                        script.path,
                        line,
                        (
                            "svarene skal til et avsnitt per målområde, men steget sier ikke hvilket: skriv "
                            "«målområde:» med navnet på målområdet i steg-blokken, eller la gruppa velge med et "
                            "felt med «kobler:»"
                        ),
                    )
                )
    return out


# --------------------------------------------------------------------------------------------
# Lookups for the document builder


def targets(fld: "Field", step: "Step") -> tuple[str, ...]:
    """The sections a field's answers go to (empty: the background document's catch-all)."""
    return fld.documents or step.documents


def bound_fields(scripts: Iterable["Script"], section: str) -> list[tuple["Step", "Field"]]:
    """The fields bound to `section`, in prompt order."""
    return [
        (step, fld)
        for script in scripts
        for step in script.steps
        for fld in step.fields
        if section in targets(fld, step)
    ]


def linked_areas(c: "Conductor", step: "Step") -> list["Item"]:
    """The goal areas a non-repeated step's answers belong to: the group's choice in a `kobler:`
    field if they made one, else the goal areas named by the step's `målområde:`."""
    from .keys import answer_key

    areas = c.items(refs.GOAL_AREAS.field)
    for script in c.scripts:
        for fld in script.fields():
            if fld.links != step.ref_id:
                continue
            chosen = c.session.answer(answer_key(fld.script_id, fld.id))
            if chosen:
                ids = set(chosen) if isinstance(chosen, list) else {chosen}
                return [a for a in areas if a.id in ids]
    wanted = {name.casefold() for name in step.goal_areas}
    return [a for a in areas if " ".join(a.text.split()).casefold() in wanted]


def link_fields(c: "Conductor", step: "Step") -> list["Field"]:
    return [f for s in c.scripts for f in s.fields() if f.links == step.ref_id]
