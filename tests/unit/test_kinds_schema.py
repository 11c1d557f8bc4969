"""The answers' part of the session-format schema (kinds.answer_problems), and every text path
showing a stored value of any shape without raising."""

import json

import pytest
from helpers import ROOT
from kinds_fixture import conductor, load, position
from walk import walk

from bshp_tui.guide.answer_text import display_value, format_value, initial_text
from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.transcript import build_turns
from bshp_tui.scripts import kinds as K
from bshp_tui.scripts import refs as R
from bshp_tui.scripts.loader import load_folder

SHIPPED = load_folder(ROOT / "prompts")


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    return load(tmp_path_factory.mktemp("prompts"))


def session_data(answers: dict) -> dict:
    return {"meta": {"1": {"app": "bshp", "schema_version": 1, "municipality": "Molde"}},
            "answers": {str(n): {"key": k, "value": v} for n, (k, v) in enumerate(answers.items(), start=1)}}


def test_a_session_the_app_wrote_has_no_problems(store):
    with store.create("Molde", "2027–2030") as session:
        walk(Conductor(SHIPPED, session))
        session_id = session.id
    data = json.loads(json.dumps(store.dump(session_id)))  # as read back from a file
    assert len(data["answers"]) > 60
    assert K.answer_problems(SHIPPED, data) == []


@pytest.mark.parametrize("key, value, problem", [
    ("gap/status@a1b2c3", 12, "svar «gap/status@a1b2c3»: forventet tekst, fant et tall"),
    ("gap/malomrader", ["Boliger", None], "svar «gap/malomrader»: punkt 1: forventet et objekt med «id», fant en tekst"),
    ("gap/malomrader", [None], "svar «gap/malomrader»: punkt 1: forventet et objekt med «id», fant ingenting (null)"),
    ("prioritering/vurderinger", [["x", 3]], "svar «prioritering/vurderinger»: forventet et objekt med vurderinger per punkt, fant en liste"),
    ("tiltak/handlingsplan@a1", [{"id": "r", "tiltak": "x", "refs": "a1"}],
     "svar «tiltak/handlingsplan@a1»: rad 1: «refs»: forventet et objekt med kolonne-id og punkt-id, fant en tekst"),
    ("oppstart/plantype", ["temaplan"], "svar «oppstart/plantype»: forventet id-en til et alternativ (tekst), fant en liste"),
    ("oppstart/sektorer", ["nav", 2], "svar «oppstart/sektorer»: valg 2: forventet en tekst, fant et tall"),
    ("kartlegging/antall", "tolv", "svar «kartlegging/antall»: forventet et tall, fant en tekst"),
    ("gammel/felt", float("nan"), "svar «gammel/felt»: verdien inneholder et tall som ikke er endelig (NaN eller uendelig)"),
])
def test_wrong_shapes_are_named_by_record(key, value, problem):
    assert K.answer_problems(SHIPPED, session_data({key: value})) == [problem]


def test_the_cases_above_name_fields_that_exist():
    kinds = {f"{s.id}/{f.id}": f.kind for s in SHIPPED for f in s.fields()}
    assert kinds["gap/status"] == "tekst" and kinds["prioritering/vurderinger"] == "vurdering"
    assert kinds["tiltak/handlingsplan"] == "tabell" and kinds["kartlegging/antall"] == "tall"


def test_orphans_and_empty_values_are_allowed():
    data = session_data({"gammel/felt@x": {"hva": [1, "to", None, {"tre": 3.5}]}, "gap/status": "",
                         "kartlegging/antall": None, "gap/malomrader": []})
    assert K.answer_problems(SHIPPED, data) == []


def test_records_without_key_or_value_and_duplicates():
    data = session_data({"gap/status": "ok"})
    data["answers"]["2"] = {"key": "gap/status", "value": "igjen"}
    data["answers"]["3"] = {"key": "gap/visjon"}
    data["answers"]["4"] = {"value": "uten nøkkel"}
    data["answers"]["5"] = ["ikke et objekt"]
    assert K.answer_problems(SHIPPED, data) == [
        "svar «gap/status» står to ganger (post 1 og 2)",
        "svar «gap/visjon»: mangler «value» (selve svaret)",
        "svar nr. 4: mangler «key» (hvilket spørsmål svaret hører til)",
        "svar nr. 5: posten er ikke et objekt",
    ]
    assert K.answer_problems(SHIPPED, {"answers": []}) == ["tabellen «answers» er ikke et objekt"]
    assert K.answer_problems(SHIPPED, {"meta": {}}) == []


