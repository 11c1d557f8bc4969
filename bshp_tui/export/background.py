"""The background document (Datagrunnlag, Vedlegg 6), with its last appendix: every answer no
other part placed, under its guided session and step. A part of the document builder (see document.py)."""

from __future__ import annotations

from ..guide.conductor import StepInstance, answer_key
from ..scripts.values import is_empty
from . import ast as A
from .shared_chapters import SharedChapters

# The background document's part for answers no prompt file binds to a section.
OTHER_ANSWERS = "Flere svar fra arbeidsgruppa"


class BackgroundDocument(SharedChapters):
    """A part of the Builder: the background document's chapters and appendices. Uses the Builder's
    step instances and its label for table sums, declared here and defined there."""

    instances: list[StepInstance]

    def total_label(self, fld) -> str | None:
        raise NotImplementedError

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
        parts = [
            ("grunnlag.status", "Status og utfordringer"),
            ("grunnlag.visjon", "Visjon"),
            ("grunnlag.behov", "Behov og tiltak"),
            ("grunnlag.mal", "Overordnede mål for arbeidet"),
        ]
        for n, area in enumerate(areas, start=1):
            out.append(A.header(2, A.text(f"4.{n} Målområde {area.text}")))
            shown = [(section, heading) for section, heading in parts if self.has_bindings(section)]
            for k, (section, heading) in enumerate(shown, start=1):
                out.append(A.header(3, A.text(f"4.{n}.{k} {heading}")))
                out += self.bound(section, area)
        # The appendices are numbered like the chapters before them: 5.1, 5.2 …
        out.append(A.header(1, A.text("5 Vedlegg"), "vedlegg"))
        out.append(A.header(2, A.text("5.1 Mandat og prosjektorganisasjon for boligsosial handlingsplan")))
        out += self.bound("grunnlag.vedlegg1")
        out.append(A.header(2, A.text("5.2 Boligsosial ordliste og definisjoner")))
        out += self.standard_text("ordliste")
        period = f" {self.period}" if self.period else ""
        out.append(A.header(2, A.text(f"5.3 Boligsosial handlingsplan{period}")))
        for n, area in enumerate(areas, start=1):
            out.append(A.header(3, A.text(f"5.3.{n} Målområde {area.text}")))
            out += self.action_plan_table(area)
        out += self.other_answers("5.4")
        return out

    def other_answers(self, number: str) -> list[A.Node]:
        """Every answered field nothing else placed, under its guided session and step."""
        out: list[A.Node] = []
        by_script: dict[str, list[tuple[StepInstance, list]]] = {}
        for inst in self.instances:
            fields = [f for f in inst.fields if self._unplaced(f, inst)]
            if fields:
                by_script.setdefault(inst.script.id, []).append((inst, fields))
        if not by_script:
            return out
        out.append(A.header(2, A.text(f"{number} {OTHER_ANSWERS}"), "flere-svar"))
        out.append(
            A.para(
                A.text(
                    "Her står svar fra samlingene som ikke har en egen plass i planen eller "
                    "datagrunnlaget, ordnet etter veiledning og steg."
                )
            )
        )
        shown = [s for s in self.c.scripts if s.id in by_script]
        for k, script in enumerate(shown, start=1):
            out.append(A.header(3, A.text(f"{number}.{k} {script.title}")))
            for n, (inst, fields) in enumerate(by_script[script.id], start=1):
                out.append(A.header(4, A.text(f"{number}.{k}.{n} {inst.title}")))
                for fld in fields:
                    out += self.field_blocks(fld, inst.item, show_label=True, total_label=self.total_label(fld))
        return out

    def _unplaced(self, fld, inst: StepInstance) -> bool:
        key = answer_key(fld.script_id, fld.id, inst.item.id if inst.item else None)
        return key not in self.placed and not is_empty(self.value(fld, inst.item.id if inst.item else None))
