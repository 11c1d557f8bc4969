"""Every answer reaches the documents: bindings declared in the prompt files, goal areas linked
explicitly, the catch-all in the background document, and the warning for what is left out."""

import json
import shutil
import subprocess

import docx
from distinct_walk import distinct_walk
from export_fixtures import HOSTILE, SCRIPTS, pos
from helpers import ROOT, run_bshp
from walk import ANSWERS, walk

from bshp_tui.export.ast import plain_text
from bshp_tui.export.pandoc import pandoc_path
from bshp_tui.export.service import export
from bshp_tui.guide import measures
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.loader import load_folder


def docx_text(path):
    """All visible text of a DOCX: paragraphs and every table cell, tables inside cells too."""
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    for table in document.tables:
        cells(table)
    return "\n".join(parts)


def all_docx(results):
    return "\n".join(docx_text(r.path) for r in results)


def test_every_distinct_answer_of_the_shipped_prompts_is_in_the_docx(store, tmp_path):
    session = store.create("Markørby", "2027–2030")
    c = Conductor(SCRIPTS, session)
    expected = distinct_walk(c)
    answered = {k for k, _ in expected}
    # every field of the shipped prompts was answered (the conditional tables once: the other branch
    # of the plan type is not shown)
    fields = {f.ref_id for s in SCRIPTS for f in s.fields()} - {"oppstart.formelle_steg", "oppstart.politiske_steg"}
    reached = {k.split("@")[0].replace("/", ".") for k in answered}
    assert fields - reached <= {"prioritering.vurderinger"}
    results = export(SCRIPTS, session, "alle", "docx", tmp_path)
    text = all_docx(results)
    missing = [(key, value) for key, value in expected if value not in text]
    assert missing == []
    assert results[0].unplaced == []
    # the ratings: each measure's numbers on every scale and sum in the ranked table of the working papers
    papers = docx.Document(results[2].path)
    ranked = next(t for t in papers.tables if t.rows[0].cells[0].text == "Nr.")
    scales = [s.id for s in c.field("prioritering.vurderinger").scales]
    rows = {r.cells[1].text.split("\n")[0]: [c.text for c in r.cells[2 : 3 + len(scales)]] for r in ranked.rows[1:]}
    for m in measures.ranked_measures(c):
        assert rows[m.item.text] == [str(m.ratings[s]) for s in scales] + [str(m.score)]
    session.close()


def test_answers_that_used_to_be_lost_are_in_the_documents(store, tmp_path):
    session = store.create("Kilder")
    c = Conductor(SCRIPTS, session)
    walk(c)
    c.submit(pos(c, "kartlegging.andre_kilder"), "Fylkesmannens rapport; Kari henter tallene")
    c.submit(pos(c, "kartlegging.mangler"), "Ventetid for boveiledning\nHvor mange som bor i campingvogn")
    c.submit(pos(c, "prioritering.kommentar"), "Enige, men Kjøpe 10 boliger må inn i økonomiplanen")
    results = export(SCRIPTS, session, "alle", "docx", tmp_path)
    plan, grunnlag, papers = (docx_text(r.path) for r in results[:3])
    assert "Fylkesmannens rapport; Kari henter tallene" in grunnlag
    assert "Delvis" in grunnlag  # kartlegging.vurdering
    assert "Hvor mange som bor i campingvogn" in grunnlag and "Hvor mange som bor i campingvogn" in plan
    assert "Enige, men Kjøpe 10 boliger må inn i økonomiplanen" in papers
    satsing = c.items("gap.malomrader")[0].text
    assert f"Målområdene vi satser mest på i perioden: {satsing}" in plan
    session.close()


def _heading_index(paragraphs, prefix):
    return next(i for i, p in enumerate(paragraphs) if p.style.name.startswith("Heading") and p.text.startswith(prefix))


def _under(path, heading_prefix, text):
    """Whether `text` is in a paragraph between the heading starting with `heading_prefix` and the
    next heading of the same or a higher level."""
    paragraphs = docx.Document(path).paragraphs
    start = _heading_index(paragraphs, heading_prefix)
    level = int(paragraphs[start].style.name.split()[-1])
    for p in paragraphs[start + 1 :]:
        name = p.style.name
        if name.startswith("Heading") and name.split()[-1].isdigit() and int(name.split()[-1]) <= level:
            return False
        if text in p.text:
            return True
    return False


def _walk_with_areas(store, areas, name):
    session = store.create(name)
    c = Conductor(SCRIPTS, session)
    saved = dict(ANSWERS)
    ANSWERS["gap/malomrader"] = areas
    try:
        walk(c)
    finally:
        ANSWERS.clear()
        ANSWERS.update(saved)
    c.submit(pos(c, "kartlegging.boveiledning"), "Boveiledning: 1,5 årsverk, ventetid 3 uker")
    c.submit(pos(c, "kartlegging.utkastelser"), "4")
    c.submit(pos(c, "kartlegging.okonomisk_veiledning"), "NAV har to gjeldsrådgivere")
    c.submit(pos(c, "kartlegging.oppfolging"), "Oppfølgingsrutine: samtale hvert halvår")
    return session, c


