"""Progress that means something: per guided session and overall, from required fields only, and
never lower after an answer is given."""

from contextlib import contextmanager

import pytest
from helpers import shipped_scripts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from walk import answer_for, walk

from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.progress import counts_text, script_share
from bshp_tui.scripts.values import ValidationError

SCRIPTS = shipped_scripts()


class MemorySession:
    """The conductor's view of a session, in memory (the property test makes hundreds of them)."""

    def __init__(self):
        self.meta: dict = {}
        self._answers: dict = {}
        self._state: dict = {}

    def update_meta(self, **fields):
        self.meta.update(fields)

    def answer(self, key, default=None):
        return self._answers.get(key, default)

    def answers(self):
        return dict(self._answers)

    def answer_times(self):
        return {}

    def set_answer(self, key, value, **extra):
        self._answers[key] = value

    def delete_answer(self, key):
        self._answers.pop(key, None)

    def state(self, key, default=None):
        return self._state.get(key, default)

    def set_state(self, key, value):
        self._state[key] = value

    def draft(self, key):
        return None

    def draft_base(self, key):
        return ""

    @contextmanager
    def one_write(self):
        yield

    def backup_now(self, reason):
        pass


def shares(c):
    return [c.script_progress(s.id) for s in SCRIPTS]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=90))
def test_giving_an_answer_never_lowers_progress(choices):
    """Answer unanswered fields in any order the group could reach them (the list picks among the
    fields visible at that moment): neither a guided session's progress nor the overall drops."""
    c = Conductor(SCRIPTS, MemorySession())
    for choice in choices:
        open_ = [p for p in c.positions() if not c.is_answered(p)]
        if not open_:
            break
        pos = open_[choice % len(open_)]
        before, overall = shares(c), c.overall_progress()
        try:
            c.submit(pos, answer_for(c, pos))
        except ValidationError:
            continue  # not an answer the group can give yet (nothing to choose among)
        after = shares(c)
        assert c.overall_progress() >= overall - 1e-9, pos
        assert all(a >= b - 1e-9 for a, b in zip(after, before)), (pos, before, after)


def test_overall_weighs_each_guided_session_the_same():
    c = Conductor(SCRIPTS, MemorySession())
    while todo := [p for p in c.positions() if p.script_id in ("oppstart", "kartlegging") and not c.is_answered(p)]:
        c.submit(todo[0], answer_for(c, todo[0]))
    assert c.script_progress("oppstart") == c.script_progress("kartlegging") == 1.0
    assert round(c.overall_progress() * 100) == 33  # two of six guided sessions


def test_a_whole_walk_reaches_100_percent_and_the_stored_meta_follows(store):
    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        assert c.overall_progress() == 0
        walk(c)
        assert c.overall_progress() == 1.0
        assert session.meta["progress"] == 1.0


def area_ids(c):
    return {i.text: i.id for i in c.items("gap.malomrader")}


def test_a_repeated_step_counts_once_and_removing_an_unfinished_goal_area_does_not_lower_it():
    c = Conductor(SCRIPTS, MemorySession())
    fld = c.field("gap.malomrader")
    areas = Position("gap", fld.step_id, None, "malomrader")
    c.submit(areas, "Kommunale boliger\nInnholdstjenester\nØkonomiske virkemidler")
    for inst in c.instances("gap"):
        if inst.item and inst.item.text == "Kommunale boliger":
            for p in inst.positions():
                c.submit(p, answer_for(c, p))
    before = c.script_progress("gap")
    share = script_share(c, c.script("gap"))
    assert share.total == len([f for s in c.script("gap").steps for f in s.fields if f.required])
    c.submit(areas, "Kommunale boliger")  # the two goal areas the group had not worked on go away
    assert c.script_progress("gap") >= before


def test_a_condition_that_does_not_apply_is_left_out_once_answered():
    c = Conductor(SCRIPTS, MemorySession())
    total_before = script_share(c, c.script("oppstart")).total
    fld = c.field("oppstart.plantype")
    c.submit(Position("oppstart", fld.step_id, None, "plantype"), "1")
    assert script_share(c, c.script("oppstart")).total == total_before - 1  # one of the two framdrift tables


def test_the_step_list_says_what_it_counts():
    c = Conductor(SCRIPTS, MemorySession())
    text = counts_text(c, c.script("oppstart"))
    assert text.startswith("0 av ") and "påkrevde spørsmål" in text


@pytest.mark.parametrize("progress, shown", [(None, "0 %"), (0.5, "50 %")])
def test_bshp_list_shows_progress_as_the_app_does(store, capsys, progress, shown):
    from bshp_tui.cli import main

    with store.create("Molde", "2027–2030") as session:
        if progress is not None:
            session.update_meta(progress=progress)
    assert main(["--data", str(store.data_dir), "list"]) == 0
    out = capsys.readouterr().out
    assert shown in out and "svar" not in out


def test_bshp_list_shows_the_progress_the_app_shows(store, capsys):
    from bshp_tui.cli import main

    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        while todo := [p for p in c.positions() if p.script_id == "oppstart" and not c.is_answered(p)]:
            c.submit(todo[0], answer_for(c, todo[0]))
        shown = f"{round(c.overall_progress() * 100)} %"
    assert shown != "0 %"
    assert main(["--data", str(store.data_dir), "list"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("molde"))
    assert shown in line and "svar" not in line
