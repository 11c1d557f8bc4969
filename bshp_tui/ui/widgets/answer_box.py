"""The input area under the question: the choice buttons, the line for messages, the answer input
(or, during «tenk selv først», the hidden-input box in its place) and the hint while a /command is
typed. What the group sends bubbles up from the input (ChatInput.Submitted) to the screen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from ...guide import commands as cmd
from ...guide import replies
from ...guide.answer_text import InputText, toggle_label
from ...scripts import kinds
from ...scripts.loader import Field
from ...store.sanitize import clean_text
from .chat import ChatInput
from .choice_bar import ChoiceBar
from .command_hint import CommandHint
from .feedback_line import FeedbackLine
from .private_inputs import PrivateInputs


class AnswerBox(Vertical):
    DEFAULT_CSS = """
    AnswerBox {
        height: auto;
    }
    """

    class Chosen(Message):
        """Option `number` of a single choice was chosen (with a digit key, or a click): send it."""

        def __init__(self, number: int, by_key: bool):
            super().__init__()
            self.number = number
            self.by_key = by_key

    def __init__(self, session, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.offered_draft: str | None = None  # a draft kept aside while the saved answer is shown
        self.one_entry_per_line = False  # how revealed inputs are joined for the question shown
        self.labels: list[str] = []  # the options of the question shown
        self.toggles = False  # a multiple choice: choosing an option adds it to the input or takes it out
        self.loaded: tuple[str, str, InputText] | None = None  # (key, title, what the input was loaded with)
        self.left = ""  # said on arriving here: what became of text typed and not sent where the group was

    def compose(self) -> ComposeResult:
        yield ChoiceBar(id="choices")
        yield FeedbackLine(id="feedback")
        yield ChatInput(id="answer")
        yield PrivateInputs(self.session, id="private")
        yield CommandHint(id="completion")

    def say(self, text: str, level: str = "hint") -> None:
        """A message about the question being answered ("" hides the line)."""
        self.query_one(FeedbackLine).say(text, level)

    async def show_question(
        self,
        key: str | None,
        labels: list[str],
        quick_choose: bool = False,
        toggles: bool = False,
        one_entry_per_line: bool = False,
    ) -> None:
        """The question `key` (None: all is answered): its options as buttons, whether a digit
        chooses, whether choosing toggles an option in the input (a multiple choice)."""
        self.query_one(PrivateInputs).key = key
        self.query_one(ChatInput).numbers_choose = quick_choose
        self.labels, self.toggles, self.one_entry_per_line = labels, toggles, one_entry_per_line
        await self.query_one(ChoiceBar).show_options(labels)

    async def show_field(self, key: str, fld: Field) -> None:
        """The question `key` of the field `fld`: its kind tells how its options are chosen."""
        kind = kinds.for_field(fld)
        await self.show_question(
            key, kind.option_labels(fld), kind.quick_choose, kind.toggles_options, kind.one_entry_per_line
        )

    def choose(self, number: int, by_key: bool = False) -> None:
        """Option `number`: a single choice is sent (`Chosen`); a multiple choice is toggled in the input."""
        if not 1 <= number <= len(self.labels):
            self.say(f"Velg et tall fra 1 til {len(self.labels)}.", "warning")
        elif self.toggles:
            box = self.query_one(ChatInput)
            box.set_text(toggle_label(box.text, self.labels[number - 1]))
            box.focus()
        else:
            self.post_message(self.Chosen(number, by_key))

    @on(ChatInput.NumberKey)
    def _number(self, event: ChatInput.NumberKey) -> None:
        event.stop()
        self.choose(event.number, by_key=True)

    @on(ChoiceBar.Chosen)
    def _clicked(self, event: ChoiceBar.Chosen) -> None:
        event.stop()
        self.choose(event.number)

    def load(self, shown: InputText | None, key: str | None = None, title: str = "") -> None:
        """Put what question `key` (titled `title`) starts with in the input, and say where a draft
        is, and what became of text typed and not sent at the question the group comes from."""
        self.left = self.left_behind(key)
        self.loaded = (key, title, shown) if key is not None and shown is not None else None
        self.offered_draft = shown.offered_draft if shown else None
        notes = []
        if shown is not None and shown.from_draft:
            notes.append("Et utkast dere skrev sist, er hentet fram. Det er ikke sendt ennå.")
        elif self.offered_draft is not None:
            notes.append(
                "Feltet viser det lagrede svaret. Dere har også et utkast som ikke er sendt: "
                "Ctrl+R eller /utkast henter det fram."
            )
        notes.append(self.query_one(PrivateInputs).waiting_note())
        here = " ".join(n for n in notes if n)
        if self.left or here:  # what became of the question left behind on a line of its own
            self.say("\n".join(n for n in (self.left, here) if n), "warning" if self.left else "hint")
        self.query_one(ChatInput).set_text(shown.text if shown else "")

    def left_behind(self, key: str | None) -> str:
        """Before the input moves on to question `key`: if the group changed the text of the question
        it showed and that text is now kept as its draft (not sent, not refused as stale), say so."""
        if self.loaded is None or self.loaded[0] == key:
            return ""
        was, title, shown = self.loaded
        typed = self.query_one(ChatInput).text
        if not typed.strip() or typed.strip() == shown.text.strip() or self.session.draft(was) != clean_text(typed):
            return ""
        return replies.left_unsent(title, shown.answered)

    def take_draft(self) -> None:
        """Ctrl+R or /utkast: the draft kept aside in the input instead of the saved answer. Nothing
        is stored until Enter."""
        if self.offered_draft is None:
            self.say("Det finnes ikke noe utkast for dette spørsmålet.")
            return
        text, self.offered_draft = self.offered_draft, None
        self.query_one(ChatInput).set_text(text)
        self.say("Utkastet er hentet fram. Enter lagrer det som svar; /tilbake eller Esc lar det lagrede svaret stå.")

    @on(ChatInput.Changed)
    def _typed(self, event: ChatInput.Changed) -> None:
        self.query_one(CommandHint).follow(event.text_area.text)  # the screen keeps the draft

    @on(ChatInput.CompleteRequested)
    def _complete(self) -> None:
        box = self.query_one(ChatInput)
        matches = cmd.complete(box.text)
        if matches:
            box.set_text(f"/{matches[0].name} ")

    @on(PrivateInputs.Toggled)
    def _private_toggled(self, event: PrivateInputs.Toggled) -> None:
        event.stop()
        box = self.query_one(ChatInput)
        box.display = not event.active
        if not event.active:
            box.focus()

    @on(PrivateInputs.Revealed)
    def _revealed(self, event: PrivateInputs.Revealed) -> None:
        event.stop()
        joined = ("\n" if self.one_entry_per_line else "\n\n").join(event.texts)
        self.query_one(ChatInput).set_text(joined)
        said = f"{len(event.texts)} innspill er vist i svarfeltet."
        if event.half_typed:  # /vis shows only what was sent, and again all of them once it is sent
            self.say(
                f"{said} {replies.HALF_TYPED_KEPT} Send det med Enter, så setter /vis alle innspillene inn i "
                "svarfeltet på nytt. Ellers kan dere redigere dem til gruppas felles svar og trykke Enter.",
                "warning",
            )
        else:
            self.say(f"{said} Rediger dem til gruppas felles svar og trykk Enter.")
