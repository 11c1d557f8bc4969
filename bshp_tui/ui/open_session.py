"""The session open in the guided chat, with the text being typed. It holds no widgets, so the app
can save and close it on quit and on signals, even while the screen is being torn down."""

from __future__ import annotations

from ..errors import BshpError
from ..guide import commands as cmd
from ..guide import facilitation as F


class OpenSession:
    def __init__(self, session):
        self.session = session
        self.draft_key: str | None = None  # the question the input belongs to
        self.draft_text = ""  # what is typed now
        self.saved_draft = ""  # what was last saved as the draft (or loaded)
        self.draft_base = ""  # the stored answer the input was loaded against (Session.draft_base)
        self.private_key: str | None = None  # the question a hidden input is being typed for
        self.private_text = ""  # the hidden input being typed («tenk selv først»)
        self.saved_private = ""
        self.closed = False
        # Text typed in an editor open over the chat (SWOT, list, table), by question key: kept as
        # that question's draft until the editor saves or discards it (see ui/editor_drafts.py).
        self.editor_drafts: dict[str, tuple[str, str]] = {}  # key -> (text, base)
        self.saved_editor_drafts: dict[str, str] = {}  # key -> text last written

    def load(self, key: str | None, text: str, base: str) -> None:
        """The input now shows `text` for question `key` (None: no question)."""
        self.draft_key, self.draft_base = key, base
        self.draft_text = self.saved_draft = text

    def type_private(self, key: str, text: str) -> None:
        """The hidden-input box for question `key` now holds `text`."""
        if key != self.private_key:
            self.private_key, self.saved_private = key, F.private_draft(self.session, key)
        self.private_text = text

    def save_typed(self) -> bool:
        """Save the chat's draft, then the editors' drafts. True if anything was written. Raises
        BshpError if a save fails."""
        before = self.session.last_saved
        self.save_draft()
        self.save_editor_drafts()
        return self.session.last_saved != before

    def save_draft(self) -> None:
        """Save what is being typed, if it changed. Raises BshpError if the save fails."""
        if self.closed or self.session.read_only:
            return
        if self.private_key is not None and self.private_text != self.saved_private:
            F.set_private_draft(self.session, self.private_key, self.private_text)
            self.saved_private = self.private_text
        if self.draft_key is None:
            return
        if self.draft_text == self.saved_draft:
            return
        text = self.draft_text if self.draft_text.strip() and not cmd.plausible_command(self.draft_text) else ""
        # refused (False) when the answer changed after the input was loaded: the text is stale
        self.session.set_draft(self.draft_key, text, self.draft_base)
        self.saved_draft = self.draft_text

    def save_editor_drafts(self) -> None:
        """Save what is typed in an editor over the chat, if it changed (after the chat's own draft,
        so the editor's text wins for the question both hold). Raises BshpError if the save fails."""
        if self.closed or self.session.read_only:
            return
        for key, (text, base) in list(self.editor_drafts.items()):
            if self.saved_editor_drafts.get(key) == text:
                continue
            # refused (False) when the answer changed after the editor opened: the text is stale
            self.session.set_draft(key, text, base)
            self.saved_editor_drafts[key] = text

    def close(self, give_up: bool = False) -> None:
        """Save the draft and close the session. Raises SaveError (and stays open) if the final
        save fails, unless `give_up`."""
        if self.closed:
            return
        for save in (self.save_draft, self.save_editor_drafts):
            try:
                save()
            except BshpError:
                pass  # the close below writes everything once more and says if that fails
        self.session.close(give_up=give_up)
        self.closed = True
