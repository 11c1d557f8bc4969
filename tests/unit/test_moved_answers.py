"""A field that moves to another guided session keeps its answer (`tidligere:`)."""

import json
import shutil

from helpers import ROOT, shipped_scripts

from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.scripts.loader import check_folder

SCRIPTS = shipped_scripts()
ROWS = [{"id": "r1", "navn": "Ungdomsrådet", "type": "bruker", "hvorfor": "berørt"}]


def test_an_answer_under_the_old_key_moves_in_one_write(store):
    with store.create("Vik") as s:
        s.set_answer("medvirkning/interessenter", ROWS)
        s.set_draft("medvirkning/uten_talsperson", "Bostedsløse")
        c = Conductor(SCRIPTS, s)
        assert c.value(Position("kartlegging", "interessenter", None, "interessenter")) == ROWS
        assert "medvirkning/interessenter" not in s.answers()
        assert s.draft("kartlegging/uten_talsperson") == "Bostedsløse"
    raw = json.loads(store.path_for("vik").read_text(encoding="utf-8"))
    keys = {d["key"] for d in raw["answers"].values()}
    assert "kartlegging/interessenter" in keys and "medvirkning/interessenter" not in keys


def test_an_answer_already_under_the_new_key_is_never_replaced(store):
    with store.create("Vik") as s:
        s.set_answer("medvirkning/interessenter", ROWS)
        newer = [{"id": "r2", "navn": "Utleiere", "type": "privat", "hvorfor": "har boliger"}]
        s.set_answer("kartlegging/interessenter", newer)
        Conductor(SCRIPTS, s)
        assert s.answer("kartlegging/interessenter") == newer
        assert s.answer("medvirkning/interessenter") == ROWS  # kept, and reported after export


def test_a_read_only_view_reads_the_moved_answer_and_writes_nothing(store):
    with store.create("Vik") as s:
        s.set_answer("medvirkning/interessenter", ROWS)
    before = store.path_for("vik").read_bytes()
    ro = store.open("vik", read_only=True)
    Conductor(SCRIPTS, ro)
    assert ro.answer("kartlegging/interessenter") == ROWS
    ro.close()
    assert store.path_for("vik").read_bytes() == before


def test_a_former_key_must_name_a_field(tmp_path):
    folder = tmp_path / "p"
    shutil.copytree(ROOT / "prompts", folder)
    path = folder / "2-kartlegging.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("tidligere: medvirkning.interessenter", "tidligere: interessenter"),
        encoding="utf-8",
    )
    _, problems = check_folder(folder)
    assert any("«tidligere: interessenter»" in str(p) for p in problems)
