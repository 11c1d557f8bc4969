"""Parts of the plan's frame that are not answers alone: the planning process and medvirkning
(for a kommunedelplan, the planbeskrivelse's part), the horizon of the long-term goals, and the
goal areas of the method shown as suggestions before the group has chosen its own."""

from __future__ import annotations

from ..scripts import refs as R
from ..scripts.values import Item, dashed_year_spans
from . import ast as A
from .render import FieldRenderer

# The goal areas of the source report's plan template (Vedlegg 5).
DEFAULT_AREAS = ("Kommunale boliger", "Økonomiske virkemidler", "Innholdstjenester")
PROCESS_INTRO = (
    "Kapitlet beskriver hvem som har deltatt i arbeidet med planen, hvordan berørte grupper har "
    "medvirket, hva som kom fram, og hvordan innspillene er brukt."
)
PROCESS_KOMMUNEDELPLAN = (
    "Som kommunedelplan skal planen ha en planbeskrivelse når den legges ut til offentlig "
    "ettersyn; dette kapitlet er planbeskrivelsens del om planprosess og medvirkning."
)


class PlanFrame(FieldRenderer):
    """A part of the Builder: the renderer's helpers (value, placeholder) and the Builder's own
    (bound, has_bindings, period), declared here and defined there."""

    period: str = ""

    def bound(
        self, section: str, area: Item | None = None, skip: tuple[R.Ref, ...] = (), level: int = 2, number: str = ""
    ) -> list[A.Node]:
        raise NotImplementedError

    def has_bindings(self, section: str) -> bool:
        raise NotImplementedError

    def process(self, number: str) -> list[A.Node]:
        if not self.has_bindings("plan.prosess"):
            return []
        out = [
            A.header(2, A.text(f"{number} Planprosess og medvirkning"), "planprosess"),
            A.para(A.text(PROCESS_INTRO)),
        ]
        fld = R.field_of(self.c, R.PLAN_TYPE)
        if fld is not None and self.value(fld) == "kommunedelplan":
            out.append(A.para(A.text(PROCESS_KOMMUNEDELPLAN)))
        return out + self.bound("plan.prosess", level=3, number=number)

    def horizon(self) -> str:
        """ " i perioden …" for the main goals: the long-term horizon if the group gave one, else the
        plan period."""
        fld = R.field_of(self.c, R.LONG_TERM_HORIZON)
        value = self.value(fld) if fld is not None else None
        text = value.strip() if isinstance(value, str) and value.strip() else self.period
        return f" i perioden {dashed_year_spans(text)}" if text else ""

    def no_areas(self, number: str) -> list[A.Node]:
        """Before the group has chosen goal areas: the plan template's three, each marked as missing."""
        out: list[A.Node] = []
        for n, name in enumerate(DEFAULT_AREAS, start=1):
            out.append(A.header(2, A.text(f"{number}.{n} Målområde {name}")))
            out.append(
                A.para(
                    [
                        self.placeholder(
                            f"målområdet «{name}» er et forslag fra metoden – velg målområdene i gap-analysen"
                        )
                    ]
                )
            )
        return out
