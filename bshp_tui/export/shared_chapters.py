"""The chapters the plan and the background document share: the introduction, the main goals and
the action plan with its tables per goal area. A part of the document builder (see document.py)."""

from __future__ import annotations

from ..guide.costs import action_rows, plan_years, total_text
from ..scripts import refs as R
from ..scripts.placement import SECTIONS
from ..scripts.values import Item, is_empty
from . import ast as A
from .economy import COST_COLUMNS, cost_cell
from .indicators import indicator_blocks
from .plan_frame import PlanFrame
from .render import cell_display
from .sessions_held import work_so_far
from .summary import challenge_picture

PLAN_TYPES = {
    "kommunedelplan": "Planen utarbeides som kommunedelplan etter plan- og bygningsloven. Det betyr "
    "at den får et planprogram, sendes på høring og legges ut til offentlig ettersyn, "
    "og at den vedtas av kommunestyret.",
    "temaplan": "Planen utarbeides som temaplan.",
    "handlingsdel": "Planens tiltak inngår i kommuneplanens handlingsdel, som rulleres hvert år.",
}
ACTION_HEADINGS = {
    "strategi": "Strategi",
    "tiltak": "Tiltak",
    "ansvarlig": "Ansvarlig",
    "tidsfrist": "Tidsfrist",
    "kostnad": "Kostnad",
}


class SharedChapters(PlanFrame):
    """A part of the Builder: the renderer's helpers (take, value, placeholder), the plan frame's
    (process, no_areas) and the Builder's own (bound, has_bindings, standard_text, goal_areas),
    declared here and defined there."""

    def standard_text(self, name: str) -> list[A.Node]:
        raise NotImplementedError

    def goal_areas(self) -> list[Item]:
        raise NotImplementedError

    def held(self) -> tuple[list[str], list[str], list[str]]:
        raise NotImplementedError

    def introduction(self, doc: str) -> list[A.Node]:
        out = [
            A.header(1, A.text("1 Innledning"), "innledning"),
            A.header(2, A.text("1.1 Hva er boligsosial handlingsplan?")),
        ]
        out += self.standard_text("hva-er")
        out += work_so_far(
            self.held(), "Planen er utarbeidet av en tverrfaglig arbeidsgruppe gjennom en serie samlinger om:"
        )
        fld = R.field_of(self.c, R.PLAN_TYPE)
        if fld is not None:
            plan_type = self.value(fld)
            if isinstance(plan_type, str) and plan_type in PLAN_TYPES:
                self.take(fld)
                out.append(A.para(A.text(PLAN_TYPES[plan_type])))
            elif is_empty(plan_type):
                out.append(A.para([self.placeholder("plantype (kommunedelplan, temaplan eller handlingsdel)")]))
        out += self.bound(f"{doc}.innledning")
        out += [A.header(2, A.text("1.2 Rammer for boligsosial handlingsplan")), A.header(3, A.text("1.2.1 Lovverk"))]
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
            out.append(
                A.para(
                    A.text(
                        "Planen prioriterer disse målgruppene: " + ", ".join(g[0].lower() + g[1:] for g in groups) + "."
                    )
                )
            )
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
        columns = [c for c in ACTION_HEADINGS] + [
            c.id for c in fld.columns if c.id not in ACTION_HEADINGS and c.id not in COST_COLUMNS
        ]
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
        cost = total_text(rows, plan_years(self.period))
        foot = [
            A.cell_text("Sum") if n == 0 else A.cell_text(cost) if c == "kostnad" else [] for n, c in enumerate(columns)
        ]
        return [A.table(head, body, foot)]

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
            out.append(A.header(3, A.text(f"{number}.{n}.2 Tiltak")))  # the table of measures is not part of the goal
            out += self.action_plan_table(area)
            out += self.bound("plan.tiltak", area)
        if areas and R.field_of(self.c, R.ACTION_PLAN):
            years = plan_years(self.period)
            total = total_text(action_rows(self.c), years)
            total += ". Fordelingen per år står under «Økonomiske konsekvenser»." if years else "."
            out.append(
                A.para([A.strong(A.text("Samlet kostnad for handlingsplanen:")), {"t": "Space"}, *A.text(total)])
            )
        return out
