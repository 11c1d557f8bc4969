"""The time a session was last saved, as the start screen and `bshp list` show it."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bshp_tui.guide.saved_when import saved_when

TODAY = date(2027, 3, 3)


def test_today_yesterday_and_earlier():
    assert saved_when("2027-03-03T14:05:09+01:00", TODAY) == "i dag kl. 14:05"
    assert saved_when("2027-03-02T09:30:00+01:00", TODAY) == "i går kl. 09:30"
    assert saved_when("2026-12-24T23:59:59+01:00", TODAY) == "24.12.2026 kl. 23:59"
    assert saved_when("2027-03-04T08:00:00+01:00", TODAY) == "04.03.2027 kl. 08:00"  # a clock set wrong


def test_no_time_and_a_time_the_store_did_not_write():
    assert saved_when("", TODAY) == "–"
    assert saved_when("i går\nkveld", TODAY) == "i går kveld"
    assert saved_when(20270303, TODAY) == "20270303"


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.lists(st.text())))
def test_any_stored_value_gives_one_short_line(value):
    shown = saved_when(value, TODAY)
    assert isinstance(shown, str) and shown and "\n" not in shown and len(shown) <= 40