MAPPING = [
    "Boveiledning: 1,5 årsverk, ventetid 3 uker",
    "4 utkastelser",
    "NAV har to gjeldsrådgivere",
    "Oppfølgingsrutine: samtale hvert halvår",
]


def test_goal_areas_named_without_keywords_keep_the_mapping(store, tmp_path):
    session, c = _walk_with_areas(store, "Bosetting av flyktninger\nBarn og unge", "Nye navn")
    [result] = export(SCRIPTS, session, "grunnlag", "docx", tmp_path / "g.docx")
    for text in MAPPING:
        assert _under(result.path, "5.4 Flere svar fra arbeidsgruppa", text), text
    assert result.unplaced == []
    # the group links the service mapping to "Barn og unge": it moves there, and only there
    children = next(a for a in c.items("gap.malomrader") if a.text == "Barn og unge")
    c.submit(pos(c, "gap.kobling_innholdstjenester"), "Barn og unge")
    assert c.value(pos(c, "gap.kobling_innholdstjenester")) == [children.id]
    [result] = export(SCRIPTS, session, "grunnlag", "docx", tmp_path / "g2.docx")
    assert _under(result.path, "4.2 Målområde Barn og unge", "NAV har to gjeldsrådgivere")
    assert not _under(result.path, "4.1 Målområde Bosetting av flyktninger", "NAV har to gjeldsrådgivere")
    assert _under(result.path, "5.4 Flere svar fra arbeidsgruppa", "4 utkastelser")  # housing: no link yet
    assert "Kartleggingen av innholdstjenestene står under: Barn og unge" in docx_text(result.path)
    session.close()


def test_removing_a_default_goal_area_keeps_its_mapping(store, tmp_path):
    session, c = _walk_with_areas(store, "Kommunale boliger\nØkonomiske virkemidler", "Uten innhold")
    [result] = export(SCRIPTS, session, "grunnlag", "docx", tmp_path / "g.docx")
    assert _under(result.path, "4.1 Målområde Kommunale boliger", "4 utkastelser")
    for text in (
        "Boveiledning: 1,5 årsverk, ventetid 3 uker",
        "NAV har to gjeldsrådgivere",
        "Oppfølgingsrutine: samtale hvert halvår",
    ):
        assert _under(result.path, "5.4 Flere svar fra arbeidsgruppa", text), text
    session.close()


