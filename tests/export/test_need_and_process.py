"""The need overview, the planning process and medvirkning, the plan structure (long-term goals,
default goal areas) and the economic instruments, read back from the exported DOCX."""

import docx
from export_fixtures import SCRIPTS, pos
from hypothesis import given
from hypothesis import strategies as st

from bshp_tui.export.need_table import gap_text, number_in
from bshp_tui.export.service import export
from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.transcript import question_text
from bshp_tui.scripts.values import format_number


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def tables_by_head(document) -> dict[str, list[list[str]]]:
    return {t.rows[0].cells[0].text: [[c.text for c in r.cells] for r in t.rows] for t in document.tables}


def test_background_document_has_the_need_table_with_the_gap(filled, tmp_path):
    [result] = export(SCRIPTS, filled.session, "grunnlag", "docx", tmp_path / "g.docx")
    document = docx.Document(result.path)
    heads = headings(document)
    at = heads.index("3.1 Boligbehov og boligmarked")
    assert heads[at + 1 : at + 3] == ["3.1.1 Boligbehovet framover", "3.1.2 Boligmarkedet"]
    assert heads.index("3 Generelle utviklingstrekk i boligsosialt arbeid") < at
    table = tables_by_head(document)["Målgruppe"]
    assert table[0] == ["Målgruppe", "I dag", "Forventet behov", "Gap"]
    # worked out from two numbers; the group's own words where the cells are words
    assert table[1] == ["Bostedsløse", "4 boliger", "12 boliger", "mangler 8 boliger"]
    assert table[2] == ["Flyktninger", "noen", "flere", "mangler store boliger"]
    text = "\n".join(p.text for p in document.paragraphs)
    for label in (
        "Befolkningsutviklingen",
        "Venteliste til kommunal bolig",
        "Bosetting av flyktninger",
        "Etterspørsel og tilbud",
        "Anskaffelse av boliger",
        "Priser og husleie",
    ):
        assert f"{label}:" in text, label
    assert "Svar på ettersporsel" in text and "Svar på demografi" in text


def test_a_need_row_without_numbers_or_words_is_marked_missing(store, tmp_path):
    session = store.create("Vik", "2027–2030")
    c = Conductor(SCRIPTS, session)
    c.store(pos(c, "kartlegging.behov"), [{"id": "r1", "malgruppe": "Unge", "i_dag": "", "behov": "mange", "gap": ""}])
    [result] = export(SCRIPTS, session, "grunnlag", "docx", tmp_path / "g.docx")
    assert "gapet for «Unge» (tall eller tekst)" in result.missing
    session.close()


def test_economic_instruments_stand_under_their_goal_area_not_the_organisation(store, tmp_path):
    session = store.create("Vik", "2027–2030")
    c = Conductor(SCRIPTS, session)
    c.submit(pos(c, "gap.malomrader"), "Økonomiske virkemidler\nSamhandling og tverrfaglig koordinering")
    c.submit(pos(c, "kartlegging.bruk"), "Startlån; 14 lån, 28 mill. kr; godt brukt; mer til barnefamilier")
    c.submit(pos(c, "kartlegging.virkemidler"), "Startlån ligger hos NAV")
    [result] = export(SCRIPTS, session, "grunnlag", "docx", tmp_path / "g.docx")
    document = docx.Document(result.path)
    paras = [p.text for p in document.paragraphs]
    areas = [n for n, t in enumerate(paras) if t.startswith("4.") and "Målområde" in t]
    economic = "\n".join(paras[areas[0] : areas[1]])
    table = tables_by_head(document)["Virkemiddel"]
    assert table[0] == ["Virkemiddel", "Omfang i fjor", "Vurdering", "Hva bør endres"]
    assert table[1] == ["Startlån", "14 lån, 28 mill. kr", "godt brukt", "mer til barnefamilier"]
    assert "Startlån ligger hos NAV" not in economic
    assert "Startlån ligger hos NAV" in "\n".join(paras[areas[1] :])
    session.close()


