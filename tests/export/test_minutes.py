"""The day's minutes (referat): from a session with answers on two dates, each day's referat holds
that day's answers, who was present, the remarks, decisions, open questions and the next samling."""

import json

import pytest
from helpers import shipped_scripts

from bshp_tui.cli import main
from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.day import day_report, last_day
from bshp_tui.guide.workshop import new_workshop, save_workshop
from bshp_tui.store import session as session_module

SCRIPTS = shipped_scripts()


def pos(c, script, field, item=None):
    return Position(script, c.field(f"{script}.{field}").step_id, item, field)


@pytest.fixture
def two_days(store, monkeypatch):
    """Day one (2027-03-14): the working group and the framdriftsplan. Day two (2027-04-20): the
    goal areas and a measure, with a hostile text that must stay literal."""
    day = {"now": "2027-03-14T10:00:00+01:00"}
    monkeypatch.setattr(session_module, "now_iso", lambda: day["now"])
    with store.create("Molde", "2027–2030") as s:
        c = Conductor(SCRIPTS, s)
        c.submit(
            pos(c, "oppstart", "medlemmer"), "Kari Nordmann; NAV; 10 %; ja\nOla Hansen; Kommunestyret; møtene; politisk"
        )
        c.submit(
            pos(c, "oppstart", "samlinger"),
            "2027-03-14; Oppstart;\n2027-04-20; Gap-analyse;\n2027-06-02; Medvirkning; Kari",
        )
        save_workshop(s, new_workshop(c, "2027-03-14", ["oppstart"], ["Kari Nordmann"]))
        day["now"] = "2027-04-20T18:30:00+02:00"
        c.submit(pos(c, "gap", "malomrader"), "Kommunale boliger")
        area = c.items("gap.malomrader")[0].id
        c.submit(pos(c, "gap", "tiltak", area), "# Kjøpe 10 boliger | ![x](/etc/hostname)")
        save_workshop(s, new_workshop(c, "2027-04-20", ["gap"], ["Kari Nordmann", "Ola Hansen"]))
        session_id = s.id
    return session_id


def test_each_day_has_its_own_answers_present_and_next_samling(store, two_days):
    with store.open(two_days, read_only=True) as s:
        c = Conductor(SCRIPTS, s)
        assert last_day(s) == "2027-04-20"
        first, second = day_report(c, "2027-03-14"), day_report(c, "2027-04-20")
    assert first.present == ["Kari Nordmann"] and second.present == ["Kari Nordmann", "Ola Hansen"]
    assert [ch.step_title for ch in first.changes] == ["Arbeidsgruppa", "Framdriftsplan"]
    assert all(ch.script_title == "2. Kartlegging" or "Gap" in ch.script_title for ch in second.changes)
    assert first.next_workshop.theme == "Gap-analyse" and second.next_workshop.theme == "Medvirkning"
    assert any("Oppstart" in q for q in first.open_questions)
    assert all(q.startswith("Gap") for q in second.open_questions)


def referat(store, session_id: str, *args: str) -> int:
    """`bshp export <session> --document referat <args>`: its exit code."""
    return main(["--data", str(store.data_dir), "export", session_id, "--document", "referat", *args])


def test_the_referat_cli_writes_the_last_day_by_default_and_keeps_user_text_literal(store, two_days, tmp_path, capsys):
    out = tmp_path / "ref.json"
    assert referat(store, two_days, "--format", "json", "-o", str(out)) == 0
    doc = out.read_text(encoding="utf-8")
    assert "Kjøpe" in doc and "Ola" in doc and "Medvirkning" in doc
    assert '"Image"' not in doc and '"Table"' not in doc.split("Kjøpe")[0][-200:]
    blocks = json.loads(doc)["blocks"]
    headings = [" ".join(i["c"] for i in b["c"][2] if i["t"] == "Str") for b in blocks if b["t"] == "Header"]
    assert headings[:3] == ["Til stede", "Dagsorden", "Svar gitt eller endret"]
    assert "Neste samling" in headings and "Åpne spørsmål" in headings
    assert "Medlemmer" not in doc and "Kari Nordmann; NAV" not in doc  # day one's answers are not in day two's referat


def test_the_referat_for_a_chosen_date_in_markdown_and_docx(store, two_days, tmp_path):
    md = tmp_path / "ref.md"
    assert referat(store, two_days, "--date", "2027-03-14", "--format", "md", "-o", str(md)) == 0
    text = md.read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes the literal text
    assert "Referat fra samling 14. mars 2027" in text and "Kari Nordmann" in text and "Gap-analyse" in text
    assert "Kjøpe" not in text
    assert referat(store, two_days, "-o", str(tmp_path)) == 0
    assert (tmp_path / f"{two_days}-referat-2027-04-20.docx").stat().st_size > 0


def test_a_bad_date_gets_a_norwegian_message(store, two_days, capsys):
    assert referat(store, two_days, "--date", "14.03.2027") != 0
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err