def test_deep_nesting_is_refused_without_recursion():
    value: list = []
    for _ in range(100_000):
        value = [value]
    problems = K.answer_problems(SHIPPED, session_data({"gammel/felt": value}))
    assert problems == ["svar «gammel/felt»: verdien er nøstet for dypt (mer enn 20 nivåer)"]


def test_keys_are_shown_as_one_visible_line():
    problems = K.answer_problems(SHIPPED, session_data({"gap/status\nSKADET\u202e": float("inf"), "x" * 200: float("inf")}))
    assert problems[0].startswith("svar «gap/status\\u000aSKADET\\u202e»")
    assert "\n" not in problems[0] and len(problems[1]) < 200


# -- any value, any kind: shown as text, never a traceback --------------------------------------

GARBAGE = [None, "", "tekst", 0, -7, 1.25, 10**30, True, False, [], {}, [None], ["a", 1], [{"id": 3}],
           [{"id": "x", "tekst": None, "refs": "a1"}], {"a1": [1, 2]}, {"a1": {"haster": "høy"}},
           {"id": "r", "tekst": "obj"}, [[[]]], "2028-99", "2028-00"]


@pytest.mark.parametrize("value", GARBAGE, ids=repr)
def test_every_kind_shows_any_value(scripts, value):
    c = conductor(scripts, {"t/liste": [{"id": "a1", "tekst": "Punkt"}]})
    for fld in scripts[0].fields():
        kind = K.for_field(fld)
        c.session.set_answer(position(c, fld.id).key, value)
        for text in (format_value(c, fld, value), display_value(c, fld, value), initial_text(c, position(c, fld.id))):
            assert isinstance(text, str)
        kind.is_answered(c, fld, value)
        kind.entries(value, "ansvar")
        assert kind.stored_problem(value, fld) is None or isinstance(kind.stored_problem(value, fld), str)


@pytest.mark.parametrize("value", GARBAGE, ids=repr)
def test_transcript_and_items_survive_any_value_in_every_field(scripts, value):
    answers = {f"t/{fld.id}": value for fld in scripts[0].fields()}
    c = conductor(scripts, answers)
    turns = build_turns(c)
    assert turns and all(isinstance(t.text, str) for t in turns)
    c.items("t.liste"), c.items("t.tabell", "ansvar"), c.positions(), c.overall_progress()


def test_a_value_of_the_wrong_shape_reads_as_plain_text(scripts):
    c = conductor(scripts)
    fld = c.field("t.liste")
    assert display_value(c, fld, "skrevet for hånd") == "skrevet for hånd"
    assert format_value(c, c.field("t.tekst"), ["a", None]) == '["a", null]'
    assert display_value(c, c.field("t.tall"), "12") == "12"


def test_ratings_stored_as_a_list_neither_break_ranking_nor_rating(store):
    from kinds_fixture import MemorySession

    from bshp_tui.guide.health import ranked_measures

    session = MemorySession()
    c = Conductor(SHIPPED, session)
    walk(c)
    session.set_answer("prioritering/vurderinger", [["x", 3]])
    ranked = ranked_measures(c)
    assert ranked and all(m.score is None for m in ranked)
    fld = c.field("prioritering.vurderinger")
    first = c.items(fld.ref, fld.ref_column)[0]
    c.set_rating(fld, first.id, fld.scales[0].id, 3)
    assert session.answer("prioritering/vurderinger") == {first.id: {fld.scales[0].id: 3}}


# -- readers of answers: documents and health remarks -------------------------------------------


