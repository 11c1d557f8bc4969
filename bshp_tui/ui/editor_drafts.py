"""Work typed in an editor over the guided chat (the SWOT screen, the list and table editors) is
never lost: until the editor saves it as the answer or the group discards it, it is kept as the
draft of its question, the same draft the chat keeps for text typed in the input. Quitting (Ctrl+Q),
a signal or a closed terminal saves it through the open session (OpenSession.close); the chat then
offers it again (loaded when the question has no answer yet, Ctrl+R when it has one), and the SWOT
screen opens with it."""

from __future__ import annotations

from ..errors import BshpError
from .open_session import OpenSession


class EditorDrafts:
    """The drafts of the questions one editor edits, by question key."""

    def __init__(self, open_session: OpenSession | None, keys: list[str], keep_before: bool):
        """`keep_before`: discarding puts back the draft each question had when the editor opened
        (the list and table editors open with what the chat input shows, which stays there);
        otherwise discarding clears them (the SWOT screen opens with the drafts, so they were seen)."""
        self.open = open_session if open_session is not None and not open_session.session.read_only else None
        if self.open is not None:
            try:
                self.open.save_draft()  # the draft is what the chat input shows now, not a second ago
            except BshpError:
                pass  # the status line says a save failed; the text is still in the input
        session = open_session.session if open_session is not None else None
        self.bases = {k: session.draft_base(k) for k in keys} if session is not None else {}
        self.before = {k: (session.draft(k) or "") if keep_before and session is not None else "" for k in keys}

    def typed(self, texts: dict[str, str | None]) -> None:
        """What the editor holds now, by key; None: unchanged from what it opened with."""
        if self.open is None:
            return
        for key, text in texts.items():
            if key in self.bases:
                self.open.editor_drafts[key] = (self.before[key] if text is None else text, self.bases[key])

    def saved(self) -> None:
        """The editor saved its answers: their drafts went in the same write."""
        self._forget()

    def discard(self) -> None:
        """The group chose to throw away what was typed in the editor."""
        if self.open is None:
            return
        self._forget()
        for key, base in self.bases.items():
            try:
                self.open.session.set_draft(key, self.before[key], base)
            except BshpError:
                pass  # the status line says a save failed; nothing the group wanted is lost

    def _forget(self) -> None:
        if self.open is None:
            return
        for key in self.bases:
            self.open.editor_drafts.pop(key, None)
            self.open.saved_editor_drafts.pop(key, None)
