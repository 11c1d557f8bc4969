"""Yearly follow-up: each year's status is kept, and the status report reads it back."""

import docx
from export_fixtures import SCRIPTS, pos
from followup_fixtures import HOSTILE_MEASURE, year_item
from helpers import run_bshp
from odf import teletype
from odf.opendocument import load as load_odt
from odf.text import P

from bshp_tui.export.service import export
from bshp_tui.guide import followup as F
from bshp_tui.guide.answer_text import initial_text
from bshp_tui.guide.conductor import Conductor


def docx_text(path):
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def table_rows(path, first_header):
    document = docx.Document(path)
    out = []
    for table in document.tables:
        if table.rows[0].cells[0].text == first_header:
            out.append([[c.text for c in row.cells] for row in table.rows])
    return out


def test_each_year_keeps_its_own_status(followed):
    c = followed
    first = c.value(pos(c, "oppfolging.tiltak", year_item(c, 2027).id))
    # the next year is added at the start of the session; its table starts from last year
    c.submit(pos(c, "oppfolging.ar"), "2027\n2028")
    y28 = year_item(c, 2028)
    seeded = initial_text(c, pos(c, "oppfolging.tiltak", y28.id)).splitlines()
    assert [line.split(";")[0].strip() for line in seeded] == [HOSTILE_MEASURE, "Boveiledning"]  # done in 2027: gone
    assert seeded[0].split(";")[1].strip() == "i gang"  # last year's status as the starting point
    assert initial_text(c, pos(c, "oppfolging.indikatorer", y28.id)).splitlines() == [
        "Bostedsløse; ; ",
        "Venteliste; ; ",
    ]
    c.submit(
        pos(c, "oppfolging.tiltak", y28.id),
        f"{HOSTILE_MEASURE}; gjennomført; innflyttet; 90 000; 1 500 000\nBoveiledning; utsatt; mangler folk; 0;",
    )
    # 2027 is exactly as it was
    assert c.value(pos(c, "oppfolging.tiltak", year_item(c, 2027).id)) == first
    by_name = {m.name: m for m in F.measures(c)}
    assert [(s.year, s.status) for s in F.history(c, by_name[HOSTILE_MEASURE])] == [
        (2027, "i gang"),
        (2028, "gjennomført"),
    ]
    assert [(s.year, s.status) for s in F.history(c, by_name["Kartlegge behov"])] == [(2027, "gjennomført")]
    assert F.status_in(c, by_name["Kartlegge behov"], 2028).status == "gjennomført"  # carried, not rewritten


def test_a_renamed_measure_keeps_its_history(store):
    session = store.create("Omdøpt", "2027–2030")
    c = Conductor(SCRIPTS, session)
    c.submit(pos(c, "gap.malomrader"), "Kommunale boliger")
    area = c.items("gap.malomrader")[0]
    c.submit(pos(c, "gap.tiltak", area.id), "Startlån til flere")
    c.submit(pos(c, "tiltak.handlingsplan", area.id), "S; Startlån til flere; NAV; 2028; 10; ; ; ; ja")
    c.submit(pos(c, "oppfolging.ar"), "2027")
    c.submit(pos(c, "oppfolging.tiltak", year_item(c, 2027).id), "Startlån til flere; i gang; ;;")
    c.submit(pos(c, "gap.tiltak", area.id), "Startlån til barnefamilier")
    (measure,) = F.measures(c)
    assert measure.name == "Startlån til barnefamilier"
    assert [s.status for s in F.history(c, measure)] == ["i gang"]
    session.close()


