"""A stateful property test of the rule «an answer is sacred», UI-free.

Random sequences of answering, going back, jumping, editing through the editor path
(`Conductor.store`, as the list and table editors do), saving drafts (as the UI does, with the base
it loaded), restarting and importing. After every step: each stored answer is the last one
confirmed, and no draft resurrects an older value."""

import json
import shutil
import tempfile
from pathlib import Path

from helpers import shipped_scripts
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from bshp_tui.guide.answer_text import format_value, initial_text, input_text
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.values import ValidationError, is_empty, merge_list, merge_rows, parse_row
from bshp_tui.store.sessions import SessionStore

SCRIPTS = [s for s in shipped_scripts() if s.id == "oppstart"]

TEXTS = {
    "valg": ["1", "2", "3", "Temaplan", "9", ""],
    "flervalg": ["1, 2", "3", "1", "0", ""],
    "tekst": ["Ja", "Nei, ikke nå", "og/eller", "2027-2030", "2028–2031", "2027–2030/x", "  ", "Første\nandre"],
    "liste": ["NAV\nHelse", "NAV", "Bolig\nNAV\nPlan", "", "Helse"],
    "tabell": ["Kari; NAV; 20 %; ja", "Ola; Plan\nKari; NAV", "Vår; Tema; Kari", "", "x"],
}
DRAFTS = st.sampled_from(["utkast", "2027–2030 (utkast)", "NAV\nutkast", "", "Kari; NAV"])


class AnswerIntegrity(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.dir = Path(tempfile.mkdtemp())
        self.store = SessionStore(self.dir / "sessions")
        self.session = self.store.create("Molde")
        self.c = Conductor(SCRIPTS, self.session)
        self.confirmed: dict[str, object] = {}  # the model: key -> last confirmed value
        self.drafts: dict[str, str] = {}  # the model: key -> draft typed since the last confirmation
        self.loaded: dict[str, str] = {}  # key -> the base the "UI" loaded the input with (may go stale)

    def teardown(self):
        if hasattr(self, "session"):
            self.session.close(give_up=True)
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers ---------------------------------------------------------------------------

    def pick(self, n):
        positions = self.c.positions()
        return positions[n % len(positions)]

    def confirm(self, key, value):
        if is_empty(value):
            self.confirmed.pop(key, None)
        else:
            self.confirmed[key] = json.loads(json.dumps(value))
        self.drafts.pop(key, None)

    # -- rules -----------------------------------------------------------------------------

    @rule(n=st.integers(0, 200), choice=st.integers(0, 7))
    def answer(self, n, choice):
        """Enter in the chat: the typed text is parsed and stored (or refused, changing nothing)."""
        pos = self.pick(n)
        texts = TEXTS[self.c.field(pos).kind]
        text = texts[choice % len(texts)]
        try:
            value = self.c.parse(pos, text)
        except ValidationError:
            return
        self.c.submit(pos, text)
        stored = self.session.answer(pos.key)
        fld = self.c.field(pos)
        assert format_value(self.c, fld, stored) == format_value(self.c, fld, value)  # ids are new per parse
        self.confirm(pos.key, stored)

    @rule(n=st.integers(0, 200), lines=st.lists(st.sampled_from(["NAV", "Helse", "Plan", "Kari; NAV"]), max_size=3))
    def edit_in_editor(self, n, lines):
        """Ctrl+S in a list or table editor: the editors call Conductor.store with the entries."""
        pos = self.pick(n)
        fld = self.c.field(pos)
        if fld.kind == "liste":
            value = merge_list(self.c.value(pos), lines)
        elif fld.kind == "tabell":
            rows = [dict(zip([c.id for c in fld.columns], parse_row(line, fld.columns))) for line in lines]
            value = merge_rows(self.c.value(pos), rows, fld.columns)
        else:
            return
        self.c.store(pos, value)
        self.confirm(pos.key, value)

    @rule(n=st.integers(0, 200))
    def arrive(self, n):
        """The UI arrives at a question and loads the input (remembering the base)."""
        pos = self.pick(n)
        self.loaded[pos.key] = input_text(self.c, pos).base

    @rule(n=st.integers(0, 200), text=DRAFTS)
    def save_draft(self, n, text):
        """The UI's draft timer: saves what is typed with the base it loaded, which may be stale."""
        pos = self.pick(n)
        key = pos.key
        if key not in self.loaded:
            return
        base = self.loaded[key]
        kept = self.session.set_draft(key, text, base)
        fresh = base == self.session.draft_base(key)
        assert kept == fresh
        if kept:
            if text:
                self.drafts[key] = text
            else:
                self.drafts.pop(key, None)

    @rule()
    def back(self):
        self.c.back()

    @rule(n=st.integers(0, 200))
    def jump(self, n):
        pos = self.pick(n)
        self.c.jump(pos.script_id, pos.step_id, pos.item)

    @rule()
    def restart(self):
        self.session.close()
        self.session = self.store.open(self.session.id)
        self.c = Conductor(SCRIPTS, self.session)

    @rule()
    def import_copy(self):
        """Dump, import under a new id, and go on working in the copy."""
        dump = self.dir / "kopi.json"
        dump.write_text(json.dumps(self.store.dump(self.session.id), ensure_ascii=False), encoding="utf-8")
        new_id = self.store.import_file(dump)
        self.session.close()
        self.session = self.store.open(new_id)
        self.c = Conductor(SCRIPTS, self.session)

    # -- invariants ------------------------------------------------------------------------

    @invariant()
    def stored_answers_are_the_last_confirmed(self):
        if not hasattr(self, "session"):
            return
        stored = {k: v for k, v in self.session.answers().items() if not is_empty(v)}
        assert stored == self.confirmed

    @invariant()
    def no_draft_resurrects_an_older_value(self):
        if not hasattr(self, "session"):
            return
        for pos in self.c.positions():
            shown = input_text(self.c, pos)
            key = pos.key
            assert self.session.draft(key) == self.drafts.get(key)
            if key in self.confirmed:
                # a saved answer: the input shows exactly it; a draft is only offered
                assert shown.text == format_value(self.c, self.c.field(pos), self.confirmed[key])
                assert not shown.from_draft
                assert shown.offered_draft in (None, self.drafts.get(key))
            elif self.drafts.get(key, "").strip():
                assert shown.text == self.drafts[key] and shown.from_draft
            else:
                assert shown.text == initial_text(self.c, pos)


AnswerIntegrity.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_answer_integrity = AnswerIntegrity.TestCase
