"""The guided chat for one session: transcript, input, step list, timer and status line. The screen
coordinates its widgets: it tells them where the group is, and they answer with messages (the
facilitation tools, the choice buttons, the step list, the turns in the transcript)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...errors import BshpError
from ...guide import commands as cmd
from ...guide import replies
from ...guide.answer_text import input_text
from ...guide.conductor import Conductor, Position
from ...guide.transcript import build_turns, new_remarks, record_remarks
from ...scripts.model import Script
from ...scripts.values import ValidationError
from ...store.session import Session
from .. import command_actions, export_jobs
from ..open_session import OpenSession
from ..screen_base import BshpScreen
from ..widgets.answer_box import AnswerBox
from ..widgets.chat import ChatInput, GroupTurn, Transcript
from ..widgets.feedback_line import Say
from ..widgets.footer import KeyFooter
from ..widgets.live_preview import LivePreview
from ..widgets.private_inputs import PrivateInputs
from ..widgets.samling_clock import SamlingClock
from ..widgets.status_line import StatusLine
from ..widgets.steps import StepsPanel, position_label, step_title
from ..widgets.timer_line import TimerLine
from ..widgets.titlebar import TitleBar
from ..widgets.work_panes import WorkPanes
from . import views, work_views
from .swot import is_swot_position, open_swot

DRAFT_INTERVAL = 1.0  # seconds; a draft being typed is saved at least every 2 seconds


class WorkScreen(BshpScreen):
    BINDINGS = [*command_actions.bindings("work"), Binding("ctrl+p", "command_palette", "Kommandoer", show=False)]
    # Below 100 columns the step list is hidden until F3 (the CSS reads the class Textual sets).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    AUTO_FOCUS = "ChatInput"  # the answer has the keys from the start, not the step list first

    class Opened(Message):
        """A session is open in the guided chat: the app keeps `open_session` to save it on quit
        and on signals."""

        def __init__(self, open_session: OpenSession):
            super().__init__()
            self.open_session = open_session

    def __init__(self, session: Session, scripts: list[Script]):
        super().__init__()
        self.session = session
        self.open = OpenSession(session)  # the session and the text being typed (app state)
        self.c = Conductor(scripts, session)
        self.pos: Position | None = None
        self.editing_from: Position | None = None  # where to return after editing an earlier answer
        self.swot_offered: set[tuple[str, str | None]] = set()  # role groups whose SWOT screen opened by itself

    # -- layout ----------------------------------------------------------------------------

    def title_subtitle(self) -> str:
        text = f"{self.session.municipality} {self.session.meta.get('period', '')}".strip()
        return text + (" (bare lesing)" if self.session.read_only else "")

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title_subtitle())
        with WorkPanes(self.c, id="work"):
            yield StepsPanel(id="steps")
            with Vertical(id="main"):
                yield Transcript(id="transcript")
                yield TimerLine(id="timer")
                yield Static("", id="where", classes="hint")
                yield AnswerBox(self.session)
                yield StatusLine(id="status")
            yield LivePreview(id="live-preview")
        yield SamlingClock(self.c, self.session)
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.post_message(self.Opened(self.open))
        if self.session.read_only:
            self.query_one(ChatInput).read_only = True
        await self.refresh_all(load_input=True)
        self.query_one(SamlingClock).resume()
        self.set_interval(DRAFT_INTERVAL, self.save_draft_now)
        self.query_one(ChatInput).focus()

    def on_screen_resume(self) -> None:
        self.refresh_status()  # e.g. a save that failed while a dialog was open

    def action_toggle_steps(self) -> None:
        """F3: show the step list and move into it; pressed again there, hide it."""
        if not self.query_one(WorkPanes).toggle_steps():
            self.query_one(ChatInput).focus()

    def action_leave_steps(self) -> None:
        """Esc in the step list: back to the answer, never out of the plan."""
        self.query_one(WorkPanes).leave_steps()
        self.query_one(ChatInput).focus()

    def action_toggle_preview(self) -> None:
        """F4: the plan beside the chat when there is room for both, else on its own screen."""
        if not self.query_one(WorkPanes).toggle_preview():
            self.action_preview_screen()

    # -- refresh ---------------------------------------------------------------------------

    async def refresh_all(self, load_input: bool = False) -> None:
        self.pos = pos = self.c.cursor()
        self.query_one(SamlingClock).step = (pos.script_id, pos.step_id, pos.item) if pos else None
        self.query_one(TimerLine).suggested = self.c.step(pos).minutes if pos else None
        await self.query_one(Transcript).show(build_turns(self.c))
        self.query_one(StepsPanel).refresh_steps(self.c)
        self.query_one("#where", Static).update(Text(self.where_text()))
        if pos is None:
            await self.query_one(AnswerBox).show_question(None, [])
        else:
            await self.query_one(AnswerBox).show_field(pos.key, self.c.field(pos))
        self.refresh_status()
        self.query_one(WorkPanes).follow()
        if load_input:
            self.app.clear_notifications()  # nothing said about one question carries over to the next
            self.say("")
            self.load_input()
            open_swot(self, auto=True)  # a role group's SWOT: all four quadrants on one screen

    def where_text(self) -> str:
        enter = "Du endrer et tidligere svar · Enter lagrer og går tilbake" if self.editing_from else "Enter sender"
        keys = f"{enter} · Alt+Enter eller Ctrl+J: ny linje · /hjelp"
        return f"{position_label(self.c, self.pos)}\n{keys}"

    def say(self, text: str, level: str = "hint") -> None:
        """A message about the question being answered, on the line right above the input. It
        goes when the question changes."""
        self.query_one(AnswerBox).say(text, level)

    def load_input(self) -> None:
        self.save_draft_now()  # what was typed where the group was is kept (the answer box says so)
        pos = self.pos
        shown = input_text(self.c, pos) if pos is not None else None
        self.open.load(pos.key if pos else None, shown.text if shown else "", shown.base if shown else "")
        self.query_one(AnswerBox).load(shown, pos.key if pos else None, step_title(self.c, pos))

    def refresh_status(self, error: str | None = None) -> None:
        self.query_one(StatusLine).follow(self.session, lambda: round(self.c.overall_progress() * 100), error)

    # -- answering -------------------------------------------------------------------------

    @on(ChatInput.Changed)
    def _typed(self, event: ChatInput.Changed) -> None:
        self.open.draft_text = event.text_area.text

    @on(AnswerBox.Chosen)
    async def _chosen(self, event: AnswerBox.Chosen) -> None:
        if self.pos is None:
            return
        await self.submit(str(event.number))
        if event.by_key:  # the Enter typed after the digit out of habit must not send the next question
            self.query_one(ChatInput).choice_sent()

    @on(ChatInput.Submitted)
    async def _submitted(self, event: ChatInput.Submitted) -> None:
        await self.submit(event.text)

    async def submit(self, text: str) -> None:
        command = cmd.split(text)
        if command is not None:  # a command never becomes answer text; what was typed before it stays
            rest, name, arg = command
            if name not in cmd.BY_NAME:  # a line starting with «/» that is no command stays in the field
                self.say(cmd.unknown_message(text), "warning")
                return
            self.query_one(ChatInput).set_text(rest)
            self.open.draft_text = rest
            await self.run_command(name, arg)
            return
        half = cmd.half_typed(text)
        if half is not None:
            self.say(replies.half_typed_command(half), "warning")
            return
        if self.pos is None:
            self.say(replies.ALL_ANSWERED)
            return
        if self.session.read_only:
            self.say(replies.READ_ONLY, "warning")
            return
        pos = self.pos
        try:
            self.c.submit(pos, cmd.unescape(text), advance=self.editing_from is None)
        except ValidationError as exc:
            self.say(str(exc), "warning")
            self.refresh_status()
            return
        except BshpError as exc:  # the save failed: the answer is kept in memory
            self.refresh_status(str(exc))
            self.say(str(exc), "error")
            return
        record_remarks(self.c, pos, new_remarks(self.c, pos))
        if self.editing_from is not None:
            self.c.set_cursor(self.editing_from)
            self.editing_from = None
        await self.refresh_all(load_input=True)

    def save_draft_now(self) -> None:
        """Save what is being typed (from app state, not widgets). Called every second, and on
        quit and signals; what is typed in an editor over the chat too."""
        try:
            if self.open.save_typed():
                self.refresh_status()  # the «Lagret» time follows every write
        except BshpError as exc:
            self.refresh_status(str(exc))

    # -- commands and the views and editors they open ----------------------------------------

    async def run_command(self, name: str, arg: str) -> None:
        """A slash command typed in the chat (or a palette entry): its action from the table."""
        if name not in cmd.BY_NAME:
            self.say(cmd.unknown_message(name), "warning")
            return
        await command_actions.run(self, name, arg)

    def action_overview(self) -> None:
        self.app.push_screen(views.PlanOverviewScreen(self.c))

    def action_ranked(self) -> None:
        self.app.push_screen(views.RankedScreen(self.c))

    def action_preview_screen(self) -> None:
        self.app.push_screen(views.PreviewScreen(self.c))

    def action_health(self) -> None:
        async def go_to(target: tuple | None) -> None:  # the remark chosen: go to its question
            if target:
                self.c.jump(*target)
            await self.refresh_all(load_input=bool(target))

        self.app.push_screen(views.HealthScreen(self.c), go_to)

    def action_matrix(self) -> None:
        self.open_editor(work_views.matrix_editor(self.c, self.session.read_only))

    def action_edit(self) -> None:
        """Ctrl+E or /rediger: the answer's own editor (list, table, SWOT), opened with what the input shows."""
        if self.pos is not None and not self.session.read_only and is_swot_position(self.c, self.pos):
            open_swot(self)
            return
        typed = self.query_one(ChatInput).text
        editor = work_views.answer_editor(self.c, self.pos, self.session.read_only, typed)
        self.open_editor(editor, confirms=self.pos is not None and work_views.confirms_answer(self.c, self.pos))

    def open_editor(self, editor: Screen | Say, confirms: bool = False) -> None:
        """`confirms`: saving there confirms the answer as Enter does (on to the next question)."""
        if isinstance(editor, Say):
            self.say(editor.text, editor.level)
            return
        pos = self.pos

        async def after(changed: bool | None) -> None:
            if changed and pos is not None:
                record_remarks(self.c, pos, new_remarks(self.c, pos))
                if confirms:
                    self.c.set_cursor(self.editing_from or self.c.next_position(pos, unanswered_only=True))
                    self.editing_from = None
            await self.refresh_all(load_input=bool(changed))

        self.app.push_screen(editor, after)

    def action_take_draft(self) -> None:
        self.query_one(AnswerBox).take_draft()

    # -- the facilitation tools (widgets that answer with messages) ------------------------

    def action_export(self, arg: str = "") -> None:
        export_jobs.export_documents(self, self.session, arg)

    def action_referat(self, arg: str = "") -> None:
        export_jobs.write_minutes(self, self.session, arg)

    @on(SamlingClock.MinutesWanted)
    def _minutes_wanted(self) -> None:
        self.action_referat()

    def action_samling(self) -> None:
        self.query_one(SamlingClock).open_agenda()

    @on(SamlingClock.Nudged)
    def _nudged(self, event: SamlingClock.Nudged) -> None:
        self.notify(event.text, title="Over tiden", severity="warning", timeout=30)

    def action_timer(self, arg: str | None = None) -> None:
        """Ctrl+T starts the timer or stops it; /timer (with minutes or not) starts it."""
        if arg is None:
            self.query_one(TimerLine).toggle()
        else:
            self.query_one(TimerLine).start_typed(arg)

    def action_igp(self) -> None:
        self.say("")  # an old warning does not stay under a new timer
        self.query_one(TimerLine).start_igp()
        if self.pos is not None and self.c.step(self.pos).private:
            self.query_one(PrivateInputs).open()

    def action_private(self) -> None:
        self.query_one(PrivateInputs).open()

    def action_reveal(self) -> None:
        self.query_one(PrivateInputs).reveal()

    @on(PrivateInputs.DraftChanged)
    def _private_typed(self, event: PrivateInputs.DraftChanged) -> None:
        self.open.type_private(event.key, event.text)

    @on(PrivateInputs.Stored)
    def _private_stored(self) -> None:
        self.refresh_status()

    @on(PrivateInputs.CommandTyped)
    async def _private_command(self, event: PrivateInputs.CommandTyped) -> None:
        await self.run_command(event.name, event.arg)

    @on(Say)
    def _said(self, event: Say) -> None:
        self.say(event.text, event.level)

    # -- navigation ------------------------------------------------------------------------

    async def show_new_position(self) -> None:
        """After the conductor's cursor moved: save what was typed, show the question it is at."""
        self.save_draft_now()
        await self.refresh_all(load_input=True)

    def leave_question(self) -> None:
        """Before moving by navigation: what was typed is saved, and any edit of an earlier answer ends."""
        self.editing_from = None
        self.save_draft_now()

    async def action_back(self) -> None:
        self.leave_question()
        if self.c.back() == self.pos:
            self.say(replies.FIRST_QUESTION)
            return
        await self.show_new_position()

    async def action_next(self) -> None:
        self.leave_question()
        if self.c.next() is None:
            self.say(replies.LAST_QUESTION)
            return
        await self.show_new_position()

    async def action_skip(self) -> None:
        self.leave_question()
        before = self.pos
        self.c.skip()
        await self.show_new_position()
        if self.pos is None and before is None:
            self.say(replies.NOTHING_TO_SKIP)
        elif before is not None and not self.c.is_answered(before):
            self.say(f"{replies.skipped(self.c.field(before).required)} {self.query_one(AnswerBox).left}".strip())

    @on(StepsPanel.JumpRequested)
    async def _jump(self, event: StepsPanel.JumpRequested) -> None:
        self.leave_question()
        if self.c.jump(event.script_id, event.step_id, event.item) is None:
            self.say(replies.NOT_YET, "warning")
            return
        await self.show_new_position()
        self.action_leave_steps()  # to the answer; a list opened with F3 in a narrow window closes

    @on(GroupTurn.EditRequested)
    async def _edit_turn(self, event: GroupTurn.EditRequested) -> None:
        if event.turn.pos is None or self.session.read_only:
            return
        self.save_draft_now()
        if self.editing_from is None:
            self.editing_from = self.pos
        self.c.set_cursor(event.turn.pos)
        await self.refresh_all(load_input=True)
        self.query_one(ChatInput).focus()

    def action_close(self) -> None:
        self.app.close_session(self.dismiss)  # back to the session list

    def on_unmount(self) -> None:
        try:
            self.open.close()
        except BshpError:
            self.app.save_all()  # nobody left to ask: one more try, then a copy
