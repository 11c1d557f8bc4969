"""The bshp Textual app: one factory (`make_app`) used by the CLI and the tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme

from ..scripts.cache import load_folder_cached
from ..scripts.loader import Script, ScriptError, ScriptErrors, check_folder, default_prompts_dir
from ..store.sessions import SessionStore
from . import styles_cache_fix  # noqa: F401  (Textual leak; see the module)
from .command_actions import bindings, palette
from .dialogs.palette import Palette
from .keys import KeysInOrder

HIGH_CONTRAST = Theme(
    name="bshp-kontrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00FF00",
    warning="#FFA500",
    error="#FF5555",
    dark=True,
)
LIGHT = "textual-light"
DARK = "textual-dark"


class BshpApp(KeysInOrder, App):
    """The guided assistant for a boligsosial handlingsplan."""

    TITLE = "bshp – boligsosial handlingsplan"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        *bindings("app"),
        Binding("ctrl+backslash", "quit", "Avslutt", priority=True, show=False),
        # Replaces Textual's own palette key, so the footer and the palette speak Norwegian.
        Binding("ctrl+p", "command_palette", "Kommandoer", show=False, priority=True, tooltip="Åpne kommandopaletten"),
    ]

    def __init__(
        self,
        store: SessionStore,
        scripts: list[Script],
        prompt_problems: list[ScriptError] | None = None,
        prompts_dir: Path | None = None,
        clock=None,
        handle_signals: bool = False,
    ):
        super().__init__()
        self.handle_signals = handle_signals  # process-wide, so only when run for real
        self.store = store
        self.scripts = scripts
        self.prompt_problems = prompt_problems or []
        self.prompts_dir = prompts_dir
        self.clock = clock  # injected in tests to move timers without waiting
        self.register_theme(HIGH_CONTRAST)
        self.theme = LIGHT  # a light theme reads best on most meeting-room screens
        self.open_session = None  # the session open in the guided chat (OpenSession), for saving on signals
        self.exit_messages: list[str] = []  # printed to stderr after the terminal is given back
        self._init_keys()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette())

    def get_default_screen(self) -> Screen:
        from .screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        if self.handle_signals:
            self._install_signal_handlers()
        if self.prompt_problems:
            from .dialogs import MessageDialog

            lines = "\n".join(f"- `{p}`" for p in self.prompt_problems[:12])
            self.push_screen(
                MessageDialog(
                    "Feil i veiledningsfilene",
                    f"Veiledningsfilene i «{self.prompts_dir}» har feil, så appen bruker de som følger med i stedet. "
                    f"Rett feilene og start på nytt (kontroller med `bshp check-prompts`):\n\n{lines}",
                )
            )

    def notify(
        self, message: str, *, title: str = "", severity="information", timeout=None, markup: bool = False
    ) -> None:
        """Notifications often quote what the group typed, so they are never read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """Ctrl+C (outside a field, where it copies): say how to leave, in the app's own words."""
        self.notify("Trykk Ctrl+Q for å lagre og avslutte. Ctrl+C kopierer markert tekst.", title="Vil dere avslutte?")

    # -- saving on the way out -------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        """SIGHUP, SIGTERM, SIGQUIT and a terminal that hangs up: save and leave (ui/leaving.py), also
        when the event loop is stuck on the vanished terminal."""
        from .leaving import Leaving

        Leaving(self._on_terminate_signal, self.save_all).install()

    def _on_terminate_signal(self, sig: int) -> None:
        self.save_all()
        self.exit()

    def save_all(self) -> None:
        """Save the draft being typed and close the session, with nobody to ask (signals, the
        terminal gone). Uses app state only, so it works while widgets are being torn down. If the
        final save fails, a copy is saved next to the data folder or in the home folder."""
        from ..errors import BshpError
        from .dialogs.save_failed import emergency_copy

        open_session = self.open_session
        if open_session is None or open_session.closed:
            return
        try:
            open_session.close()
            return
        except BshpError as exc:
            where = emergency_copy(open_session.session, Path(self.store.data_dir))
            if where is not None:
                self.exit_messages.append(
                    f"bshp: {exc}\nbshp: En kopi av svarene er lagret i {where}. "
                    f"Hent den inn med «bshp import {where}»."
                )
            else:
                self.exit_messages.append(
                    f"bshp: {exc}\nbshp: Kunne heller ikke lagre en kopi. Svar gitt etter forrige lagring er tapt."
                )
        open_session.close(give_up=True)

    def on_work_screen_opened(self, message) -> None:
        self.open_session = message.open_session

    async def action_quit(self) -> None:
        """Ctrl+Q: save and quit. If the last save fails, the group is asked what to do first."""
        if self.open_session is None or self.open_session.closed:
            self.exit()
            return
        self.close_session(self.exit)

    @work(exclusive=True, group="leave")
    async def close_session(self, then: Callable[[], object]) -> None:
        """Close the open session (if any), then `then()` (back to the list, or quit). If the final
        save fails, say so and let the group try again, save a copy, or leave without saving
        (closing saves the draft; a failed final save raises SaveError and the session stays open)."""
        from ..errors import BshpError
        from .dialogs.save_failed import COPIED, GIVE_UP, RETRY, SaveFailedDialog

        open_session = self.open_session
        while open_session is not None and not open_session.closed:
            try:
                open_session.close()
            except BshpError as exc:
                choice = await self.push_screen_wait(SaveFailedDialog(open_session.session, str(exc)))
                if choice == RETRY:
                    continue
                if choice not in (GIVE_UP, COPIED):
                    return  # stay: the session is still open, nothing is lost
                open_session.close(give_up=True)
        then()

    # -- actions ---------------------------------------------------------------------------

    def action_help(self) -> None:
        """F1 on any screen, the editors over the chat too (a priority key); pressed in the help,
        it closes it (never a second help)."""
        from .dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())

    def action_toggle_contrast(self) -> None:
        self.theme = HIGH_CONTRAST.name if self.theme != HIGH_CONTRAST.name else LIGHT

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette: the entries of the command table (guide/commands.py), the guided chat's
        own only when the palette is opened from it."""
        from .screens.work import WorkScreen

        work = screen if isinstance(screen, WorkScreen) else None
        for title, help_text, callback in palette(self, work):
            yield SystemCommand(title, help_text, callback)


def load_scripts(
    prompts_dir: Path | None, cache_dir: Path | None = None
) -> tuple[list[Script], list[ScriptError], Path]:
    """The group's own prompt files if given and valid; the shipped ones otherwise (with the
    problems reported, so the app can say what was wrong)."""
    folder = prompts_dir or default_prompts_dir()
    try:
        return load_folder_cached(folder, cache_dir), [], folder
    except ScriptErrors:
        pass
    scripts, problems = check_folder(folder)
    if problems and prompts_dir is not None:
        fallback, fallback_problems = check_folder(default_prompts_dir())
        if not fallback_problems:
            return fallback, problems, folder
    return scripts, problems, folder


def make_app(data_dir: Path, prompts_dir: Path | None = None, clock=None, handle_signals: bool = False) -> BshpApp:
    scripts, problems, folder = load_scripts(prompts_dir, Path(data_dir) / ".cache")
    return BshpApp(SessionStore(data_dir), scripts, problems, folder, clock=clock, handle_signals=handle_signals)


def run_app(data_dir: Path, prompts_dir: Path | None = None) -> int:
    app = make_app(data_dir, prompts_dir, handle_signals=True)
    try:
        app.run()
    finally:
        app.save_all()
        for message in app.exit_messages:
            try:
                print(message, file=sys.stderr)
            except OSError:
                pass  # the terminal is gone
    return app.return_code or 0
