"""The answers' part of the session-format schema (kinds.answer_problems), and every text path
showing a stored value of any shape without raising."""

import json

import pytest
from helpers import shipped_scripts
from kinds_fixture import conductor, load, position
from walk import walk

from bshp_tui.guide.answer_text import display_value, format_value, initial_text
from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.transcript import build_turns
from bshp_tui.scripts import kinds as K

SHIPPED = shipped_scripts()


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    return load(tmp_path_factory.mktemp("prompts"))


def session_data(answers: dict) -> dict:
    return {
        "meta": {"1": {"app": "bshp", "schema_version": 1, "municipality": "Molde"}},
        "answers": {str(n): {"key": k, "value": v} for n, (k, v) in enumerate(answers.items(), start=1)},
    }


def test_a_session_the_app_wrote_has_no_problems(store):
    with store.create("Molde", "2027–2030") as session:
        walk(Conductor(SHIPPED, session))
        session_id = session.id
    data = json.loads(json.dumps(store.dump(session_id)))  # as read back from a file
    assert len(data["answers"]) > 60
    assert K.answer_problems(SHIPPED, data) == []


@pytest.mark.parametrize(
    "key, value, problem",
    [
        ("gap/status@a1b2c3", 12, "svar «gap/status@a1b2c3»: forventet tekst, fant et tall"),
        (
            "gap/malomrader",
            ["Boliger", None],
            "svar «gap/malomrader»: punkt 1: forventet et objekt med «id», fant en tekst",
        ),
        (
            "gap/malomrader",
            [None],
            "svar «gap/malomrader»: punkt 1: forventet et objekt med «id», fant ingenting (null)",
        ),
        (
            "prioritering/vurderinger",
            [["x", 3]],
            "svar «prioritering/vurderinger»: forventet et objekt med vurderinger per punkt, fant en liste",
        ),
        (
            "tiltak/handlingsplan@a1",
            [{"id": "r", "tiltak": "x", "refs": "a1"}],
            "svar «tiltak/handlingsplan@a1»: rad 1: «refs»: forventet et objekt med kolonne-id og punkt-id, fant en tekst",
        ),
        (
            "oppstart/plantype",
            ["temaplan"],
            "svar «oppstart/plantype»: forventet id-en til et alternativ (tekst), fant en liste",
        ),
        ("oppstart/sektorer", ["nav", 2], "svar «oppstart/sektorer»: valg 2: forventet en tekst, fant et tall"),
        ("kartlegging/antall", "tolv", "svar «kartlegging/antall»: forventet et tall, fant en tekst"),
        (
            "gammel/felt",
            float("nan"),
            "svar «gammel/felt»: verdien inneholder et tall som ikke er endelig (NaN eller uendelig)",
        ),
    ],
)
def test_wrong_shapes_are_named_by_record(key, value, problem):
    assert K.answer_problems(SHIPPED, session_data({key: value})) == [problem]


def test_the_cases_above_name_fields_that_exist():
    kinds = {f"{s.id}/{f.id}": f.kind for s in SHIPPED for f in s.fields()}
    assert kinds["gap/status"] == "tekst" and kinds["prioritering/vurderinger"] == "vurdering"
    assert kinds["tiltak/handlingsplan"] == "tabell" and kinds["kartlegging/antall"] == "tall"


def test_orphans_and_empty_values_are_allowed():
    data = session_data(
        {
            "gammel/felt@x": {"hva": [1, "to", None, {"tre": 3.5}]},
            "gap/status": "",
            "kartlegging/antall": None,
            "gap/malomrader": [],
        }
    )
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
    problems = K.answer_problems(
        SHIPPED, session_data({"gap/status\nSKADET\u202e": float("inf"), "x" * 200: float("inf")})
    )
    assert problems[0].startswith("svar «gap/status\\u000aSKADET\\u202e»")
    assert "\n" not in problems[0] and len(problems[1]) < 200


# -- any value, any kind: shown as text, never a traceback --------------------------------------

GARBAGE = [
    None,
    "",
    "tekst",
    0,
    -7,
    1.25,
    10**30,
    True,
    False,
    [],
    {},
    [None],
    ["a", 1],
    [{"id": 3}],
    [{"id": "x", "tekst": None, "refs": "a1"}],
    {"a1": [1, 2]},
    {"a1": {"haster": "høy"}},
    {"id": "r", "tekst": "obj"},
    [[[]]],
    "2028-99",
    "2028-00",
]


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

    from bshp_tui.guide.measures import ranked_measures

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
        {"id": "", "tekst": "Håndskrevet"},
        {"id": "", "tekst": "4"},
    ]
    assert K.readable(fields["flervalg"], "a") == ["a"]
    assert K.readable(fields["utvalg"], 5) == "5"
    assert K.readable(fields["tabell"], [{"id": "r", "antall": "fire", "refs": "a1"}, 7]) == [
        {"id": "r", "antall": "fire"},
        {"id": "", "tiltak": "7"},
    ]
    assert K.readable(fields["vurdering"], {"a": {"haster": 9, "nytte": 2}, "b": 3}) == {"a": {"nytte": 2}}
    assert K.readable(fields["tekst"], "") is None and K.readable(fields["liste"], {}) is None
    good = [{"id": "a", "tekst": "x"}]
    assert K.readable(fields["liste"], good) is good


@pytest.fixture(scope="module")
def walked() -> dict:
    """The answers of a session walked to the end (walked once for all the values below)."""
    from kinds_fixture import MemorySession

    base = MemorySession()
    walk(Conductor(SHIPPED, base))
    return base.answers()


