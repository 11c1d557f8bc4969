"""The side panel: the guided sessions and their steps, with progress. Select a step to go there.

Long step names wrap under their own start (a step list at 34 columns cuts nothing). The arrow
keys move in the list; Enter goes to the step (or, on a guided session, opens it and goes there);
Space or ←/→ open and close a guided session without leaving the question."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...guide.conductor import Conductor, Position

PROGRESS_HELP = (
    "Prosenten er hvor mye av de påkrevde spørsmålene i veiledningen som er besvart. "
    "Valgfrie spørsmål teller ikke. Et steg som gjentas (per rollegruppe eller målområde) "
    "teller som ett spørsmål, fordelt på gjentakelsene. Totalen er snittet av veiledningene som har "
    "påkrevde spørsmål."
)


@dataclass(frozen=True)
class Row:
    """One line of the list: a guided session (step_id None) or one of its steps."""

    script_id: str
    step_id: str | None
    item: str | None
    here: bool = False  # the step the group is at

    @property
    def option_id(self) -> str:
        return f"{self.script_id}/{self.step_id or ''}/{self.item or ''}"


class Hanging(Visual):
    """`prefix` then `text`, wrapped so that later lines start under the text, at whatever width
    the list has (drawn as plain text: a table per line made every change of the list slow)."""

    def __init__(self, prefix: str, text: str):
        self.prefix, self.text = prefix, Content(text)
        self.indent = cell_len(prefix)

    def _lines(self, width: int) -> list[Content]:
        body = self.text.wrap(max(width - self.indent, 1)) or [Content("")]
        return [Content(self.prefix if n == 0 else " " * self.indent) + line for n, line in enumerate(body)]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lines = self._lines(width)[:height]
        return [strip for line in lines for strip in line.render_strips(width, 1, style, options)]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.text.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines(width))


class StepsPanel(OptionList):
    BINDINGS = [
        Binding("space", "toggle_open", "Åpne/lukk", show=False),
        Binding("escape", "screen.leave_steps", "Tilbake til svaret"),
        Binding("right", "open_script(True)", "Åpne", show=False),
        Binding("left", "open_script(False)", "Lukk", show=False),
    ]

    class JumpRequested(Message):
        def __init__(self, script_id: str, step_id: str | None, item: str | None):
            super().__init__()
            self.script_id, self.step_id, self.item = script_id, step_id, item

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.tooltip = PROGRESS_HELP
        self.rows: dict[str, Row] = {}
        self.opened: set[str] = set()  # guided sessions opened by the group
        self.closed: set[str] = set()  # ... and closed (the one the group is at is open unless closed)
        self._c: Conductor | None = None

    def refresh_steps(self, c: Conductor) -> None:
        self._c = c
        cursor = c.cursor()
        keep = self.highlighted_row()
        by_script: dict[str, list] = {}
        for inst in c.instances():
            by_script.setdefault(inst.script.id, []).append(inst)
        options: list[Option] = []
        self.rows = {}

        def add(row: Row, prompt) -> None:
            self.rows[row.option_id] = row
            options.append(Option(prompt, id=row.option_id))

        for script in c.scripts:
            percent = round(c.script_progress(script.id) * 100)
            mark = "✓" if percent == 100 else f"{percent:>3} %"
            if not any(f.required for f in script.fields()):
                mark = "valgfri"  # the follow-up after adoption: not part of the plan's progress
            here_in_script = cursor is not None and cursor.script_id == script.id
            is_open = self.is_open(script.id, here_in_script)
            add(
                Row(script.id, None, None),
                Hanging("▼ " if is_open else "▶ ", f"{script.number}. {script.short_title}  {mark}"),
            )
            if not is_open:
                continue
            instances = by_script.get(script.id, [])
            lines: list[tuple[Row, str, str]] = []
            for inst in instances:
                item = inst.item.id if inst.item else None
                here = cursor is not None and (cursor.script_id, cursor.step_id, cursor.item) == (
                    script.id,
                    inst.step.id,
                    item,
                )
                symbol = "▶" if here else ("✓" if c.is_step_complete(inst) else "○")
                lines.append((Row(script.id, inst.step.id, item, here), symbol, inst.title))
            waiting = [s for s in script.steps if s.repeat and not any(i.step.id == s.id for i in instances)]
            for step in waiting:
                lines.append(
                    (Row(script.id, step.id, None), "·", f"{step.title} ({waiting_for(c, script.id, step.repeat)})")
                )
            for n, (row, symbol, title) in enumerate(lines):
                add(row, Hanging(f" {'└' if n == len(lines) - 1 else '├'} {symbol} ", title))
        self.set_options(options)
        if keep is not None and keep.option_id in self.rows:
            self.highlighted = self.get_option_index(keep.option_id)

    def is_open(self, script_id: str, here: bool) -> bool:
        return script_id in self.opened or (here and script_id not in self.closed)

    def highlighted_row(self) -> Row | None:
        if self.highlighted is None or not 0 <= self.highlighted < self.option_count:
            return None
        return self.rows.get(self.get_option_at_index(self.highlighted).id or "")

    def toggle(self) -> bool:
        """F3: show the list and move into it; pressed again in the list, hide it. True while the
        list has the focus."""
        if not self.display:
            self.remove_class("hidden")
            self.add_class("shown")
        elif self.has_focus:
            self.remove_class("shown")
            self.add_class("hidden")
            return False
        self.focus()
        self.show_current()
        return True

    def show_current(self) -> None:
        """Put the list's cursor on the step the group is at (F3), so the arrow keys start there."""
        here = next((oid for oid, row in self.rows.items() if row.here), None)
        if here is not None:
            self.highlighted = self.get_option_index(here)
            self.scroll_to_highlight()

    def set_open(self, script_id: str, is_open: bool) -> None:
        (self.opened.add if is_open else self.opened.discard)(script_id)
        (self.closed.discard if is_open else self.closed.add)(script_id)
        if self._c is not None:
            self.refresh_steps(self._c)
            if not is_open:
                self.highlighted = self.get_option_index(Row(script_id, None, None).option_id)

    def action_toggle_open(self) -> None:
        row = self.highlighted_row()
        if row is None:
            return
        cursor = self._c.cursor() if self._c else None
        self.set_open(
            row.script_id, not self.is_open(row.script_id, cursor is not None and cursor.script_id == row.script_id)
        )

    def action_open_script(self, is_open: bool) -> None:
        row = self.highlighted_row()
        if row is not None:
            self.set_open(row.script_id, is_open)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.rows.get(event.option.id or "")
        if row is None:
            return
        if row.step_id is None:
            self.set_open(row.script_id, True)
        self.post_message(self.JumpRequested(row.script_id, row.step_id, row.item))


def step_title(c: Conductor, pos: Position | None) -> str:
    inst = c.instance(pos) if pos is not None else None
    return inst.title if inst else pos.step_id if pos else ""


def waiting_for(c: Conductor, script_id: str, repeat: str | None) -> str:
    """Why a repeated step has no lines yet: it comes once per point of a list not yet filled in."""
    if not repeat or not c.has_field(repeat):
        return "kommer når lista den gjentas for er fylt ut"
    fld = c.field(repeat)
    source = c.step(Position(fld.script_id, fld.step_id, None, fld.id)).title
    if fld.script_id != script_id:
        source = f"{c.script(fld.script_id).short_title} › {source}"
    return f"kommer når «{source}» er fylt ut"


def position_label(c: Conductor, pos: Position | None) -> str:
    if pos is None:
        return "Alt er besvart"
    script = c.script(pos.script_id)
    inst = c.instance(pos)
    step_title = inst.title if inst else pos.step_id
    done, total = c.step_progress(inst) if inst else (0, 0)
    counted = f"{done} av {total} påkrevde svar" if total else "valgfritt steg"  # no «0 av 0»
    return f"{script.number}. {script.short_title} › {step_title}  ({counted})"
