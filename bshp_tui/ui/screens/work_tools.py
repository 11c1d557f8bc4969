"""The facilitation tools of the guided chat: export, timer and IGP, and «tenk selv først» (private
inputs revealed together). A mixin for WorkScreen, which provides the session, the conductor, the
position, `say` and the widgets."""

from __future__ import annotations


from textual import work
from textual.widgets import Input

from ...guide import commands as cmd
from ...guide import facilitation as F
from ...scripts import kinds
from ...errors import BshpError
from ..widgets.chat import ChatInput
from ..widgets.timer_line import TimerLine
from ..export_place import chosen_format, export_folder
from .work_host import WorkHost



def format_minutes(minutes: float) -> str:
    return str(int(minutes)) if minutes == int(minutes) else str(minutes).replace(".", ",")


class FacilitationTools(WorkHost):
    def action_export(self, arg: str = "") -> None:
        self.export(arg)

    @work(thread=True, exclusive=True, group="export")
    def export(self, arg: str) -> None:
        from ...export.service import export, unplaced_warning

        parts = arg.split()
        fmt = chosen_format(parts)
        document = "alle" if "alle" in parts else next(
            (p for p in parts if p in ("plan", "grunnlag", "arbeidsdokumenter", "saksframlegg", "statusrapport")),
            "plan")
        year = next((int(p) for p in parts if p.isdigit() and len(p) == 4), None)
        folder = export_folder(self.app.store.data_dir)
        self.app.call_from_thread(self.notify, "Lager dokumentet …", timeout=3)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            results = export(self.app.scripts, self.session, document, fmt, folder, year=year)
        except (BshpError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Eksporten feilet: {exc}", severity="error", timeout=15)
            return
        for result in results:
            missing = f" {len(result.missing)} punkter er ikke fylt ut eller må sjekkes; de står i [hakeparentes]." if result.missing else ""
            self.app.call_from_thread(self.notify, f"Skrev {result.path.resolve()}.{missing}", timeout=15)
        if warning := unplaced_warning(results):
            self.app.call_from_thread(self.notify, warning, severity="warning", timeout=20)

    def action_timer(self, arg: str | None = None) -> None:
        """Ctrl+T starts the timer or stops it; /timer (with minutes or not) starts it."""
        timer = self.query_one(TimerLine)
        if arg is None:
            timer.toggle(float(self.current_minutes() or 10))
            return
        try:
            minutes = float(arg.replace(",", ".")) if arg else float(self.current_minutes() or 10)
        except ValueError:
            self.say("Skriv antall minutter, for eksempel /timer 10.", "warning")
            return
        if minutes <= 0:
            self.say("Skriv et antall minutter over null, for eksempel /timer 10.", "warning")
            return
        timer.start(minutes)
        self.say(f"Tidtakeren går: {format_minutes(minutes)} minutter. Ctrl+T stopper den.")

    def action_igp(self) -> None:
        self.query_one(TimerLine).start(self.current_minutes() or 20, igp=True)
        if self.pos is not None and self.c.step(self.pos).private:
            self.set_private(True)

    def current_minutes(self) -> int | None:
        return self.c.step(self.pos).minutes if self.pos is not None else None

    def action_private(self) -> None:
        if self.pos is None:
            self.say("Alle spørsmålene er besvart. Velg et steg i lista til venstre for å tenke "
                     "gjennom det hver for dere med /privat.", "warning")
            return
        self.set_private(True)

    def set_private(self, on: bool) -> None:
        if self.pos is None:
            return
        self.private = on
        box = self.query_one("#private", Input)
        box.display = on
        self.query_one(ChatInput).display = not on
        if on:
            box.focus()
            count = F.hidden_count(self.session, self.pos.key)
            self.say(f"Tenk selv først: hver deltaker skriver sitt innspill og trykker Enter. "
                     f"Innspillene skjules til dere skriver /vis. ({count} så langt)")
        else:
            self.query_one(ChatInput).focus()

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the private input (the only single-line input on the screen)."""
        if event.input.id != "private":
            return
        text = event.value.strip()
        event.input.value = ""
        command = cmd.split(text)
        if command is not None:
            rest, name, arg = command
            event.input.value = rest
            await self.run_command(name, arg)
            return
        if self.pos is None or not text:
            return
        count = F.add_private(self.session, self.pos.key, text)
        self.say(f"Innspill {count} er lagret og skjult. Neste deltaker, eller /vis for å vise dem.")

    async def action_reveal(self) -> None:
        if self.pos is None:
            self.say("Alle spørsmålene er besvart, og det er ingen skjulte innspill å vise.")
            return
        texts = F.reveal(self.session, self.pos.key)
        self.set_private(False)
        if not texts:
            self.say("Ingen skjulte innspill å vise.")
            return
        fld = self.c.field(self.pos)
        joined = "\n".join(texts) if kinds.for_field(fld).one_entry_per_line else "\n\n".join(texts)
        self.query_one(ChatInput).set_text(joined)
        self.draft_text = joined
        self.say(f"{len(texts)} innspill er vist i svarfeltet. Rediger dem til gruppas felles svar og trykk Enter.")