READERS = {
    "health_report": "health",
    "build_turns": "turns",
    "build_documents": "documents",
    "build_document": "documents",
}


def every_reader(answers: dict, broken: list[str], value, record: bool = True, only: set[str] | None = None) -> dict:
    """The answers with `value` in the `broken` ones, through every reader of answers: the health
    report, the transcript and every document, complete (or `only` those of them named, from
    READERS). Where each answer was read (when `record`: noting each read's calls costs a third
    of a pass)."""
    from gate_groups import ReadingSession
    from kinds_fixture import MemorySession

    from bshp_tui.export.document import DOCUMENTS, build_document, build_documents
    from bshp_tui.guide.health import health_report

    session = ReadingSession(answers) if record else MemorySession(answers)
    for key in broken:
        session.set_answer(key, value)
    c = Conductor(SHIPPED, session)
    if only is None or "health" in only:
        health_report(c)
    if only is None or "turns" in only:
        build_turns(c)
    if only is None or "documents" in only:
        built = build_documents(c)  # every document, complete, in one pass
        for kind in DOCUMENTS.keys() - built.documents.keys():
            build_document(c, kind)
    return session.reads if isinstance(session, ReadingSession) else {}


def readers_of(places: set) -> set[str] | None:
    """The readers (as every_reader names them) whose calls reached `places`; None if one was
    reached some other way (then every reader runs)."""
    names = {READERS.get(path[-1].co_name) for path in places}
    return None if None in names else names


@pytest.fixture(scope="module")
def gated(walked) -> tuple[list[str], dict[str, str], dict]:
    """The walked answers of the fields no other answer hangs on; one answer of each gate (the
    answers of a repeated step, `sterke@nav` and `sterke@helse`, share their readers); and where a
    fully answered session reads each answer."""
    from gate_groups import gates

    found = gates(SHIPPED)

    def field_of(key: str) -> str:
        return key.split("@")[0].replace("/", ".", 1)

    rest = [key for key in walked if field_of(key) not in found]
    one_per_gate = {field_of(key): key for key in reversed(list(walked)) if field_of(key) in found}
    assert rest and one_per_gate
    return rest, one_per_gate, every_reader(walked, [], None)


@pytest.mark.parametrize("value", GARBAGE, ids=repr)
def test_documents_and_health_survive_any_value_in_any_field(value, walked, gated):
    """Every field gets the value. The fields no other answer hangs on all at once (each is only
    read by its own placement, so they cannot hide each other); the gates in groups that hang on
    none of each other by the prompt files' links, the rest keeping their walked answers. A gate
    counts as tested in its group's pass only if it was read wherever a fully answered session
    reads it (another gate's value can hide its readers); the others get a pass of their own,
    through the readers that missed them."""
    from gate_groups import gate_groups, hidden

    rest, one_per_gate, clean = gated
    every_reader(walked, rest, value)
    alone = {}  # gate -> the readers that missed it in its group's pass
    for group in gate_groups(SHIPPED, sorted(one_per_gate)):
        keys = [one_per_gate[ref] for ref in group]
        reads = every_reader(walked, keys, value)
        if len(keys) > 1:
            alone |= {key: readers_of(missed) for key in keys if (missed := hidden(clean, reads, key))}
    for key, readers in alone.items():
        every_reader(walked, [key], value, record=False, only=readers)


def test_gates_that_hang_on_each_other_never_share_a_pass(gated):
    from gate_groups import gate_groups, linked

    _, one_per_gate, _ = gated
    groups = gate_groups(SHIPPED, sorted(one_per_gate))
    assert sorted(ref for g in groups for ref in g) == sorted(one_per_gate)
    assert len(groups) < len(one_per_gate) / 2  # worth grouping at all
    for group in groups:
        assert not [(a, b) for a in group for b in group if a < b and linked(SHIPPED, a, b)], group
    assert linked(SHIPPED, "gap.malomrader", "prioritering.vurderinger")  # through gap.tiltak


def test_a_gate_read_less_in_a_shared_pass_gets_its_own(walked, gated):
    """The check above at work: the goal areas broken together with the status of one area (a
    step repeated over the areas) hide that status's readers, and the check sees it; so does the
    plan period, whose cost years the action plan's cost readers hang on (a rule in the code, not
    a link in the prompt files)."""
    from gate_groups import hidden

    _, one_per_gate, clean = gated
    status, plan = one_per_gate["gap.status"], one_per_gate["tiltak.handlingsplan"]
    reads = every_reader(walked, [one_per_gate["gap.malomrader"], status], "tekst")
    assert hidden(clean, reads, status)
    reads = every_reader(walked, [one_per_gate["oppstart.planperiode"], plan], "tekst")
    assert hidden(clean, reads, plan)
    reads = every_reader(walked, [status], "tekst")
    assert not hidden(clean, reads, status)


def test_a_value_of_the_wrong_shape_is_shown_in_the_document():
    from kinds_fixture import MemorySession

    from bshp_tui.export.document import build_document

    session = MemorySession()
    walk(Conductor(SHIPPED, session))
    for key in [k for k in session.answers() if k.startswith("oppstart/sterke@")]:
        session.set_answer(key, "Håndskrevet")  # a list answer stored as text
    session.set_answer("gap/visjon", ["Visjonstekst"])  # a text answer stored as a list
    texts = {
        kind: json.dumps(build_document(Conductor(SHIPPED, session), kind)[0], ensure_ascii=False)
        for kind in ("plan", "grunnlag", "arbeidsdokumenter")
    }
    assert any("Håndskrevet" in t for t in texts.values())
    assert any("Visjonstekst" in t for t in texts.values())
