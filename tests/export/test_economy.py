"""Costs a budget can use: the action plan's drift, investering, years and financing, and the plan's
economy table per year of the plan period."""

import docx
import pytest
from export_fixtures import SCRIPTS, open_copy, pos
from hypothesis import given
from hypothesis import strategies as st

from bshp_tui.export.economy import measure_cost, plan_years
from bshp_tui.export.service import export
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.kinds.columns import format_years, parse_years
from bshp_tui.scripts.values import ValidationError


def test_years_are_read_the_ways_a_group_writes_them():
    assert parse_years("2027") == [2027]
    assert parse_years("2027–2029") == [2027, 2028, 2029]
    assert parse_years("2027-29") == [2027, 2028, 2029]
    assert parse_years("2029, 2027 og 2028") == [2027, 2028, 2029]
    for bad in ("neste år", "2029–2027", "27"):
        with pytest.raises(ValidationError, match="Skriv år som 2027"):
            parse_years(bad)


@given(st.sets(st.integers(2000, 2099), min_size=1, max_size=12))
def test_written_years_read_back_the_same(years):
    assert parse_years(format_years(sorted(years))) == sorted(years)


def test_plan_years_come_from_the_plan_period():
    assert plan_years("2027–2030") == [2027, 2028, 2029, 2030]
    assert plan_years("fra 2027 til 2029") == [2027, 2028, 2029]
    assert plan_years("snart") == []


def test_costs_fall_in_the_years_named_and_investment_is_spread():
    years = [2027, 2028, 2029, 2030]
    cost = measure_cost("Bo", {"kostnad": 100, "investering": 600, "ar": "2028–2030"}, years)
    assert cost.drift == {2028: 100, 2029: 100, 2030: 100}
    assert cost.investment == {2028: 200, 2029: 200, 2030: 200}
    # no years: drift every year of the period, investering in its first year
    cost = measure_cost("Bo", {"kostnad": 100, "investering": 600}, years)
    assert cost.drift == {y: 100 for y in years} and cost.investment == {2027: 600}
    cost = measure_cost("Bo", {"kostnad": 100, "ar": "2030–2032"}, years)
    assert cost.drift == {2030: 100} and cost.outside == [2031, 2032]


@pytest.fixture
def planned(store, walked_file):
    session = open_copy(store, walked_file)  # Nord-Fron 2027–2030, walked
    c = Conductor(SCRIPTS, session)
    areas = c.items("gap.malomrader")
    first, second = areas[0].id, areas[1].id
    # an answer from before the cost columns: a single number, which counts as drift per year
    c.store(
        pos(c, "tiltak.handlingsplan", first),
        [
            {
                "id": "old",
                "strategi": "S",
                "tiltak": "Gammelt tiltak",
                "ansvarlig": "NAV",
                "tidsfrist": "2028",
                "kostnad": 1000,
            }
        ],
    )
    c.store(
        pos(c, "tiltak.handlingsplan", second),
        [
            {
                "id": "new",
                "strategi": "S",
                "tiltak": "Nytt tiltak",
                "ansvarlig": "Bolig",
                "tidsfrist": "2029",
                "kostnad": 500,
                "investering": 9000,
                "ar": "2028–2030",
                "finansiering": "Husbanken tilskudd",
                "rammer": "nei",
            },
            {
                "id": "free",
                "strategi": "S",
                "tiltak": "Innenfor",
                "ansvarlig": "Bolig",
                "tidsfrist": "2027",
                "kostnad": 200,
                "ar": "2027",
                "rammer": "ja",
            },
        ],
    )
    yield c, areas
    session.close()


def cells(row):
    return [cell.text.replace("\xa0", " ") for cell in row.cells]


def test_the_plan_has_an_economy_table_per_year_of_the_plan_period(planned, tmp_path):
    c, areas = planned
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "4 Økonomiske konsekvenser" in headings
    table = next(t for t in document.tables if cells(t.rows[0])[0] == "Målområde og post")
    assert cells(table.rows[0]) == ["Målområde og post", "2027", "2028", "2029", "2030", "Sum"]
    first, second = areas[0].text, areas[1].text
    assert len(areas) == 2
    assert [cells(r) for r in table.rows[1:]] == [
        [first] * 6,  # the goal area's name spans the table
        ["Drift", "1 000", "1 000", "1 000", "1 000", "4 000"],
        ["Investering", "–", "–", "–", "–", "–"],
        ["Sum", "1 000", "1 000", "1 000", "1 000", "4 000"],
        [second] * 6,
        ["Drift", "200", "500", "500", "500", "1 700"],
        ["Investering", "–", "3 000", "3 000", "3 000", "9 000"],
        ["Sum", "200", "3 500", "3 500", "3 500", "10 700"],
        ["Alle målområder"] * 6,
        ["Drift", "1 200", "1 500", "1 500", "1 500", "5 700"],
        ["Investering", "–", "3 000", "3 000", "3 000", "9 000"],
        ["Sum per år", "1 200", "4 500", "4 500", "4 500", "14 700"],
        ["Herav innenfor dagens rammer", "200", "–", "–", "–", "200"],
        ["Behov for nye midler", "1 000", "4 500", "4 500", "4 500", "14 500"],
    ]


