"""The time a session was last saved, as the start screen and `bshp list` show it."""

import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bshp_tui.guide.saved_when import saved_when

TODAY = date(2027, 3, 3)


@pytest.fixture(autouse=True)
def _clock_in_oslo(monkeypatch):
    """The machine's clock reads Norwegian time (the times below were written with +01:00)."""
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_today_yesterday_and_earlier():
    assert saved_when("2027-03-03T14:05:09+01:00", TODAY) == "i dag kl. 14:05"
    assert saved_when("2027-03-02T09:30:00+01:00", TODAY) == "i går kl. 09:30"
    assert saved_when("2026-12-24T23:59:59+01:00", TODAY) == "24.12.2026 kl. 23:59"
    assert saved_when("2027-03-04T08:00:00+01:00", TODAY) == "04.03.2027 kl. 08:00"  # a clock set wrong


def test_no_time_and_a_time_the_store_did_not_write():
    assert saved_when("", TODAY) == "–"
    assert saved_when("i går\nkveld", TODAY) == "i går kveld"
    assert saved_when(20270303, TODAY) == "20270303"
    assert saved_when("0001-01-01T00:00:00+14:00", TODAY) == "01.01.0001 kl. 00:00"  # no earlier day to move to
    assert saved_when("9999-12-31T23:59:00-05:00", TODAY) == "31.12.9999 kl. 23:59"


ISO_TIMES = st.builds(lambda t, h: f"{t.isoformat()}{h:+03d}:00", st.datetimes(), st.integers(-14, 14))


@given(st.one_of(ISO_TIMES, st.text(), st.integers(), st.floats(), st.none(), st.lists(st.text())))
def test_any_stored_value_gives_one_short_line(value):
    shown = saved_when(value, TODAY)
    assert isinstance(shown, str) and shown and "\n" not in shown and len(shown) <= 40


def test_a_time_written_in_another_time_zone_is_read_on_this_machines_clock():
    assert saved_when("2027-03-03T23:30:00+00:00", date(2027, 3, 4)) == "i dag kl. 00:30"
    assert saved_when("2027-07-01T10:00:00+02:00", date(2027, 7, 1)) == "i dag kl. 10:00"  # summer time
