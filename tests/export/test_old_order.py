"""A session saved while medvirkning came after prioritering (guided sessions 4 and 5 swapped places)
opens under today's order, resumes at the question it stood on, keeps every answer and exports them.

The fixture was written by the app with the old prompt files: Oppstart through Prioritering
answered, Medvirkning answered up to the medvirkningsplan, every text a unique marker (M001…)."""

import json
import re
import shutil

from export_fixtures import SCRIPTS
from helpers import ROOT
from test_placement import all_docx
from walk import walk

from bshp_tui.export.service import export
from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.transcript import build_turns

FIXTURE = ROOT / "tests" / "fixtures" / "session-old-order.json"
STOOD_ON = Position("medvirkning", "medvirkningsplan", None, "medvirkningsplan")


def old_session(store):
    store.path_for("gammelvik").parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE, store.path_for("gammelvik"))
    return store.open("gammelvik")


def stored_answers():
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return {row["key"]: row["value"] for row in raw["answers"].values()}


def test_the_order_is_medvirkning_before_prioritering_everywhere_it_is_told():
    ids = [s.id for s in SCRIPTS]
    assert ids.index("kartlegging") < ids.index("gap") < ids.index("medvirkning") < ids.index("prioritering")
    # the framdriftsplan's default samlinger, the help and the README tell the same order
    themes = [row.split(";")[1] for row in next(f for s in SCRIPTS for f in s.fields() if f.id == "samlinger").defaults]
    first = {w: next(n for n, t in enumerate(themes) if w in t.lower()) for w in ("medvirkning", "prioritering")}
    assert first["medvirkning"] < first["prioritering"]
    help_text = (ROOT / "bshp_tui" / "ui" / "help.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert help_text.index("**medvirkning**") < help_text.index("**prioritering**")
    assert readme.index("4. **Medvirkning**") < readme.index("5. **Prioritering**")


def test_an_old_order_session_resumes_at_the_same_question_with_every_answer(store):
    session = old_session(store)
    c = Conductor(SCRIPTS, session)
    assert c.cursor() == STOOD_ON
    assert session.answers() == stored_answers()
    assert c.script_progress("prioritering") == 1.0 and 0 < c.script_progress("medvirkning") < 1
    # the rebuilt conversation ends with the question the group stood on
    turns = build_turns(c)
    assert "Én linje per målgruppe: målgruppe; form for medvirkning" in turns[-1].text
    # after the rest of medvirkning, the next unanswered question is in tiltak: prioritering is done
    for field_id in ("medvirkningsplan", "moteplan", "innspill"):
        pos = next(p for p in c.positions() if p.script_id == "medvirkning" and p.field_id == field_id)
        c.submit(
            pos,
            "Ungdom; verksted; 2027-04; på skolen; Kari; bolig for unge"
            if field_id == "medvirkningsplan"
            else "18:00; hvorfor; hva; IGP; 30; Kari; lapper"
            if field_id == "moteplan"
            else "Verksted; små leiligheter; Kommunale boliger; tatt med som tiltak",
        )
    assert c.resume_point().script_id == "tiltak"
    session.close()


def test_an_old_order_session_exports_every_answer(store, tmp_path):
    session = old_session(store)
    c = Conductor(SCRIPTS, session)
    results = export(SCRIPTS, session, "alle", "docx", tmp_path)
    assert all(r.unplaced == [] for r in results)
    text = all_docx(results)
    markers = sorted(set(re.findall(r"M\d{3}[a-z]+", json.dumps(stored_answers(), ensure_ascii=False))))
    assert len(markers) > 100
    assert [m for m in markers if m not in text] == []
    # and the group can finish it: the walk reaches 100 % without touching what was stored
    walk(c)
    assert c.overall_progress() == 1.0
    answers = session.answers()
    assert all(answers[k] == v for k, v in stored_answers().items())
    session.close()
