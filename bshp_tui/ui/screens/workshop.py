"""Dagens samling: the setup (what today covers, who is present), the agenda with the running clock,
and the summary at the end. The logic is in guide/workshop.py and guide/day.py."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Markdown, SelectionList, Static

from ...guide import workshop as W
from ...guide.conductor import Conductor
from ...guide.day import day_report
from ...scripts.kinds.base import md_escape
from ...scripts.values import format_date
from ..widgets import fitted_table
from ..widgets.footer import KeyFooter
from ..widgets.tick_list import TickList

SETUP_HINT = "Mellomrom velger · Tab går videre · Ctrl+S lagrer og starter samlingen · Esc avbryter"


class WorkshopSetup(ModalScreen["W.Workshop | None"]):
    """Choose the guided sessions today covers and who is present; returns the workshop."""

    BINDINGS = [Binding("ctrl+s", "start", "Lagre", id="start"), Binding("escape", "cancel", "Avbryt", id="cancel")]

    def __init__(self, c: Conductor, date: str):
        super().__init__()
        self.c, self.date = c, date

    def compose(self) -> ComposeResult:
        chosen = set(W.default_scripts(self.c))
        planned = W.todays_planned(self.c, self.date) or W.next_planned(self.c, self.date)
        with VerticalScroll(classes="dialog wide"):
            yield Label("Dagens samling", classes="dialog-title")
            if planned:
                yield Static(Text(f"Fra framdriftsplanen: {planned.text()}"), classes="hint")
            yield Label("Hva skal dere arbeide med i dag?")
            yield TickList(*[(f"{s.number}. {s.title}", s.id, s.id in chosen) for s in self.c.scripts], id="scripts")
            names = W.members(self.c)
            yield Label("Hvem er til stede?")
            if names:
                yield TickList(*[(n, n, True) for n in names], id="present")
            else:
                yield Static("Arbeidsgruppa er ikke registrert ennå (Oppstart › Arbeidsgruppa).", classes="hint")
            yield Input(placeholder="Andre til stede, skilt med komma", id="others")
            yield Static("", id="setup-error", classes="error-text")
            yield Static(SETUP_HINT, classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#scripts", SelectionList).focus()

    def action_start(self) -> None:
        scripts = list(self.query_one("#scripts", SelectionList).selected)
        if not scripts:
            self.query_one("#setup-error", Static).update("Velg minst én veiledning for dagens samling.")
            return
        present = list(self.query_one("#present", SelectionList).selected) if self.query("#present") else []
        others = [n.strip() for n in self.query_one("#others", Input).value.split(",") if n.strip()]
        ordered = [s.id for s in self.c.scripts if s.id in scripts]
        self.dismiss(W.new_workshop(self.c, self.date, ordered, list(dict.fromkeys(present + others))))

    def on_input_submitted(self) -> None:
        self.action_start()

    def action_cancel(self) -> None:
        self.dismiss(None)


class AgendaScreen(fitted_table.RefitsTables, ModalScreen[str]):
    """The agenda with each step's suggested minutes, time used, the clock and time left. Returns
    "end" when the facilitator ends the samling, "" when going back to the chat."""

    BINDINGS = [
        Binding("escape", "back", "Tilbake til samtalen", id="back"),
        Binding("a", "end", "Avslutt samlingen", id="end"),
    ]

    def __init__(self, c: Conductor, workshop: W.Workshop, clock: W.StepClock, now):
        super().__init__()
        self.c, self.workshop, self.clock, self.now = c, workshop, clock, now

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield Label(f"Dagens samling {format_date(self.workshop.date)}", classes="dialog-title")
            present = ", ".join(self.workshop.present) or "ikke registrert"
            yield Static(Text(f"Til stede: {present}"), classes="hint")
            yield Static("", id="agenda-clock")
            yield Static("", id="agenda-nudge", classes="error-text", markup=False)  # it names the step
            yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Esc: tilbake til samtalen (klokka går videre) · A: avslutt samlingen og se oppsummeringen",
                classes="hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fit_tables()
        self.set_interval(5, self.redraw)
        self.query_one(DataTable).focus()

    def redraw(self) -> None:
        now = self.now()
        cursor = self.c.cursor()
        here = (cursor.script_id, cursor.step_id, cursor.item) if cursor else None
        table = self.query_one(DataTable)
        rows = []
        for item in self.workshop.agenda:
            inst = next(
                (
                    i
                    for i in self.c.instances(item.script_id)
                    if i.step.id == item.step_id
                    and ((i.item.id if i.item else None) == item.item or (item.item is None and i.title == item.title))
                ),
                None,
            )
            done = inst is not None and self.c.is_step_complete(inst)
            at = inst is not None and here == (item.script_id, item.step_id, inst.item.id if inst.item else None)
            mark = "▶" if at else ("✓" if done else "○")
            used = self.clock.spent_on(item.where, now)
            planned = f"{item.minutes} min" + (" (anslått)" if item.estimated else "")
            rows.append([mark, item.title, planned, W.minutes_text(used) if used >= 60 else "–"])
        keep = table.cursor_coordinate
        fitted_table.fill(table, ["", "Steg", "Foreslått", "Brukt"], rows, table.scrollable_content_region.width)
        if table.row_count:
            table.cursor_coordinate = keep if keep.row < table.row_count else keep._replace(row=0)
        elapsed = self.clock.elapsed(now)
        left = self.workshop.planned_minutes * 60 - elapsed + (59 if elapsed % 60 else 0)  # whole minutes left
        left_text = f"{W.minutes_text(left)} igjen" if left >= 0 else f"{W.minutes_text(-left)} over tiden"
        self.query_one("#agenda-clock", Static).update(
            f"Klokka: {W.minutes_text(elapsed)} brukt · {left_text} av {W.minutes_text(self.workshop.planned_minutes * 60)} "
            "satt av"
        )
        title = next((i.title for i in self.workshop.agenda if i.where == here), "")
        self.query_one("#agenda-nudge", Static).update(W.overrun_text(self.workshop, self.clock, now, title))

    def action_back(self) -> None:
        self.dismiss("")

    def action_end(self) -> None:
        self.dismiss("end")


class SummaryScreen(ModalScreen[bool]):
    """The end of the samling: what was decided, what is still open, the next samling. Returns
    True when the group wants the referat written."""

    BINDINGS = [Binding("escape", "close", "Lukk", id="close"), Binding("r", "minutes", "Lag referat", id="minutes")]

    def __init__(self, c: Conductor, date: str):
        super().__init__()
        self.c, self.date = c, date

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide editor"):
            yield Label(f"Oppsummering av samlingen {format_date(self.date)}", classes="dialog-title")
            yield VerticalScroll(Markdown(summary_markdown(self.c, self.date), id="summary"))
            yield Static(
                "↑↓ og PgUp/PgDn blar · R lager referatet (Word-fil i mappen eksport) · Esc lukker", classes="hint"
            )
        yield KeyFooter()

    def action_minutes(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)


MAX_OPEN_LISTED = 12


def summary_markdown(c: Conductor, date: str) -> str:
    """Every step with answers given or changed today and every decision as it stands (the
    screen scrolls); the open questions up to MAX_OPEN_LISTED, saying how many more the referat has."""
    day = day_report(c, date)
    lines = ["## Dette ble gjort og bestemt", ""]
    answered = sum(len(s.answers) for s in day.changes)
    if day.changes:
        lines.append(f"{answered} svar ble gitt eller endret i dag, i {len(day.changes)} steg:")
        lines.append("")
        lines += [f"- {md_escape(s.step_title)} ({md_escape(s.script_title)})" for s in day.changes]
    else:
        lines.append("Ingen svar ble lagret i dag.")
    for decision in day.decisions:
        lines += ["", f"**{md_escape(decision.title)}:**", ""]
        lines += [f"- {md_escape(line)}" for line in decision.lines]
    lines += ["", "## Dette står åpent", ""]
    if day.open_questions:
        lines += [f"- {md_escape(q)}" for q in day.open_questions[:MAX_OPEN_LISTED]]
        if len(day.open_questions) > MAX_OPEN_LISTED:
            lines.append(f"- … og {len(day.open_questions) - MAX_OPEN_LISTED} til (se referatet)")
    else:
        lines.append("Ingen påkrevde spørsmål står åpne i det dere arbeidet med.")
    lines += ["", "## Neste samling", ""]
    lines.append(
        md_escape(day.next_workshop.text())
        if day.next_workshop
        else "Ikke satt opp i framdriftsplanen (Oppstart › Framdriftsplan)."
    )
    return "\n".join(lines)
