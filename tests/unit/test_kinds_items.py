"""The kinds that work with items of an earlier field (tabell, vurdering, utvalg) and the column
kinds of a table, each on its own."""

import pytest
from kinds_fixture import conductor, load, position

from bshp_tui.scripts import kinds as K
from bshp_tui.scripts.values import ValidationError

NBSP = "\u00a0"
LIST = [{"id": "a1", "tekst": "Bygge boliger"}, {"id": "b2", "tekst": "Boveiledning"}]
ROW = {
    "id": "r1",
    "tiltak": "Bygge boliger",
    "ansvar": "NAV",
    "antall": 4,
    "frist": "2028-06",
    "art": "intern",
    "refs": {"tiltak": "a1"},
}


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    return load(tmp_path_factory.mktemp("prompts"))


@pytest.fixture
def c(scripts):
    return conductor(scripts, {"t/liste": LIST})


def field(c, fid):
    return c.field(f"t.{fid}")


def parse(c, fid, text):
    return c.parse(position(c, fid), text)


def give(c, fid, value):
    c.session.set_answer(position(c, fid).key, value)


# -- tabell ---------------------------------------------------------------------------------------


def test_table_parse_reads_each_column_by_its_kind(c):
    rows = parse(c, "tabell", "bygge boliger; NAV; 4; juni 2028; Intern\nEget tiltak; ; 2 500 kr")
    first, second = rows
    assert {k: v for k, v in first.items() if k != "id"} == {
        "tiltak": "Bygge boliger",
        "ansvar": "NAV",
        "antall": 4,
        "frist": "2028-06",
        "art": "intern",
        "refs": {"tiltak": "a1"},
    }
    assert second["tiltak"] == "Eget tiltak" and second["antall"] == 2500 and "refs" not in second
    assert first["id"] != second["id"]


def test_table_parse_names_the_line_and_column(c):
    with pytest.raises(ValidationError, match="Linje 2: Antall: «mange» er ikke et tall"):
        parse(c, "tabell", "a; b; 1\nc; d; mange")
    with pytest.raises(ValidationError, match="Linje 1: Art: «kanskje» er ikke et gyldig valg"):
        parse(c, "tabell", "a; b; 1; 2028; kanskje")
    with pytest.raises(ValidationError, match="har 6 deler, men tabellen har 5 kolonner"):
        parse(c, "tabell", "a; b; 1; 2028; intern; for mye")


def test_table_rows_keep_their_ids_when_edited(c):
    give(c, "tabell", [ROW])
    rows = parse(c, "tabell", "Bygge boliger; Kommunen; 4; 2028-06; intern\nNy rad")
    assert rows[0]["id"] == "r1" and rows[0]["ansvar"] == "Kommunen"
    assert rows[1]["id"] != "r1"


def test_table_texts_follow_a_renamed_item(c):
    kind, fld = K.get("tabell"), field(c, "tabell")
    give(c, "liste", [{"id": "a1", "tekst": "Bygge flere boliger"}])
    row = dict(ROW, antall=12500)
    assert kind.input_text(c, fld, [row]) == f"Bygge flere boliger; NAV; 12{NBSP}500; juni 2028; intern"
    assert kind.display_text(c, fld, [row]) == (
        f"- Tiltak: Bygge flere boliger; Ansvarlig: NAV; Antall: 12{NBSP}500; Frist: juni 2028; Art: intern"
    )
    # Typed back, the row keeps its id and follows the item under its new name.
    give(c, "tabell", [row])
    again = parse(c, "tabell", kind.input_text(c, fld, [row]))
    assert again == [dict(row, tiltak="Bygge flere boliger")]


def test_table_row_from_the_row_editor_keeps_following_an_unchanged_item(c):
    kind, fld = K.get("tabell"), field(c, "tabell")
    give(c, "liste", [{"id": "a1", "tekst": "Omdøpt"}])
    old = dict(ROW, tiltak="Gammelt navn")
    row = kind.parse_row(c, fld, ["Omdøpt", "NAV", "4", "", ""], old=old)
    assert row["refs"] == {"tiltak": "a1"}
    fresh = kind.parse_row(c, fld, ["Noe annet", "NAV", "", "", ""], old=old)
    assert "refs" not in fresh


def test_table_entries_and_defaults(c):
    kind, fld = K.get("tabell"), field(c, "tabell")
    assert kind.entries([ROW, None, {"ansvar": "uten id"}], "ansvar") == [("r1", "NAV")]
    assert kind.entries("tekst", "ansvar") == []
    assert kind.default_text(c, position(c, "tabell"), fld) == ""
    assert "Tiltak; Ansvarlig; Antall; Frist; Art" in kind.question_hint(c, fld)


