"""The side panel: the six guided sessions and their steps, with progress. Select a step to go there."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree

from ...guide.conductor import Conductor, Position


PROGRESS_HELP = ("Prosenten er hvor mye av de påkrevde spørsmålene i veiledningen som er besvart. "
                 "Valgfrie spørsmål teller ikke. Et steg som gjentas (per rollegruppe eller målområde) "
                 "teller som ett spørsmål, fordelt på gjentakelsene. Totalen er snittet av veiledningene som har "
                 "påkrevde spørsmål.")


class StepsPanel(Tree):
    class JumpRequested(Message):
        def __init__(self, script_id: str, step_id: str | None, item: str | None):
            super().__init__()
            self.script_id, self.step_id, self.item = script_id, step_id, item

    def __init__(self, **kwargs):
        super().__init__("Veiledninger", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self.tooltip = PROGRESS_HELP

    def refresh_steps(self, c: Conductor) -> None:
        cursor = c.cursor()
        expanded = {str(n.data) for n in self._all_nodes() if n.is_expanded and n.data}
        self.clear()
        by_script: dict[str, list] = {}
        for inst in c.instances():
            by_script.setdefault(inst.script.id, []).append(inst)
        for script in c.scripts:
            percent = round(c.script_progress(script.id) * 100)
            mark = "✓" if percent == 100 else f"{percent:>3} %"
            if not any(f.required for f in script.fields()):
                mark = "valgfri"  # the follow-up after adoption: not part of the plan's progress
            node = self.root.add(Text(f"{script.number}. {script.short_title}  {mark}"),
                                 data=(script.id, None, None), expand=False)
            instances = by_script.get(script.id, [])
            current_here = cursor is not None and cursor.script_id == script.id
            for inst in instances:
                item = inst.item.id if inst.item else None
                done = c.is_step_complete(inst)
                here = cursor is not None and (cursor.script_id, cursor.step_id, cursor.item) == (script.id, inst.step.id, item)
                symbol = "▶" if here else ("✓" if done else "○")
                node.add_leaf(Text(f"{symbol} {inst.title}"), data=(script.id, inst.step.id, item))
            waiting = [s for s in script.steps if s.repeat and not any(i.step.id == s.id for i in instances)]
            for step in waiting:
                node.add_leaf(Text(f"· {step.title} (venter på lista den gjentas for)"), data=(script.id, step.id, None))
            if current_here or str(node.data) in expanded:
                node.expand()

    def _all_nodes(self):
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            yield node
            stack.extend(node.children)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data:
            script_id, step_id, item = event.node.data
            self.post_message(self.JumpRequested(script_id, step_id, item))


def position_label(c: Conductor, pos: Position | None) -> str:
    if pos is None:
        return "Alt er besvart"
    script = c.script(pos.script_id)
    inst = c.instance(pos)
    step_title = inst.title if inst else pos.step_id
    done, total = c.step_progress(inst) if inst else (0, 0)
    return f"{script.number}. {script.short_title} › {step_title}  ({done} av {total} påkrevde svar)"
