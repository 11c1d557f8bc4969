"""Session -> pandoc document tree for the three documents.

- plan:               the plan itself, in the structure of the source report's Vedlegg 5
- grunnlag:           the background document (Datagrunnlag), Vedlegg 6
- arbeidsdokumenter:  the working papers from the workshops

What the group has not filled in shows as a visible placeholder, "[Ikke utfylt: …]", and is listed
in `Builder.missing`, so nothing is silently dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .. import health as H
from ..answer_text import display_value, format_value
from ..conductor import Conductor, answer_key
from ..kinds import column_kind
from ..values import MONTH_NAMES, Item, format_number, is_empty
from . import ast as A
from .templates import placeholders, template_blocks

DOCUMENTS = {
    "plan": "Boligsosial handlingsplan",
    "grunnlag": "Datagrunnlag for boligsosial handlingsplan",
    "arbeidsdokumenter": "Arbeidsdokumenter for boligsosial handlingsplan",
}
PLAN_TYPES = {
    "kommunedelplan": "Planen utarbeides som kommunedelplan etter plan- og bygningsloven. Det betyr "
                      "at den får et planprogram, sendes på høring og legges ut til offentlig ettersyn, "
                      "og at den vedtas av kommunestyret.",
    "temaplan": "Planen utarbeides som temaplan.",
    "handlingsdel": "Planens tiltak inngår i kommuneplanens handlingsdel, som rulleres hvert år.",
}
ACTION_COLUMNS = ["strategi", "tiltak", "ansvarlig", "tidsfrist", "kostnad"]
# Headings for the rating columns, with soft hyphens so a narrow column breaks them cleanly.
SCALE_HEADINGS = {"haster": "Has\u00adter", "kostnad": "Kost\u00adnad", "innflytelse": "Inn\u00adfly\u00adtelse",
                  "kunnskap": "Kunn\u00adskap"}
# Which part of the mapping describes a goal area, by words in the goal area's name.
MAPPING_FOR_AREA = [
    (("bolig",), "boliger"),
    (("økonomisk", "virkemid"), "organisering"),
    (("innhold", "tjeneste", "oppfølging"), "innholdstjenester"),
    (("samhandling", "koordinering", "samarbeid"), "organisering"),
]


def today_text(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


class Builder:
    """Builds one document. Collects what is missing as it goes."""

    def __init__(self, conductor: Conductor, status: str = "Utkast", day: date | None = None,
                 template_dirs: list[Path] | None = None, cache_dir: Path | None = None):
        self.c = conductor
        self.s = conductor.session
        self.status = status
        self.day = day
        self.template_dirs = template_dirs or []
        self.cache_dir = cache_dir
        self.missing: list[str] = []
        meta = getattr(self.s, "meta", {}) or {}
        self.municipality = str(meta.get("municipality", "")).strip()
        answered_period = self.s.answer("oppstart/planperiode")
        self.period = str(answered_period or meta.get("period") or "").strip()

    # -- small helpers ---------------------------------------------------------------------

    def placeholder(self, what: str) -> A.Node:
        self.missing.append(what)
        return A.emph(A.text(f"[Ikke utfylt: {what}]"))

    def answer(self, script: str, field: str, item: str | None = None) -> Any:
        return self.c.readable_value(f"{script}.{field}", item)

    def has_field(self, script: str, field: str) -> bool:
        return self.c.has_field(f"{script}.{field}")

    def text_or_placeholder(self, script: str, field: str, what: str, item: str | None = None) -> list[A.Node]:
        """Paragraphs for a text answer, one per paragraph the group wrote."""
        value = self.answer(script, field, item)
        if is_empty(value):
            return [A.para([self.placeholder(what)])]
        if not isinstance(value, str):
            value = format_value(self.c, self.c.field(f"{script}.{field}"), value)
        parts = [p for p in str(value).split("\n\n") if p.strip()]
        return [A.para(A.text(p.strip())) for p in parts]

    def list_or_placeholder(self, script: str, field: str, what: str, item: str | None = None) -> list[A.Node]:
        value = self.answer(script, field, item)
        entries = [i.get("tekst", "") for i in value or [] if isinstance(i, dict) and i.get("tekst")]
        if not entries:
            return [A.para([self.placeholder(what)])]
        return [A.bullets([[A.plain(A.text(e))] for e in entries])]

    def labelled(self, label: str, script: str, field: str, item: str | None = None) -> list[A.Node]:
        """"Label: answer" as a paragraph (or a placeholder)."""
        if not self.has_field(script, field):
            return []
        fld = self.c.field(f"{script}.{field}")
        value = self.answer(script, field, item)
        if is_empty(value):
            if not fld.required:
                return []
            return [A.para([A.strong(A.text(label + ":")), {"t": "Space"}, self.placeholder(label)])]
        shown = display_value(self.c, fld, value)
        body = A.text(shown)
        return [A.para([A.strong(A.text(label + ":")), {"t": "Space"}, *body])]

    def table_from_field(self, script: str, field: str, what: str, item: str | None = None,
                         total_label: str | None = None) -> list[A.Node]:
        """A table answer as a real table, with a total row for its `sum` column."""
        if not self.has_field(script, field):
            return []
        fld = self.c.field(f"{script}.{field}")
        rows = [r for r in self.answer(script, field, item) or [] if isinstance(r, dict)]
        if not rows:
            return [A.para([self.placeholder(what)])]
        head = [A.cell_text(col.label) for col in fld.columns]
        body = []
        for row in rows:
            cells = []
            for col in fld.columns:
                value = self.c.cell(fld, row, col.id)
                cells.append(A.cell_text(self._cell_display(col.kind, value)))
            body.append(cells)
        foot = None
        if fld.sum_column:
            total = H.table_total(self.c, fld.ref_id, fld.sum_column, item) if item else sum(
                r.get(fld.sum_column) for r in rows
                if isinstance(r.get(fld.sum_column), (int, float)) and not isinstance(r.get(fld.sum_column), bool))
            foot = [A.cell_text(total_label or "Sum") if n == 0 else
                    A.cell_text(format_number(total)) if col.id == fld.sum_column else []
                    for n, col in enumerate(fld.columns)]
        return [A.table(head, body, foot, widths=column_widths([c.kind for c in fld.columns]))]

    @staticmethod
    def _cell_display(kind: str, value: Any) -> str:
        return column_kind(kind).display(value)

    def standard_text(self, name: str) -> list[A.Node]:
        blocks = template_blocks(name, self.template_dirs, self.cache_dir)
        self.missing.extend(placeholders(blocks))
        return blocks

    def goal_areas(self) -> list[Item]:
        return self.c.items(H.GOAL_AREAS)

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

    def build(self, kind: str) -> dict:
        blocks = {"plan": self.plan_blocks, "grunnlag": self.background_blocks,
                  "arbeidsdokumenter": self.working_paper_blocks}[kind]()
        return A.document(blocks, self.meta(kind))

    # -- shared sections -------------------------------------------------------------------

    def introduction(self) -> list[A.Node]:
        out = [A.header(1, A.text("1 Innledning"), "innledning"),
               A.header(2, A.text("1.1 Hva er boligsosial handlingsplan?"))]
        out += self.standard_text("hva-er")
        plan_type = self.answer("oppstart", "plantype")
        if plan_type in PLAN_TYPES:
            out.append(A.para(A.text(PLAN_TYPES[plan_type])))
        elif self.has_field("oppstart", "plantype"):
            out.append(A.para([self.placeholder("plantype (kommunedelplan, temaplan eller handlingsdel)")]))
        out += [A.header(2, A.text("1.2 Rammer for boligsosial handlingsplan")),
                A.header(3, A.text("Lovverk"))]
        out += self.standard_text("lovverk")
        out.append(A.header(3, A.text("Statlige og kommunale føringer")))
        out += self.standard_text("foringer")
        return out

    def main_goals(self, heading: str) -> list[A.Node]:
        out = [A.header(1, A.text(heading), "hovedmal"), A.header(2, A.text("2.1 Boligsosiale mål"))]
        out += self.list_or_placeholder("prioritering", "hovedmal", "hovedmål for perioden")
        groups = self.target_groups()
        if groups:
            out.append(A.para(A.text("Planen prioriterer disse målgruppene: " + ", ".join(groups) + ".")))
        out.append(A.header(2, A.text("2.2 Styrende prinsipper")))
        out += self.list_or_placeholder("tiltak", "prinsipper", "styrende prinsipper")
        return out

    def target_groups(self) -> list[str]:
        out = []
        if self.has_field("prioritering", "malgrupper"):
            fld = self.c.field("prioritering.malgrupper")
            out += [fld.option_label(v) for v in self.answer("prioritering", "malgrupper") or []]
        out += [i.text for i in self.c.items("prioritering.andre_malgrupper")]
        return [g[0].lower() + g[1:] if g else g for g in out]

    def action_plan_table(self, area: Item) -> list[A.Node]:
        if not self.has_field("tiltak", "handlingsplan"):
            return []
        fld = self.c.field("tiltak.handlingsplan")
        rows = [r for r in self.answer("tiltak", "handlingsplan", area.id) or [] if isinstance(r, dict)]
        head = [A.cell_text(label) for label in ("Strategi", "Tiltak", "Ansvarlig", "Tidsfrist", "Kostnad")]
        if not rows:
            return [A.para([self.placeholder(f"tiltak for målområdet {area.text}")])]
        body = []
        for row in rows:
            cells = []
            for col_id in ACTION_COLUMNS:
                col = fld.column(col_id)
                value = self.c.cell(fld, row, col_id) if col else ""
                shown = self._cell_display(col.kind if col else "tekst", value)
                if col_id == "kostnad" and isinstance(value, (int, float)) and not isinstance(value, bool):
                    shown = f"{format_number(value)} kr"
                if shown == "" and col_id in ("ansvarlig", "tidsfrist", "kostnad", "tiltak"):
                    name = self.c.cell(fld, row, "tiltak") or "et tiltak"
                    cells.append([A.plain([self.placeholder(f"{col_id} for «{name}» ({area.text})")])])
                    continue
                if col_id == "tiltak" and self.c.is_orphan_cell(fld, row, "tiltak"):
                    shown += " (slettet fra gap-analysen)"
                cells.append(A.cell_text(shown))
            body.append(cells)
        total = H.table_total(self.c, fld.ref_id, "kostnad", area.id)
        foot = [A.cell_text("Sum"), [], [], [], A.cell_text(f"{format_number(total)} kr")]
        return [A.table(head, body, foot, widths=[0.22, 0.3, 0.18, 0.13, 0.17])]

    def action_plan(self, number: str) -> list[A.Node]:
        period = f" {self.period}" if self.period else ""
        out = [A.header(1, A.text(f"{number} Handlingsplan{period}"), "handlingsplan")]
        areas = self.goal_areas()
        if not areas:
            out.append(A.para([self.placeholder("målområder (gap-analysen)")]))
        for n, area in enumerate(areas, start=1):
            out.append(A.header(2, A.text(f"{number}.{n} Målområde {area.text}")))
            out.append(A.header(3, A.text("Mål")))
            out += self.text_or_placeholder("tiltak", "mal", f"mål for {area.text}", area.id)
            out += self.action_plan_table(area)
        if areas:
            totals = H.cost_per_goal_area(self.c)
            grand = sum(t for _, t in totals)
            out.append(A.para([A.strong(A.text("Samlet kostnad for handlingsplanen:")), {"t": "Space"},
                               *A.text(f"{format_number(grand)} kr")]))
        return out

    # -- the plan --------------------------------------------------------------------------

    def plan_blocks(self) -> list[A.Node]:
        period = f" {self.period}" if self.period else ""
        out = self.introduction()
        out += self.main_goals(f"2 Hovedmål for boligsosialt arbeid i perioden{period}")
        out += self.action_plan("3")
        out.append(A.header(1, A.text("4 Oppfølging av planen"), "oppfolging"))
        for label, field in (("Ansvar for oppfølging", "eier"), ("Rapportering", "rapportering"),
                             ("Rullering", "rullering"), ("Budsjett og økonomiplan", "budsjett")):
            out += self.labelled(label, "tiltak", field)
        return out

    # -- the background document -----------------------------------------------------------

    def background_blocks(self) -> list[A.Node]:
        out = self.introduction()
        out += self.main_goals("2 Hovedmål for det boligsosiale arbeidet")
        out.append(A.header(1, A.text("3 Generelle utviklingstrekk i boligsosialt arbeid"), "utviklingstrekk"))
        out += self.standard_text("utviklingstrekk")
        out.append(A.header(2, A.text("Nøkkeltall for kommunen")))
        out += self.table_from_field("kartlegging", "nokkeltall", "nøkkeltall")
        out.append(A.header(2, A.text("Visjon")))
        out += self.text_or_placeholder("gap", "visjon", "visjon for det boligsosiale arbeidet")
        out.append(A.header(1, A.text("4 Bakgrunnsdata for målområdene i handlingsplanen"), "bakgrunnsdata"))
        areas = self.goal_areas()
        if not areas:
            out.append(A.para([self.placeholder("målområder (gap-analysen)")]))
        for n, area in enumerate(areas, start=1):
            out.append(A.header(2, A.text(f"4.{n} Målområde {area.text}")))
            out.append(A.header(3, A.text("Status og utfordringer")))
            out += self.text_or_placeholder("gap", "status", f"status i dag for {area.text}", area.id)
            out += self.mapping_for(area)
            out.append(A.header(3, A.text("Visjon")))
            out += self.text_or_placeholder("gap", "framtid", f"visjon for {area.text}", area.id)
            out.append(A.header(3, A.text("Behov og tiltak")))
            out += self.list_or_placeholder("gap", "tiltak", f"behov og tiltak for {area.text}", area.id)
            out.append(A.header(3, A.text("Overordna mål for arbeidet")))
            out += self.text_or_placeholder("tiltak", "mal", f"mål for {area.text}", area.id)
        out.append(A.header(1, A.text("5 Vedlegg"), "vedlegg"))
        out.append(A.header(2, A.text("Vedlegg 1: Mandat og prosjektorganisasjon for boligsosial handlingsplan")))
        out += self.labelled("Mandat", "oppstart", "mandat")
        out += self.labelled("Forankring", "oppstart", "gruppetype")
        out += self.labelled("Styringsgruppe eller referansegruppe", "oppstart", "referansegruppe")
        out += self.labelled("Sektorer i arbeidsgruppa", "oppstart", "sektorer")
        out.append(A.header(3, A.text("Arbeidsgruppa")))
        out += self.table_from_field("oppstart", "medlemmer", "medlemmene i arbeidsgruppa")
        out.append(A.header(2, A.text("Vedlegg 2: Boligsosial ordliste og definisjoner")))
        out += self.standard_text("ordliste")
        period = f" {self.period}" if self.period else ""
        out.append(A.header(2, A.text(f"Vedlegg 3: Boligsosial handlingsplan{period}")))
        for area in areas:
            out.append(A.header(3, A.text(f"Målområde {area.text}")))
            out += self.action_plan_table(area)
        return out

    def mapping_for(self, area: Item) -> list[A.Node]:
        name = area.text.lower()
        step_id = next((step for words, step in MAPPING_FOR_AREA if any(w in name for w in words)), None)
        if step_id is None or "kartlegging" not in {s.id for s in self.c.scripts}:
            return []
        script = self.c.script("kartlegging")
        step = script.step(step_id)
        if step is None:
            return []
        out = []
        for fld in step.fields:
            value = self.answer("kartlegging", fld.id)
            if is_empty(value):
                continue
            out.append(A.para([A.strong(A.text(fld.question)), {"t": "LineBreak"},
                               *A.text(display_value(self.c, fld, value))]))
        return out

    # -- the working papers ----------------------------------------------------------------

    def working_paper_blocks(self) -> list[A.Node]:
        out: list[A.Node] = []
        out += self.expectations()
        out += self.swot()
        out += self.gap_table()
        out += self.prioritisation()
        out += self.participation()
        out += self.progress_plan()
        return out

    def expectations(self) -> list[A.Node]:
        out = [A.header(1, A.text("1 Forventningsavklaring"), "forventninger")]
        step = self.c.script("oppstart").step("forventninger") if "oppstart" in {s.id for s in self.c.scripts} else None
        if step is None:
            return out + [A.para([self.placeholder("forventningsavklaring")])]
        for fld in step.fields:
            out.append(A.para([A.strong(A.text(fld.question))]))
            value = self.answer("oppstart", fld.id)
            if is_empty(value):
                out.append(A.para([self.placeholder(fld.question.strip("«» .…"))]) if fld.required else A.para(A.text("–")))
            else:
                out += [A.para(A.text(p)) for p in str(value).split("\n\n") if p.strip()]
        return out

    def swot(self) -> list[A.Node]:
        out = [A.header(1, A.text("2 Sterke og svake sider (SWOT)"), "swot")]
        groups = self.c.items("oppstart.rollegrupper")
        if not groups:
            return out + [A.para([self.placeholder("rollegrupper og SWOT")])]

        def cell(field: str, group: Item, what: str, required: bool) -> list[A.Node]:
            value = self.answer("oppstart", field, group.id) or []
            entries = [i.get("tekst", "") for i in value if isinstance(i, dict)]
            if entries:
                return [A.bullets([[A.plain(A.text(e))] for e in entries])]
            return [A.plain([self.placeholder(f"{what} for {group.text}")])] if required else []

        for n, group in enumerate(groups, start=1):
            out.append(A.header(2, A.text(f"2.{n} {group.text}")))
            out.append(A.table([A.cell_text("Sterke sider"), A.cell_text("Svake sider")],
                               [[cell("sterke", group, "sterke sider", True), cell("svake", group, "svake sider", True)]],
                               widths=[0.5, 0.5]))
            out.append(A.table([A.cell_text("Muligheter"), A.cell_text("Trusler")],
                               [[cell("muligheter", group, "muligheter", False), cell("trusler", group, "trusler", False)]],
                               widths=[0.5, 0.5]))
        return out

    def gap_table(self) -> list[A.Node]:
        out = [A.header(1, A.text("3 Gap-analyse"), "gap")]
        out.append(A.header(2, A.text("Visjon")))
        out += self.text_or_placeholder("gap", "visjon", "visjon")
        areas = self.goal_areas()
        if not areas:
            return out + [A.para([self.placeholder("målområder og gap-analyse")])]

        def text_cell(field: str, area: Item, what: str) -> list[A.Node]:
            value = self.answer("gap", field, area.id)
            return A.cell_text(value) if not is_empty(value) else [A.plain([self.placeholder(f"{what} for {area.text}")])]

        def list_cell(area: Item) -> list[A.Node]:
            value = self.answer("gap", "tiltak", area.id) or []
            entries = [i.get("tekst", "") for i in value if isinstance(i, dict)]
            if not entries:
                return [A.plain([self.placeholder(f"behov og tiltak for {area.text}")])]
            return [A.bullets([[A.plain(A.text(e))] for e in entries])]

        head = [A.cell_text(h) for h in ("Målområde", "Status i dag", "Behov og tiltak", "Visjon")]
        rows = [[A.cell_text(a.text), text_cell("status", a, "status i dag"), list_cell(a),
                 text_cell("framtid", a, "visjon")] for a in areas]
        return out + [A.table(head, rows, widths=[0.18, 0.28, 0.28, 0.26])]

    def prioritisation(self) -> list[A.Node]:
        out = [A.header(1, A.text("4 Prioritering"), "prioritering")]
        fld = H.rating_field(self.c)
        ranked = H.ranked_measures(self.c)
        if fld is None or not ranked:
            return out + [A.para([self.placeholder("vurdering av tiltakene")])]
        scales = {s.id: s for s in fld.scales}
        pairs = [("haster", "kostnad"), ("innflytelse", "kunnskap")]
        for n, (x, y) in enumerate(pairs, start=1):
            if x not in scales or y not in scales:
                continue
            sx, sy = scales[x], scales[y]
            out.append(A.header(2, A.text(f"4.{n} {sx.low} / {sx.high} og {sy.low} / {sy.high}")))
            grid = H.quadrants(self.c, x, y)

            def names(key) -> list[A.Node]:
                entries = [m.item.text for m in grid[key]]
                return [A.bullets([[A.plain(A.text(e))] for e in entries])] if entries else []

            head = [[], A.cell_text(sx.low), A.cell_text(sx.high)]
            rows = [[A.cell_text(sy.high), names((False, True)), names((True, True))],
                    [A.cell_text(sy.low), names((False, False)), names((True, False))]]
            out.append(A.table(head, rows, widths=[0.2, 0.4, 0.4]))
        out.append(A.header(2, A.text("4.3 Rangert liste over tiltak")))
        out.append(A.para(A.text(
            "Hvert tiltak er vurdert fra 1 til 4 på fire skalaer der 4 taler for å gjøre det nå (haster, "
            "mindre kostbart, stor innflytelse, stor kunnskap). Summen gir rekkefølgen; ved lik sum kommer det "
            "som haster mest først, deretter det som koster minst.")))
        head = [A.cell_text(h) for h in ("Nr.", "Tiltak", "Målområde",
                                         *[SCALE_HEADINGS.get(s.id, s.id.capitalize()) for s in fld.scales], "Sum")]
        rows = []
        for n, m in enumerate(ranked, start=1):
            rows.append([A.cell_text(n if m.rated else "–"), A.cell_text(m.item.text), A.cell_text(m.goal_area),
                         *[A.cell_text(m.ratings.get(s.id, "")) for s in fld.scales],
                         A.cell_text(m.score if m.rated else "ikke ferdig vurdert")])
            if not m.rated:
                self.missing.append(f"vurdering av «{m.item.text}»")
        # Scale columns wide enough for a heading like "Innflytelse" on one line.
        scale_width = min(0.12, 0.5 / (len(fld.scales) + 1))
        rest = 1.0 - 0.07 - scale_width * (len(fld.scales) + 1)
        out.append(A.table(head, rows, widths=[0.07, rest * 0.55, rest * 0.45] + [scale_width] * (len(fld.scales) + 1)))
        fruit = H.low_hanging_fruit(self.c)
        out.append(A.header(2, A.text("4.4 Lavthengende frukter")))
        out.append(A.bullets([[A.plain(A.text(m.item.text))] for m in fruit]) if fruit
                   else A.para(A.text("Ingen tiltak er vurdert som både billige, innenfor kommunens kontroll og godt kjent.")))
        flying = H.flying_measures(self.c)
        if flying:
            out.append(A.header(2, A.text("4.5 Tiltak som trenger en realitetssjekk")))
            out.append(A.bullets([[A.plain(A.text(m.item.text))] for m in flying]))
        out.append(A.header(2, A.text("4.6 Målgrupper og hovedmål")))
        groups = self.target_groups()
        out.append(A.para(A.text("Prioriterte målgrupper: " + (", ".join(groups) if groups else "–"))))
        out += self.list_or_placeholder("prioritering", "hovedmal", "hovedmål for perioden")
        return out

    def participation(self) -> list[A.Node]:
        out = [A.header(1, A.text("5 Medvirkning"), "medvirkning")]
        out.append(A.header(2, A.text("5.1 Interessenter")))
        out += self.table_from_field("medvirkning", "interessenter", "interessenter")
        out += self.labelled("Grupper uten tydelig talsperson", "medvirkning", "uten_talsperson")
        out += self.labelled("Grupper som trenger særlig tilrettelegging", "medvirkning", "tilrettelegging")
        out.append(A.header(2, A.text("5.2 Mobiliseringsplan")))
        out += self.table_from_field("medvirkning", "mobiliseringsplan", "mobiliseringsplan")
        out.append(A.header(2, A.text("5.3 Medvirkningsplan")))
        out += self.table_from_field("medvirkning", "medvirkningsplan", "medvirkningsplan")
        out.append(A.header(2, A.text("5.4 Møteplan")))
        out += self.table_from_field("medvirkning", "moteplan", "møteplan", total_label="Sum minutter")
        minutes = H.meeting_minutes(self.c)
        if minutes:
            hours, rest = divmod(int(minutes), 60)
            out.append(A.para(A.text(f"Møtet tar til sammen {format_number(minutes)} minutter ({hours} t {rest} min).")))
        return out

    def progress_plan(self) -> list[A.Node]:
        out = [A.header(1, A.text("6 Framdriftsplan"), "framdrift")]
        out.append(A.header(2, A.text("6.1 Samlinger")))
        out += self.table_from_field("oppstart", "samlinger", "samlingene")
        plan_type = self.answer("oppstart", "plantype")
        out.append(A.header(2, A.text("6.2 Formelle og politiske steg")))
        if plan_type == "kommunedelplan":
            out += self.table_from_field("oppstart", "formelle_steg", "de formelle stegene")
        elif plan_type:
            out += self.table_from_field("oppstart", "politiske_steg", "de politiske stegene")
        else:
            out.append(A.para([self.placeholder("plantype, som avgjør hvilke formelle steg planen må gjennom")]))
        return out


def column_widths(kinds: list[str]) -> list[float]:
    """Relative widths: numbers and dates narrow, text columns share the rest."""
    narrow = {"tall": 0.08, "dato": 0.13}
    fixed = sum(narrow.get(k, 0) for k in kinds)
    text_cols = sum(1 for k in kinds if k not in narrow) or 1
    share = max(0.1, (1.0 - fixed) / text_cols)
    return [narrow.get(k, share) for k in kinds]


def build_document(conductor: Conductor, kind: str, **options: Any) -> tuple[dict, list[str]]:
    """The document tree for `kind` and the list of what was not filled in."""
    builder = Builder(conductor, **options)
    doc = builder.build(kind)
    return doc, builder.missing
