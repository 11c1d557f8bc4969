"""Property: for any valid stored value v of a kind, parsing the input text of v gives v back.
This is what guarantees that sending an answer again through the input (the group arrives at an
answered field and presses Enter) never bends it."""

import datetime
import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kinds_fixture import conductor, load, position

from bshp_tui.guide.answer_text import initial_text
from bshp_tui.scripts import kinds as K

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text as the group can type it on one line: no line breaks (str.splitlines splits on these).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
line_text = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=LINE_BREAKS), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
ids = st.text("0123456789abcdef", min_size=6, max_size=6)


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    return load(tmp_path_factory.mktemp("prompts"))


def round_trip(scripts, field_id: str, value, answers: dict | None = None):
    """Store `value`, take the input text the group would see, and parse it back."""
    c = conductor(scripts, answers)
    pos = position(c, field_id)
    c.session.set_answer(pos.key, value)
    text = initial_text(c, pos)
    assert text == K.for_field(c.field(pos)).input_text(c, c.field(pos), value)
    return c.parse(pos, text)


def unambiguous(pairs) -> bool:
    """No point is a comma-separated piece of another point (then «x, y» could mean either)."""
    texts = {t.lower() for _, t in pairs}
    for text in texts:
        pieces = [p.strip() for p in re.split(r"[,;\n]+", text)]
        if len(pieces) > 1 and any(p in texts for p in pieces):
            return False
    return True


@functools.cache
def items_strategy(min_size=1, in_table=False):
    """A list answer whose points can be told apart when typed (as options of utvalg). Points may
    have commas and semicolons inside; in a table a semicolon separates the columns. Built once per
    shape: hypothesis reads the source of each filter on a list strategy when it is built."""
    text = line_text.filter(lambda t: t[0] not in ",;" and t[-1] not in ",;").filter(
        lambda t: not t.lower().rstrip(".)").isdigit()
    )
    if in_table:
        text = text.filter(lambda t: ";" not in t and "\t" not in t)
    return (
        st.lists(
            st.tuples(ids, text), min_size=min_size, max_size=6, unique_by=(lambda p: p[0], lambda p: p[1].lower())
        )
        .filter(lambda pairs: not {t.lower() for _, t in pairs} & {i for i, _ in pairs})
        .filter(lambda pairs: unambiguous(pairs))
        .map(  # a lambda: hypothesis reads a named filter's source at each draw
            lambda pairs: [{"id": i, "tekst": t} for i, t in pairs]
        )
    )


@SETTINGS
@given(value=st.text(min_size=1).map(str.strip).filter(bool))
def test_text(scripts, value):
    assert round_trip(scripts, "tekst", value) == value


@SETTINGS
@given(
    value=st.lists(st.tuples(ids, line_text), min_size=1, max_size=8, unique_by=lambda p: p[0]).map(
        lambda pairs: [{"id": i, "tekst": t} for i, t in pairs]
    )
)
def test_list(scripts, value):
    assert round_trip(scripts, "liste", value) == value


@SETTINGS
@given(value=st.sampled_from(["a", "b", "c"]))
def test_choice(scripts, value):
    assert round_trip(scripts, "valg", value) == value


@SETTINGS
@given(value=st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, unique=True))
def test_multiple_choice(scripts, value):
    assert round_trip(scripts, "flervalg", value) == value


numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40), st.floats(allow_nan=False, allow_infinity=False)
)


@SETTINGS
@given(value=numbers)
def test_number(scripts, value):
    back = round_trip(scripts, "tall", value)
    assert back == value and K.get("tall").stored_problem(back, None) is None


def date_text(day: datetime.date, grain: int) -> str:
    return [f"{day.year}", f"{day.year}-{day.month:02d}", day.isoformat()][grain]


dates = st.one_of(
    st.builds(date_text, st.dates(datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)), st.integers(0, 2)),
    st.sampled_from(["løpende", "årlig"]),
)


