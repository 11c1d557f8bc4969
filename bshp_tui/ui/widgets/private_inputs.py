"""«Tenk selv først»: each participant types an input in a hidden box and presses Enter; it is stored
at once and stays hidden until /vis shows them all together, for the group to edit into one answer."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input

from ...errors import BshpError
from ...guide import commands as cmd
from ...guide import facilitation as F
from ...guide import replies
from .feedback_line import Say

PLACEHOLDER = "Skriv innspillet ditt – det skjules til dere viser dem fram (/vis)"


class PrivateInputs(Input):
    """The hidden-input box for the question `key` (set by the screen; None when all is answered).
    Open, it stands in for the answer input: `Toggled` tells the screen to hide or show that one."""

    DEFAULT_CSS = """
    PrivateInputs {
        margin: 0 1;
        display: none;
    }
    """

    key: var[str | None] = var(None)
    active: var[bool] = var(False, init=False)

    class Toggled(Message):
        """The box opened (`active`) or closed: the answer input goes the other way."""

        def __init__(self, active: bool):
            super().__init__()
            self.active = active

    class Revealed(Message):
        """/vis: the hidden inputs, in the order they were typed, for the answer input; `half_typed`:
        a hidden input typed and never sent, which /vis does not show."""

        def __init__(self, texts: list[str], half_typed: bool = False):
            super().__init__()
            self.texts = texts
            self.half_typed = half_typed

    class DraftChanged(Message):
        """What is typed in the open box for question `key` changed: kept like the chat's draft."""

        def __init__(self, key: str, text: str):
            super().__init__()
            self.key = key
            self.text = text

    class Stored(Message):
        """An input was handed to the store (saved, or the save failed): the status line follows."""

    class CommandTyped(Message):
        """A /command typed in the box instead of an input: the screen runs it."""

        def __init__(self, name: str, arg: str):
            super().__init__()
            self.name = name
            self.arg = arg

    def __init__(self, session, **kwargs):
        super().__init__(password=True, placeholder=PLACEHOLDER, select_on_focus=False, **kwargs)
        self.session = session

    def open(self) -> None:
        """Start taking hidden inputs for the current question (none when all is answered), with
        the input half typed when the box was last left."""
        if self.key is None:
            self.post_message(Say(replies.PRIVATE_ALL_ANSWERED, "warning"))
            return
        self.value = F.private_draft(self.session, self.key)
        self.cursor_position = len(self.value)  # typing goes on after what was kept
        self.active = True
        entries = F.private_entries(self.session, self.key)
        shown = sum(1 for e in entries if e.get("revealed"))
        so_far = f"{len(entries)} så langt" + (f", {shown} av dem vist før" if shown else "")
        kept = " Et halvskrevet innspill er hentet fram, skjult." if self.value else ""
        self.post_message(
            Say(
                f"Tenk selv først: hver deltaker skriver sitt innspill og trykker Enter. "
                f"Innspillene skjules til dere skriver /vis. ({so_far}){kept}"
            )
        )

    def close(self) -> None:
        self.active = False

    def waiting_note(self) -> str:
        """What waits for the question shown: hidden inputs, a hidden input half typed ("" if nothing)."""
        if self.key is None:
            return ""
        count = F.hidden_count(self.session, self.key)
        notes = [f"{count} skjult{'e' if count > 1 else ''} innspill venter – /vis viser dem."] if count else []
        if F.private_draft(self.session, self.key):
            notes.append("Et halvskrevet skjult innspill er tatt vare på – /privat henter det fram.")
        return " ".join(notes)

    def watch_key(self, old: str | None, new: str | None) -> None:
        """Private mode belongs to one question: another question closes the box (what was typed
        in it stays stored for its own question)."""
        if old != new:
            self.close()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.active and self.key is not None:
            self.post_message(self.DraftChanged(self.key, event.value))

    def watch_active(self, active: bool) -> None:
        self.display = active
        if active:
            self.focus()
        self.post_message(self.Toggled(active))

    def reveal(self) -> None:
        """/vis: show the hidden inputs of the current question and close the box."""
        if self.key is None:
            self.post_message(Say(replies.NOTHING_TO_REVEAL))
            return
        try:
            texts = F.reveal(self.session, self.key)
        except BshpError as exc:  # the save failed; the inputs are kept, and /vis can be tried again
            self.post_message(Say(str(exc), "error"))
            return
        half_typed = self.half_typed()
        self.close()
        if texts:
            self.post_message(self.Revealed(texts, half_typed))
        else:
            self.post_message(
                Say(
                    f"Ingen skjulte innspill å vise. {replies.HALF_TYPED_KEPT} Send det med Enter, og /vis viser det."
                    if half_typed
                    else "Ingen skjulte innspill å vise."
                )
            )

    def half_typed(self) -> bool:
        """A hidden input typed and not sent for the question: in the open box, or kept from when the
        box was last left (also before a restart)."""
        if self.key is None:
            return False
        return bool((self.value if self.active else F.private_draft(self.session, self.key)).strip())

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        command = cmd.split(text)
        if command is not None:  # a command is never stored as an input; what was typed before it stays
            rest, name, arg = command
            if name not in cmd.BY_NAME:  # kept in the box, and not repeated openly in the message
                self.post_message(Say(cmd.unknown_message(text, hidden=True), "warning"))
                return
            self.value = rest
            self.post_message(self.CommandTyped(name, arg))
            return
        if self.key is None:
            return
        self.value = ""
        if not text:
            return
        try:
            count = F.add_private(self.session, self.key, cmd.unescape(text))
        except BshpError as exc:  # the save failed: the input is kept in memory, hidden (the message says so)
            self.post_message(Say(str(exc), "error"))
            self.post_message(self.Stored())
            return
        self.post_message(self.Stored())
        self.post_message(Say(f"Innspill {count} er lagret og skjult. Neste deltaker, eller /vis for å vise dem."))
