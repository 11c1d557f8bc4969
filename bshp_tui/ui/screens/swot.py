"""The SWOT screen: one role group's four quadrants (Sterke sider, Svake sider, Muligheter, Trusler)
edited together, one point per line. Saving stores all four in one write (guide/swot.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual import events
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from ...errors import BshpError
from ...guide.conductor import Conductor, Position
from ...guide.swot import is_swot_step, quadrants_in, save_swot, swot_of
from ...scripts.values import ValidationError
from ..widgets.footer import KeyFooter

if TYPE_CHECKING:
    from .work import WorkScreen

IGP_HINT = ("IGP: tenk først hver for dere (individuelt), bli så enige i rollegruppa (gruppe), "
            "og legg fram for alle (plenum). /igp starter tidtakeren.")


class LinesArea(TextArea):
    """A box of points, one per line: Enter, Alt+Enter and Ctrl+J all give a new line, as the help
    says for every text box."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("alt+enter", "ctrl+j", "shift+enter"):
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)


class SwotScreen(ModalScreen[bool]):
    """Dismisses with True when saved."""

    DEFAULT_CSS = """
    SwotScreen #swot-grid { grid-size: 2 2; grid-gutter: 0 1; height: 1fr; }
    SwotScreen #swot-grid TextArea { height: 1fr; border: round $primary-lighten-1; }
    SwotScreen #swot-grid TextArea:focus { border: round $accent; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Lagre", id="save"),
        Binding("escape", "cancel", "Lukk uten å lagre", id="cancel"),
    ]

    def __init__(self, c: Conductor, pos: Position, read_only: bool = False):
        super().__init__()
        self.c, self.pos, self.read_only = c, pos, read_only
        self.step = c.step(pos)
        self.quadrants = quadrants_in(c, self.step)
        self.swot = swot_of(c, pos.item)

    @property
    def group_name(self) -> str:
        return self.swot.group.text or self.step.title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor", id="swot"):
            yield Label(f"SWOT for {self.group_name}", classes="dialog-title", markup=False)
            yield Static(IGP_HINT, classes="hint")
            yield Static("Ett punkt per linje · Tab går til neste rute · Ctrl+S lagrer alle fire · "
                         "Esc lukker uten å lagre", classes="hint")
            yield Static("", id="swot-error", classes="error-text")
            with Grid(id="swot-grid"):
                for q in self.quadrants:
                    fld = self.c.field(q.ref.field)
                    area = LinesArea("\n".join(self.swot.points.get(q.id, [])), id=f"swot-{q.id}",
                                    soft_wrap=True, read_only=self.read_only, show_line_numbers=False)
                    area.border_title = q.title + ("" if fld.required else " (valgfritt)")
                    yield area
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query(TextArea).first().focus()

    def texts(self) -> dict[str, str]:
        return {q.id: self.query_one(f"#swot-{q.id}", TextArea).text for q in self.quadrants}

    def action_save(self) -> None:
        if self.read_only:
            self.dismiss(False)
            return
        try:
            save_swot(self.c, self.step, self.pos.item, self.texts())
        except (ValidationError, BshpError) as exc:
            self.query_one("#swot-error", Static).update(str(exc))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def is_swot_position(c: Conductor, pos: Position | None) -> bool:
    return pos is not None and is_swot_step(c, c.step(pos))


def open_swot(work: WorkScreen, auto: bool = False) -> None:
    """Open the SWOT screen for the role group at the work screen's position. Saved in the guided
    flow, the group goes on to the next unanswered question after the step; saved while editing an
    earlier answer, it goes back to where it was."""
    pos = work.pos
    if pos is None or not is_swot_position(work.c, pos):
        return
    offered = work.swot_offered
    if auto:
        inst = work.c.instance(pos)
        if (work.session.read_only or work.editing_from is not None or inst is None or (pos.step_id, pos.item) in offered
                or pos != inst.positions()[0] or any(work.c.is_answered(p) for p in inst.positions())):
            return
    offered.add((pos.step_id, pos.item))

    async def after(saved: bool | None) -> None:
        if saved:
            if work.editing_from is not None:
                work.c.set_cursor(work.editing_from)
                work.editing_from = None
            else:
                inst = work.c.instance(pos)
                last = inst.positions()[-1] if inst else pos
                work.c.set_cursor(work.c.next_position(last, unanswered_only=True))
        else:
            work.say("Ctrl+E åpner SWOT-skjermen med alle fire rutene. Dere kan også svare på ett og ett spørsmål her.")
        await work.refresh_all(load_input=bool(saved))

    work.app.push_screen(SwotScreen(work.c, pos, work.session.read_only), after)
