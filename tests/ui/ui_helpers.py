"""Helpers for Pilot-driven tests of the app."""

from bshp_tui.ui.screens.work import WorkScreen
from bshp_tui.ui.widgets.chat import ChatInput, GroupTurn, Transcript

SIZE = (100, 30)  # the narrowest window with the step list beside the chat (WorkScreen's breakpoint)


async def paste_text(pilot, text: str) -> None:
    """Put `text` into the focused widget as a terminal hands over a paste, a line at a time; a
    newline is Ctrl+J (a new line, not send). Typing key by key is driven where the keys are the
    point (the start and terminal tests, completion, quick choices by number)."""
    from textual import events

    for n, line in enumerate(text.split("\n")):
        if n:
            await pilot.press("ctrl+j")
        if line:
            paste = events.Paste(line)
            paste.set_sender(pilot.app)
            pilot.app.post_message(paste)
            await pilot.pause()


async def answer(pilot, text: str) -> None:
    box = pilot.app.screen.query_one(ChatInput)
    box.set_text(text)
    await pilot.pause()
    box.focus()
    await pilot.press("enter")
    await pilot.pause()


async def new_session(pilot, name="Molde", period="2027-2030") -> WorkScreen:
    """A new session, seeded through the store as the New dialog creates it (the municipality and
    the period answered), then opened from the start screen's list with Enter. The dialog itself is
    driven by key in the start and terminal tests; here it would only cost time."""
    from bshp_tui.guide.period import parse_period
    from bshp_tui.guide.session_start import record_start
    from bshp_tui.ui.screens.start import StartScreen

    period = parse_period(period) if period else period  # as the dialog writes it («2027–2030»)
    start = pilot.app.screen
    assert isinstance(start, StartScreen)
    with pilot.app.store.create(name, period) as session:
        record_start(pilot.app.scripts, session, period)
        session_id = session.id
    start.refresh_list()
    table = start.query_one("DataTable")
    table.move_cursor(row=table.get_row_index(session_id))
    table.focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WorkScreen)
    return pilot.app.screen


async def through_new_dialog(pilot, name: str, period: str):
    """N on the start screen, the municipality and the period filled in, and Enter in the period
    field, as the group sends the New dialog. Returns the dialog (open still if it refused)."""
    await pilot.press("n")
    await pilot.pause()
    dialog = pilot.app.screen
    dialog.query_one("#kommune").value = name
    dialog.query_one("#periode").value = period
    dialog.query_one("#periode").focus()
    await pilot.press("enter")
    await pilot.pause()
    return dialog


async def goto(w: WorkScreen, script: str, step: str, item: str | None = None) -> None:
    """Put the guided chat at a step, as a jump from the step list does, and show its question."""
    w.c.jump(script, step, item)
    await w.refresh_all(load_input=True)


def work(pilot) -> WorkScreen:
    assert isinstance(pilot.app.screen, WorkScreen)
    return pilot.app.screen


def transcript_texts(pilot) -> list[str]:
    t = pilot.app.screen.query_one(Transcript)
    return [turn.text for turn in t.turns]


def group_turns(pilot) -> list[GroupTurn]:
    return list(pilot.app.screen.query(GroupTurn))


def feedback(pilot) -> str:
    """The message line right above the input ("" when hidden)."""
    from bshp_tui.ui.widgets.feedback_line import FeedbackLine

    line = pilot.app.screen.query_one(FeedbackLine)
    return str(line.render()) if line.shown else ""


async def toasts(pilot) -> list[str]:
    """The text of the notifications on screen (once those just sent are shown)."""
    await pilot.pause()
    await pilot.pause()
    return [str(toast.render()) for toast in pilot.app.screen.query("Toast")]


def record_notifications(app) -> list[str]:
    """The message of every notification the app sends from now on (the toasts are drawn a
    moment later, which is racy under load). Widgets notify through `app.notify`."""
    sent: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        sent.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return sent
