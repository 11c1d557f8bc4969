"""Each field kind on its own: parse, the text for the input, the text for reading, the empty
check and the stored-value schema."""

import pytest
from kinds_fixture import conductor, load, position

from bshp_tui.scripts import kinds as K
from bshp_tui.scripts.values import ValidationError

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    return load(tmp_path_factory.mktemp("prompts"))


@pytest.fixture
def c(scripts):
    return conductor(scripts)


def field(c, fid):
    return c.field(f"t.{fid}")


def parse(c, fid, text):
    return c.parse(position(c, fid), text)


def give(c, fid, value):
    c.session.set_answer(position(c, fid).key, value)


LIST = [{"id": "a1", "tekst": "Bygge boliger"}, {"id": "b2", "tekst": "Boveiledning"}]


# -- the registry -------------------------------------------------------------------------------


def test_registry_has_every_kind_in_order():
    assert K.names() == ["tekst", "liste", "valg", "flervalg", "tall", "dato", "tabell", "vurdering", "utvalg"]
    assert all(K.get(n).name == n and K.get(n).description for n in K.names())
    with pytest.raises(KeyError):
        K.get("fargevelger")


def test_for_field_follows_the_fields_type(c):
    assert K.for_field(field(c, "tall")) is K.get("tall")
    assert sorted(K.COLUMN_KINDS) == ["dato", "fra", "tall", "tekst", "valg", "år"]
    assert K.column_kind("ukjent") is K.column_kind("tekst")


# -- tekst ----------------------------------------------------------------------------------------


def test_text(c):
    kind, fld = K.get("tekst"), field(c, "tekst")
    assert parse(c, "tekst", "  To boliger  ") == "To boliger"
    assert kind.input_text(c, fld, "Linje 1\n\nLinje 2") == "Linje 1\n\nLinje 2"
    assert kind.display_text(c, fld, "x") == "x"
    assert kind.is_empty("") and kind.is_empty(None) and not kind.is_empty("x")
    assert kind.stored_problem("x", fld) is None and kind.stored_problem("", fld) is None
    assert kind.stored_problem(12, fld) == "forventet tekst, fant et tall"
    assert kind.stored_problem(["x"], fld) == "forventet tekst, fant en liste"
    assert kind.stored_problem(True, fld) == "forventet tekst, fant en sannhetsverdi (true/false)"


def test_empty_answer_to_required_field_is_refused_with_a_message(c):
    with pytest.raises(ValidationError, match="må besvares"):
        parse(c, "tekst", "   ")


# -- liste ----------------------------------------------------------------------------------------


def test_list_parse_keeps_ids_of_unchanged_and_renamed_points(c):
    give(c, "liste", LIST)
    value = parse(c, "liste", "- Bygge flere boliger\n* Boveiledning\n\nNytt tiltak")
    assert [v["tekst"] for v in value] == ["Bygge flere boliger", "Boveiledning", "Nytt tiltak"]
    assert [v["id"] for v in value[:2]] == ["a1", "b2"]
    assert value[2]["id"] not in ("a1", "b2")


def test_list_texts(c):
    kind, fld = K.get("liste"), field(c, "liste")
    assert kind.input_text(c, fld, LIST) == "Bygge boliger\nBoveiledning"
    assert kind.display_text(c, fld, LIST) == "- Bygge boliger\n- Boveiledning"
    # A point that starts like a bullet gets one, so typing it back keeps the point whole.
    assert kind.input_text(c, fld, [{"id": "x", "tekst": "- minus"}]) == "- - minus"
    assert kind.default_text(c, position(c, "liste"), fld) == "Første forslag"
    assert kind.is_empty([]) and not kind.is_empty(LIST)


def test_list_entries_skip_what_cannot_be_an_item():
    kind = K.get("liste")
    assert kind.entries(LIST) == [("a1", "Bygge boliger"), ("b2", "Boveiledning")]
    assert kind.entries([None, {"tekst": "uten id"}, {"id": "c", "tekst": "  "}, {"id": 5, "tekst": "x"}]) == []
    assert kind.entries("en tekst") == [] and kind.entries(12) == []


def test_list_schema(c):
    kind, fld = K.get("liste"), field(c, "liste")
    assert kind.stored_problem(LIST, fld) is None
    assert kind.stored_problem([{"id": "a", "tekst": "x", "ekstra": 1}], fld) is None
    assert kind.stored_problem("x", fld) == "forventet en liste med punkter, fant en tekst"
    assert kind.stored_problem([None], fld) == "punkt 1: forventet et objekt med «id», fant ingenting (null)"
    assert kind.stored_problem([{"tekst": "x"}], fld) == "punkt 1: mangler «id» (tekst)"
    assert kind.stored_problem([{"id": "a", "tekst": 3}], fld) == "punkt 1: «tekst»: forventet tekst, fant et tall"
    assert kind.stored_problem(LIST + [{"id": "c"}], fld) == "punkt 3: «tekst»: forventet tekst, fant ingenting (null)"


# -- valg and flervalg ----------------------------------------------------------------------------


