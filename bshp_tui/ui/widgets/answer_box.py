"""The input area under the question: the choice buttons, the line for messages, the answer input
(or, during «tenk selv først», the hidden-input box in its place) and the hint while a /command is
typed. What the group sends bubbles up from the input (ChatInput.Submitted) to the screen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from ...guide import commands as cmd
from ...guide.answer_text import InputText
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

    def __init__(self, session, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.offered_draft: str | None = None  # a draft kept aside while the saved answer is shown
        self.one_entry_per_line = False  # how revealed inputs are joined for the question shown

    def compose(self) -> ComposeResult:
        yield ChoiceBar(id="choices")
        yield FeedbackLine(id="feedback")
        yield ChatInput(id="answer")
        yield PrivateInputs(self.session, id="private")
        yield CommandHint(id="completion")

    def say(self, text: str, level: str = "hint") -> None:
        """A message about the question being answered ("" hides the line)."""
        self.query_one(FeedbackLine).say(text, level)

    async def show_question(self, key: str | None, labels: list[str], quick_choose: bool,
                            one_entry_per_line: bool) -> None:
        """The question `key` (None: all is answered): its choice buttons, whether a digit chooses."""
        self.query_one(PrivateInputs).key = key
        self.query_one(ChatInput).numbers_choose = quick_choose
        self.one_entry_per_line = one_entry_per_line
        await self.query_one(ChoiceBar).show_options(labels)

    def load(self, shown: InputText | None) -> None:
        """Put what the question starts with in the input, and say where a draft is."""
        self.offered_draft = shown.offered_draft if shown else None
        if shown is not None and shown.from_draft:
            self.say("Et utkast dere skrev sist, er hentet fram. Det er ikke sendt ennå.")
        elif self.offered_draft is not None:
            self.say("Feltet viser det lagrede svaret. Dere har også et utkast som ikke er sendt: "
                     "Ctrl+R eller /utkast henter det fram.")
        self.query_one(ChatInput).set_text(shown.text if shown else "")

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
        self.say(f"{len(event.texts)} innspill er vist i svarfeltet. Rediger dem til gruppas felles svar og trykk Enter.")
