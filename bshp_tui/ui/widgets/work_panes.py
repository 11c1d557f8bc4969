"""The guided chat's three panes side by side: the step list (F3), the chat, and the plan as it
stands (F4). The side panes show and hide here; the chat is never squeezed below a readable width."""

from __future__ import annotations

from textual.containers import Horizontal

from ...guide.conductor import Conductor
from .feedback_line import Say
from .live_preview import LivePreview
from .steps import StepsPanel

MIN_CHAT_WIDTH = 56  # columns: narrower, and the chat breaks words; the preview gets its own screen
PREVIEW_SHARE = 0.45  # of the width, for the preview beside the chat (#live-preview in app.tcss)


class WorkPanes(Horizontal):
    def __init__(self, c: Conductor, **kwargs):
        super().__init__(**kwargs)
        self.c = c

    def on_mount(self) -> None:
        self.query_one(LivePreview).display = False

    def toggle_steps(self) -> bool:
        """F3: show the step list and move into it; pressed again there, hide it. True while the
        list has the focus."""
        return self.query_one(StepsPanel).toggle()

    def leave_steps(self) -> None:
        """Esc in the step list: a list opened with F3 in a narrow window closes again."""
        if self.screen.has_class("-narrow"):
            self.query_one(StepsPanel).remove_class("shown")

    def toggle_preview(self) -> bool:
        """F4: show the plan beside the chat, or hide it. False when there is no room beside it."""
        pane = self.query_one(LivePreview)
        if not pane.display and not self.room_for_preview():
            return False
        pane.display = not pane.display
        self.follow()
        return True

    def follow(self) -> None:
        """Bring the plan beside the chat up to date with the answers (when it is shown)."""
        pane = self.query_one(LivePreview)
        if pane.display:
            pane.follow(self.c)

    def room_for_preview(self) -> bool:
        steps = self.query_one(StepsPanel)
        beside = self.size.width - (steps.outer_size.width if steps.display else 0)
        return beside - round(self.size.width * PREVIEW_SHARE) >= MIN_CHAT_WIDTH

    def on_resize(self) -> None:
        pane = self.query_one(LivePreview)
        if pane.display and not self.room_for_preview():
            pane.display = False
            self.post_message(
                Say("Forhåndsvisningen er lukket fordi vinduet ble for smalt. F4 viser den på egen skjerm.")
            )