def test_readable_gives_each_kind_its_shape(scripts):
    fields = {f.id: f for f in scripts[0].fields()}
    assert K.readable(fields["tekst"], ["a", 1]) == '["a", 1]'
    assert K.readable(fields["liste"], ["Håndskrevet", None, {"id": 3, "tekst": 4}]) == [
        {"id": "", "tekst": "Håndskrevet"}, {"id": "", "tekst": "4"}]
    assert K.readable(fields["flervalg"], "a") == ["a"]
    assert K.readable(fields["utvalg"], 5) == "5"
    assert K.readable(fields["tabell"], [{"id": "r", "antall": "fire", "refs": "a1"}, 7]) == [
        {"id": "r", "antall": "fire"}, {"id": "", "tiltak": "7"}]
    assert K.readable(fields["vurdering"], {"a": {"haster": 9, "nytte": 2}, "b": 3}) == {"a": {"nytte": 2}}
    assert K.readable(fields["tekst"], "") is None and K.readable(fields["liste"], {}) is None
    good = [{"id": "a", "tekst": "x"}]
    assert K.readable(fields["liste"], good) is good


def _gates() -> set[str]:
    """The fields other answers hang on ("script.field"): the lists a step repeats over or a field
    takes its items from, the answers a condition reads, and the fields the plan's own rules read
    (scripts/refs.py). A broken value there can hide the readers of the answers that depend on it."""
    from bshp_tui.scripts.refs import Ref

    gates = {ref.field for ref in vars(R).values() if isinstance(ref, Ref)}
    for script in SHIPPED:
        for step in script.steps:
            gates.update(filter(None, [step.repeat, step.condition and step.condition.ref]))
            for fld in step.fields:
                gates.update(filter(None, [fld.ref, fld.condition and fld.condition.ref]))
                gates.update(col.ref for col in fld.columns if col.ref)
    return gates


@pytest.fixture(scope="module")
def walked() -> dict:
    """The answers of a session walked to the end (walked once for all the values below)."""
    from kinds_fixture import MemorySession

    base = MemorySession()
    walk(Conductor(SHIPPED, base))
    return base.answers()


@pytest.mark.parametrize("value", GARBAGE, ids=repr)
def test_documents_and_health_survive_any_value_in_any_field(value, walked):
    """Every field gets the value: the fields others hang on one at a time (the rest keep their
    walked answers, so every reader behind them runs), all the other fields at once (each is only
    read by its own placement, so they cannot hide each other)."""
    from kinds_fixture import MemorySession

    from bshp_tui.export.document import DOCUMENTS, build_document, build_documents
    from bshp_tui.guide.health import health_report

    base = MemorySession(walked)
    gates = _gates()

    def field_of(key: str) -> str:
        return key.split("@")[0].replace("/", ".", 1)

    rest = [key for key in base.answers() if field_of(key) not in gates]
    # The answers of a repeated step (`sterke@nav`, `sterke@helse`) share a reader: one of them.
    one_per_gate = {field_of(key): key for key in reversed(list(base.answers())) if field_of(key) in gates}
    assert rest and one_per_gate
    for keys in [rest, *([key] for key in one_per_gate.values())]:
        session = MemorySession(base.answers())
        for key in keys:
            session.set_answer(key, value)
        c = Conductor(SHIPPED, session)
        health_report(c)
        build_turns(c)
        built = build_documents(c)  # every document, complete, in one pass
        for kind in DOCUMENTS.keys() - built.documents.keys():
            build_document(c, kind)


def test_a_value_of_the_wrong_shape_is_shown_in_the_document():
    from kinds_fixture import MemorySession

    from bshp_tui.export.document import build_document

    session = MemorySession()
    walk(Conductor(SHIPPED, session))
    for key in [k for k in session.answers() if k.startswith("oppstart/sterke@")]:
        session.set_answer(key, "Håndskrevet")  # a list answer stored as text
    session.set_answer("gap/visjon", ["Visjonstekst"])  # a text answer stored as a list
    texts = {kind: json.dumps(build_document(Conductor(SHIPPED, session), kind)[0], ensure_ascii=False)
             for kind in ("plan", "grunnlag", "arbeidsdokumenter")}
    assert any("Håndskrevet" in t for t in texts.values())
    assert any("Visjonstekst" in t for t in texts.values())
