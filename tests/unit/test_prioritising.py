"""Prioritising: rating words that match the value, the effect scale and big moves, the group's own
order, the ranked list in its step, and ratings stored before the effect scale existed."""

import pytest
from helpers import shipped_scripts
from hypothesis import given, settings
from hypothesis import strategies as st

from bshp_tui.guide.answer_text import display_value, initial_text
from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.measures import big_moves, group_order, ranked_measures
from bshp_tui.guide.transcript import question_text
from bshp_tui.scripts.values import ValidationError

SCRIPTS = shipped_scripts()


@pytest.fixture
def c(store):
    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        c.submit(pos(c, "gap", "malomrader"), "Kommunale boliger")
        area = c.items("gap.malomrader")[0].id
        c.submit(pos(c, "gap", "tiltak", area), "Kjøpe 10 boliger\nBoveiledning\nKartlegge botid")
        yield c


def pos(c, script, field, item=None):
    return Position(script, c.field(f"{script}.{field}").step_id, item, field)


def ids(c):
    return {i.text: i.id for i in c.items("gap.tiltak")}


def test_the_chat_summary_says_expensive_when_it_means_expensive(c):
    c.submit(pos(c, "prioritering", "vurderinger"), "4 1 4 4 4\n2 3 3 3 2\n1 4 4 4 1")
    fld = c.field("prioritering.vurderinger")
    text = display_value(c, fld, c.value(pos(c, "prioritering", "vurderinger")))
    line = next(t for t in text.splitlines() if "Kjøpe" in t)
    assert "haster (4)" in line and "svært kostbart (1)" in line and "mindre kostbart" not in line
    assert "nærmest mindre kostbart (3)" in text and "kan vente (1)" in text


def test_an_expensive_measure_with_a_big_effect_is_a_big_move_and_does_not_sink(c):
    c.submit(pos(c, "prioritering", "vurderinger"), "4 1 4 4 4\n2 3 3 3 2\n1 4 4 4 1")
    assert [m.item.text for m in big_moves(c)] == ["Kjøpe 10 boliger"]
    assert ranked_measures(c)[0].item.text == "Kjøpe 10 boliger"  # 17 of 20, with the effect


def test_the_group_sets_the_final_order_and_the_step_shows_the_ranked_list(c):
    c.submit(pos(c, "prioritering", "vurderinger"), "4 1 4 4 4\n2 3 3 3 2\n1 4 4 4 1")
    order = pos(c, "prioritering", "rekkefolge")
    assert initial_text(c, order).splitlines() == ["Kjøpe 10 boliger", "Kartlegge botid", "Boveiledning"]
    shown = question_text(c, order)
    assert "hjelpesum av 20" in shown and "◆" in shown and "Kjøpe 10 boliger" in shown
    c.submit(order, "Boveiledning\nKjøpe 10 boliger")
    assert [m.item.text for m in group_order(c)] == ["Boveiledning", "Kjøpe 10 boliger", "Kartlegge botid"]
    assert "Arbeidsgruppas rekkefølge" in question_text(c, order)
    # The group's order follows a renamed measure (it stores the measure's id).
    area = c.items("gap.malomrader")[0].id
    c.submit(pos(c, "gap", "tiltak", area), "Kjøpe 12 boliger\nBoveiledning\nKartlegge botid")
    assert [m.item.text for m in group_order(c)][:2] == ["Boveiledning", "Kjøpe 12 boliger"]


def test_ratings_stored_before_the_effect_scale_keep_their_values(c):
    """An answer in the old shape (four scales): it loads, shows and waits for the effect rating."""
    m = ids(c)
    old = {m["Kjøpe 10 boliger"]: {"haster": 4, "kostnad": 1, "innflytelse": 4, "kunnskap": 3}}
    c.session.set_answer("prioritering/vurderinger", old)
    rating = pos(c, "prioritering", "vurderinger")
    assert c.value(rating) == old
    text = display_value(c, c.field("prioritering.vurderinger"), c.value(rating))
    assert "svært kostbart (1)" in text and "stor effekt: ikke vurdert" in text
    first = next(x for x in ranked_measures(c) if x.item.text == "Kjøpe 10 boliger")
    assert first.ratings == old[m["Kjøpe 10 boliger"]] and not first.rated
    assert initial_text(c, rating).splitlines()[0] == "4 1 4 3 -"
    c.set_rating(c.field("prioritering.vurderinger"), m["Kjøpe 10 boliger"], "effekt", 4)
    assert c.value(rating)[m["Kjøpe 10 boliger"]] == {**old[m["Kjøpe 10 boliger"]], "effekt": 4}


# -- measures of the same name under two goal areas ---------------------------------------------


@pytest.fixture
def twins(store):
    """Two goal areas with a measure of the same name in each (the group reuses a name)."""
    with store.create("Molde", "2027–2030") as session:
        c = Conductor(SCRIPTS, session)
        c.submit(pos(c, "gap", "malomrader"), "Kommunale boliger\nInnholdstjenester")
        first, second = (i.id for i in c.items("gap.malomrader"))
        c.submit(pos(c, "gap", "tiltak", first), "Tiltak en\nTiltak to")
        c.submit(pos(c, "gap", "tiltak", second), "Tiltak en\nTiltak to")
        yield c


def test_agreeing_to_the_suggested_order_keeps_every_measure_of_the_same_name(twins):
    c = twins
    order = pos(c, "prioritering", "rekkefolge")
    suggested = [m.item.id for m in group_order(c)]
    assert initial_text(c, order).splitlines() == [
        "Tiltak en (Kommunale boliger)",
        "Tiltak to (Kommunale boliger)",
        "Tiltak en (Innholdstjenester)",
        "Tiltak to (Innholdstjenester)",
    ]
    c.submit(order, initial_text(c, order))  # Enter on the suggestion
    assert c.value(order) == suggested
    assert [m.item.id for m in group_order(c)] == suggested


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(4)))
def test_any_order_the_group_sets_reads_back_as_the_same_order(chosen):
    from kinds_fixture import MemorySession

    c = Conductor(SCRIPTS, MemorySession())
    c.submit(pos(c, "gap", "malomrader"), "Kommunale boliger\nInnholdstjenester")
    for area in c.items("gap.malomrader"):
        c.submit(pos(c, "gap", "tiltak", area.id), "Tiltak en\nTiltak to")
    order = pos(c, "prioritering", "rekkefolge")
    measures = [i.id for i in c.items("gap.tiltak")]
    c.submit(order, ", ".join(str(n + 1) for n in chosen))
    stored = c.value(order)
    assert stored == [measures[n] for n in chosen]
    c.submit(order, initial_text(c, order))  # back to it, Enter on the text shown
    assert c.value(order) == stored


def test_a_name_two_measures_share_is_refused_with_the_names_that_tell_them_apart(twins):
    c = twins
    with pytest.raises(ValidationError) as refused:
        c.submit(pos(c, "prioritering", "rekkefolge"), "Tiltak en")
    assert "Tiltak en (Kommunale boliger)" in str(refused.value)
    assert "Tiltak en (Innholdstjenester)" in str(refused.value)
