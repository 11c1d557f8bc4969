"""What the parts of the guided chat (the command and facilitation mixins of WorkScreen) may use of
the screen they are part of. WorkScreen sets these; declaring them here lets the type checker see
them from each part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..screen_base import BshpScreen

if TYPE_CHECKING:
    from ...guide.conductor import Conductor, Position
    from ...store.session import Session
    from ..open_session import OpenSession


class WorkHost(BshpScreen):
    session: Session
    open: OpenSession  # the session and the text being typed
    c: Conductor
    pos: Position | None  # the question being answered (None when all is answered)
    editing_from: Position | None  # where to return after editing an earlier answer
    offered_draft: str | None  # a draft kept aside while the saved answer is shown
    private: bool  # «tenk selv først»: inputs hidden until shown together

    if TYPE_CHECKING:

        def say(self, text: str, level: str = "hint") -> None: ...

        async def refresh_all(self, load_input: bool = False) -> None: ...

        def load_input(self) -> None: ...

        def refresh_status(self, error: str | None = None) -> None: ...

        async def show_new_position(self) -> None: ...

        async def run_command(self, name: str, arg: str) -> None: ...