@SETTINGS
@given(value=dates)
def test_date(scripts, value):
    assert round_trip(scripts, "dato", value) == value


@SETTINGS
@given(value=dates)
def test_a_date_cell_reads_back_from_its_input_text(scripts, value):
    """A table's date cell as the row dialog and the chat show it («mars 2027») parses back to the
    stored value (an unchanged chat line keeps its row without parsing, so this is its own test)."""
    fld = conductor(scripts).field("t.tabell")
    col = fld.column("frist")
    kind = K.column_kind(col.kind)
    assert kind.parse_cell(kind.input_text(value), col, []) == (value, None)


cell_text = line_text.filter(lambda t: ";" not in t and "\t" not in t)
# The strategies a table row draws from, built once: hypothesis validates a strategy object at
# its first draw, so one built inside a draw is validated again at every example.
row_ids = st.lists(ids, min_size=1, max_size=5, unique=True)
cell_or_empty = st.one_of(st.just(""), cell_text)
number_or_empty = st.one_of(st.just(""), numbers)
date_or_empty = st.one_of(st.just(""), dates)
kinds_of_measure = st.sampled_from(["", "intern", "ekstern"])


@st.composite
def table_answer(draw):
    """Items of the list field, and table rows: the `fra` cell names an item (with refs) or is
    free text that names none."""
    items = draw(items_strategy(min_size=0, in_table=True))
    names = {i["tekst"].lower() for i in items}
    rows = []
    for row_id in draw(row_ids):
        row = {"id": row_id}
        if items and draw(st.booleans()):
            item = draw(st.sampled_from(items))
            row["tiltak"], row["refs"] = item["tekst"], {"tiltak": item["id"]}
        else:
            row["tiltak"] = draw(st.one_of(st.just(""), cell_text.filter(lambda t: t.lower() not in names)))
        row["ansvar"] = draw(cell_or_empty)
        row["antall"] = draw(number_or_empty)
        row["frist"] = draw(date_or_empty)
        row["art"] = draw(kinds_of_measure)
        if all(row[k] == "" for k in ("tiltak", "ansvar", "antall", "frist", "art")):
            row["ansvar"] = "NAV"
        rows.append(dict(sorted(row.items(), key=lambda kv: kv[0] == "refs")))
    return items, rows


@SETTINGS
@given(answer=table_answer())
def test_table(scripts, answer):
    items, rows = answer
    assert round_trip(scripts, "tabell", rows, {"t/liste": items}) == rows


ratings = st.integers(1, 4)
orphan_ratings = st.dictionaries(ids, st.fixed_dictionaries({"haster": ratings}), max_size=2)


@SETTINGS
@given(data=st.data())
def test_rating(scripts, data):
    items = data.draw(items_strategy())
    value = {i["id"]: {"haster": data.draw(ratings), "nytte": data.draw(ratings)} for i in items}
    orphans = data.draw(orphan_ratings)
    value.update({k: v for k, v in orphans.items() if k not in value})  # ratings of deleted items stay
    assert round_trip(scripts, "vurdering", value, {"t/liste": items}) == value


@SETTINGS
@given(data=st.data())
def test_selection(scripts, data):
    items = data.draw(items_strategy())
    one = data.draw(st.sampled_from(items))["id"]
    several = data.draw(st.lists(st.sampled_from([i["id"] for i in items]), min_size=1, unique=True))
    assert round_trip(scripts, "utvalg", one, {"t/liste": items}) == one
    assert round_trip(scripts, "utvalg_flere", several, {"t/liste": items}) == several


def test_every_kind_has_a_round_trip_property():
    tested = {"tekst", "liste", "valg", "flervalg", "tall", "dato", "tabell", "vurdering", "utvalg"}
    assert tested == set(K.names())