def test_status_report_docx_per_goal_area_money_summary_and_indicators(followed, tmp_path):
    c = followed
    c.submit(pos(c, "oppfolging.ar"), "2027\n2028")
    y28 = year_item(c, 2028)
    c.submit(pos(c, "oppfolging.tiltak", y28.id), f"{HOSTILE_MEASURE}; gjennomført; innflyttet; 90 000; 1 500 000")
    c.submit(pos(c, "oppfolging.indikatorer", y28.id), "Bostedsløse; 11;\nVenteliste; 24;")
    (result,) = export(SCRIPTS, c.session, "statusrapport", "docx", tmp_path / "s.docx", year=2028)
    text = docx_text(result.path)
    status = table_rows(result.path, "Tiltak")
    first_area = status[0]
    assert first_area[0] == ["Tiltak", "Ansvarlig", "Tidsfrist", "Status", "Kommentar"]
    assert first_area[1] == [HOSTILE_MEASURE, "Eiendom", "2027", "gjennomført", "innflyttet"]
    assert first_area[2][3] == "ikke startet (status fra 2027)"  # no row for Boveiledning in 2028
    assert "status for «Boveiledning» i 2028" in result.missing
    # money used against planned, this year: drift 100 000 planned (2027–2028), investering spread 1 000 000
    money = next(t for t in status if t[0][1] == "Planlagt drift")
    assert [cell.replace("\xa0", " ") for cell in money[1]] == [
        HOSTILE_MEASURE,
        "100 000",
        "90 000",
        "1 000 000",
        "1 500 000",
    ]
    assert "Kartlegge behov" in text and "gjennomført (status fra 2027)" in text
    # for the budget: next year's plan for what is still going on (Boveiledning, 50 000 a year)
    assert (
        "Til budsjettet for 2029: tiltakene som ikke er gjennomført eller avlyst, har planlagt 50 000 kr i drift og 0 kr i investering i 2029."
        in text.replace("\xa0", " ")
    )
    # summary: how many are completed, which are late (Boveiledning's deadline 2028, not done)
    assert "2 av 3 tiltak er gjennomført" in text
    late = text.split("Forsinket eller utsatt i 2028")[1].split("Brukt i 2028")[0]
    assert "Boveiledning" in late and HOSTILE_MEASURE not in late
    history = next(t for t in status if t[0] == ["Tiltak", "2027", "2028"])
    assert history[1] == [HOSTILE_MEASURE, "i gang", "gjennomført"]
    indicators = [[x.replace("\xad", "") for x in row] for row in table_rows(result.path, "Indikator")[0]]
    assert indicators == [
        ["Indikator", "Utgangspunkt", "Mål", "2027", "2028"],
        ["Bostedsløse", "–", "–", "14", "11"],
        ["Venteliste", "–", "–", "30", "24"],
    ]


def test_status_report_shows_each_plan_indicator_with_its_baseline_and_target(followed, tmp_path):
    c = followed
    c.submit(pos(c, "prioritering.hovedmal"), "Færre bostedsløse\nKortere ventetid")
    fewer, shorter = c.items("prioritering.hovedmal")
    c.submit(pos(c, "prioritering.indikatorer", fewer.id), "bostedsløse; 18; 2025; 5; 2030; telling")
    c.submit(pos(c, "prioritering.indikatorer", shorter.id), "Ventetid i uker; 26; 2025; 8; ; fagsystemet")
    (result,) = export(SCRIPTS, c.session, "statusrapport", "docx", tmp_path / "s.docx", year=2027)
    indicators = [[x.replace("\xad", "") for x in row] for row in table_rows(result.path, "Indikator")[0]]
    assert indicators == [
        ["Indikator", "Utgangspunkt", "Mål", "2027"],
        ["bostedsløse", "18 (2025)", "5 (2030)", "14"],  # reported as «Bostedsløse»
        ["Ventetid i uker", "26 (2025)", "8", "–"],  # in the plan, not reported yet
        ["Venteliste", "–", "–", "30"],
    ]  # reported, not in the plan


def test_status_report_for_an_earlier_year_and_in_odt(followed, tmp_path):
    (result,) = export(SCRIPTS, followed.session, "statusrapport", "odt", tmp_path, year=2027)
    assert result.path.name.endswith("-statusrapport.odt")
    text = "\n".join(teletype.extractText(p) for p in load_odt(str(result.path)).getElementsByType(P))
    assert HOSTILE_MEASURE in text  # literal: no heading, no table, no bold
    late = text.split("Forsinket eller utsatt i 2027")[1].split("Brukt i 2027")[0]
    assert HOSTILE_MEASURE in late  # deadline 2027, still in progress
    assert "1 av 3 tiltak er gjennomført" in text


