"""Each remark rule: a case where it fires and one where it does not. Plus derived totals."""

import pytest
from helpers import shipped_scripts

from bshp_tui.guide import health, measures
from bshp_tui.guide.conductor import Conductor, Position

SCRIPTS = shipped_scripts()


@pytest.fixture
def c(store):
    with store.create("Molde") as s:
        yield Conductor(SCRIPTS, s)


def put(c, ref, text, item=None):
    script, field = ref.split(".")
    fld = c.field(ref)
    p = Position(script, fld.step_id, item, field)
    c.submit(p, text, advance=False)
    return p


def rules(c):
    return [r.rule for r in health.health_report(c)]


def areas(c):
    return {i.text: i.id for i in c.items("gap.malomrader")}


def test_no_politician_and_too_few_sectors(c):
    assert "ingen-politiker" not in rules(c)  # not said before the question is answered
    p = put(c, "oppstart.sektorer", "NAV, Helse og omsorg")
    assert {"ingen-politiker", "fa-sektorer"} <= set(rules(c))
    assert {r.rule for r in health.remarks_for(c, p)} == {"ingen-politiker", "fa-sektorer"}
    put(c, "oppstart.sektorer", "NAV, Helse og omsorg, Plan og utvikling, Politiker")
    assert "ingen-politiker" not in rules(c) and "fa-sektorer" not in rules(c)


def test_gap_without_measure(c):
    put(c, "gap.malomrader", "Kommunale boliger")
    a = areas(c)["Kommunale boliger"]
    assert "gap-uten-tiltak" not in rules(c)
    put(c, "gap.status", "For få boliger", a)
    assert "gap-uten-tiltak" in rules(c)
    put(c, "gap.tiltak", "Bygge flere", a)
    assert "gap-uten-tiltak" not in rules(c)


def setup_plan(c, row):
    put(c, "gap.malomrader", "Kommunale boliger\nInnholdstjenester")
    ids = areas(c)
    put(c, "gap.tiltak", "Bygge flere", ids["Kommunale boliger"])
    put(c, "tiltak.handlingsplan", row, ids["Kommunale boliger"])
    return ids


def test_measure_without_owner_deadline_or_cost(c):
    setup_plan(c, "Flere boliger; Bygge flere; ; ; ")
    remark = next(r for r in health.health_report(c) if r.rule == "tiltak-mangler")
    assert "ansvarlig, tidsfrist og kostnad" in remark.text and "Bygge flere" in remark.text


def test_measure_with_all_details_is_fine(c):
    setup_plan(c, "Flere boliger; Bygge flere; Eiendom; 2028; 2 000 000")
    assert "tiltak-mangler" not in rules(c)


@pytest.mark.parametrize(
    "row",
    [
        "Flere boliger; Bygge flere; Eiendom; 2028; ; 9 000 000",  # only an investering
        "Flere boliger; Bygge flere; Eiendom; 2028; ; ; ; ; ja",  # within today's budget
    ],
)
def test_a_measure_with_investering_or_within_budget_has_its_cost(c, row):
    setup_plan(c, row)
    assert "tiltak-mangler" not in rules(c)


def test_a_measure_outside_the_budget_without_amounts_misses_its_cost(c):
    setup_plan(c, "Flere boliger; Bygge flere; Eiendom; 2028; ; ; ; ; nei")
    remark = next(r for r in health.health_report(c) if r.rule == "tiltak-mangler")
    assert remark.text.startswith("Tiltaket «Bygge flere» (Kommunale boliger) mangler kostnad.")


def test_goal_area_without_measures(c):
    setup_plan(c, "Flere boliger; Bygge flere; Eiendom; 2028; 0")
    found = [r for r in health.health_report(c) if r.rule == "malomrade-uten-tiltak"]
    assert [r.subjects for r in found] == [["Innholdstjenester"]]
    put(c, "tiltak.handlingsplan", "Oppfølging; Boveiledning; NAV; 2027; 0", areas(c)["Innholdstjenester"])
    assert "malomrade-uten-tiltak" not in rules(c)


