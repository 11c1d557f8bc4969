"""Views of derived results: the prioritisation matrix, the ranked list, the plan overview, the
health report and the document preview."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label, ListItem, ListView, Markdown, Static, Tree

from ...errors import BshpError
from ...guide import health as H
from ...guide import measures as M
from ...guide.conductor import Conductor, answer_key
from ...guide.costs import action_rows, planned_cost_text, session_years, total_text
from ...guide.measures import big_moves, group_order
from ...guide.ranking_text import LEGEND
from ...scripts import refs as R
from ...scripts.kinds.rating import ratings_of
from ...scripts.loader import Field
from ...scripts.values import ValidationError
from ..widgets import fitted_table
from ..widgets.footer import KeyFooter
from ..widgets.live_preview import shown_when_done

_URGENT, _COST, _INFLUENCE, _KNOWLEDGE = R.RATINGS.scales
# The seed's two grids first, then cost against effect (where expensive big moves show).
AXIS_PAIRS = [(_URGENT, _COST), (_INFLUENCE, _KNOWLEDGE), (_COST, R.EFFECT), (_COST, _INFLUENCE), (_URGENT, _KNOWLEDGE)]
# Short column headings, so every scale fits at 100 columns; the legend says what 1 and 4 mean.
SCALE_NAMES = {
    _URGENT: "Haster",
    _COST: "Kostnad",
    _INFLUENCE: "Innflytelse",
    _KNOWLEDGE: "Kunnskap",
    R.EFFECT: "Effekt",
}
SHORT_NAMES = {_URGENT: "Hast", _COST: "Kost", _INFLUENCE: "Innfl", _KNOWLEDGE: "Kunn", R.EFFECT: "Eff"}
MATRIX_HELP = (
    "Et tall fra 1 til 4 setter verdien i ruta og går én rute til høyre (etter siste skala: neste "
    "tiltak) · 0 fjerner · piltastene flytter · X bytter rutenett · Esc er ferdig"
)


def scale_name(scale) -> str:
    return SCALE_NAMES.get(scale.id, scale.high)


def scale_legend(scales) -> str:
    return "Fra 1 til 4: " + " · ".join(f"{s.low.lower()} → {s.high.lower()}" for s in scales)


class MatrixEditor(fitted_table.RefitsTables, ModalScreen[bool]):
    """Rate each measure 1–4 on each scale; see where it lands in a 2×2 grid. X switches axes."""

    BINDINGS = [
        Binding("escape", "close", "Ferdig", id="close"),
        Binding("x", "switch_axes", "Bytt rutenett", id="axes"),
        Binding("left", "scale(-1)", "Rute til venstre", show=False),
        Binding("right", "scale(1)", "Rute til høyre", show=False),
        Binding("1", "rate(1)", "1", show=False),
        Binding("2", "rate(2)", "2", show=False),
        Binding("3", "rate(3)", "3", show=False),
        Binding("4", "rate(4)", "4", show=False),
        Binding("0", "rate(0)", "Fjern", show=False),
    ]

    def __init__(self, c: Conductor, fld: Field, read_only: bool = False):
        super().__init__()
        self.c, self.fld, self.read_only = c, fld, read_only
        self.scale_index = 0
        self.pair_index = 0
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield Label("Prioritering: vurder tiltakene", classes="dialog-title")
            yield Static("", id="matrix-help", classes="hint")
            yield Static(scale_legend(self.fld.scales), id="matrix-legend", classes="hint", markup=False)
            yield DataTable(id="ratings", cursor_type="cell", zebra_stripes=True)
            yield Static("", id="axes", classes="hint", markup=False)  # the scales' poles, from the prompt file
            with Grid(id="matrix"):
                for key in ("tl", "tr", "bl", "br"):
                    yield Static("", id=f"q-{key}", classes="quadrant", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#matrix-help", Static).update(MATRIX_HELP)
        self.fit_tables()
        self.query_one(DataTable).focus()

    def measures(self):
        return self.c.items(self.fld.ref or "", self.fld.ref_column)

    def redraw(self) -> None:
        table = self.query_one(DataTable)
        coord = table.cursor_coordinate
        ratings = ratings_of(self.c.session.answer(answer_key(self.fld.script_id, self.fld.id)))
        measures = self.measures()
        rows = [
            [item.text, *[str((ratings.get(item.id) or {}).get(s.id, "·")) for s in self.fld.scales]]
            for item in measures
        ]
        fitted_table.fill(
            table,
            ["Tiltak", *[scale_name(s) for s in self.fld.scales]],
            rows,
            table.scrollable_content_region.width,
            keys=["tiltak", *[s.id for s in self.fld.scales]],
            row_keys=[item.id for item in measures],
        )
        if table.row_count:
            table.cursor_coordinate = coord if coord.row < table.row_count else coord._replace(row=0)
        if not self.measures():
            self.query_one("#matrix-help", Static).update(
                "Det er ingen tiltak å vurdere ennå. Skriv tiltak i gap-analysen først."
            )
        self.draw_matrix()

    def draw_matrix(self) -> None:
        scales = {s.id: s for s in self.fld.scales}
        pairs = [p for p in AXIS_PAIRS if p[0] in scales and p[1] in scales] or [
            (self.fld.scales[0].id, self.fld.scales[-1].id)
        ]
        x, y = pairs[self.pair_index % len(pairs)]
        grid = M.quadrants(self.c, x, y)
        sx, sy = scales[x], scales[y]
        self.query_one("#axes", Static).update(
            f"Rutenett {self.pair_index % len(pairs) + 1} av {len(pairs)} (X bytter): {sx.low} ← → {sx.high} "
            f"(vannrett) og {sy.low} ↓ ↑ {sy.high} (loddrett). Til samtalen, ikke en fasit."
        )
        cells = {"tl": (False, True), "tr": (True, True), "bl": (False, False), "br": (True, False)}
        for key, quadrant in cells.items():
            names = [m.item.text for m in grid[quadrant]]
            title = f"{sx.high if quadrant[0] else sx.low} · {sy.high if quadrant[1] else sy.low}"
            body = "\n".join(f"• {n}" for n in names) or "–"
            self.query_one(f"#q-{key}", Static).update(Text(f"{title}\n{body}"))

    def action_switch_axes(self) -> None:
        self.pair_index += 1
        self.draw_matrix()

    def action_scale(self, step: int) -> None:
        table = self.query_one(DataTable)
        column = max(1, min(len(self.fld.scales), table.cursor_column + step))
        table.cursor_coordinate = table.cursor_coordinate._replace(column=column)

    def action_rate(self, value: int) -> None:
        if self.read_only:
            self.notify("Økta er åpnet bare for lesing.")
            return
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        if row_key.value is None:
            return
        column = table.cursor_column
        if column == 0:
            column = 1
        scale = self.fld.scales[column - 1]
        try:
            self.c.set_rating(self.fld, row_key.value, scale.id, value or None)
        except (ValidationError, BshpError) as exc:
            self.notify(str(exc), severity="error")
            return
        self.changed = True
        self.redraw()
        next_column = column + 1 if column < len(self.fld.scales) else 1
        next_row = table.cursor_row + (1 if column == len(self.fld.scales) else 0)
        table.cursor_coordinate = table.cursor_coordinate._replace(
            row=min(next_row, table.row_count - 1), column=next_column
        )

    def action_close(self) -> None:
        self.dismiss(self.changed)


class _View(ModalScreen[None]):
    """A read-only view of derived results. Esc or Q closes it."""

    BINDINGS = [Binding("escape,q", "dismiss", "Lukk")]

    def __init__(self, c: Conductor):
        super().__init__()
        self.c = c


class RankedScreen(fitted_table.RefitsTables, _View):
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield Label("Tiltakene i rekkefølge", classes="dialog-title")
            yield Static(
                "Sortert etter hjelpesummen av vurderingene (høyest først; ved lik sum det som haster "
                "mest, deretter det som koster minst), eller i arbeidsgruppas egen rekkefølge når den er "
                "satt. Summen er et hjelpemiddel, ikke en fasit. Hast = haster, Kost = mindre kostbart, Innfl = stor "
                "innflytelse, Kunn = stor kunnskap, Eff = stor effekt (4 er mest). " + LEGEND,
                classes="hint",
            )
            yield DataTable(id="ranked", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fit_tables()
        self.query_one(DataTable).focus()

    def redraw(self) -> None:
        table = self.query_one(DataTable)
        fld = M.rating_field(self.c)
        scales = list(fld.scales) if fld else []
        # The marks first, so a narrow screen never hides them.
        headers = ["Nr.", "", "Tiltak", "Målområde", *[SHORT_NAMES.get(s.id, s.high[:5]) for s in scales], "Sum"]
        fruit = {m.item.id for m in M.low_hanging_fruit(self.c)}
        big = {m.item.id for m in big_moves(self.c)}
        flying = {m.item.id for m in M.flying_measures(self.c)}
        rows = []
        for n, m in enumerate(group_order(self.c), start=1):
            r = m.ratings
            mark = "".join(sign for sign, ids in (("★", fruit), ("◆", big), ("?", flying)) if m.item.id in ids)
            rows.append(
                [
                    str(n),
                    mark,
                    m.item.text,
                    m.goal_area,
                    *[str(r.get(s.id, "·")) for s in scales],
                    str(m.score) if m.rated else "–",
                ]
            )
        fitted_table.fill(table, headers, rows, table.scrollable_content_region.width)


class PlanOverviewScreen(_View):
    """Goal areas → goals → strategies → measures, with owner, deadline and cost."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield Label("Planoversikt", classes="dialog-title")
            yield Tree("Handlingsplan", id="overview")
        yield KeyFooter()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.root.expand()
        goals = [i.text for i in self.c.items(R.MAIN_GOALS.field)]
        main = tree.root.add("Hovedmål", expand=True)
        for g in goals or ["(ikke skrevet ennå)"]:
            main.add_leaf(Text(g))
        fld = R.field_of(self.c, R.ACTION_PLAN)
        goal_fld = R.field_of(self.c, R.AREA_GOAL)
        years = session_years(self.c)
        for area in self.c.items(R.GOAL_AREAS.field):
            cost = total_text(action_rows(self.c, area.id), years)
            node = tree.root.add(Text(f"Målområde {area.text}  (kostnad: {cost})"), expand=True)
            goal = (
                self.c.session.answer(answer_key(goal_fld.script_id, goal_fld.id, area.id)) if goal_fld else None
            ) or "(mål ikke skrevet ennå)"
            node.add_leaf(Text(f"Mål: {goal}"))
            strategies: dict[str, list] = {}
            if fld is None:
                continue  # prompt files without an action plan
            rows = self.c.session.answer(answer_key(fld.script_id, fld.id, area.id))
            for row in rows if isinstance(rows, list) else []:
                if not isinstance(row, dict):
                    continue  # a value of another shape: the documents show it as text
                strategies.setdefault(str(row.get("strategi") or "(uten strategi)"), []).append(row)
            for strategy, rows in strategies.items():
                s_node = node.add(Text(f"Strategi: {strategy}"), expand=True)
                for row in rows:
                    cost = planned_cost_text(row)
                    s_node.add_leaf(
                        Text(
                            f"{self.c.cell(fld, row, 'tiltak') or '(tiltak mangler)'} – "
                            f"{row.get('ansvarlig') or 'ansvarlig mangler'}, {row.get('tidsfrist') or 'frist mangler'}, "
                            f"{cost or 'kostnad mangler'}"
                        )
                    )
            if not strategies:
                node.add_leaf("(ingen tiltak ennå)")
        tree.focus()