def test_json_format_is_the_document_tree(filled, tmp_path):
    [result] = export(SCRIPTS, filled.session, "plan", "json", tmp_path / "plan.json")
    tree = json.loads(result.path.read_text(encoding="utf-8"))
    assert tree["pandoc-api-version"][:2] == [1, 23] and tree["blocks"]
    kinds = set()

    def walk_tree(node):
        if isinstance(node, list):
            for n in node:
                walk_tree(n)
        elif isinstance(node, dict):
            kinds.add(node.get("t"))
            for v in node.values():
                walk_tree(v)

    walk_tree(tree)
    assert not kinds & {"RawInline", "RawBlock", "Image", "Link"}
    text = plain_text(tree["blocks"])
    for hostile in HOSTILE:
        for line in hostile.split("\n"):
            assert line in text
    # a user's own pandoc reads it
    back = subprocess.run(
        [pandoc_path(), "--sandbox", "-f", "json", "-t", "plain", str(result.path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "Handlingsplan 2027–2030" in back


def facilitator_folder(tmp_path):
    """A municipality's own copy of the prompts with a new step, a new question in an existing step,
    renamed fields and a renamed step."""
    folder = tmp_path / "egne"
    shutil.copytree(ROOT / "prompts", folder)

    def edit(name, old, new):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    edit(
        "2-kartlegging.md",
        "## Nøkkeltall\n",
        (
            "## Bostedsløshet\n\n```steg\nid: bostedsloshet\n```\n\nHvor mange er uten bolig?\n\n"
            "```felt\nid: bostedslose\ntype: tekst\nspørsmål: Hva vet dere om bostedsløse i kommunen?\n```\n\n"
            "## Nøkkeltall\n"
        ),
    )
    edit(
        "6-tiltak.md",
        "```felt\nid: budsjett\n",
        (
            "```felt\nid: evaluering\ntype: tekst\nspørsmål: Hvordan skal planen evalueres?\n"
            "etikett: Evaluering\n```\n\n```felt\nid: budsjett\n"
        ),
    )
    edit("4-medvirkning.md", "```felt\nid: moteplan\n", "```felt\nid: motet\n")
    edit("1-oppstart.md", "```felt\nid: sterke\n", "```felt\nid: styrker\n")
    edit("4-medvirkning.md", "```steg\nid: mobilisering\n", "```steg\nid: mobilisere\n")
    return folder


def test_a_facilitators_own_prompts_reach_the_documents(store, tmp_path):
    folder = facilitator_folder(tmp_path)
    scripts = load_folder(folder)
    session = store.create("Egen kommune", "2027–2030")
    c = Conductor(scripts, session)
    expected = distinct_walk(c)
    keys = {k for k, _ in expected}
    assert {"kartlegging/bostedslose", "tiltak/evaluering", "medvirkning/motet"} <= keys
    assert any(k.startswith("oppstart/styrker@") for k in keys)
    results = export(scripts, session, "alle", "docx", tmp_path)
    text = all_docx(results)
    assert [(k, v) for k, v in expected if v not in text] == []
    assert results[0].unplaced == []
    plan, grunnlag, papers = (r.path for r in results[:3])
    evaluation = next(v for k, v in expected if k == "tiltak/evaluering")
    assert _under(plan, "5 Oppfølging av planen", f"Evaluering: {evaluation}")  # the step's binding
    homeless = next(v for k, v in expected if k == "kartlegging/bostedslose")
    assert _under(grunnlag, "5.4 Flere svar fra arbeidsgruppa", homeless)  # not bound: the catch-all
    strengths = next(v for k, v in expected if k.startswith("oppstart/styrker@"))
    # its ref is gone, so the SWOT grid has no strengths; the step's binding still puts them in the chapter
    assert _under(papers, "2 Sterke og svake sider", strengths)
    session.close()

    r = run_bshp("check-prompts", folder)
    assert r.returncode == 0, r.stderr
    assert "medvirkning.moteplan" in r.stderr and "møteplanen" in r.stderr
    assert "regner ikke ut hvor lenge medvirkningsmøtet varer" in r.stderr
    assert "oppstart.sterke" in r.stderr and "SWOT-tabellene mangler sterke sider" in r.stderr
    assert "advarsel" in r.stderr and "OK:" in r.stdout


def test_check_prompts_is_quiet_for_the_shipped_prompts():
    r = run_bshp("check-prompts", ROOT / "prompts")
    assert r.returncode == 0 and r.stderr == ""


def test_check_prompts_error_when_a_ref_has_the_wrong_kind(tmp_path):
    folder = tmp_path / "egne"
    shutil.copytree(ROOT / "prompts", folder)
    path = folder / "6-tiltak.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: mal\ntype: tekst", "id: mal\ntype: liste"), encoding="utf-8"
    )
    r = run_bshp("check-prompts", folder)
    assert r.returncode == 2
    assert "feil: Feltet «tiltak.mal» (målet per målområde) er av typen liste" in r.stderr


def test_answers_left_out_are_named_after_the_export(tmp_path):
    data = tmp_path / "data"
    assert run_bshp("new", "Vik", "--period", "2027-2030", data=data).returncode == 0
    from bshp_tui.store.sessions import SessionStore

    with SessionStore(data).open("vik") as session:
        c = Conductor(SCRIPTS, session)
        walk(c)
    # the shipped prompts place everything
    r = run_bshp("export", "vik", "--document", "alle", "-o", tmp_path, data=data)
    assert r.returncode == 0 and "advarsel" not in r.stderr, r.stderr
    # a folder where a field the group answered has a new id: its old answer has no place
    folder = facilitator_folder(tmp_path)
    r = run_bshp("--prompts", folder, "export", "vik", "--document", "plan", "-o", tmp_path / "p.docx", data=data)
    assert r.returncode == 0, r.stderr
    assert "advarsel: " in r.stderr and "«medvirkning/moteplan»" in r.stderr and "går ikke tapt" in r.stderr
    assert (tmp_path / "p.docx").exists()


def test_an_answer_hidden_by_its_condition_is_reported(filled, tmp_path):
    c = filled
    assert c.session.answer("oppstart/formelle_steg")
    c.submit(pos(c, "oppstart.plantype"), "temaplan")
    results = export(SCRIPTS, c.session, "alle", "md", tmp_path)
    [warning] = results[0].unplaced
    assert "For en kommunedelplan" in warning and "oppstart.plantype = kommunedelplan" in warning


def test_a_hand_edited_value_of_the_wrong_shape_is_shown_as_text(filled):
    from bshp_tui.export.document import build_documents

    filled.session.set_answer("kartlegging/andre_kilder", ["Kari henter KOSTRA", None, 3])  # text holding a list
    filled.session.set_answer("prioritering/hovedmal", "Ett hovedmål skrevet som tekst")  # list holding text
    filled.session.set_answer("prioritering/malgrupper", 7)  # choices holding a number
    built = build_documents(filled)
    text = "\n".join(plain_text(d["blocks"]) for d in built.documents.values())
    assert "Kari henter KOSTRA" in text and "Ett hovedmål skrevet som tekst" in text
    assert built.unplaced == []