def test_no_external_actors(c):
    put(c, "medvirkning.mobiliseringsplan", "Ansatte i NAV; intern; leder; e-post; 2027-03; Kari")
    assert "ingen-eksterne" in rules(c)
    put(
        c,
        "medvirkning.mobiliseringsplan",
        "Ansatte i NAV; intern; leder; e-post; 2027-03; Kari\n"
        "Utleiere; ekstern; Gårdeierforeningen; telefon; 2027-03; Ola",
    )
    assert "ingen-eksterne" not in rules(c)


def test_a_list_outside_its_suggested_count_is_remarked_on_never_refused(c):
    assert "antall-punkter" not in rules(c)  # not said before the question is answered
    p = put(c, "prioritering.hovedmal", "Flere skal eie egen bolig")  # antall: 2–4
    assert c.session.answer("prioritering/hovedmal")  # accepted
    [remark] = [r for r in health.remarks_for(c, p) if r.rule == "antall-punkter"]
    assert (
        remark.text.startswith("Dere har skrevet ett punkt under «hovedmål for perioden». Veiledningen foreslår 2–4.")
        and remark.level == "merk"
    )
    put(c, "prioritering.hovedmal", "Eie egen bolig\nGode utleieboliger")
    assert "antall-punkter" not in rules(c)
    p = put(c, "prioritering.langsiktige_mal", "\n".join(f"Mål {n}" for n in range(1, 6)))  # antall: 1–3
    [remark] = [r for r in health.remarks_for(c, p) if r.rule == "antall-punkter"]
    assert remark.text.startswith("Dere har skrevet 5 punkter under «Langsiktige hovedmål». Veiledningen foreslår 1–3")


def test_a_remark_the_answer_has_since_made_untrue_leaves_the_conversation(c):
    from bshp_tui.guide.transcript import build_turns, new_remarks, record_remarks

    def remarks_shown() -> list[str]:
        return [t.text for t in build_turns(c) if t.kind == "remark"]

    p = put(c, "prioritering.hovedmal", "Eie egen bolig")
    record_remarks(c, p, new_remarks(c, p))  # as the chat does after an answer
    assert any("ett punkt under «hovedmål for perioden»" in t for t in remarks_shown())
    put(c, "prioritering.hovedmal", "Eie egen bolig\nGode utleieboliger\nBoveiledning")
    assert not any("hovedmål for perioden" in t for t in remarks_shown())  # 3 is within 2–4
    put(c, "prioritering.hovedmal", "Eie egen bolig")
    assert any("ett punkt under «hovedmål for perioden»" in t for t in remarks_shown())  # true again


def test_antall_in_a_prompt_file_is_read_and_checked(tmp_path):
    from bshp_tui.scripts.loader import ScriptErrors
    from bshp_tui.scripts.loader import load_folder as load

    def script(count: str) -> None:
        (tmp_path / "1-a.md").write_text(
            "# A\n\n```veiledning\nid: a\n```\n\n## S\n\n```steg\nid: s\n```\n\n"
            f"```felt\nid: l\ntype: liste\nspørsmål: Hva?\nantall: {count}\n```\n",
            encoding="utf-8",
        )

    script("2–4")
    assert next(load(tmp_path)[0].fields()).count == (2, 4)
    script("3")
    assert next(load(tmp_path)[0].fields()).count == (3, 3)
    for bad in ("fire", "4–2", "0"):
        script(bad)
        with pytest.raises(ScriptErrors) as err:
            load(tmp_path)
        assert "antall: skriv hvor mange punkter" in str(err.value)


def test_groups_needing_special_facilitation(c):
    put(c, "medvirkning.tilrettelegging", "Barn og unge, Eldre")
    put(c, "medvirkning.medvirkningsplan", "Eldrerådet; møte; 2027-04; kort møte; Kari")
    found = [r for r in health.health_report(c) if r.rule == "mangler-tilrettelegging"]
    assert [r.subjects for r in found] == [["barn-unge"]] and "§ 5-1" in found[0].text
    put(
        c,
        "medvirkning.medvirkningsplan",
        "Eldrerådet; møte; 2027-04; kort møte; Kari\nUngdomsrådet; verksted; 2027-05; på skolen; Ola",
    )
    assert "mangler-tilrettelegging" not in rules(c)


