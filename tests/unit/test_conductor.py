"""The conductor alone: a full walk, navigation, conditions, repeats, edits and validation."""

import pytest
from helpers import shipped_scripts
from walk import answer_for, walk

from bshp_tui.guide.answer_text import initial_text
from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.measures import ranked_measures
from bshp_tui.scripts.values import ValidationError

SCRIPTS = shipped_scripts()


@pytest.fixture
def session(store):
    with store.create("Molde", "2027–2030") as s:
        yield s


@pytest.fixture
def c(session):
    return Conductor(SCRIPTS, session)


def pos(c, script, field, item=None):
    fld = c.field(f"{script}.{field}")
    return Position(script, fld.step_id, item, field)


def area_ids(c):
    return {i.text: i.id for i in c.items("gap.malomrader")}


def test_scripted_walk_reaches_100_percent(c, session):
    assert c.cursor() == Position("oppstart", "plantype", None, "plantype")
    assert c.overall_progress() == 0
    given = walk(c)
    assert given > 60
    assert c.cursor() is None and c.resume_point() is None
    assert c.overall_progress() == 1.0
    # every guided session with required questions is complete; the follow-up after adoption has
    # none, so an empty follow-up never makes a plan look unfinished
    assert all(c.script_progress(s.id) == 1.0 for s in SCRIPTS if any(f.required for f in s.fields()))
    assert session.meta["progress"] == 1.0
    assert session.meta["period"] == "2027–2030"


def test_resume_point_is_first_unanswered_required_field(store, session):
    c = Conductor(SCRIPTS, session)
    for _ in range(5):
        p = c.cursor()
        c.submit(p, answer_for(c, p))
    where = c.cursor()
    session.close()
    with store.open(session.id) as again:
        c2 = Conductor(SCRIPTS, again)
        assert c2.cursor() == where  # exactly where they stopped
        first_open = next(p for p in c2.positions() if c2.field(p).required and not c2.is_answered(p))
        assert c2.resume_point() == first_open


def test_next_back_skip_jump(c):
    first = c.cursor()
    second = c.next()
    assert second != first and c.cursor() == second
    assert c.back() == first
    skipped = c.skip()
    assert skipped == second and c.is_skipped(first)
    assert c.resume_point() == first  # a skipped required field is still unanswered
    target = c.jump("kartlegging", "boliger")
    assert target == Position("kartlegging", "boliger", None, "type_plassering") or target.step_id == "boliger"
    assert c.cursor() == target
    assert c.jump("finnes-ikke") is None


def test_optional_field_may_be_left_empty_but_required_may_not(c):
    with pytest.raises(ValidationError) as err:
        c.submit(pos(c, "oppstart", "plantype"), "   ")
    assert "må besvares" in str(err.value)
    c.submit(pos(c, "oppstart", "husbanken"), "")
    assert not c.is_answered(pos(c, "oppstart", "husbanken"))


def test_formal_steps_follow_the_plan_type(c):
    c.submit(pos(c, "oppstart", "plantype"), "Kommunedelplan")
    fields = {p.field_id for p in c.positions() if p.step_id == "framdrift"}
    assert "formelle_steg" in fields and "politiske_steg" not in fields
    assert "planprogram" in initial_text(c, pos(c, "oppstart", "formelle_steg")).lower()
    c.submit(pos(c, "oppstart", "plantype"), "temaplan")
    fields = {p.field_id for p in c.positions() if p.step_id == "framdrift"}
    assert "politiske_steg" in fields and "formelle_steg" not in fields


def test_repeated_step_runs_once_per_goal_area(c):
    assert not [i for i in c.instances("gap") if i.step.id == "gap"]
    c.submit(pos(c, "gap", "malomrader"), initial_text(c, pos(c, "gap", "malomrader")) + "\nBarn og unge")
    titles = [i.title for i in c.instances("gap") if i.step.id == "gap"]
    assert titles == [
        "Gapet for hvert målområde: Kommunale boliger",
        "Gapet for hvert målområde: Økonomiske virkemidler",
        "Gapet for hvert målområde: Innholdstjenester",
        "Gapet for hvert målområde: Samhandling og tverrfaglig koordinering",
        "Gapet for hvert målområde: Barn og unge",
    ]


