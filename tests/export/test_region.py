"""The regional summary: several kommuner side by side; a damaged or missing session is skipped."""

import docx
import pytest
from export_fixtures import SCRIPTS, pos
from followup_fixtures import HOSTILE_MEASURE, planned
from helpers import run_bshp
from odf import teletype
from odf.opendocument import load as load_odt
from odf.text import P

from bshp_tui.errors import BshpError
from bshp_tui.export.region import export_region, read_region
from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.swot import swot_by_role_group

HOSTILE_KOMMUNE = "Sør-*Fron* <i>x</i> # 1"


def tables(path):
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(path).tables]


def docx_text(path):
    document = docx.Document(path)
    return "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )


def swot(c, roles):
    c.submit(pos(c, "oppstart.rollegrupper"), "\n".join(roles))
    for role in c.items("oppstart.rollegrupper"):
        c.submit(pos(c, "oppstart.sterke", role.id), f"Sterk {role.text}\nTradisjon")
        c.submit(pos(c, "oppstart.svake", role.id), f"Svak {role.text}")


@pytest.fixture
def region(store):
    ids = []
    a = store.create("Fjordby", "2027–2030")
    c = Conductor(SCRIPTS, a)
    planned(c)
    swot(c, ["Politisk", "NAV og sosial"])
    c.submit(pos(c, "kartlegging.antall"), "120")
    ids.append(a.id)
    a.close()
    b = store.create(HOSTILE_KOMMUNE, "2028–2031")
    c = Conductor(SCRIPTS, b)
    c.submit(pos(c, "gap.malomrader"), "Kommunale boliger\nBarn og unge")
    area = c.items("gap.malomrader")[0]
    c.submit(
        pos(c, "tiltak.handlingsplan", area.id),
        f"S; {HOSTILE_MEASURE.upper()}; Bolig; 2029; 30 000; ; ; ; ja\nS; Egen idé; NAV; 2029; ; ; ; ; ja",
    )
    swot(c, ["politisk", "Helse og omsorg"])
    c.submit(pos(c, "kartlegging.antall"), "35")
    ids.append(b.id)
    b.close()
    damaged = store.create("Skadet", "2027–2030")
    ids.append(damaged.id)
    damaged.close()
    store.path_for(damaged.id).write_bytes(b'{"meta": {"1": ')
    return store, ids


def test_region_with_a_damaged_session_docx(region, tmp_path):
    store, ids = region
    result = export_region(store, SCRIPTS, ids, "docx", tmp_path / "r.docx")
    assert [k.name for k in result.kommuner] == ["Fjordby", HOSTILE_KOMMUNE]
    assert [sid for sid, _why in result.skipped] == [ids[2]]
    text = docx_text(tmp_path / "r.docx")
    assert f"«{ids[2]}»" in text and "skadet" in text  # the note in the document
    found = tables(tmp_path / "r.docx")
    # SWOT per role group across the kommuner: «Politisk» and «politisk» are one group
    politisk = next(t for t in found if t[0][0] == "Kommune" and len(t) == 3 and "Politisk" in t[1][1])
    assert politisk[0] == ["Kommune", "Sterke sider", "Svake sider", "Muligheter", "Trusler"]
    assert [r[0] for r in politisk[1:]] == ["Fjordby", HOSTILE_KOMMUNE]
    assert politisk[1][1] == "Sterk Politisk\nTradisjon" and politisk[2][2] == "Svak politisk"
    # side by side: number of measures and cost
    overview = next(t for t in found if t[0][:4] == ["Kommune", "Planperiode", "Målområder", "Tiltak"])
    assert [r[3] for r in overview[1:]] == ["3", "2"]
    # drift in the plan period: 100 000 in 2027–2028, 50 000 every year, 20 000 in 2027
    assert overview[0][4] == "Drift i planperioden (kr)" and overview[1][4].replace("\xa0", " ") == "420 000"
    areas = next(t for t in found if t[0][0] == "Målområde")
    assert areas[1][0] == "Kommunale boliger" and areas[1][2].replace("\xa0", " ") == "2 tiltak, 120 000 kr"
    assert any(r[0] == "Barn og unge" and r[1] == "–" for r in areas[1:])
    # shared measures: the same name (any case) in two kommuner
    shared = next(t for t in found if t[0] == ["Tiltak", "Kommuner"])
    assert shared[1] == [HOSTILE_MEASURE, f"Fjordby, {HOSTILE_KOMMUNE}"]
    figures = next(t for t in found if t[0][0] == "Nøkkeltall")
    assert figures[0] == ["Nøkkeltall", "Fjordby", HOSTILE_KOMMUNE]
    assert any(r[1:] == ["120 boliger", "35 boliger"] for r in figures[1:])


def test_region_odt_reads_back_and_names_stay_literal(region, tmp_path):
    store, ids = region
    export_region(store, SCRIPTS, ids[:2] + ["finnes-ikke"], "odt", tmp_path / "r.odt")
    text = "\n".join(teletype.extractText(p) for p in load_odt(str(tmp_path / "r.odt")).getElementsByType(P))
    assert HOSTILE_KOMMUNE in text and HOSTILE_MEASURE in text
    assert "«finnes-ikke»" in text
    html = tmp_path / "r.html"
    export_region(store, SCRIPTS, ids[:2], "html", html)
    page = html.read_text(encoding="utf-8")
    assert "<i>x</i>" not in page and "&lt;i&gt;x&lt;/i&gt;" in page


def test_swot_is_read_per_role_group_as_the_documents_read_it(region):
    store, ids = region
    snapshot = store.open(ids[0], read_only=True)
    roles = swot_by_role_group(Conductor(SCRIPTS, snapshot))
    snapshot.close()
    assert [r.group.text for r in roles] == ["Politisk", "NAV og sosial"]
    assert roles[0].points["sterke"] == ["Sterk Politisk", "Tradisjon"] and roles[0].points["trusler"] == []
    # the regional summary holds the same reading, not one of its own
    [first, *_] = read_region(store, SCRIPTS, ids[:1]).kommuner
    assert first.swot == roles


def test_region_of_nothing_readable_is_an_error(region, tmp_path):
    store, ids = region
    with pytest.raises(BshpError, match="Ingen av øktene"):
        export_region(store, SCRIPTS, [ids[2], "finnes-ikke"], "docx", tmp_path / "r.docx")
    assert not (tmp_path / "r.docx").exists()
    assert len(read_region(store, SCRIPTS, ids).kommuner) == 2


def test_region_cli(region, tmp_path):
    store, ids = region
    out = tmp_path / "region.md"
    ok = run_bshp("region", *ids, "-o", out, data=store.data_dir)  # the format from the file name
    assert ok.returncode == 0, ok.stderr
    assert f"hoppet over «{ids[2]}»" in ok.stderr and "Traceback" not in ok.stderr
    assert "Fjordby" in out.read_text(encoding="utf-8") and "med 2 kommuner" in ok.stdout
    for args, words in (
        (("finnes-ikke", "-o", tmp_path / "x.docx"), "Ingen av øktene"),
        ((ids[0], "-o", tmp_path / "nei" / "x.docx"), "finnes ikke"),
        ((ids[0],), "mangler argument"),
        ((ids[0], "--format", "pdf", "-o", tmp_path / "x.pdf"), "ugyldig valg"),
    ):
        bad = run_bshp("region", *args, data=store.data_dir)
        assert bad.returncode != 0 and words in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