def rate(c, lines):
    put(c, "gap.malomrader", "Kommunale boliger")
    put(c, "gap.tiltak", "Billig og kjent\nFlygende idé\nMidt på treet", areas(c)["Kommunale boliger"])
    put(c, "prioritering.vurderinger", lines)


def test_low_hanging_fruit_and_flying_measures(c):
    rate(c, "2 4 4 3 2\n4 2 1 2 2\n2 2 3 1 2")
    fruit = next(r for r in health.health_report(c) if r.rule == "lavthengende-frukter")
    assert "«Billig og kjent»" in fruit.text and "Midt" not in fruit.text
    flying = [r for r in health.health_report(c) if r.rule == "flygende-tiltak"]
    assert len(flying) == 1 and "«Flygende idé»" in flying[0].text


def test_no_fruit_and_no_flying_when_ratings_say_so(c):
    rate(c, "2 1 4 3 2\n4 2 3 2 2\n2 2 2 3 2")
    assert "lavthengende-frukter" not in rules(c) and "flygende-tiltak" not in rules(c)


def test_knowledge_gaps_should_become_measures(c):
    put(c, "kartlegging.mangler", "botid")
    put(c, "gap.malomrader", "Kommunale boliger")
    a = areas(c)["Kommunale boliger"]
    put(c, "gap.tiltak", "Bygge flere", a)
    assert "kunnskapshull" in rules(c)
    put(c, "gap.tiltak", "Bygge flere\nKartlegge botid", a)
    assert "kunnskapshull" not in rules(c)


def test_removed_goal_area_leaves_its_answers_flagged(c):
    put(c, "gap.malomrader", "Kommunale boliger\nInnholdstjenester")
    a = areas(c)["Innholdstjenester"]
    put(c, "gap.status", "Lite boveiledning", a)
    assert "slettet-punkt" not in rules(c)
    put(c, "gap.malomrader", "Kommunale boliger")
    assert "slettet-punkt" in rules(c)
    assert c.session.answer(f"gap/status@{a}") == "Lite boveiledning"  # kept, not dropped


def test_totals(c):
    put(c, "medvirkning.moteplan", "18:00; a; b; c; 15; d; e\n18:15; a; b; c; 45; d; e")
    assert measures.meeting_minutes(c) == 60
    setup_plan(c, "S; Bygge flere; Eiendom; 2028; 1 500 000\nS; Annet; NAV; 2027; 250 000")
    totals = {
        area.text: measures.table_total(c, "tiltak.handlingsplan", "kostnad", area.id)
        for area in c.items("gap.malomrader")
    }
    assert totals == {"Kommunale boliger": 1_750_000, "Innholdstjenester": 0}


def test_quadrants(c):
    rate(c, "2 4 4 3 2\n4 2 1 2 2\n2 2 3 1 2")
    grid = measures.quadrants(c, "haster", "kostnad")
    assert [m.item.text for m in grid[(False, True)]] == ["Billig og kjent"]
    assert [m.item.text for m in grid[(True, False)]] == ["Flygende idé"]
    assert [m.item.text for m in grid[(False, False)]] == ["Midt på treet"]


def test_planned_cost_text_names_what_the_measure_gives():
    from bshp_tui.guide.costs import planned_cost_text as cost_text

    def planned_cost_text(row):
        return cost_text(row).replace("\xa0", " ").replace("\u202f", " ")

    assert planned_cost_text({"kostnad": 1000, "investering": 9000}) == "1 000 kr per år, investering 9 000 kr"
    assert planned_cost_text({"kostnad": 0, "rammer": "ja"}) == "0 kr per år, innenfor dagens rammer"
    assert planned_cost_text({"investering": 500}) == "investering 500 kr"
    assert planned_cost_text({"kostnad": "", "rammer": "nei"}) == ""
    # one year: the drift that year, not a cost per year
    assert planned_cost_text({"kostnad": 5000, "ar": "2028"}) == "drift 5 000 kr"
    assert planned_cost_text({"kostnad": 5000, "ar": "2028–2029"}) == "5 000 kr per år"
