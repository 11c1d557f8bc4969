"""A table column marked `| påkrevd` (the framdriftsplan's «Tidspunkt»): a new or changed row
without it is refused with a message naming the column; rows stored before the rule still load,
show, keep their place when the table is sent again unchanged, and reach the documents."""

from pathlib import Path

import pytest
from export_fixtures import SCRIPTS, pos

from bshp_tui.export.service import export
from bshp_tui.guide.answer_text import format_value, initial_text
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.grammar import parse_column
from bshp_tui.scripts.values import ValidationError


def test_the_column_syntax_marks_a_column_required():
    errors: list = []
    assert parse_column("tidspunkt: Tidspunkt | dato | påkrevd", 1, Path("x.md"), errors).required
    assert parse_column("tema: Tema | påkrevd", 1, Path("x.md"), errors).required
    col = parse_column("tidspunkt: Tidspunkt | dato", 1, Path("x.md"), errors)
    assert col.kind == "dato" and not col.required
    assert errors == []


def test_the_framdriftsplan_needs_a_time_for_every_samling():
    fld = next(f for s in SCRIPTS for f in s.fields() if f.id == "samlinger")
    assert fld.column("tidspunkt").required


def test_a_row_without_a_time_is_refused_naming_the_column(store):
    session = store.create("Sel", "2027–2030")
    try:
        c = Conductor(SCRIPTS, session)
        p = pos(c, "oppstart.samlinger")
        with pytest.raises(ValidationError) as refused:
            c.submit(p, "2027-03; Oppstart; Kari\n; Kartlegging; Ola")
        assert str(refused.value) == "Linje 2: Tidspunkt må fylles ut (år, måned eller dato)."
        assert c.value(p) in (None, [], "")  # nothing half-stored
        # The shipped suggestions come without dates: sent as they are, the first line is refused.
        with pytest.raises(ValidationError, match="Linje 1: Tidspunkt må fylles ut"):
            c.submit(p, initial_text(c, p))
        c.submit(p, "2027-03; Oppstart; Kari\n2027-05; Kartlegging; Ola")
        assert [r["tidspunkt"] for r in c.value(p)] == ["2027-03", "2027-05"]
    finally:
        session.close()


def test_rows_stored_without_a_time_still_load_show_and_export(store, tmp_path):
    session = store.create("Sel", "2027–2030")
    try:
        session.set_answer(
            "oppstart/samlinger",
            [
                {"id": "s1", "tidspunkt": "", "tema": "Oppstart", "ansvar": "Kari"},
                {"id": "s2", "tema": "Kartlegging og gap-analyse"},
            ],
        )
        c = Conductor(SCRIPTS, session)
        p = pos(c, "oppstart.samlinger")
        shown = format_value(c, c.field(p), c.value(p))
        assert "Oppstart; Kari" in shown and "Kartlegging og gap-analyse" in shown
        # Sent again as the input shows them, the stored rows stay exactly as they were.
        c.submit(p, initial_text(c, p))
        assert [r["id"] for r in c.value(p)] == ["s1", "s2"]
        assert c.value(p)[1] == {"id": "s2", "tema": "Kartlegging og gap-analyse"}
        out = tmp_path / "arbeid.md"
        export(SCRIPTS, session, "arbeidsdokumenter", "md", out)
        text = out.read_text(encoding="utf-8")
        assert "Oppstart" in text and "Kartlegging og gap-analyse" in text
    finally:
        session.close()