class HealthScreen(ModalScreen[tuple | None]):
    """The assistant's remarks on the plan. Enter goes to the step that needs attention."""

    BINDINGS = [Binding("escape,q", "close", "Lukk")]

    def __init__(self, c: Conductor):
        super().__init__()
        self.c = c
        self.remarks = H.health_report(c)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield Label("Planhelse", classes="dialog-title")
            if not self.remarks:
                yield Static("Ingen merknader nå. Det ser ryddig ut!")
            yield ListView(
                *[ListItem(Static(f"{'✓' if r.level == 'bra' else '•'} {r.text}", markup=False)) for r in self.remarks],
                id="remarks",
            )
            yield Static("Enter går til steget merknaden gjelder · Esc lukker", classes="hint")
        yield KeyFooter()

    @on(ListView.Selected)
    def _go(self, event: ListView.Selected) -> None:
        index = self.query_one(ListView).index
        remark = self.remarks[index] if index is not None and index < len(self.remarks) else None
        if remark is not None and remark.script_id:
            self.dismiss((remark.script_id, remark.step_id, remark.item))

    def action_close(self) -> None:
        self.dismiss(None)


class PreviewScreen(Screen):
    """The plan document as it will look, built from the same document tree as the export."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Lukk"),
        Binding("g", "choose('grunnlag')", "Datagrunnlag"),
        Binding("p", "choose('plan')", "Plan"),
        Binding("w", "choose('arbeidsdokumenter')", "Arbeidsdokumenter"),
    ]

    def __init__(self, c: Conductor):
        super().__init__()
        self.c = c
        self.kind = "plan"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview"):
            yield Static("Lager forhåndsvisning …", id="preview-status", classes="hint")
            yield Markdown("", id="preview-doc")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.render_preview()

    def action_choose(self, kind: str) -> None:
        self.kind = kind
        self.render_preview()

    @work(thread=True, exclusive=True)
    def render_preview(self) -> None:
        from ...export.preview import preview_markdown

        try:
            text, missing = preview_markdown(self.c, self.kind)
        except BshpError as exc:
            shown_when_done(self, self._show, str(exc), None)
            return
        status = (
            f"{len(missing)} punkter er ikke fylt ut eller må sjekkes; de vises i [hakeparentes]."
            if missing
            else "Alt er fylt ut."
        ) + "  P plan · G datagrunnlag · W arbeidsdokumenter · Esc lukker"
        shown_when_done(self, self._show, status, text)

    async def _show(self, status: str, text: str | None) -> None:
        self.query_one("#preview-status", Static).update(Text(status))  # not markup
        if text is not None:
            await self.query_one("#preview-doc", Markdown).update(text)
