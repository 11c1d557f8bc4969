"""Session -> pandoc document tree for the three documents.

- plan:               the plan itself, in the structure of the source report's Vedlegg 5
- grunnlag:           the background document (Datagrunnlag), Vedlegg 6
- arbeidsdokumenter:  the working papers from the workshops

The structure (chapters, the action-plan tables, the ranking) is fixed in the builder's parts, one
module per document (plan.py, background.py, working_papers.py, saksframlegg.py; shared_chapters.py
for what the plan and the background document share); which answers fill it is
declared in the prompt files (`dokument:`, see placement.py). Parts that need a particular field go
through the refs in refs.py. Every answer not bound anywhere appears in the background document's
last appendix under its guided session and step, and the builder records every answer key it
places, so `unplaced` names whatever is still left out. What the group has not filled in shows as a
visible placeholder, "[Ikke utfylt: …]", listed per document in `missing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..guide import measures as H
from ..guide.conductor import Conductor, StepInstance
from ..guide.costs import plan_years, total_text
from ..record import Record
from ..scripts import refs as R
from ..scripts.placement import SECTIONS, bound_fields, linked_areas, targets
from ..scripts.values import MONTH_NAMES, Item, dashed_year_spans, format_number
from . import ast as A
from .background import BackgroundDocument
from .completeness import unplaced_answers
from .need_table import need_table
from .plan import PlanDocument
from .saksframlegg import saksframlegg_blocks
from .sessions_held import sessions_held
from .templates import marked_template
from .working_papers import WorkingPapers

DOCUMENTS = {
    "plan": "Boligsosial handlingsplan",
    "grunnlag": "Datagrunnlag for boligsosial handlingsplan",
    "arbeidsdokumenter": "Arbeidsdokumenter for boligsosial handlingsplan",
    "saksframlegg": "Saksframlegg: boligsosial handlingsplan",
}

# The order build_each builds the documents in: the background document last, since its final
# appendix holds what the others did not place.
BUILD_ORDER = ("plan", "saksframlegg", "arbeidsdokumenter", "grunnlag")


def today_text(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


class Builder(PlanDocument, BackgroundDocument, WorkingPapers):
    """Builds the three documents together (the catch-all appendix needs to know what the other
    documents placed). Collects what is missing per document as it goes."""

    def __init__(
        self,
        conductor: Conductor,
        status: str = "Utkast",
        day: date | None = None,
        template_dirs: list[Path] | None = None,
        cache_dir: Path | None = None,
    ):
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
        self._held: tuple[list[str], list[str], list[str]] | None = None
        self._texts: dict[str, tuple[list[A.Node], list[str]]] = {}  # blocks, what they ask to check
        self.with_texts = True
        meta = self.s.meta
        self.municipality = str(meta.get("municipality", "")).strip()
        period_field = R.field_of(conductor, R.PLAN_PERIOD)
        answered = self.take(period_field) if period_field else None
        self.period = dashed_year_spans(
            str(answered if isinstance(answered, str) and answered.strip() else meta.get("period") or "").strip()
        )

    # -- small helpers ---------------------------------------------------------------------

    def standard_text(self, name: str) -> list[A.Node]:
        """A standard text as blocks (read once: the plan and the background document share some)."""
        if not self.with_texts:
            return []  # a document built only to see which answers it places
        if name not in self._texts:
            self._texts[name] = marked_template(name, self.template_dirs, self.cache_dir)
        blocks, marked = self._texts[name]
        self.missing.extend(m for m in marked if m not in self.missing)
        return blocks

    def goal_areas(self) -> list[Item]:
        if self._areas is None:
            self._areas = self.c.items(R.GOAL_AREAS.field) if R.field_of(self.c, R.GOAL_AREAS) else []
            fld = R.field_of(self.c, R.GOAL_AREAS)
            if fld is not None:
                self.take(fld)
        return self._areas

    def held(self) -> tuple[list[str], list[str], list[str]]:
        """The guided sessions finished, started and remaining (see sessions_held), worked out once:
        the plan, the background document and the saksframlegg each tell them."""
        if self._held is None:
            self._held = sessions_held(self.c, self.answers)
        return self._held

    def _linked(self, step) -> set[str]:
        if step.ref_id not in self._links:
            self._links[step.ref_id] = {a.id for a in linked_areas(self.c, step)}
        return self._links[step.ref_id]

    def has_bindings(self, section: str) -> bool:
        return bool(bound_fields(self.c.scripts, section))

    def bound(
        self, section: str, area: Item | None = None, skip: tuple[R.Ref, ...] = (), level: int = 2, number: str = ""
    ) -> list[A.Node]:
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
                blocks += self.field_blocks(
                    fld, item, suffix=suffix, total_label=self.total_label(fld), context=context
                )
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

    def sum_text(self, fld, rows: list[dict], item: str | None) -> str:
        if fld.ref_id == R.ACTION_PLAN.field:  # drift per year counts only in the years a measure runs
            return total_text(rows, plan_years(self.period))
        return super().sum_text(fld, rows, item)

    def total_label(self, fld) -> str | None:
        return "Sum minutter" if fld.ref_id == R.MEETING_PLAN.field else None

    def after_field(self, fld) -> list[A.Node]:
        if fld.ref_id == R.MEETING_PLAN.field and R.field_of(self.c, R.MEETING_PLAN):
            minutes = H.meeting_minutes(self.c)
            if minutes:
                hours, rest = divmod(int(minutes), 60)
                return [
                    A.para(A.text(f"Møtet tar til sammen {format_number(minutes)} minutter ({hours} t {rest} min)."))
                ]
        return []

    # -- document shell --------------------------------------------------------------------

    def title(self, kind: str) -> str:
        base = DOCUMENTS[kind]
        return f"{base} {self.period}" if self.period else base

    def meta(self, kind: str) -> dict[str, A.Node]:
        municipality = self.municipality or "Kommunen"
        meta = {
            "title": A.meta_inlines(self.title(kind)),
            "subtitle": A.meta_inlines(self.status),
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
        """The document trees and what is missing in each (see build_each)."""
        docs, missing = {}, {}
        for kind, document, left in self.build_each(wanted):
            docs[kind] = document
            missing[kind] = left
        return docs, missing

    def build_each(self, wanted: list[str] | None = None) -> Iterator[tuple[str, dict, list[str]]]:
        """Each document tree with what is missing in it, as soon as it is built. All four are
        always built, the background document last, since its final appendix holds what the others
        did not place; those not `wanted` are built without the standard texts, which hold no answers,
        and without fitting their tables' column widths."""
        parts = {
            "plan": self.plan_blocks,
            "saksframlegg": self.saksframlegg_blocks,
            "arbeidsdokumenter": self.working_paper_blocks,
            "grunnlag": self.background_blocks,
        }
        for kind in BUILD_ORDER:
            blocks = parts[kind]
            self.missing = []
            self.with_texts = wanted is None or kind in wanted
            with A.widths_fitted(self.with_texts), self.c.reading():  # a document not wanted is not measured either
                document = A.document(blocks(), self.meta(kind))
            yield kind, document, self.missing

    def saksframlegg_blocks(self) -> list[A.Node]:
        return saksframlegg_blocks(self)


class Built(Record):
    """Every document tree of a session, with what each is missing and the answers none placed."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, documents: dict[str, dict], missing: dict[str, list[str]], unplaced: list[str]):
        self.documents = documents  # kind -> pandoc document tree
        self.missing = missing  # kind -> what is shown as "[Ikke utfylt: …]"
        self.unplaced = unplaced  # answers in no document, described in Norwegian


def build_documents(conductor: Conductor, wanted: list[str] | None = None, **options: Any) -> Built:
    """The document trees (complete for the `wanted` kinds, or all), what each is missing, and
    the answers that reach none of the three documents."""
    with conductor.reading():
        builder = Builder(conductor, **options)
        docs, missing = builder.build_all(wanted)
        return Built(docs, missing, unplaced_answers(conductor, builder.placed))


def build_document(conductor: Conductor, kind: str, **options: Any) -> tuple[dict, list[str]]:
    """The document tree for `kind` and the list of what was not filled in."""
    built = build_documents(conductor, [kind], **options)
    return built.documents[kind], built.missing[kind]