def test_status_report_md_keeps_hostile_names_literal(followed, tmp_path):
    (result,) = export(SCRIPTS, followed.session, "statusrapport", "md", tmp_path / "s.md")
    md = result.path.read_text(encoding="utf-8")
    assert "<b>nå</b>" not in md and "\\*boliger\\*" in md


def test_status_report_cli_and_its_errors(followed, tmp_path):
    data = followed.session.store.data_dir
    sid = followed.session.id
    followed.session.close()
    ok = run_bshp("export", sid, "--document", "statusrapport", "--year", "2027", "-o", tmp_path / "r.docx", data=data)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "r.docx").exists()
    for args, words in (
        ((sid, "--document", "statusrapport", "--year", "20x7"), "Ugyldig år"),
        ((sid, "--year", "2027"), "bare statusrapporten"),
        (("finnes-ikke", "--document", "statusrapport"), "Fant ingen økt"),
        ((sid, "--document", "statusrapport", "-o", tmp_path / "nei" / "r.docx"), "finnes ikke"),
    ):
        bad = run_bshp("export", *args, data=data)
        assert bad.returncode != 0 and words in bad.stderr and "Traceback" not in bad.stderr, bad.stderr


def test_measures_with_the_same_name_in_two_goal_areas_keep_separate_histories(store):
    session = store.create("Tvilling", "2027–2030")
    c = Conductor(SCRIPTS, session)
    c.submit(pos(c, "gap.malomrader"), "Kommunale boliger\nInnholdstjenester")
    for area in c.items("gap.malomrader"):
        c.submit(pos(c, "gap.tiltak", area.id), "Boveiledning")
        c.submit(pos(c, "tiltak.handlingsplan", area.id), "S; Boveiledning; NAV; 2028; 10; ; ; ; ja")
    c.submit(pos(c, "oppfolging.ar"), "2027")
    y27 = year_item(c, 2027).id
    c.submit(
        pos(c, "oppfolging.tiltak", y27),
        initial_text(c, pos(c, "oppfolging.tiltak", y27))
        .replace("Boveiledning; ;", "Boveiledning; i gang;", 1)
        .replace("Boveiledning; ;", "Boveiledning; avlyst;", 1),
    )
    first, second = F.measures(c)
    assert [s.status for s in F.history(c, first)] == ["i gang"]
    assert [s.status for s in F.history(c, second)] == ["avlyst"]
    session.close()


def test_row_ids_repeat_across_goal_areas_without_mixing_histories(store):
    # each goal area's action plan is its own table, so the same row id can occur in both
    session = store.create("Radby", "2027–2030")
    c = Conductor(SCRIPTS, session)
    c.submit(pos(c, "gap.malomrader"), "Kommunale boliger\nInnholdstjenester")
    for area, name in zip(c.items("gap.malomrader"), ("Bygge", "Veilede")):
        c.store(pos(c, "tiltak.handlingsplan", area.id), [{"id": "r1", "tiltak": name, "tidsfrist": "2027"}])
    c.submit(pos(c, "oppfolging.ar"), "2027")
    c.submit(pos(c, "oppfolging.tiltak", year_item(c, 2027).id), "Bygge; i gang; ;;")
    build, guide = F.measures(c)
    assert [s.status for s in F.history(c, build)] == ["i gang"]
    assert F.history(c, guide) == []
    session.close()


def test_a_finished_plan_points_to_the_follow_up(filled):
    from bshp_tui.guide.transcript import done_text

    assert filled.cursor() is None  # the whole plan is written
    assert "Oppfølging og rullering" in done_text(filled) and "/eksporter statusrapport" in done_text(filled)
