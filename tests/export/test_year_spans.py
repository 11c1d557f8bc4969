"""Spans of years in the documents are written with an en dash, however the group typed them."""

import docx
from export_fixtures import SCRIPTS, open_copy, pos

from bshp_tui.export.service import export
from bshp_tui.guide.conductor import Conductor


def test_a_horizon_typed_with_a_hyphen_is_written_with_an_en_dash(store, walked_file, tmp_path):
    session = open_copy(store, walked_file)  # Nord-Fron 2027–2030, walked
    c = Conductor(SCRIPTS, session)
    c.store(pos(c, "prioritering.horisont"), "2027-2040")
    c.store(pos(c, "oppstart.planperiode"), "2027 - 2030")  # an answer from before the period was checked
    assert c.value(pos(c, "prioritering.horisont")) == "2027-2040"  # the answer itself is kept as typed
    for kind in ("plan", "grunnlag"):
        [result] = export(SCRIPTS, session, kind, "docx", tmp_path / f"{kind}.docx")
        document = docx.Document(str(result.path))
        text = "\n".join(
            [p.text for p in document.paragraphs]
            + [cell.text for t in document.tables for row in t.rows for cell in row.cells]
        )
        assert "Tidsperspektiv: 2027–2040" in text, kind
        assert "2027-2040" not in text and "2027 - 2030" not in text and "2027-2030" not in text, kind
    [result] = export(SCRIPTS, session, "plan", "docx", tmp_path / "plan.docx")
    headings = [p.text for p in docx.Document(str(result.path)).paragraphs if p.style.name.startswith("Heading")]
    assert "2 Hovedmål for boligsosialt arbeid i perioden 2027–2040" in headings
    assert "3 Handlingsplan 2027–2030" in headings
    session.close()
