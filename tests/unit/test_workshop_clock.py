"""The samling's clock is stored with the day's samling: after a restart it goes on from where it
was, and a damaged or missing clock loses nothing else and starts again from the time it is read."""

import json

from hypothesis import given
from hypothesis import strategies as st

from bshp_tui.guide.workshop import AgendaItem, StepClock, Workshop, save_workshop, stored_workshops

STEP = ("kartlegging", "interessenter", None)
OTHER = ("kartlegging", "boliger", None)


def day(clock=None) -> Workshop:
    return Workshop(
        "2030-01-10",
        ["Kari"],
        ["kartlegging"],
        [AgendaItem("kartlegging", "interessenter", "Interessenter", 20)],
        clock,
    )


def test_clock_goes_on_after_it_is_stored_and_read_again(store):
    clock = StepClock(1000.0)
    clock.tick(STEP, 1000.0)
    clock.tick(OTHER, 1000.0 + 25 * 60)  # 25 minutes on the first step, now on the second
    with store.create("Molde", "2027–2030") as s:
        save_workshop(s, day(clock))
        session_id = s.id
    with store.open(session_id) as s:  # a new process: the day's samling read from disk
        again = stored_workshops(s)["2030-01-10"]
    assert again.present == ["Kari"] and again.agenda == day().agenda and not again.ended
    assert again.clock is not None and again.clock.started == 1000.0
    later = 1000.0 + 40 * 60  # the app was closed for 15 minutes while the group worked on
    assert again.clock.elapsed(later) == 40 * 60
    assert again.clock.spent_on(STEP, later) == 25 * 60
    assert again.clock.spent_on(OTHER, later) == 15 * 60


def test_a_damaged_clock_keeps_the_rest_of_the_day(store):
    with store.create("Molde", "2027–2030") as s:
        save_workshop(s, day())
        raw = s.state("samlinger")
        raw["2030-01-10"]["clock"] = {"started": "i morges", "spent": "mye"}
        raw["2030-01-10"]["notat"] = "kept"
        s.set_state("samlinger", raw)
        got = stored_workshops(s)["2030-01-10"]
        assert got.clock is None and got.present == ["Kari"] and len(got.agenda) == 1
        got.clock = StepClock(5.0)
        save_workshop(s, got)
        stored = s.state("samlinger")["2030-01-10"]
        assert stored["notat"] == "kept" and stored["clock"]["started"] == 5.0


def test_a_time_past_any_real_clock_is_damaged():
    assert StepClock.from_state({"started": 9007199254740933.0}) is None  # no float counts seconds there


def test_damaged_step_entries_are_left_out_and_the_rest_kept():
    raw = {
        "started": 10,
        "since": 20,
        "current": list(OTHER),
        "spent": [[*STEP, 60], ["x", 1, None, 5], [*OTHER, -3], [*OTHER], "tull"],
    }
    clock = StepClock.from_state(raw)
    assert clock is not None
    assert clock.spent == {STEP: 60.0} and clock.current == OTHER and clock.since == 20.0


junk = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.sampled_from(["started", "since", "current", "spent", "x"]), junk) | junk)
def test_any_stored_clock_reads_without_error(raw):
    clock = StepClock.from_state(raw)
    if clock is not None:
        assert clock.elapsed(clock.started + 60) == 60
        json.dumps(clock.to_state())  # what is read can be stored again