def fill_measures(c):
    c.submit(pos(c, "gap", "malomrader"), "Kommunale boliger\nInnholdstjenester")
    ids = area_ids(c)
    c.submit(pos(c, "gap", "tiltak", ids["Kommunale boliger"]), "Kartlegge boligmassen\nBygge flere utleieboliger")
    c.submit(pos(c, "gap", "tiltak", ids["Innholdstjenester"]), "Boveiledning for unge")
    return ids


def test_editing_an_earlier_answer_keeps_later_answers(c, session):
    c.submit(pos(c, "oppstart", "plantype"), "kommunedelplan")
    c.submit(pos(c, "oppstart", "mandat"), "Lage planutkast innen oktober")
    ids = fill_measures(c)
    before = dict(session.answers())
    # Edit the first answer and the goal-area list (rename one area, reorder)
    c.submit(pos(c, "oppstart", "plantype"), "handlingsdel", advance=False)
    c.submit(pos(c, "gap", "malomrader"), "Innholdstjenester\nKommunale utleieboliger")
    after = session.answers()
    for key, value in before.items():
        if key not in ("oppstart/plantype", "gap/malomrader"):
            assert after[key] == value, key
    new_ids = area_ids(c)
    assert new_ids["Innholdstjenester"] == ids["Innholdstjenester"]
    assert new_ids["Kommunale utleieboliger"] == ids["Kommunale boliger"]  # renamed, same id
    assert c.value(pos(c, "gap", "tiltak", new_ids["Kommunale utleieboliger"]))[0]["tekst"] == "Kartlegge boligmassen"


def test_renamed_measure_keeps_its_ratings_and_place_in_the_action_plan(c):
    ids = fill_measures(c)
    rating = pos(c, "prioritering", "vurderinger")
    c.submit(rating, "4 4 4 4 4\n1 1 1 1 1\n3 3 3 3 3")
    area = ids["Kommunale boliger"]
    plan = pos(c, "tiltak", "handlingsplan", area)
    seeded = initial_text(c, plan).splitlines()
    assert seeded == [
        f"; {m}" + "; " * 7 for m in ("Kartlegge boligmassen", "Bygge flere utleieboliger")
    ]  # nine columns
    c.submit(plan, "Kunnskap; Kartlegge boligmassen; Eiendom; 2027; 0")
    row = c.value(plan)[0]
    measure_id = row["refs"]["tiltak"]

    # rename the measure in the gap analysis
    c.submit(pos(c, "gap", "tiltak", area), "Kartlegge hele boligmassen\nBygge flere utleieboliger")
    assert c.items("gap.tiltak")[0].id == measure_id
    ranked = ranked_measures(c)
    assert ranked[0].item.text == "Kartlegge hele boligmassen" and ranked[0].score == 20
    fld = c.field("tiltak.handlingsplan")
    assert c.cell(fld, c.value(plan)[0], "tiltak") == "Kartlegge hele boligmassen"

    # delete it: the row stays, flagged, and its ratings are kept
    c.submit(pos(c, "gap", "tiltak", area), "Bygge flere utleieboliger")
    assert c.value(plan)[0]["tiltak"] == "Kartlegge boligmassen"
    assert c.is_orphan_cell(fld, c.value(plan)[0], "tiltak")
    assert measure_id in c.value(rating)
    from bshp_tui.guide.health import health_report

    assert any(r.rule == "slettet-tiltak" for r in health_report(c))


def test_ratings_editor_and_completion(c):
    fill_measures(c)
    fld = c.field("prioritering.vurderinger")
    rating = pos(c, "prioritering", "vurderinger")
    items = c.items("gap.tiltak")
    for scale in fld.scales:
        c.set_rating(fld, items[0].id, scale.id, 3)
    assert not c.is_answered(rating)  # two measures are not rated yet
    assert [i.text for i in c.unrated(fld)] == ["Bygge flere utleieboliger", "Boveiledning for unge"]
    with pytest.raises(ValidationError):
        c.set_rating(fld, items[1].id, "haster", 7)