@st.composite
def choice_field(draw, kind: str):
    """A valg or flervalg field with any option names a prompt file can hold."""
    from bshp_tui.scripts.loader import Field, Option

    pairs = draw(items_strategy(min_size=1))
    options = [Option(p["id"], p["tekst"]) for p in pairs]
    return Field(id="f", kind=kind, question="?", script_id="t", step_id="s", line=1, options=options)


@SETTINGS
@given(fld=choice_field("valg"), data=st.data())
def test_choice_with_any_option_names(fld, data):
    kind = K.get("valg")
    value = data.draw(st.sampled_from([o.id for o in fld.options]))
    assert kind.parse(None, None, fld, kind.input_text(None, fld, value).strip()) == value


@SETTINGS
@given(fld=choice_field("flervalg"), data=st.data())
def test_multiple_choice_with_any_option_names(fld, data):
    kind = K.get("flervalg")
    value = data.draw(st.lists(st.sampled_from([o.id for o in fld.options]), min_size=1, unique=True))
    assert kind.parse(None, None, fld, kind.input_text(None, fld, value).strip()) == value


wild_cell = line_text.filter(lambda t: t[0] not in "-*•")
wild_cell_or_empty = st.one_of(st.just(""), wild_cell)
few_row_ids = st.lists(ids, min_size=1, max_size=4, unique=True)


@st.composite
def rows_with_separators(draw):
    """Rows whose text cells may hold semicolons and tabs (the row editor allows them), which the
    one-line-per-row input cannot tell from column separators."""
    rows = []
    for row_id in draw(few_row_ids):
        rows.append(
            {
                "id": row_id,
                "tiltak": draw(wild_cell),
                "ansvar": draw(wild_cell_or_empty),
                "antall": "",
                "frist": "",
                "art": "",
            }
        )
    return rows


@SETTINGS
@given(rows=rows_with_separators())
def test_table_rows_left_as_shown_are_kept_exactly(scripts, rows):
    c = conductor(scripts, {"t/liste": []})
    pos = position(c, "tabell")
    c.session.set_answer(pos.key, rows)
    text = initial_text(c, pos)
    assert c.parse(pos, text) == rows  # sent again as shown: nothing bent
    edited = c.parse(pos, text + "\nEt nytt tiltak; Kommunalsjef")
    assert edited[: len(rows)] == rows  # another row added: the others are kept exactly
    assert edited[-1]["tiltak"] == "Et nytt tiltak" and edited[-1]["ansvar"] == "Kommunalsjef"


cells_with_escapes = st.lists(
    line_text.filter(lambda t: "\t" not in t) | st.sampled_from(["a;b", "x\\", "\\;", "C:\\x"]), min_size=1, max_size=5
)


@SETTINGS
@given(cells=cells_with_escapes)
def test_a_row_line_reads_back_to_the_same_cells(cells):
    from bshp_tui.scripts.values import join_cells, split_cells

    assert split_cells(join_cells(cells)) == cells


@SETTINGS
@given(rows=rows_with_separators(), responsible=line_text.filter(lambda t: "\t" not in t and t[0] not in "-*•"))
def test_changing_one_cell_keeps_a_semicolon_in_another(scripts, rows, responsible):
    """A cell the row editor took with a semicolon in it («Eiendom; bolig») shows as «Eiendom\\; bolig»
    in the input, so changing another cell of that row in the text keeps it."""
    from bshp_tui.scripts.values import join_cells

    rows = [{**row, "tiltak": row["tiltak"].replace("\t", " ").strip() or "x"} for row in rows]
    c = conductor(scripts, {"t/liste": []})
    pos = position(c, "tabell")
    c.session.set_answer(pos.key, rows)
    lines = initial_text(c, pos).split("\n")
    lines[0] = join_cells([rows[0]["tiltak"], responsible, "", "", ""])
    edited = c.parse(pos, "\n".join(lines))
    assert edited[0]["tiltak"] == rows[0]["tiltak"] and edited[0]["ansvar"] == responsible
