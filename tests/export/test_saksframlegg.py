"""The saksframlegg, and the plan's sammendrag, utfordringsbilde and målindikatorer."""

import docx
import pytest
from export_fixtures import SCRIPTS, open_copy, pos
from test_export import docx_headings

from bshp_tui.export.service import export
from bshp_tui.guide.conductor import Conductor

SAKSFRAMLEGG_HEADINGS = [
    (1, "1 Sammendrag"),
    (1, "2 Bakgrunn"),
    (2, "2.1 Hjemmel"),
    (2, "2.2 Mandat"),
    (2, "2.3 Prosess"),
    (1, "3 Vurdering"),
    (2, "3.1 Hovedutfordringer"),
    (2, "3.2 Prioriterte tiltak"),
    (1, "4 Økonomiske konsekvenser"),
    (1, "5 Forslag til vedtak"),
]


@pytest.fixture
def walked(store, walked_file):
    session = open_copy(store, walked_file)  # Nord-Fron 2027–2030, walked
    c = Conductor(SCRIPTS, session)
    yield c
    session.close()


def text_of(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_the_saksframlegg_has_its_parts_and_a_kommunedelplan_goes_to_consultation(walked, tmp_path):
    c = walked
    assert c.value(pos(c, "oppstart.plantype")) == "kommunedelplan"
    [result] = export(SCRIPTS, c.session, "saksframlegg", "docx", tmp_path / "sak.docx")
    document = docx.Document(str(result.path))
    assert [h for h in docx_headings(document) if h[1] != "Innhold"] == SAKSFRAMLEGG_HEADINGS
    text = text_of(document)
    assert "legges ut til høring og offentlig ettersyn" in text and "vedtas." not in text
    assert "Svar på mandat" in text  # the mandate under Bakgrunn
    assert "hovedmal en" in text  # the main goals in the summary
    top = [m for m in __import__("bshp_tui.guide.measures", fromlist=["x"]).ranked_measures(c) if m.rated][0]
    assert top.item.text in text
    assert "Tiltakene koster til sammen" in text
    economy = next(t for t in document.tables if t.rows[0].cells[0].text == "Målområde og post")
    assert [cell.text for cell in economy.rows[0].cells][1:] == ["2027", "2028", "2029", "2030", "Sum"]


def test_a_temaplan_is_adopted(walked, tmp_path):
    c = walked
    c.store(pos(c, "oppstart.plantype"), "temaplan")
    [result] = export(SCRIPTS, c.session, "saksframlegg", "docx", tmp_path / "sak.docx")
    text = text_of(docx.Document(str(result.path)))
    assert "Boligsosial handlingsplan 2027–2030 vedtas." in text
    assert "høring og offentlig ettersyn" not in text


def test_alle_includes_the_saksframlegg(walked, tmp_path):
    results = export(SCRIPTS, walked.session, "alle", "odt", tmp_path)
    assert "saksframlegg" in [r.document for r in results]


def test_the_plan_has_an_indicator_table_per_main_goal(walked, tmp_path):
    c = walked
    goals = c.items("prioritering.hovedmal")
    c.store(
        pos(c, "prioritering.indikatorer", goals[0].id),
        [
            {
                "id": "i1",
                "indikator": "Husstander på venteliste",
                "utgangspunkt": "42",
                "utgangsar": "2025",
                "mal": "20",
                "malar": "2030",
                "kilde": "venteliste",
            },
            {
                "id": "i2",
                "indikator": "Andel som eier",
                "utgangspunkt": "",
                "utgangsar": "2024",
                "mal": "60 %",
                "malar": "",
                "kilde": "KOSTRA",
            },
        ],
    )
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    headings = docx_headings(document)
    principles = next(n for n, h in enumerate(headings) if h[1].endswith(" Styrende prinsipper"))
    number = headings[principles][1].split()[0]
    assert headings[principles + 1] == (2, f"2.{int(number[2:]) + 1} Målindikatorer")
    tables = [
        t for t in document.tables if [x.text for x in t.rows[0].cells] == ["Indikator", "Utgangspunkt", "Mål", "Kilde"]
    ]
    assert len(tables) == len(goals)
    rows = [[x.text for x in r.cells] for r in tables[0].rows[1:]]
    assert rows[0] == ["Husstander på venteliste", "42 (2025)", "20 (2030)", "venteliste"]
    assert rows[1][0] == "Andel som eier" and rows[1][2:] == ["60 %", "KOSTRA"]
    assert rows[1][1].startswith("[Ikke utfylt: utgangspunkt for «Andel som eier»") and rows[1][1].endswith("(2024)")
    assert f"Hovedmål: {goals[0].text}" in text_of(document)


def test_indicators_of_a_removed_main_goal_still_show(walked, tmp_path):
    c = walked
    goals = c.items("prioritering.hovedmal")
    c.store(
        pos(c, "prioritering.indikatorer", goals[0].id),
        [
            {
                "id": "i1",
                "indikator": "Bostedsløse",
                "utgangspunkt": "12",
                "utgangsar": "2025",
                "mal": "0",
                "malar": "2030",
                "kilde": "KOSTRA",
            }
        ],
    )
    c.store(pos(c, "prioritering.hovedmal"), [{"id": g.id, "tekst": g.text} for g in goals[1:]])
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    assert "Indikatorer for et hovedmål som er fjernet fra lista" in text_of(document)
    rows = [[x.text for x in r.cells] for t in document.tables for r in t.rows]
    assert ["Bostedsløse", "12 (2025)", "0 (2030)", "KOSTRA"] in rows
    assert result.unplaced == []


def test_the_plan_opens_with_a_summary_and_the_challenges_with_key_figures(walked, tmp_path):
    c = walked
    c.store(pos(c, "kartlegging.antall"), 412)
    [result] = export(SCRIPTS, c.session, "plan", "docx", tmp_path / "plan.docx")
    document = docx.Document(str(result.path))
    headings = [h for h in docx_headings(document) if h[1] != "Innhold"]
    assert headings[:2] == [(1, "Sammendrag"), (1, "1 Innledning")]
    assert (2, "1.3 Planprosess og medvirkning") in headings  # the process first, then the challenges
    assert (2, "1.4 Utfordringsbilde") in headings
    text = text_of(document)
    summary = text[text.index("Boligsosial handlingsplan 2027–2030 for Nord-Fron") : text.index("Hva er boligsosial")]
    for part in ("Svar på status", "hovedmal en", "tiltak en (Kommunale boliger)", "Tiltakene koster til sammen"):
        assert part in summary, part
    figures = next(t for t in document.tables if t.rows[0].cells[0].text == "Nøkkeltall")
    rows = [[x.text.replace("\xa0", " ") for x in r.cells] for r in figures.rows[1:]]
    assert ["Antall kommunalt disponerte boliger", "412 boliger"] in rows
    need = text.index("Boligbehovet per målgruppe, fra kartleggingen:")
    assert text.index("Nøkkeltall fra kartleggingen:") < need < text.index("Hovedmål for boligsosialt arbeid")
    need_rows = [
        [x.text for x in r.cells] for t in document.tables for r in t.rows if t.rows[0].cells[0].text == "Målgruppe"
    ]
    assert len(need_rows) >= 2


def test_a_draft_without_costs_says_they_are_not_worked_out_not_that_all_needs_new_money(store, walked_file, tmp_path):
    """A plan whose measures have no cost yet must not tell the politicians «0 kr … Alt krever nye midler»."""
    session = open_copy(store, walked_file)  # Nord-Fron 2027–2030, walked
    c = Conductor(SCRIPTS, session)
    action_plans = [p for p in c.positions() if p.field_id == "handlingsplan"]
    assert action_plans
    for p in action_plans:
        rows = c.value(p)
        c.store(p, [{k: v for k, v in row.items() if k in ("id", "tiltak", "refs", "ansvar")} for row in rows])
    [result] = export(SCRIPTS, c.session, "saksframlegg", "docx", tmp_path / "sak.docx")
    text = text_of(docx.Document(str(result.path)))
    session.close()
    assert "Alt krever nye midler" not in text and "koster til sammen 0 kr" not in text
    assert "hva tiltakene koster" in text, text[text.find("Sammendrag") :][:1500]
