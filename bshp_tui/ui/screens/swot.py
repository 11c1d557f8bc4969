"""The SWOT screen: one role group's four quadrants (Sterke sider, Svake sider, Muligheter, Trusler)
edited together, one point per line. Saving stores all four in one write (guide/swot.py). What is
typed and not saved is kept as the quadrants' drafts (ui/editor_drafts.py): Esc asks, and quitting
keeps it for the next time the screen opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from ...errors import BshpError
from ...guide.conductor import Conductor, Position
from ...guide.swot import is_swot_step, quadrants_in, save_swot, swot_of
from ...scripts.values import ValidationError
from ..dialogs.messages import ask_unsaved
from ..editor_drafts import EditorDrafts
from ..open_session import OpenSession
from ..widgets.footer import KeyFooter

if TYPE_CHECKING:
    from .work import WorkScreen

IGP_HINT = (
    "IGP: tenk først hver for dere (individuelt), bli så enige i rollegruppa (gruppe), "
    "og legg fram for alle (plenum). /igp starter tidtakeren."
)


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
        Binding("escape", "cancel", "Lukk", id="cancel"),
    ]

    def __init__(self, c: Conductor, pos: Position, read_only: bool = False, open_session: OpenSession | None = None):
        """`open_session`: the guided chat's, which keeps what is typed here on quit and on signals."""
        super().__init__()
        self.c, self.pos, self.read_only, self.open_session = c, pos, read_only, open_session
        self.step = c.step(pos)
        self.quadrants = quadrants_in(c, self.step)
        self.swot = swot_of(c, pos.item)
        self.keys = {
            q.id: Position(q.ref.script_id, self.step.id, pos.item, q.ref.field_id).key for q in self.quadrants
        }
        self.stored = {q.id: "\n".join(self.swot.points.get(q.id, [])) for q in self.quadrants}
        # A quadrant typed and not saved last time (or typed in the chat) opens as it was left.
        drafts = {q.id: c.session.draft(self.keys[q.id]) for q in self.quadrants}
        self.opening = {
            q_id: d if d and d.strip() and not read_only else self.stored[q_id] for q_id, d in drafts.items()
        }
        self.drafts: EditorDrafts | None = None
        self.discarded = False  # closed with «Forkast»: the input shows what is stored again

    @property
    def group_name(self) -> str:
        return self.swot.group.text or self.step.title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor", id="swot"):
            yield Label(f"SWOT for {self.group_name}", classes="dialog-title", markup=False)
            yield Static(IGP_HINT, classes="hint")
            yield Static(
                "Ett punkt per linje · Tab går til neste rute · Ctrl+S lagrer alle fire · Esc lukker", classes="hint"
            )
            if self.opening != self.stored:
                yield Static(
                    "Det som ble skrevet her sist uten å bli lagret, er hentet fram. Ctrl+S lagrer det.",
                    id="swot-draft",
                    classes="hint",
                )
            yield Static("", id="swot-error", classes="error-text", markup=False)  # it may quote a folder
            with Grid(id="swot-grid"):
                for q in self.quadrants:
                    fld = self.c.field(q.ref.field)
                    area = LinesArea(
                        self.opening[q.id],
                        id=f"swot-{q.id}",
                        soft_wrap=True,
                        read_only=self.read_only,
                        show_line_numbers=False,
                    )
                    area.border_title = q.title + ("" if fld.required else " (valgfritt)")
                    yield area
        yield KeyFooter()

    def on_mount(self) -> None:
        self.drafts = EditorDrafts(self.open_session, list(self.keys.values()), keep_before=False)
        self.query(TextArea).first().focus()

    def on_text_area_changed(self) -> None:
        """Every change is kept as the quadrants' drafts (saved within a second, and on quit)."""
        if self.drafts is not None and not self.read_only:
            texts = self.texts()
            self.drafts.typed(
                {self.keys[q]: text if text.strip() != self.stored[q].strip() else "" for q, text in texts.items()}
            )

    @property
    def unsaved(self) -> bool:
        return not self.read_only and any(t.strip() != self.stored[q].strip() for q, t in self.texts().items())

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
        if self.drafts is not None:
            self.drafts.saved()
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Esc: closes at once when nothing is changed; else asks (Lagre / Forkast / Fortsett å skrive)."""
        if not self.unsaved:
            self.dismiss(False)
            return

        ask_unsaved(self, self.action_save, self.discard)

    def discard(self) -> None:
        if self.drafts is not None:
            self.drafts.discard()
        self.discarded = True
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
        if (
            work.session.read_only
            or work.editing_from is not None
            or inst is None
            or (pos.step_id, pos.item) in offered
            or pos != inst.positions()[0]
            or any(work.c.is_answered(p) for p in inst.positions())
        ):
            return
    offered.add((pos.step_id, pos.item))
    work.save_draft_now()  # text typed in the chat for the first quadrant opens in the screen

    async def after(saved: bool | None) -> None:
        if saved:
            if work.editing_from is not None:
                work.c.set_cursor(work.editing_from)
                work.editing_from = None
            else:
                inst = work.c.instance(pos)
                last = inst.positions()[-1] if inst else pos
                work.c.set_cursor(work.c.next_position(last, unanswered_only=True))
        await work.refresh_all(load_input=bool(saved) or screen.discarded)
        if not saved:
            work.say("Ctrl+E åpner SWOT-skjermen med alle fire rutene. Dere kan også svare på ett og ett spørsmål her.")

    screen = SwotScreen(work.c, pos, work.session.read_only, work.open)
    work.app.push_screen(screen, after)
