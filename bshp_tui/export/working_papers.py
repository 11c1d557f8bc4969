"""The working papers (arbeidsdokumenter): expectations, SWOT, gap table, prioritisation,
participation and progress plan. A part of the document builder (see document.py)."""

from __future__ import annotations

from ..guide import measures as H
from ..scripts import refs as R
from ..scripts.values import Item, is_empty
from . import ast as A
from .render import FieldRenderer

# Headings for the rating columns, with soft hyphens so a narrow column breaks them cleanly.
SCALE_HEADINGS = {
    "haster": "Haster",
    "kostnad": "Kostnad",
    "innflytelse": "Innflytelse",
    "kunnskap": "Kunnskap",
    "effekt": "Effekt",
}
SWOT = (R.STRENGTHS, R.WEAKNESSES, R.OPPORTUNITIES, R.THREATS)
GAP = (R.GAP_STATUS, R.GAP_MEASURES, R.GAP_VISION)


class WorkingPapers(FieldRenderer):
    """A part of the Builder: the renderer's helpers (take, placeholder) and the Builder's own
    (bound, goal_areas, target_groups), declared here and defined there."""

    def bound(
        self, section: str, area: Item | None = None, skip: tuple[R.Ref, ...] = (), level: int = 2, number: str = ""
    ) -> list[A.Node]:
        raise NotImplementedError

    def goal_areas(self) -> list[Item]:
        raise NotImplementedError

    def target_groups(self) -> list[str]:
        raise NotImplementedError

    def working_paper_blocks(self) -> list[A.Node]:
        out: list[A.Node] = []
        out += self.expectations()
        out += self.swot()
        out += self.gap_table()
        out += self.participation()
        out += self.prioritisation()
        out += self.progress_plan()
        out += self.follow_up()
        return out

    def expectations(self) -> list[A.Node]:
        out = [A.header(1, A.text("1 Forventningsavklaring"), "forventninger")]
        body = self.bound("arbeidsdokumenter.forventninger")
        return out + (body or [A.para([self.placeholder("forventningsavklaring")])])

    def _list_cell(self, ref: R.Ref, item: Item, what: str, required: bool) -> list[A.Node]:
        fld = R.field_of(self.c, ref)
        value = self.take(fld, item.id) if fld else None
        entries = [i.get("tekst", "") for i in value or [] if isinstance(i, dict) and i.get("tekst")]
        if entries:
            return [A.bullets([[A.plain(A.text(e))] for e in entries])]
        return [A.plain([self.placeholder(f"{what} for {item.text}")])] if required and fld else []

    def swot(self) -> list[A.Node]:
        out = [A.header(1, A.text("2 Sterke og svake sider (SWOT)"), "swot")]
        roles = R.field_of(self.c, R.ROLE_GROUPS)
        groups = self.c.items(R.ROLE_GROUPS.field) if roles else []
        if roles:
            self.take(roles)
        extra = self.bound("arbeidsdokumenter.swot", skip=SWOT, level=2, number="2")
        if not groups:
            return out + (extra or [A.para([self.placeholder("rollegrupper og SWOT")])])
        present = [R.field_of(self.c, r) is not None for r in SWOT]
        for n, group in enumerate(groups, start=1):
            out.append(A.header(2, A.text(f"2.{n} {group.text}")))
            if present[0] or present[1]:
                out.append(
                    A.table(
                        [A.cell_text("Sterke sider"), A.cell_text("Svake sider")],
                        [
                            [
                                self._list_cell(R.STRENGTHS, group, "sterke sider", True),
                                self._list_cell(R.WEAKNESSES, group, "svake sider", True),
                            ]
                        ],
                        widths=[0.5, 0.5],
                    )
                )
            if present[2] or present[3]:
                out.append(
                    A.table(
                        [A.cell_text("Muligheter"), A.cell_text("Trusler")],
                        [
                            [
                                self._list_cell(R.OPPORTUNITIES, group, "muligheter", False),
                                self._list_cell(R.THREATS, group, "trusler", False),
                            ]
                        ],
                        widths=[0.5, 0.5],
                    )
                )
        return out + extra

    def gap_table(self) -> list[A.Node]:
        out = [A.header(1, A.text("3 Gap-analyse"), "gap")]
        out += self.bound("arbeidsdokumenter.gap")
        areas = self.goal_areas()
        fields = [R.field_of(self.c, r) for r in GAP]
        if not any(fields):
            return out
        if not areas:
            return out + [A.para([self.placeholder("målområder og gap-analyse")])]

        def text_cell(fld, area: Item, what: str) -> list[A.Node]:
            value = self.take(fld, area.id) if fld else None
            return (
                A.cell_text(value) if not is_empty(value) else [A.plain([self.placeholder(f"{what} for {area.text}")])]
            )

        head = [A.cell_text(h) for h in ("Målområde", "Status i dag", "Behov og tiltak", "Visjon")]
        rows = [
            [
                A.cell_text(a.text),
                text_cell(fields[0], a, "status i dag"),
                self._list_cell(R.GAP_MEASURES, a, "behov og tiltak", True),
                text_cell(fields[2], a, "visjon"),
            ]
            for a in areas
        ]
        return out + [A.table(head, rows, widths=[0.18, 0.28, 0.28, 0.26])]

    def prioritisation(self) -> list[A.Node]:
        out = [A.header(1, A.text("5 Prioritering"), "prioritering")]
        fld = R.field_of(self.c, R.RATINGS)
        ranked = H.ranked_measures(self.c)
        # Sections are numbered as they come: the quadrants need their scales, 5.5 its measures.
        number = iter(range(1, 100))
        groups = self.target_groups()
        closing = [A.para(A.text("Prioriterte målgrupper: " + (", ".join(groups) if groups else "–")))]
        closing += self.bound("arbeidsdokumenter.prioritering")

        def heading(title: str) -> A.Node:
            return A.header(2, A.text(f"5.{next(number)} {title}"))

        if fld is None or not ranked:
            return out + [
                A.para([self.placeholder("vurdering av tiltakene")]),
                heading("Målgrupper og hovedmål"),
                *closing,
            ]
        self.take(fld)
        scales = {s.id: s for s in fld.scales}
        pairs = [(R.URGENT, R.COST), (R.INFLUENCE, R.KNOWLEDGE)]
        for x, y in pairs:
            if x not in scales or y not in scales:
                continue
            sx, sy = scales[x], scales[y]
            out.append(heading(f"{sx.low} / {sx.high} og {sy.low} / {sy.high}"))
            grid = H.quadrants(self.c, x, y)

            def names(key, grid=grid) -> list[A.Node]:
                entries = [m.item.text for m in grid[key]]
                return [A.bullets([[A.plain(A.text(e))] for e in entries])] if entries else []

            head = [[], A.cell_text(sx.low), A.cell_text(sx.high)]
            rows = [
                [A.cell_text(sy.high), names((False, True)), names((True, True))],
                [A.cell_text(sy.low), names((False, False)), names((True, False))],
            ]
            out.append(A.table(head, rows, widths=[0.2, 0.4, 0.4]))
        out.append(heading("Rangert liste over tiltak"))
        own = not is_empty(self.c.session.answer(f"{R.FINAL_ORDER.script_id}/{R.FINAL_ORDER.field_id}"))
        out.append(
            A.para(
                A.text(
                    f"Hvert tiltak er vurdert fra 1 til 4 på {len(fld.scales)} skalaer der 4 taler for å gjøre det nå ("
                    + ", ".join(s.high.lower() for s in fld.scales)
                    + "). Summen er en hjelpesum – et hjelpemiddel for "
                    "samtalen, ikke en fasit. "
                    + (
                        "Rekkefølgen under er arbeidsgruppas egen; tiltak gruppa ikke satte i rekkefølge, står sist, "
                        "sortert etter hjelpesummen."
                        if own
                        else "Lista er sortert etter hjelpesummen; ved lik sum kommer det som haster mest først, deretter det "
                        "som koster minst."
                    )
                )
            )
        )
        ranked = H.group_order(self.c)
        # The goal area goes under the measure's name, in italics: the scale headings («Innflytelse»)
        # take most of the page's width, and one text column is left for the rest.
        head = [
            A.cell_text(h)
            for h in (
                "Nr.",
                "Tiltak og målområde",
                *[SCALE_HEADINGS.get(s.id, s.id.capitalize()) for s in fld.scales],
                "Sum",
            )
        ]
        rows = []
        for n, m in enumerate(ranked, start=1):
            name = [
                A.plain(
                    A.text(m.item.text) + ([{"t": "LineBreak"}, A.emph(A.text(m.goal_area))] if m.goal_area else [])
                )
            ]
            rows.append(
                [
                    A.cell_text(n if m.rated else "–"),
                    name,
                    *[A.cell_text(m.ratings.get(s.id, "")) for s in fld.scales],
                    A.cell_text(m.score if m.rated else "ikke ferdig vurdert"),
                ]
            )
            if not m.rated and f"vurdering av «{m.item.text}»" not in self.missing:
                self.missing.append(f"vurdering av «{m.item.text}»")
        out.append(A.table(head, rows))
        big = H.big_moves(self.c)
        if big:
            out.append(
                A.para(
                    A.text(
                        "Store grep – dyre tiltak med stor effekt, som ikke bør velges bort bare fordi "
                        "de koster: " + ", ".join(m.item.text for m in big) + "."
                    )
                )
            )
        fruit = H.low_hanging_fruit(self.c)
        out.append(heading("Lavthengende frukter"))
        out.append(
            A.bullets([[A.plain(A.text(m.item.text))] for m in fruit])
            if fruit
            else A.para(A.text("Ingen tiltak er vurdert som både billige, innenfor kommunens kontroll og godt kjent."))
        )
        flying = H.flying_measures(self.c)
        if flying:
            out.append(heading("Tiltak som trenger en realitetssjekk"))
            out.append(A.bullets([[A.plain(A.text(m.item.text))] for m in flying]))
        return out + [heading("Målgrupper og hovedmål"), *closing]

    def participation(self) -> list[A.Node]:
        out = [A.header(1, A.text("4 Medvirkning"), "medvirkning")]
        return out + self.bound("arbeidsdokumenter.medvirkning", level=2, number="4")

    def progress_plan(self) -> list[A.Node]:
        out = [A.header(1, A.text("6 Framdriftsplan"), "framdrift")]
        return out + self.bound("arbeidsdokumenter.framdrift")

    def follow_up(self) -> list[A.Node]:
        """The yearly follow-up after adoption, when the group has written any (the status report
        is the document made for it; here it stays with the other working papers)."""
        body = self.bound("arbeidsdokumenter.oppfolging", level=2, number="7")
        if not body:
            return []
        return [A.header(1, A.text("7 Oppfølging år for år"), "oppfolging-ar"), *body]
