"""Pasted lists: the list kind takes off bullets and the numbers of a numbered list («3. Tredje
tiltak» is the point «Tredje tiltak»), and keeps a number that belongs to the text («2 nye boliger»)."""

from helpers import shipped_scripts
from hypothesis import given, settings
from hypothesis import strategies as st

from bshp_tui.scripts.kinds.listing import keep_marker, list_lines

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
point = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=LINE_BREAKS), min_size=1, max_size=25)
    .map(str.strip)
    .filter(bool)
)
marker = st.sampled_from(["{n}. ", "{n}) ", "{n}.\t", "- ", "• ", "* ", "  {n}. "])


def test_a_numbered_list_pasted_from_a_document_gives_the_points_without_numbers():
    assert list_lines("1. Første tiltak\n2. Andre tiltak\n3. Tredje tiltak") == [
        "Første tiltak",
        "Andre tiltak",
        "Tredje tiltak",
    ]
    assert list_lines("1) Bolig\n2) Helse") == ["Bolig", "Helse"]
    assert list_lines("• Bolig\n- Helse\n* NAV") == ["Bolig", "Helse", "NAV"]


def test_numbers_that_belong_to_the_text_stay():
    assert list_lines("2 nye boliger\n3 flere ansatte") == ["2 nye boliger", "3 flere ansatte"]
    assert list_lines("2. etasje gjøres tilgjengelig") == ["2. etasje gjøres tilgjengelig"]  # one line: no list
    assert list_lines("- 2. etasje\n- 17. mai-feiring") == ["2. etasje", "17. mai-feiring"]  # after a bullet
    assert list_lines("2027: 12 boliger\n2028: 14 boliger") == ["2027: 12 boliger", "2028: 14 boliger"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(marker, point), min_size=2, max_size=8), st.integers(1, 120))
def test_any_pasted_list_gives_its_points(entries, start):
    """Each line with a marker (a number or a bullet) and a point: the points come back whole."""
    lines = [m.format(n=start + i) + p for i, (m, p) in enumerate(entries)]
    numbered = [not m.strip().startswith(("-", "•", "*")) for m, _ in entries]
    if sum(numbered) < 2:  # one numbered line is not a numbered list: its number may be text
        return
    got = list_lines("\n".join(lines))
    assert got == [p for _, p in entries]  # only the marker is taken off, never a part of the point


@settings(max_examples=300, deadline=None)
@given(st.lists(point, min_size=1, max_size=8))
def test_points_read_back_from_the_input_unchanged(points):
    """The input shows a list one point per line; sending it again never changes a point, also
    one that starts with a number and a dot or a bullet."""
    assert list_lines("\n".join(keep_marker(p) for p in points)) == points


def test_goal_areas_pasted_as_a_numbered_list_are_stored_without_their_numbers(store):

    from bshp_tui.guide.conductor import Conductor, Position

    with store.create("Molde", "2027-2030") as session:
        c = Conductor(shipped_scripts(), session)
        pos = Position("gap", "malomrader", None, "malomrader")
        c.store(pos, c.parse(pos, "1. Kommunale boliger\n2. Innholdstjenester\n3. Bosetting av flyktninger"))
        assert [i.text for i in c.items("gap.malomrader")] == [
            "Kommunale boliger",
            "Innholdstjenester",
            "Bosetting av flyktninger",
        ]