def test_ranking_rule(c):
    fill_measures(c)
    c.submit(pos(c, "prioritering", "vurderinger"), "2 4 4 4 3\n4 4 3 3 3\n1 1 1 1 1")
    ranked = ranked_measures(c)
    # equal sums (17): the more urgent goes first
    assert [m.item.text for m in ranked] == [
        "Bygge flere utleieboliger",
        "Kartlegge boligmassen",
        "Boveiledning for unge",
    ]
    assert [m.score for m in ranked] == [17, 17, 5]
    assert ranked[0].goal_area == "Kommunale boliger"


@pytest.mark.parametrize(
    "field, text, words",
    [
        ("kartlegging.antall", "mange", "ikke et tall"),
        ("kartlegging.antall", "-3", "mindre enn 0"),
        ("tiltak.rullering", "neste høst", "Forstår ikke datoen"),
        ("tiltak.rullering", "2027-13", "ikke en gyldig dato"),
        ("oppstart.plantype", "9", "ikke et av alternativene"),
        ("oppstart.sektorer", "NAV, brannvesen", "«brannvesen» er ikke et av alternativene"),
        ("medvirkning.moteplan", "a; b; c; d; lenge; f; g", "Linje 1: Tid (min)"),
        ("medvirkning.mobiliseringsplan", "Ungdom; kanskje; x; y; 2027; z", "ikke et gyldig valg"),
        ("oppstart.medlemmer", "a; b; c; d; e; f", "har 6 deler"),
        ("prioritering.satsing", "1", "ingen punkter"),
    ],
)
def test_validation_messages(c, field, text, words):
    script, fid = field.split(".")
    with pytest.raises(ValidationError) as err:
        c.submit(pos(c, script, fid), text)
    assert words in str(err.value)


@pytest.mark.parametrize(
    "field, text, stored",
    [
        ("kartlegging.antall", "1 250", 1250),
        ("tiltak.rullering", "september 2028", "2028-09"),
        ("tiltak.rullering", "15.06.2028", "2028-06-15"),
        ("tiltak.rullering", "løpende", "løpende"),
        ("oppstart.plantype", "Temaplan", "temaplan"),
        ("oppstart.sektorer", "1 7 9", ["plan", "nav", "politiker"]),
    ],
)
def test_accepted_forms(c, field, text, stored):
    script, fid = field.split(".")
    p = pos(c, script, fid)
    c.submit(p, text)
    assert c.value(p) == stored


def test_hostile_text_is_stored_literally(c):
    p = pos(c, "oppstart", "mandat")
    text = "# x | * ```{=openxml}``` <b> \\input{x} ![x](/etc/hostname) 1984."
    c.submit(p, text)
    assert c.value(p) == text
    lst = pos(c, "kartlegging", "mangler")
    c.submit(lst, "1984. Et år\n- punkt med strek\n|tabell|")
    assert [i["tekst"] for i in c.value(lst)] == ["1984. Et år", "punkt med strek", "|tabell|"]


def test_list_merge_keeps_ids():
    from bshp_tui.scripts.values import merge_list

    old = [
        {"id": "a", "tekst": "Kartlegge boligmassen"},
        {"id": "b", "tekst": "Bygge utleieboliger"},
        {"id": "c", "tekst": "Boveiledning"},
    ]
    new = merge_list(old, ["Boveiledning", "Kartlegge hele boligmassen", "Økt startlånsramme"])
    assert [i["id"] for i in new[:2]] == ["c", "a"]
    assert new[2]["id"] not in ("a", "b", "c")  # unlike the removed item: a new one
    swapped = merge_list(old, ["X", "Y", "Boveiledning"])
    assert [i["id"] for i in swapped] == ["a", "b", "c"]  # edited in place


def test_finishing_a_later_session_goes_back_to_the_plan_not_on_to_the_follow_up():
    """A group that jumped ahead and finished «Mål og tiltak» is taken to the first required question
    left in the plan, not into the yearly follow-up (a guided session with no required question)."""
    from kinds_fixture import MemorySession

    session = MemorySession()
    walk(Conductor(SCRIPTS, session))
    c = Conductor(SCRIPTS, session)
    left_open = next(p for p in c.positions() if p.script_id == "prioritering" and c.field(p).required)
    session.delete_answer(left_open.key)
    for key in [k for k in session.answers() if k.startswith("oppfolging/")]:
        session.delete_answer(key)
    c = Conductor(SCRIPTS, session)
    last_of_plan = [p for p in c.positions() if p.script_id == "tiltak"][-1]
    assert c.submit(last_of_plan, initial_text(c, last_of_plan)) == left_open
    assert c.cursor() == left_open
    # Inside the follow-up itself the group goes on through it as before.
    first_follow_up = next(p for p in c.positions() if p.script_id == "oppfolging")
    assert c.jump("oppfolging") == first_follow_up
    assert c.submit(first_follow_up, "2027").script_id == "oppfolging"