def test_table_schema(c):
    kind, fld = K.get("tabell"), field(c, "tabell")
    assert kind.stored_problem([ROW], fld) is None
    assert kind.stored_problem([dict(ROW, antall="", frist=None)], fld) is None  # empty cells
    assert kind.stored_problem([{"id": "r", "gammel_kolonne": [1, 2]}], fld) is None  # renamed column
    assert kind.stored_problem({"id": "r"}, fld) == "forventet en liste med rader, fant et objekt"
    assert kind.stored_problem([ROW, None], fld) == "rad 2: forventet et objekt med «id», fant ingenting (null)"
    assert kind.stored_problem([{"ansvar": "x"}], fld) == "rad 1: mangler «id» (tekst)"
    assert kind.stored_problem([dict(ROW, antall="fire")], fld) == (
        "rad 1: kolonnen «antall»: forventet et tall, fant en tekst"
    )
    assert kind.stored_problem([dict(ROW, ansvar=3)], fld) == "rad 1: kolonnen «ansvar»: forventet tekst, fant et tall"
    assert kind.stored_problem([dict(ROW, refs="a1")], fld) == (
        "rad 1: «refs»: forventet et objekt med kolonne-id og punkt-id, fant en tekst"
    )
    assert kind.stored_problem([dict(ROW, refs={"tiltak": 1})], fld) == (
        "rad 1: «refs»: «tiltak» skal være id-en til et punkt (tekst), men er et tall"
    )


def test_orphan_cell_keeps_its_last_text(c):
    fld = field(c, "tabell")
    give(c, "liste", [{"id": "b2", "tekst": "Boveiledning"}])
    assert c.cell(fld, ROW, "tiltak") == "Bygge boliger"
    assert c.is_orphan_cell(fld, ROW, "tiltak")
    assert not c.is_orphan_cell(fld, ROW, "ansvar")
    assert c.cell(fld, dict(ROW, refs="a1"), "tiltak") == "Bygge boliger"  # refs of the wrong shape
    assert c.cell(fld, "ikke en rad", "tiltak") == "" and not c.is_orphan_cell(fld, None, "tiltak")


# -- column kinds ---------------------------------------------------------------------------------


def test_column_kinds(c):
    cols = {col.id: col for col in field(c, "tabell").columns}
    items = c.items("t.liste")
    number, date, choice, item = (K.column_kind(n) for n in ("tall", "dato", "valg", "fra"))
    assert number.parse_cell("1 000", cols["antall"], []) == (1000, None)
    assert number.parse_cell("", cols["antall"], []) == ("", None)
    assert date.parse_cell("juni 2028", cols["frist"], []) == ("2028-06", None)
    assert choice.parse_cell("EKSTERN", cols["art"], []) == ("ekstern", None)
    assert item.parse_cell("boveiledning", cols["tiltak"], items) == ("Boveiledning", "b2")
    assert item.parse_cell("Nytt", cols["tiltak"], items) == ("Nytt", None)
    assert number.display(1234.5) == f"1{NBSP}234,50" and number.input_text(1234.5) == f"1{NBSP}234,50"
    assert date.display("2028-06-01") == "1. juni 2028" and date.input_text("2028-06-01") == "1. juni 2028"
    assert number.hint(cols["antall"]) == " – skriv et tall" and choice.hint(cols["art"]) == " (intern, ekstern)"
    assert number.stored_problem("", cols["antall"]) is None
    assert date.stored_problem(2028, cols["frist"]) == "forventet en dato skrevet som tekst, fant et tall"


@pytest.mark.parametrize("value", [None, "", 0, -1.25, True, [1, None], {"a": [None]}, "tekst"])
def test_column_kinds_show_any_value_as_text(value):
    for kind in K.COLUMN_KINDS.values():
        assert isinstance(kind.display(value), str) and isinstance(kind.input_text(value), str)


# -- vurdering ------------------------------------------------------------------------------------


def test_rating_parse_and_texts(c):
    kind, fld = K.get("vurdering"), field(c, "vurdering")
    value = parse(c, "vurdering", "3 4\n1, 2")
    assert value == {"a1": {"haster": 3, "nytte": 4}, "b2": {"haster": 1, "nytte": 2}}
    assert kind.input_text(c, fld, value) == "3 4\n1 2"
    # in the words of the pole the rating leans to
    assert kind.display_text(c, fld, value) == (
        "- Bygge boliger: nærmest haster (3), stor (4)\n- Boveiledning: kan vente (1), nærmest liten (2)"
    )
    assert kind.input_text(c, fld, {"a1": {"haster": 2}}) == "2 -\n- -"