def test_choice(c):
    kind, fld = K.get("valg"), field(c, "valg")
    assert parse(c, "valg", "2") == "b"
    assert parse(c, "valg", "gamma") == "c"
    assert parse(c, "valg", "Alf") == "a"  # a unique start of a label
    with pytest.raises(ValidationError, match="ikke et av alternativene.*1\\) Alfa"):
        parse(c, "valg", "Delta")
    assert kind.input_text(c, fld, "b") == "Beta"
    assert kind.input_text(c, fld, "borte") == "borte"  # an option the prompt no longer has
    assert "1. Alfa\n2. Beta\n3. Gamma" == kind.question_hint(c, fld)
    assert kind.option_labels(fld) == ["Alfa", "Beta", "Gamma"] and kind.quick_choose
    assert kind.stored_problem("borte", fld) is None  # tolerated as an orphan
    assert kind.stored_problem(["a"], fld) == "forventet id-en til et alternativ (tekst), fant en liste"


def test_multiple_choice(c):
    kind, fld = K.get("flervalg"), field(c, "flervalg")
    assert parse(c, "flervalg", "1, 3") == ["a", "c"]
    assert parse(c, "flervalg", "3 1 3") == ["c", "a"]
    assert parse(c, "flervalg", "Beta; alfa") == ["b", "a"]
    assert kind.input_text(c, fld, ["a", "c"]) == "Alfa, Gamma"
    assert "komma mellom" in kind.question_hint(c, fld)
    assert kind.toggles_options and not kind.quick_choose
    assert kind.stored_problem(["a", "zz"], fld) is None
    assert kind.stored_problem("a", fld) == "forventet en liste med id-er til alternativer, fant en tekst"
    assert kind.stored_problem(["a", None], fld) == "valg 2: forventet en tekst, fant ingenting (null)"


# -- tall -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("12", 12),
        ("50 000", 50000),
        ("50.000", 50000),
        ("1,5", 1.5),
        ("-3", -3),
        ("12 boliger", 12),
        ("2 500 kr", 2500),
        ("1e3", 1000),
        ("123456789012345678901234567890", 123456789012345678901234567890),
    ],
)
def test_number_parse(c, typed, stored):
    value = parse(c, "tall", typed)
    assert value == stored and type(value) is type(stored)


@pytest.mark.parametrize("typed", ["mange", "nan", "inf", "-Infinity", "1e400", "12,5,3"])
def test_number_parse_refuses_what_is_not_a_finite_number(c, typed):
    with pytest.raises(ValidationError, match="er ikke et tall"):
        parse(c, "tall", typed)


def test_number_limits(c):
    assert parse(c, "grense", "100") == 100
    with pytest.raises(ValidationError, match="større enn 100"):
        parse(c, "grense", "101")
    with pytest.raises(ValidationError, match="mindre enn 0"):
        parse(c, "grense", "-1")


def test_number_texts(c):
    kind, fld = K.get("tall"), field(c, "tall")
    assert kind.input_text(c, fld, 50000) == f"50{NBSP}000"
    assert kind.input_text(c, fld, 1.5) == "1,50"
    assert kind.input_text(c, fld, 0.125) == "0,125"  # every decimal, so an edit does not round it
    assert kind.display_text(c, fld, 0.126) == "0,13 boliger"
    assert kind.display_text(c, fld, 50000) == f"50{NBSP}000 boliger"
    assert kind.display_text(c, field(c, "grense"), 7) == "7"
    assert kind.input_text(c, fld, 10**30).replace(NBSP, "") == str(10**30)
    assert kind.is_empty(None) and not kind.is_empty(0)


def test_number_schema(c):
    kind, fld = K.get("tall"), field(c, "tall")
    assert kind.stored_problem(3, fld) is None and kind.stored_problem(2.5, fld) is None
    assert kind.stored_problem("12", fld) == "forventet et tall, fant en tekst"
    assert kind.stored_problem(True, fld) == "forventet et tall, fant en sannhetsverdi (true/false)"


# -- dato -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("2028", "2028"),
        ("2028-6", "2028-06"),
        ("juni 2028", "2028-06"),
        ("15.06.2028", "2028-06-15"),
        ("6/2028", "2028-06"),
        ("15. juni 2028", "2028-06-15"),
        ("Løpende", "løpende"),
        ("arlig", "årlig"),
    ],
)
def test_date_parse(c, typed, stored):
    assert parse(c, "dato", typed) == stored


@pytest.mark.parametrize("typed", ["snart", "31.02.2028", "2028-13", "1800"])
def test_date_parse_refuses_with_examples(c, typed):
    with pytest.raises(ValidationError, match="dato"):
        parse(c, "dato", typed)


def test_date_texts_and_schema(c):
    kind, fld = K.get("dato"), field(c, "dato")
    assert kind.input_text(c, fld, "2028-06-15") == "2028-06-15"
    assert kind.display_text(c, fld, "2028-06-15") == "15. juni 2028"
    assert kind.display_text(c, fld, "2028-06") == "juni 2028"
    assert kind.display_text(c, fld, "løpende") == "løpende"
    assert kind.stored_problem("2028", fld) is None
    assert kind.stored_problem(2028, fld) == "forventet en dato skrevet som tekst, fant et tall"