def test_the_action_plan_table_keeps_five_columns_and_shows_every_cost(planned, tmp_path):
    c, areas = planned
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    action = [t for t in document.tables if cells(t.rows[0])[:1] == ["Strategi"]]  # 1.3 has tables before
    first, second = action[0], action[1]
    assert cells(first.rows[0]) == ["Strategi", "Tiltak", "Ansvarlig", "Tidsfrist", "Kostnad"]
    assert cells(first.rows[1])[4] == "1 000 kr per år"  # the old single number still shows
    assert cells(second.rows[1])[4] == (
        "500 kr per år, investering 9 000 kr, 2028–2030, Husbanken tilskudd, innenfor dagens rammer: nei"
    )
    # a measure in one year costs its drift that year, not per year
    assert cells(second.rows[2])[4] == "drift 200 kr, 2027, innenfor dagens rammer: ja"
    # 200 in 2027 and 500 in each of 2028–2030: no amount is the same every year
    assert cells(second.rows[-1])[4] == "drift 1 700 kr i 2027–2030, investering 9 000 kr"
    assert cells(first.rows[-1])[4] == "drift 1 000 kr per år, 4 000 kr i 2027–2030"


def test_a_wrong_year_is_refused_with_a_norwegian_message_and_nothing_lost(planned):
    c, areas = planned
    p = pos(c, "tiltak.handlingsplan", areas[1].id)
    before = c.value(p)
    with pytest.raises(ValidationError, match="År: «neste år» er ikke et årstall"):
        c.parse(p, "S; Nytt tiltak; Bolig; 2029; 500; 9000; neste år")
    assert c.value(p) == before


def test_financing_is_chosen_in_any_case_and_kept_as_the_prompt_writes_it(planned):
    c, areas = planned
    p = pos(c, "tiltak.handlingsplan", areas[1].id)
    [row] = c.parse(p, "S; Nytt tiltak; Bolig; 2029; 500; 9000; 2028-30; husbanken TILSKUDD; Ja")
    assert (row["finansiering"], row["rammer"], row["ar"]) == ("Husbanken tilskudd", "ja", "2028–2030")


def test_every_total_in_the_plan_agrees_with_the_costs_per_year(store, walked_file, tmp_path):
    """A purchase in 2028 and a support worker every year: the plan must not say 700 000 kr per år
    when the years cost 650 000, 700 000, 650 000 and 650 000."""
    session = open_copy(store, walked_file)  # Nord-Fron 2027–2030, walked
    c = Conductor(SCRIPTS, session)
    areas = c.items("gap.malomrader")
    p = pos(c, "tiltak.handlingsplan", areas[0].id)
    c.store(
        p,
        c.parse(
            p,
            "Flere boliger; Kjøpe 10 utleieboliger; Eiendomsforvaltningen; 2028; 50 000; 30 000 000; "
            "2028; Husbanken lån; nei\nOppfølging; Ansette boveileder; NAV; løpende; 650 000",
        ),
    )
    c.store(pos(c, "tiltak.handlingsplan", areas[1].id), [])
    for kind in ("plan", "grunnlag"):
        [result] = export(SCRIPTS, session, kind, "docx", tmp_path / f"{kind}.docx")
        document = docx.Document(str(result.path))
        action = next(t for t in document.tables if cells(t.rows[0])[:1] == ["Strategi"])
        assert (
            cells(action.rows[1])[4] == "drift 50 000 kr, investering 30 000 000 kr, 2028, Husbanken lån, "
            "innenfor dagens rammer: nei"
        )
        assert cells(action.rows[2])[4] == "650 000 kr per år"
        assert cells(action.rows[-1])[4] == "drift 2 650 000 kr i 2027–2030, investering 30 000 000 kr"
        text = "\n".join(p.text for p in document.paragraphs).replace("\xa0", " ")
        assert "700 000 kr per år" not in text and "i drift per år" not in text
    [result] = export(SCRIPTS, session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    text = "\n".join(p.text for p in document.paragraphs).replace("\xa0", " ")
    assert (
        "Samlet kostnad for handlingsplanen: drift 2 650 000 kr i 2027–2030, investering 30 000 000 kr. "
        "Fordelingen per år står under «Økonomiske konsekvenser»."
    ) in text
    economy = next(t for t in document.tables if cells(t.rows[0])[0] == "Målområde og post")
    drift = next(cells(r) for r in economy.rows if cells(r)[0] == "Drift")
    assert drift[1:] == ["650 000", "700 000", "650 000", "650 000", "2 650 000"]
    session.close()


def test_each_measures_table_has_its_own_heading(planned, tmp_path):
    """The measures are not part of the goal: each goal area's table in the plan stands under
    «Tiltak», after the goal's own heading."""
    c, areas = planned
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    last_heading, under = "", []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p") and "Heading" in (child.xpath("string(.//w:pStyle/@w:val)") or ""):
            last_heading = child.xpath("string(.)")
        elif child.tag.endswith("}tbl") and child.xpath("string(.//w:tr[1]/w:tc[1])") == "Strategi":
            under.append(last_heading)
    assert under == ["3.1.2 Tiltak", "3.2.2 Tiltak"]
