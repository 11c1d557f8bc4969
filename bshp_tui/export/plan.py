"""The plan itself, in the structure of the source report's Vedlegg 5: the summary, the shared
chapters, the economy and the follow-up. A part of the document builder (see document.py)."""

from __future__ import annotations

from . import ast as A
from .economy import economy_blocks
from .shared_chapters import SharedChapters
from .summary import plan_name, summary


class PlanDocument(SharedChapters):
    """A part of the Builder: the plan's chapters in order."""

    municipality: str

    def plan_blocks(self) -> list[A.Node]:
        opening = (
            f"{plan_name(self)} for {self.municipality or 'kommunen'} samler kommunens mål, strategier "
            "og tiltak for det boligsosiale arbeidet i perioden."
        )
        out = [A.header(1, A.text("Sammendrag"), "sammendrag")] + summary(self, opening)
        out += self.introduction("plan")
        out += self.main_goals("plan", f"2 Hovedmål for boligsosialt arbeid{self.horizon()}")
        out += self.action_plan("3")
        out += economy_blocks(self, "4")
        out.append(A.header(1, A.text("5 Oppfølging av planen"), "oppfolging"))
        out += self.bound("plan.oppfolging")
        return out