def test_rating_parse_refuses_wrong_lines(c):
    with pytest.raises(ValidationError, match="Skriv én linje per tiltak \\(2 linjer\\)"):
        parse(c, "vurdering", "3 4")
    with pytest.raises(ValidationError, match="«Boveiledning»: skriv 2 tall fra 1 til 4"):
        parse(c, "vurdering", "3 4\n1 5")


def test_rating_parse_keeps_ratings_of_items_no_longer_listed(c):
    give(c, "vurdering", {"gammel": {"haster": 1, "nytte": 1}})
    assert parse(c, "vurdering", "1 1\n2 2")["gammel"] == {"haster": 1, "nytte": 1}


def test_rating_is_answered_only_when_every_item_is_rated(c):
    kind, fld = K.get("vurdering"), field(c, "vurdering")
    partial = {"a1": {"haster": 3, "nytte": 4}}
    give(c, "vurdering", partial)
    assert not kind.is_answered(c, fld, partial)
    full = dict(partial, b2={"haster": 1, "nytte": 1})
    give(c, "vurdering", full)
    assert kind.is_answered(c, fld, full)
    give(c, "vurdering", [["a1", 3]])  # ratings as a list
    assert not c.is_answered(position(c, "vurdering")) and len(c.unrated(fld)) == 2


def test_rating_schema(c):
    kind, fld = K.get("vurdering"), field(c, "vurdering")
    assert kind.stored_problem({"a1": {"haster": 3}}, fld) is None
    assert kind.stored_problem([["a1", 3]], fld) == "forventet et objekt med vurderinger per punkt, fant en liste"
    assert (
        kind.stored_problem({"a1": 3}, fld)
        == "punkt «a1»: forventet et objekt med en vurdering per skala, fant et tall"
    )
    assert kind.stored_problem({"a1": {"haster": "3"}}, fld) == (
        "punkt «a1», skala «haster»: forventet et heltall fra 1 til 4, fant en tekst"
    )
    assert (
        kind.stored_problem({"a1": {"haster": 9}}, fld)
        == "punkt «a1», skala «haster»: vurderingen 9 er ikke fra 1 til 4"
    )
    assert kind.stored_problem({"a1": {"haster": True}}, fld).endswith("fant en sannhetsverdi (true/false)")


# -- utvalg ---------------------------------------------------------------------------------------


def test_selection(c):
    kind, fld = K.get("utvalg"), field(c, "utvalg")
    assert parse(c, "utvalg", "2") == "b2"
    assert parse(c, "utvalg_flere", "1, Boveiledning") == ["a1", "b2"]
    assert kind.input_text(c, fld, "b2") == "Boveiledning"
    assert kind.input_text(c, field(c, "utvalg_flere"), ["a1", "borte"]) == "Bygge boliger, (slettet)"
    assert kind.question_hint(c, fld) == "1. Bygge boliger\n2. Boveiledning"
    give(c, "tabell", [dict(ROW, ansvar="NAV *viktig*")])
    assert parse(c, "rad", "1") == "r1"
    assert kind.question_hint(c, field(c, "rad")) == "1. NAV \\*viktig\\*"


def test_selection_without_items_says_what_to_do(scripts):
    c = conductor(scripts)
    with pytest.raises(ValidationError, match="ingen punkter å velge blant"):
        c.parse(position(c, "utvalg"), "1")
    assert K.get("utvalg").question_hint(c, c.field("t.utvalg")) == "*(ingen punkter ennå)*"


def test_selection_schema(c):
    kind, fld = K.get("utvalg"), field(c, "utvalg")
    assert kind.stored_problem("a1", fld) is None and kind.stored_problem(["a1", "b2"], fld) is None
    assert kind.stored_problem(["a1", None], fld) == "punkt 2: forventet en tekst, fant ingenting (null)"
    assert kind.stored_problem(7, fld) == "forventet id-en til et punkt, eller en liste med id-er, fant et tall"


def test_selection_of_points_with_commas_in_their_names(c):
    give(
        c,
        "liste",
        [
            {"id": "a1", "tekst": "Bolig, helse og omsorg"},
            {"id": "b2", "tekst": "Ja, god nok"},
            {"id": "c3", "tekst": "Ja"},
        ],
    )
    fld = field(c, "utvalg_flere")
    text = K.get("utvalg").input_text(c, fld, ["a1", "b2", "c3"])
    assert text == "Bolig, helse og omsorg, Ja, god nok, Ja"
    assert parse(c, "utvalg_flere", text) == ["a1", "b2", "c3"]
    assert parse(c, "utvalg_flere", "Ja; 1") == ["c3", "a1"]