def test_the_question_at_the_end_says_tilbake_til_only_when_the_group_went_back():
    from kinds_fixture import MemorySession

    from bshp_tui.guide.transcript import build_turns

    c = Conductor(SCRIPTS, MemorySession())
    first = c.cursor()
    c.set_cursor(first)
    c.submit(first, answer_for(c, first), advance=False)  # saved from an editor: still here
    assert c.cursor() == first
    assert build_turns(c)[-1].text.startswith(f"*{c.step(first).title}*")
    second = c.submit(first, answer_for(c, first))
    c.submit(second, answer_for(c, second))
    c.set_cursor(first)  # back to an earlier question
    last = build_turns(c)[-1]
    assert last.current and last.text.startswith(f"*Tilbake til: {c.step(first).title}*")


def test_after_a_jump_back_the_steps_answers_stand_right_above_its_next_question():
    """The tester's case: Gap-analyse answered, then back to a Kartlegging step whose first
    questions are answered now: those answers and the next question stand together at the end."""
    from kinds_fixture import MemorySession

    from bshp_tui.guide.transcript import build_turns

    c = Conductor(SCRIPTS, MemorySession())
    for pos in [p for p in c.positions() if p.script_id == "gap"]:
        c.submit(pos, answer_for(c, pos), advance=False)
    step = next(s for s in c.script("kartlegging").steps if len(s.fields) >= 3)
    first, second, third = [p for p in c.positions() if p.script_id == "kartlegging" and p.step_id == step.id][:3]
    c.submit(first, answer_for(c, first), advance=False)
    c.submit(second, answer_for(c, second), advance=False)
    c.set_cursor(third)
    turns = build_turns(c)
    tail = [(t.kind, t.pos) for t in turns[-7:]]
    assert turns[-7].text == f"# {c.script('kartlegging').title}"  # under its own session's name again
    assert (
        tail[1:]
        == [
            ("step", first),
            ("question", first),
            ("answer", first),
            ("question", second),
            ("answer", second),
            ("question", third),
        ]
        and turns[-1].current
    )
    assert sum(t.pos == first and t.kind == "answer" for t in turns) == 1  # moved, not repeated
    gap_answers = [n for n, t in enumerate(turns) if t.kind == "answer" and t.pos.script_id == "gap"]
    assert gap_answers and max(gap_answers) < len(turns) - 7


def test_a_table_question_names_the_values_its_choice_columns_allow():
    """The group learns the allowed types before typing, not from a refusal."""
    from kinds_fixture import MemorySession

    from bshp_tui.guide.transcript import question_text

    c = Conductor(SCRIPTS, MemorySession())
    pos = next(p for p in c.positions() if p.field_id == "interessenter")
    text = question_text(c, pos)
    assert "«Type» er en av: intern, offentlig, privat, frivillig, bruker." in text


def test_a_reading_pass_works_out_items_once_and_follows_a_write_through_the_conductor(c):
    c.store(pos(c, "gap", "malomrader"), [{"id": "a1", "tekst": "Boliger"}])
    with c.reading():
        for _ in range(2):
            c.items("gap.malomrader").clear()  # the caller's list: the pass keeps its own
        assert [i.text for i in c.items("gap.malomrader")] == ["Boliger"]
        with c.reading():  # a pass inside a pass (the transcript asks for the health report)
            c.store(pos(c, "gap", "malomrader"), [{"id": "a1", "tekst": "Boliger"}, {"id": "a2", "tekst": "Tjenester"}])
        assert [i.text for i in c.items("gap.malomrader")] == ["Boliger", "Tjenester"]
        assert c.item_text("gap.malomrader", "a2") == "Tjenester"
    c.session.set_answer("gap/malomrader", [{"id": "a3", "tekst": "Bare lagret"}])  # outside a pass: read anew
    assert [i.text for i in c.items("gap.malomrader")] == ["Bare lagret"]