def test_plan_has_the_process_and_medvirkning_section_from_answers(filled, tmp_path):
    c = filled
    c.submit(pos(c, "oppstart.plantype"), "kommunedelplan")
    c.submit(
        pos(c, "medvirkning.innspill"),
        "Verksted med ungdomsrådet; små leiligheter i sentrum; Kommunale boliger; tatt med som tiltak",
    )
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(result.path)
    heads = headings(document)
    at = heads.index("1.3 Planprosess og medvirkning")
    assert heads[at + 1 : at + 4] == [
        "1.3.1 Arbeidsgruppa",
        "1.3.2 Medvirkningsplan",
        "1.3.3 Innspill og hvordan de er brukt",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "planbeskrivelse" in text  # a kommunedelplan: this is the planbeskrivelse's part
    tables = tables_by_head(document)
    assert tables["Aktivitet"][1] == [
        "Verksted med ungdomsrådet",
        "små leiligheter i sentrum",
        "Kommunale boliger",
        "tatt med som tiltak",
    ]
    participation = next(t for t in document.tables if t.rows[0].cells[1].text == "Form for medvirkning")
    assert participation.rows[0].cells[-1].text == "Tema"  # (1.4 has a table headed Målgruppe too: the need)
    assert "Kari Nordmann" in [r[0] for r in tables["Navn"]]


def test_participation_plan_rows_from_before_the_tema_column_still_work(store, tmp_path):
    session = store.create("Vik", "2027–2030")
    c = Conductor(SCRIPTS, session)
    old = [
        {
            "id": "r1",
            "malgruppe": "Barn og unge",
            "form": "verksted",
            "nar": "2027-04",
            "tilrettelegging": "på skolen",
            "ansvar": "Ola",
        }
    ]
    c.store(pos(c, "medvirkning.medvirkningsplan"), old)
    assert c.value(pos(c, "medvirkning.medvirkningsplan")) == old
    assert c.cell(c.field("medvirkning.medvirkningsplan"), old[0], "tema") in ("", None)
    [result] = export(SCRIPTS, session, "plan", "docx", tmp_path / "plan.docx")
    table = tables_by_head(docx.Document(result.path))["Målgruppe"]
    assert table[1][:2] == ["Barn og unge", "verksted"] and table[1][-1] == ""
    # editing the row adds the theme and keeps the rest
    c.submit(pos(c, "medvirkning.medvirkningsplan"), "Barn og unge; verksted; 2027-04; på skolen; Ola; bolig for unge")
    [row] = c.value(pos(c, "medvirkning.medvirkningsplan"))
    assert row["tema"] == "bolig for unge" and row["tilrettelegging"] == "på skolen"
    session.close()


def test_a_fresh_plan_shows_the_three_goal_areas_of_the_method_as_placeholders(store, tmp_path):
    session = store.create("Vik", "2027–2030")
    [plan] = export(SCRIPTS, session, "plan", "docx", tmp_path / "plan.docx")
    heads = headings(docx.Document(plan.path))
    assert [
        "3.1 Målområde Kommunale boliger",
        "3.2 Målområde Økonomiske virkemidler",
        "3.3 Målområde Innholdstjenester",
    ] == [h for h in heads if h.startswith("3.")]
    for name in ("Kommunale boliger", "Økonomiske virkemidler", "Innholdstjenester"):
        assert any(f"«{name}» er et forslag" in m for m in plan.missing), name
    session.close()


def test_long_term_goals_stand_apart_from_the_period_goals(filled, tmp_path):
    c = filled
    c.submit(pos(c, "prioritering.langsiktige_mal"), "Ingen skal være bostedsløse")
    [plan] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(plan.path)
    paras = [p.text for p in document.paragraphs]
    start = paras.index("2.1 Langsiktige hovedmål")
    period = paras.index("2.2 Boligsosiale mål for handlingsplanperioden 2027–2030")
    assert "Ingen skal være bostedsløse" in paras[start:period]
    assert "Tidsperspektiv: 2027–2040" in paras[start:period]
    assert "2 Hovedmål for boligsosialt arbeid i perioden 2027–2040" in paras


def test_gap_and_rating_questions_show_the_participation_input(filled):
    c = filled
    c.submit(
        pos(c, "medvirkning.innspill"),
        "Verksted; små leiligheter; Kommunale boliger; tiltak\nMøte; mer boveiledning; Innholdstjenester; tatt med",
    )
    areas = {a.text: a.id for a in c.items("gap.malomrader")}
    boliger = question_text(c, pos(c, "gap.status", areas["Kommunale boliger"]))
    assert "Innspill fra medvirkningen om Kommunale boliger" in boliger
    assert "små leiligheter" in boliger and "boveiledning" not in boliger
    rating = question_text(c, pos(c, "prioritering.vurderinger"))
    assert "små leiligheter" in rating and "boveiledning" in rating


def test_gap_text():
    assert gap_text("4", "12") == "mangler 8"
    assert gap_text("ca. 20 boliger", "15 boliger") == "5 boliger mer enn behovet"
    assert gap_text("3", "3") == "behovet er dekket"
    assert gap_text("noen", "12") == "" and gap_text("", "") == ""
    assert number_in("1 200 husstander") == (1200.0, "husstander")
    assert number_in("2,5") == (2.5, "") and number_in("12-15") is None


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["", " boliger", " husstander"]))
def test_gap_is_need_minus_today_for_any_two_counts(today, need, unit):
    text = gap_text(f"{format_number(today)}{unit}", f"{format_number(need)}{unit}")
    if need > today:
        assert text == f"mangler {format_number(need - today)}{unit}"
    elif need < today:
        assert text == f"{format_number(today - need)}{unit} mer enn behovet"
    else:
        assert text == "behovet er dekket"
