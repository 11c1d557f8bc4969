"""Session -> pandoc document tree for the three documents.

- plan:               the plan itself, in the structure of the source report's Vedlegg 5
- grunnlag:           the background document (Datagrunnlag), Vedlegg 6
- arbeidsdokumenter:  the working papers from the workshops

The structure (chapters, the action-plan tables, the ranking) is fixed here; which answers fill it is
declared in the prompt files (`dokument:`, see placement.py). Parts that need a particular field go
through the refs in refs.py. Every answer not bound anywhere appears in the background document's
last appendix under its guided session and step, and the builder records every answer key it
places, so `unplaced` names whatever is still left out. What the group has not filled in shows as a
visible placeholder, "[Ikke utfylt: …]", listed per document in `missing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..guide import health as H
from ..guide.conductor import Conductor, StepInstance, answer_key
from ..scripts import refs as R
from ..scripts.placement import SECTIONS, bound_fields, linked_areas, targets
from ..scripts.values import MONTH_NAMES, Item, format_number, is_empty
from . import ast as A
from .completeness import unplaced_answers
from .economy import COST_COLUMNS, cost_cell, economy_blocks
from .indicators import indicator_blocks
from .need_table import need_table
from .plan_frame import PlanFrame
from .render import FieldRenderer, cell_display
from .saksframlegg import saksframlegg_blocks
from .summary import challenge_picture, plan_name, summary
from .templates import placeholders, template_blocks
from .working_papers import WorkingPapers

DOCUMENTS = {
    "plan": "Boligsosial handlingsplan",
    "grunnlag": "Datagrunnlag for boligsosial handlingsplan",
    "arbeidsdokumenter": "Arbeidsdokumenter for boligsosial handlingsplan",
    "saksframlegg": "Saksframlegg: boligsosial handlingsplan",
}
PLAN_TYPES = {
    "kommunedelplan": "Planen utarbeides som kommunedelplan etter plan- og bygningsloven. Det betyr "
                      "at den får et planprogram, sendes på høring og legges ut til offentlig ettersyn, "
                      "og at den vedtas av kommunestyret.",
    "temaplan": "Planen utarbeides som temaplan.",
    "handlingsdel": "Planens tiltak inngår i kommuneplanens handlingsdel, som rulleres hvert år.",
}
ACTION_HEADINGS = {"strategi": "Strategi", "tiltak": "Tiltak", "ansvarlig": "Ansvarlig",
                   "tidsfrist": "Tidsfrist", "kostnad": "Kostnad"}
ACTION_WIDTHS = [0.19, 0.27, 0.16, 0.14, 0.24]  # Kostnad holds drift, investering, years and financing
# The background document's part for answers no prompt file binds to a section.
OTHER_ANSWERS = "Vedlegg 4: Flere svar fra arbeidsgruppa"


def today_text(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


class Builder(PlanFrame, WorkingPapers, FieldRenderer):
    """Builds the three documents together (the catch-all appendix needs to know what the other
    documents placed). Collects what is missing per document as it goes."""

    def __init__(self, conductor: Conductor, status: str = "Utkast", day: date | None = None,
                 template_dirs: list[Path] | None = None, cache_dir: Path | None = None):
        super().__init__(conductor)
        self.status = status
        self.day = day
        self.template_dirs = template_dirs or []
        self.cache_dir = cache_dir
        self.instances = conductor.instances()
        # section -> the visible step instances with fields bound to it, in prompt order
        self._sections: dict[str, list[tuple[StepInstance, list]]] = {}
        for inst in self.instances:
            for section in dict.fromkeys(s for f in inst.fields for s in targets(f, inst.step)):
                fields = [f for f in inst.fields if section in targets(f, inst.step)]
                self._sections.setdefault(section, []).append((inst, fields))
        self._links: dict[str, set[str]] = {}
        self._areas: list[Item] | None = None
        self._texts: dict[str, tuple[list[A.Node], list[str]]] = {}  # blocks, what they ask to check
        self.with_texts = True
        meta = self.s.meta
        self.municipality = str(meta.get("municipality", "")).strip()
        period_field = R.field_of(conductor, R.PLAN_PERIOD)
        answered = self.take(period_field) if period_field else None
        self.period = str(answered if isinstance(answered, str) and answered.strip() else meta.get("period") or "").strip()

    # -- small helpers ---------------------------------------------------------------------

    def standard_text(self, name: str) -> list[A.Node]:
        """A standard text as blocks (read once: the plan and the background document share some)."""
        if not self.with_texts:
            return []  # a document built only to see which answers it places
        if name not in self._texts:
            blocks = template_blocks(name, self.template_dirs, self.cache_dir)
            self._texts[name] = (blocks, placeholders(blocks))
        blocks, marked = self._texts[name]
        self.missing.extend(marked)
        return blocks

    def goal_areas(self) -> list[Item]:
        if self._areas is None:
            self._areas = self.c.items(R.GOAL_AREAS.field) if R.field_of(self.c, R.GOAL_AREAS) else []
            fld = R.field_of(self.c, R.GOAL_AREAS)
            if fld is not None:
                self.take(fld)
        return self._areas

    def _linked(self, step) -> set[str]:
        if step.ref_id not in self._links:
            self._links[step.ref_id] = {a.id for a in linked_areas(self.c, step)}
        return self._links[step.ref_id]

    def has_bindings(self, section: str) -> bool:
        return bool(bound_fields(self.c.scripts, section))

    def bound(self, section: str, area: Item | None = None, skip: tuple[R.Ref, ...] = (),
              level: int = 2, number: str = "") -> list[A.Node]:
        """The answers the prompt files bind to `section`, in prompt order. For a section per goal
        area: the area's own answers first, then the steps linked to it."""
        sec = SECTIONS[section]
        skipped = {r.field for r in skip}
        own, linked = [], []
        for inst, bound in self._sections.get(section, []):
            fields = [f for f in bound if f.ref_id not in skipped]
            if not fields:
                continue
            if sec.per_area:
                if inst.item is not None:
                    if inst.step.repeat == R.GOAL_AREAS.field and area is not None and inst.item.id == area.id:
                        own.append((inst, fields))
                elif area is not None and area.id in self._linked(inst.step):
                    linked.append((inst, fields))
            else:
                own.append((inst, fields))
        out: list[A.Node] = []
        n = 0
        for inst, fields in own + linked:
            item = inst.item
            blocks: list[A.Node] = []
            for fld in fields:
                suffix = f" ({inst.item.text})" if inst.item and not sec.per_area and not sec.grouped else ""
                context = f"for {area.text}" if sec.per_area and area is not None else ""
                blocks += self.field_blocks(fld, item, suffix=suffix, total_label=self.total_label(fld),
                                            context=context)
                blocks += self.after_field(fld)
            if sec.grouped and blocks:
                n += 1  # numbered only among the steps that show, so no number is skipped
                title = f"{number}.{n} {inst.title}" if number else inst.title
                out.append(A.header(level, A.text(title)))
            out += blocks
        return out

    def table(self, fld, rows: list[dict], item: str | None, total_label: str | None = None) -> A.Node:
        if fld.ref_id == R.HOUSING_NEED.field and R.field_of(self.c, R.HOUSING_NEED):
            return need_table(self, fld, rows)
        return super().table(fld, rows, item, total_label)

    def total_label(self, fld) -> str | None:
        return "Sum minutter" if fld.ref_id == R.MEETING_PLAN.field else None

    def after_field(self, fld) -> list[A.Node]:
        if fld.ref_id == R.MEETING_PLAN.field and R.field_of(self.c, R.MEETING_PLAN):
            minutes = H.meeting_minutes(self.c)
            if minutes:
                hours, rest = divmod(int(minutes), 60)
                return [A.para(A.text(f"Møtet tar til sammen {format_number(minutes)} minutter ({hours} t {rest} min)."))]
        return []

    # -- document shell --------------------------------------------------------------------

    def title(self, kind: str) -> str:
        base = DOCUMENTS[kind]
        return f"{base} {self.period}" if self.period else base

    def meta(self, kind: str) -> dict[str, A.Node]:
        municipality = self.municipality or "Kommunen"
        meta = {
            "title": A.meta_inlines(self.title(kind)),
            "subtitle": A.meta_inlines(f"{municipality} – {self.status}"),
            "author": {"t": "MetaList", "c": [A.meta_inlines(municipality)]},
            "date": A.meta_inlines(today_text(self.day)),
            "lang": A.meta_string("nb-NO"),
            "subject": A.meta_inlines(DOCUMENTS["plan"]),
            "kommune": A.meta_inlines(municipality),
            "status": A.meta_inlines(self.status),
            "toc-title": A.meta_inlines("Innhold"),
        }
        if self.period:
            meta["planperiode"] = A.meta_inlines(self.period)
        return meta

    def build_all(self, wanted: list[str] | None = None) -> tuple[dict[str, dict], dict[str, list[str]]]:
        """The document trees and what is missing in each. All three are always built, since
        the background document's final appendix holds what the others did not place; those not
        `wanted` are built without the standard texts, which hold no answers."""
        docs, missing = {}, {}
        for kind, blocks in (("plan", self.plan_blocks), ("saksframlegg", self.saksframlegg_blocks),
                             ("arbeidsdokumenter", self.working_paper_blocks), ("grunnlag", self.background_blocks)):
            self.missing = []
            self.with_texts = wanted is None or kind in wanted
            docs[kind] = A.document(blocks(), self.meta(kind))
            missing[kind] = self.missing
        return docs, missing

    # -- shared sections -------------------------------------------------------------------

    def introduction(self, doc: str) -> list[A.Node]:
        out = [A.header(1, A.text("1 Innledning"), "innledning"),
               A.header(2, A.text("1.1 Hva er boligsosial handlingsplan?"))]
        out += self.standard_text("hva-er")
        fld = R.field_of(self.c, R.PLAN_TYPE)
        if fld is not None:
            plan_type = self.value(fld)
            if isinstance(plan_type, str) and plan_type in PLAN_TYPES:
                self.take(fld)
                out.append(A.para(A.text(PLAN_TYPES[plan_type])))
            elif is_empty(plan_type):
                out.append(A.para([self.placeholder("plantype (kommunedelplan, temaplan eller handlingsdel)")]))
        out += self.bound(f"{doc}.innledning")
        out += [A.header(2, A.text("1.2 Rammer for boligsosial handlingsplan")),
                A.header(3, A.text("1.2.1 Lovverk"))]
        out += self.standard_text("lovverk")
        out.append(A.header(3, A.text("1.2.2 Statlige og kommunale føringer")))
        out += self.standard_text("foringer")
        if f"{doc}.rammer" in SECTIONS:
            out += self.bound(f"{doc}.rammer")
        if doc == "plan":
            process = self.process("1.3")
            out += process
            out += challenge_picture(self, "1.4" if process else "1.3")
        return out

    def main_goals(self, doc: str, heading: str) -> list[A.Node]:
        out = [A.header(1, A.text(heading), "hovedmal")]
        n = 1
        if self.has_bindings(f"{doc}.langsiktig"):
            out.append(A.header(2, A.text("2.1 Langsiktige hovedmål")))
            out += self.bound(f"{doc}.langsiktig")
            n = 2
        period = f" {self.period}" if self.period and n == 2 else ""
        title = "Boligsosiale mål for handlingsplanperioden" if n == 2 else "Boligsosiale mål"
        out.append(A.header(2, A.text(f"2.{n} {title}{period}")))
        out += self.bound(f"{doc}.hovedmal")
        groups = self.target_groups()
        if groups:
            out.append(A.para(A.text("Planen prioriterer disse målgruppene: "
                                     + ", ".join(g[0].lower() + g[1:] for g in groups) + ".")))
        out.append(A.header(2, A.text(f"2.{n + 1} Styrende prinsipper")))
        out += self.bound(f"{doc}.prinsipper")
        if doc == "plan":
            out += indicator_blocks(self, f"2.{n + 2}")
        return out

    def target_groups(self) -> list[str]:
        out: list[str] = []
        fld = R.field_of(self.c, R.TARGET_GROUPS)
        if fld is not None:
            out += [fld.option_label(v) for v in self.take(fld) or []]
        other = R.field_of(self.c, R.OTHER_TARGET_GROUPS)
        if other is not None:
            self.take(other)
            out += [i.text for i in self.c.items(other.ref_id)]
        return [g for g in out if g]

    def action_plan_table(self, area: Item) -> list[A.Node]:
        fld = R.field_of(self.c, R.ACTION_PLAN)
        if fld is None:
            return []
        rows = [r for r in self.take(fld, area.id) or [] if isinstance(r, dict)]
        if not rows:
            return [A.para([self.placeholder(f"tiltak for målområdet {area.text}")])]
        # The five columns of the plan template first (the cost columns in Kostnad), then any other
        # the prompt file adds.
        columns = [c for c in ACTION_HEADINGS] + [c.id for c in fld.columns
                                                 if c.id not in ACTION_HEADINGS and c.id not in COST_COLUMNS]
        head = [A.cell_text(ACTION_HEADINGS.get(c) or (col.label if (col := fld.column(c)) else c)) for c in columns]
        body = []
        for row in rows:
            cells = []
            for col_id in columns:
                col = fld.column(col_id)
                value = self.c.cell(fld, row, col_id) if col else ""
                shown = cost_cell(self.c, fld, row) if col_id == "kostnad" else cell_display(col, value)
                if shown == "" and col_id in ("ansvarlig", "tidsfrist", "kostnad", "tiltak"):
                    name = self.c.cell(fld, row, "tiltak") or "et tiltak"
                    cells.append([A.plain([self.placeholder(f"{col_id} for «{name}» ({area.text})")])])
                    continue
                if col_id == "tiltak" and self.c.is_orphan_cell(fld, row, "tiltak"):
                    shown += " (slettet fra gap-analysen)"
                cells.append(A.cell_text(shown))
            body.append(cells)
        total = H.table_total(self.c, fld.ref_id, "kostnad", area.id)
        invested = H.table_total(self.c, fld.ref_id, "investering", area.id) if fld.column("investering") else 0
        cost = f"{format_number(total)} kr per år" + (f", investering {format_number(invested)} kr" if invested else "")
        foot = [A.cell_text("Sum") if n == 0 else A.cell_text(cost) if c == "kostnad" else []
                for n, c in enumerate(columns)]
        extra = len(columns) - len(ACTION_WIDTHS)
        widths = ACTION_WIDTHS if not extra else [w * 5 / len(columns) for w in ACTION_WIDTHS] + [1 / len(columns)] * extra
        return [A.table(head, body, foot, widths=widths)]

    def action_plan(self, number: str) -> list[A.Node]:
        period = f" {self.period}" if self.period else ""
        out = [A.header(1, A.text(f"{number} Handlingsplan{period}"), "handlingsplan")]
        areas = self.goal_areas()
        if not areas:
            out += self.no_areas(number)
        for n, area in enumerate(areas, start=1):
            out.append(A.header(2, A.text(f"{number}.{n} Målområde {area.text}")))
            out.append(A.header(3, A.text(f"{number}.{n}.1 Mål")))
            out += self.bound("plan.mal", area)
            out += self.action_plan_table(area)
            out += self.bound("plan.tiltak", area)
        if areas and R.field_of(self.c, R.ACTION_PLAN):
            grand = sum(t for _, t in H.cost_per_goal_area(self.c))
            invested = H.table_total(self.c, R.ACTION_PLAN.field, "investering")
            total = f"{format_number(grand)} kr i drift per år" + (
                f" og {format_number(invested)} kr i investering" if invested else "")
            out.append(A.para([A.strong(A.text("Samlet kostnad for handlingsplanen:")), {"t": "Space"},
                               *A.text(total)]))
        return out

    # -- the plan --------------------------------------------------------------------------

    def plan_blocks(self) -> list[A.Node]:
        opening = (f"{plan_name(self)} for {self.municipality or 'kommunen'} samler kommunens mål, strategier "
                   "og tiltak for det boligsosiale arbeidet i perioden.")
        out = [A.header(1, A.text("Sammendrag"), "sammendrag")] + summary(self, opening)
        out += self.introduction("plan")
        out += self.main_goals("plan", f"2 Hovedmål for boligsosialt arbeid{self.horizon()}")
        out += self.action_plan("3")
        out += economy_blocks(self, "4")
        out.append(A.header(1, A.text("5 Oppfølging av planen"), "oppfolging"))
        out += self.bound("plan.oppfolging")
        return out

    def saksframlegg_blocks(self) -> list[A.Node]:
        return saksframlegg_blocks(self)

    # -- the background document -----------------------------------------------------------

    def background_blocks(self) -> list[A.Node]:
        out = self.introduction("grunnlag")
        out += self.main_goals("grunnlag", "2 Hovedmål for det boligsosiale arbeidet")
        out.append(A.header(1, A.text("3 Generelle utviklingstrekk i boligsosialt arbeid"), "utviklingstrekk"))
        out += self.standard_text("utviklingstrekk")
        out += self.bound("grunnlag.utviklingstrekk")
        sub = 0
        if self.has_bindings("grunnlag.boligbehov"):
            sub += 1
            out.append(A.header(2, A.text(f"3.{sub} Boligbehov og boligmarked"), "boligbehov"))
            out += self.bound("grunnlag.boligbehov", level=3, number=f"3.{sub}")
        if self.has_bindings("grunnlag.kunnskap"):
            sub += 1
            out.append(A.header(2, A.text(f"3.{sub} Kunnskapsgrunnlaget")))
            out += self.bound("grunnlag.kunnskap")
        out.append(A.header(1, A.text("4 Bakgrunnsdata for målområdene i handlingsplanen"), "bakgrunnsdata"))
        areas = self.goal_areas()
        if not areas:
            out += self.no_areas("4")
        parts = [("grunnlag.status", "Status og utfordringer"), ("grunnlag.visjon", "Visjon"),
                 ("grunnlag.behov", "Behov og tiltak"), ("grunnlag.mal", "Overordna mål for arbeidet")]
        for n, area in enumerate(areas, start=1):
            out.append(A.header(2, A.text(f"4.{n} Målområde {area.text}")))
            shown = [(section, heading) for section, heading in parts if self.has_bindings(section)]
            for k, (section, heading) in enumerate(shown, start=1):
                out.append(A.header(3, A.text(f"4.{n}.{k} {heading}")))
                out += self.bound(section, area)
        out.append(A.header(1, A.text("5 Vedlegg"), "vedlegg"))
        out.append(A.header(2, A.text("Vedlegg 1: Mandat og prosjektorganisasjon for boligsosial handlingsplan")))
        out += self.bound("grunnlag.vedlegg1")
        out.append(A.header(2, A.text("Vedlegg 2: Boligsosial ordliste og definisjoner")))
        out += self.standard_text("ordliste")
        period = f" {self.period}" if self.period else ""
        out.append(A.header(2, A.text(f"Vedlegg 3: Boligsosial handlingsplan{period}")))
        for area in areas:
            out.append(A.header(3, A.text(f"Målområde {area.text}")))
            out += self.action_plan_table(area)
        out += self.other_answers()
        return out

    def other_answers(self) -> list[A.Node]:
        """Every answered field nothing else placed, under its guided session and step."""
        out: list[A.Node] = []
        by_script: dict[str, list[tuple[StepInstance, list]]] = {}
        for inst in self.instances:
            fields = [f for f in inst.fields if self._unplaced(f, inst)]
            if fields:
                by_script.setdefault(inst.script.id, []).append((inst, fields))
        if not by_script:
            return out
        out.append(A.header(2, A.text(OTHER_ANSWERS), "flere-svar"))
        out.append(A.para(A.text("Her står svar fra samlingene som ikke har en egen plass i planen eller "
                                 "datagrunnlaget, ordnet etter veiledning og steg.")))
        for script in self.c.scripts:
            for n, (inst, fields) in enumerate(by_script.get(script.id, [])):
                if n == 0:
                    out.append(A.header(3, A.text(script.title)))
                out.append(A.header(4, A.text(inst.title)))
                for fld in fields:
                    out += self.field_blocks(fld, inst.item, show_label=True, total_label=self.total_label(fld))
        return out

    def _unplaced(self, fld, inst: StepInstance) -> bool:
        key = answer_key(fld.script_id, fld.id, inst.item.id if inst.item else None)
        return key not in self.placed and not is_empty(self.value(fld, inst.item.id if inst.item else None))


@dataclass
class Built:
    documents: dict[str, dict]  # kind -> pandoc document tree
    missing: dict[str, list[str]]  # kind -> what is shown as "[Ikke utfylt: …]"
    unplaced: list[str]  # answers in no document, described in Norwegian


def build_documents(conductor: Conductor, wanted: list[str] | None = None, **options: Any) -> Built:
    """The document trees (complete for the `wanted` kinds, or all), what each is missing, and
    the answers that reach none of the three documents."""
    builder = Builder(conductor, **options)
    docs, missing = builder.build_all(wanted)
    return Built(docs, missing, unplaced_answers(conductor, builder.placed))


def build_document(conductor: Conductor, kind: str, **options: Any) -> tuple[dict, list[str]]:
    """The document tree for `kind` and the list of what was not filled in."""
    built = build_documents(conductor, [kind], **options)
    return built.documents[kind], built.missing[kind]
