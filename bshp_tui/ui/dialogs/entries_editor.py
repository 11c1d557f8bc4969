"""The frame the list and table editors share: a title, a hint line, delete, move, save and
cancel. What is changed and not saved is the question's draft (ui/editor_drafts.py): Esc asks
first, and quitting keeps it."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...errors import BshpError
from ...guide.answer_text import format_value
from ...guide.conductor import Conductor, Position
from ...scripts.kinds.listing import keep_bullet
from ...scripts.loader import Field
from ...scripts.values import ValidationError
from ..editor_drafts import EditorDrafts
from .messages import ask_unsaved


class EntriesEditor(ModalScreen[bool]):
    """Common frame for editing a list of entries (list items or table rows): a title, a hint
    line, delete, move, save and cancel. Subclasses show the entries and add or edit one."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Lagre", id="save"),
        Binding("escape", "cancel", "Lukk", id="cancel"),
        Binding("a", "add", "Legg til"),
        Binding("delete,d", "delete", "Slett"),
        Binding("ctrl+up", "move(-1)", "Flytt opp"),
        Binding("ctrl+down", "move(1)", "Flytt ned"),
        Binding("f1", "app.help", "Hjelp"),  # on the key line here too (the app's F1 works on every screen)
    ]

    def __init__(self, c: Conductor, pos: Position, entries: list[dict] | None = None):
        """`entries`: what the chat input shows (typed or suggested); the stored answer if None."""
        super().__init__()
        self.c, self.pos = c, pos
        self.field: Field = c.field(pos)
        source = c.value(pos) if entries is None else entries
        self.entries: list[dict] = [dict(e) for e in (source or []) if isinstance(e, dict)]
        self.from_input = entries is not None
        self.pending: tuple[int | None, str] | None = None  # a point or row being typed: (its index or None, its line)
        self.drafts: EditorDrafts | None = None
        self.opened_with = ""  # the entries as text when the editor opened (see `unsaved`)
        self.error_for: list[dict] | None = None  # the entries the message shown was said of

    def on_screen_resume(self) -> None:
        if self.drafts is None:  # the first time the editor shows: what it opened with
            self.opened_with = self.draft_text()
            self.drafts = EditorDrafts(getattr(self.app, "open_session", None), [self.pos.key], keep_before=True)
            self.shown()

    def shown(self) -> None:
        """The editor shows for the first time (what it opened with is known)."""

    def draft_text(self) -> str:
        """The entries as the chat input would show them, with the one being typed in its dialog."""
        lines = format_value(self.c, self.field, self.entries).split("\n") if self.entries else []
        if self.pending is not None:
            index, line = self.pending
            if index is None:
                lines.append(line)
            elif index < len(lines):
                lines[index] = line
        return "\n".join(line for line in lines if line.strip())

    @property
    def unsaved(self) -> bool:
        return self.draft_text() != self.opened_with

    def changed(self) -> None:
        """Keep what the editor holds as the question's draft (saved within a second, and on quit).
        A message said of other entries than these (a row since deleted) no longer holds."""
        if self.drafts is not None:
            self.drafts.typed({self.pos.key: self.draft_text() if self.unsaved else None})
        if self.error_for is not None and self.entries != self.error_for:
            self.settle_error()

    def settle_error(self) -> None:
        self.show_error("")

    def typing(self, index: int | None) -> Callable[[str], None]:
        """For a point or row dialog: what is typed there is part of the draft."""

        def typed(line: str) -> None:
            self.pending = (index, keep_bullet(line.strip()))
            self.changed()

        return typed

    def typed_done(self) -> None:
        self.pending = None
        self.changed()

    def cursor_index(self) -> int | None:
        raise NotImplementedError

    def redraw(self, index: int | None = None) -> None:
        raise NotImplementedError

    def action_delete(self) -> None:
        index = self.cursor_index()
        if index is not None and index < len(self.entries):
            del self.entries[index]
            self.redraw(index)
            self.changed()

    def action_move(self, step: int) -> None:
        index = self.cursor_index()
        if index is None:
            return
        target = index + step
        if 0 <= target < len(self.entries):
            self.entries[index], self.entries[target] = self.entries[target], self.entries[index]
            self.redraw(target)
            self.changed()

    def action_save(self) -> None:
        if self.store(self.entries):
            if self.drafts is not None:
                self.drafts.saved()
            self.dismiss(True)

    def header(self) -> ComposeResult:
        yield Label(self.field.question, classes="dialog-title", markup=False)
        yield Static(
            "A legg til · Enter endrer · Del sletter · Ctrl+↑/↓ flytter · Ctrl+S lagrer · Esc lukker", classes="hint"
        )
        yield Static("", id="editor-error", classes="error-text", markup=False)  # it quotes what was typed

    def show_error(self, text: str) -> None:
        self.query_one("#editor-error", Static).update(text)
        self.error_for = [dict(e) for e in self.entries] if text else None

    def store(self, value) -> bool:
        try:
            self.c.store(self.pos, value)
        except (ValidationError, BshpError) as exc:
            self.show_error(str(exc))
            return False
        return True

    def action_cancel(self) -> None:
        """Esc: closes at once when nothing is changed; else asks (Lagre / Forkast / Fortsett å skrive)."""
        if self.unsaved:
            ask_unsaved(self, self.action_save, self.discard)
            return
        self.dismiss(False)

    def discard(self) -> None:
        if self.drafts is not None:
            self.drafts.discard()
        self.dismiss(False)
