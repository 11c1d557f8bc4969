"""Real pandoc conversions read back: DOCX with python-docx, ODT with odfpy, Markdown and HTML."""

import json
import os
import zipfile
from xml.dom import minidom

import docx
import pytest
from export_fixtures import HOSTILE, SCRIPTS, pos
from helpers import run_bshp
from odf import opendocument
from odf import table as odftable
from odf import text as odftext
from odf.element import Text as OdfText

from bshp_tui.errors import UsageError
from bshp_tui.export.pandoc import ExportError
from bshp_tui.export.service import export
from bshp_tui.guide import measures
from bshp_tui.guide.conductor import Conductor

PLAN_HEADINGS = [
    (1, "Sammendrag"),
    (1, "1 Innledning"),
    (2, "1.1 Hva er boligsosial handlingsplan?"),
    (2, "1.2 Rammer for boligsosial handlingsplan"),
    (3, "1.2.1 Lovverk"),
    (3, "1.2.2 Statlige og kommunale føringer"),
    (2, "1.3 Planprosess og medvirkning"),
    (3, "1.3.1 Arbeidsgruppa"),
    (3, "1.3.2 Medvirkningsplan"),
    (3, "1.3.3 Innspill og hvordan de er brukt"),
    (2, "1.4 Utfordringsbilde"),
    (1, "2 Hovedmål for boligsosialt arbeid i perioden 2027–2040"),
    (2, "2.1 Langsiktige hovedmål"),
    (2, "2.2 Boligsosiale mål for handlingsplanperioden 2027–2030"),
    (2, "2.3 Styrende prinsipper"),
    (2, "2.4 Målindikatorer"),
    (1, "3 Handlingsplan 2027–2030"),
    (2, "3.1 Målområde Kommunale boliger"),
    (3, "3.1.1 Mål"),
    (3, "3.1.2 Tiltak"),
    (2, "3.2 Målområde Innholdstjenester"),
    (3, "3.2.1 Mål"),
    (3, "3.2.2 Tiltak"),
    (1, "4 Økonomiske konsekvenser"),
    (1, "5 Oppfølging av planen"),
]


def thousands(n) -> str:
    return f"{n:,}".replace(",", " ")


def docx_headings(document):
    out = []
    for p in document.paragraphs:
        name = p.style.name
        if name.startswith("Heading ") and name[8:].isdigit():
            out.append((int(name[8:]), p.text))
    return out


def all_docx_text(document):
    parts = [p.text for p in document.paragraphs]
    for t in document.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def test_plan_docx_structure_tables_and_hostile_strings(filled, filled_documents):
    result = filled_documents["plan"]
    document = docx.Document(result.path)
    assert docx_headings(document) == PLAN_HEADINGS

    # every XML part parses, and nothing was injected as raw Word XML
    with zipfile.ZipFile(result.path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                minidom.parseString(archive.read(name))
        body = archive.read("word/document.xml").decode("utf-8")
        assert "<w:t>INJISERT</w:t></w:r></w:p>" not in body.replace('<w:t xml:space="preserve">', "<w:t>")
        assert not any(n.startswith("word/media") for n in archive.namelist())  # nothing embedded

    text = all_docx_text(document)
    for hostile in HOSTILE:
        for line in hostile.split("\n"):
            assert line in text, line

    # the action-plan table of the first goal area: headers and cells equal the measures
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Strategi")
    assert [c.text for c in table.rows[0].cells] == ["Strategi", "Tiltak", "Ansvarlig", "Tidsfrist", "Kostnad"]
    c = filled
    area = c.items("gap.malomrader")[0]
    rows = c.value(pos(c, "tiltak.handlingsplan", area.id))
    fld = c.field("tiltak.handlingsplan")
    for row, expected in zip(table.rows[1:], rows):
        cells = [cell.text for cell in row.cells]
        assert cells[1] == c.cell(fld, expected, "tiltak")
        assert cells[2] == expected["ansvarlig"]
    hostile_row = [cell.text for cell in table.rows[len(rows)].cells]
    assert hostile_row[0] == "linje en\nlinje to" and hostile_row[1] == "# x | y" and hostile_row[2] == "<b>NAV</b>"
    # drift counts in the years a measure names (the walk's «2027–2028»), else in all four plan years
    total = sum(row["kostnad"] * (2 if row.get("ar") == "2027–2028" else 4) for row in rows)
    invested = measures.table_total(c, "tiltak.handlingsplan", "investering", area.id)
    assert table.rows[-1].cells[0].text == "Sum" and table.rows[-1].cells[4].text.replace("\xa0", " ") == (
        f"drift {thousands(total)} kr i 2027–2030, investering {thousands(invested)} kr"
    )

    props = document.core_properties
    assert props.title == "Boligsosial handlingsplan 2027–2030"
    assert "Nord-Fron/Sel" in props.author
    assert props.created.year >= 2026 and props.language == "nb-NO"
    with zipfile.ZipFile(result.path) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
        assert 'name="kommune"' in custom and "Nord-Fron/Sel" in custom
    with zipfile.ZipFile(result.path) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        assert (
            'w:val="nb-NO"' in styles
            or 'w:eastAsia="nb-NO"' in styles
            or "nb-NO" in archive.read("word/settings.xml").decode()
        )


def test_plan_odt_structure(filled_plan_odt):
    result = filled_plan_odt
    doc = opendocument.load(str(result.path))
    headings = [(int(h.getAttribute("outlinelevel")), _odf_text(h)) for h in doc.getElementsByType(odftext.H)]
    assert (
        headings[: len(PLAN_HEADINGS)] == PLAN_HEADINGS or [h for h in headings if h[1] != "Innhold"] == PLAN_HEADINGS
    )
    tables = doc.getElementsByType(odftable.Table)
    firsts = [_odf_text(t.getElementsByType(odftable.TableCell)[0]) for t in tables]
    # 1.3: working group, participation plan, its input; 1.4: the key figures and the need overview;
    # 2.4: the indicators of the main goals that have any; 3: two goal areas; 4: economy
    indicators = firsts.count("Indikator")
    assert indicators >= 1
    assert firsts == (
        ["Navn", "Målgruppe", "Aktivitet", "Nøkkeltall", "Målgruppe"]
        + ["Indikator"] * indicators
        + ["Strategi", "Strategi", "Målområde og post"]
    )
    tables = tables[5 + indicators :]
    import zipfile as zf

    with zf.ZipFile(result.path) as archive:
        assert archive.namelist()[0] == "mimetype" and archive.getinfo("mimetype").compress_type == zf.ZIP_STORED
        assert b"1970-01-01" not in archive.read("meta.xml")
        assert b'fo:page-width="21cm"' in archive.read("styles.xml")  # A4, not US Letter
    first_cells = [_odf_text(cell) for cell in tables[0].getElementsByType(odftable.TableCell)]
    assert first_cells[:5] == ["Strategi", "Tiltak", "Ansvarlig", "Tidsfrist", "Kostnad"]
    assert "# x | y" in first_cells and "<b>NAV</b>" in first_cells
    body = " ".join(_odf_text(p) for p in doc.getElementsByType(odftext.P))
    assert "![x](/etc/hostname) og \\input{x}" in body


def _odf_text(node):
    """Visible text of an ODF element: whitespace in the XML collapses, <text:s> and
    <text:line-break> are real spaces and newlines."""
    return "\n".join(part.strip() for part in _odf_raw(node).split("\n"))


def _odf_raw(node):
    import re

    out = []
    for child in node.childNodes:
        if isinstance(child, OdfText) or child.nodeType == child.TEXT_NODE:
            out.append(re.sub(r"\s+", " ", str(child)))
        elif child.qname[1] == "s":
            out.append(" " * int(child.getAttribute("c") or 1))
        elif child.qname[1] == "line-break":
            out.append("\n")
        else:
            out.append(_odf_raw(child))
    return "".join(out)


def test_markdown_and_html_keep_hostile_strings_literal(filled, tmp_path):
    [md] = export(SCRIPTS, filled.session, "plan", "md", tmp_path / "plan.md")
    [html] = export(SCRIPTS, filled.session, "plan", "html", tmp_path / "plan.html")
    md_text = md.path.read_text(encoding="utf-8")
    html_text = html.path.read_text(encoding="utf-8")
    # In Markdown the hostile text is escaped: reading it back gives the same text, not markup.
    import subprocess

    from bshp_tui.export.pandoc import pandoc_path

    back = json.loads(
        subprocess.run(
            [pandoc_path(), "-f", "markdown", "-t", "json"], input=md_text.encode(), capture_output=True, check=True
        ).stdout
    )
    from bshp_tui.export.ast import plain_text

    plain = plain_text(back["blocks"])
    for hostile in ("# x", "*stjerne*", "<b>fet</b>", "\\input{x}", "![x](/etc/hostname)", "1984."):
        assert hostile in plain, hostile
    assert not any(b["t"] in ("RawBlock",) for b in back["blocks"])
    heads = [b for b in back["blocks"] if b["t"] == "Header"]
    assert [plain_text(h["c"][2]) for h in heads if h["c"][0] == 1] == [
        "Sammendrag",
        "1 Innledning",
        "2 Hovedmål for boligsosialt arbeid i perioden 2027–2040",
        "3 Handlingsplan 2027–2030",
        "4 Økonomiske konsekvenser",
        "5 Oppfølging av planen",
    ]
    assert "<b>fet</b>" not in html_text and "&lt;b&gt;fet&lt;/b&gt;" in html_text
    assert 'src="/etc/hostname"' not in html_text and "<img" not in html_text
    assert 'lang="nb-NO"' in html_text


def test_all_three_documents_and_working_papers(filled, filled_documents):
    results = list(filled_documents.values())
    assert [r.document for r in results] == ["plan", "grunnlag", "arbeidsdokumenter", "saksframlegg"]
    grunnlag = docx.Document(results[1].path)
    top = [t for level, t in docx_headings(grunnlag) if level == 1]
    assert top == [
        "1 Innledning",
        "2 Hovedmål for det boligsosiale arbeidet",
        "3 Generelle utviklingstrekk i boligsosialt arbeid",
        "4 Bakgrunnsdata for målområdene i handlingsplanen",
        "5 Vedlegg",
    ]
    assert "5.2 Boligsosial ordliste og definisjoner" in [t for _, t in docx_headings(grunnlag)]
    papers = docx.Document(results[2].path)
    top = [t for level, t in docx_headings(papers) if level == 1]
    assert top == [
        "1 Forventningsavklaring",
        "2 Sterke og svake sider (SWOT)",
        "3 Gap-analyse",
        "4 Medvirkning",
        "5 Prioritering",
        "6 Framdriftsplan",
        "7 Oppfølging år for år",
    ]  # the walk follows up two years
    text = all_docx_text(papers)
    assert "Sum minutter" in text and "Møtet tar til sammen 60 minutter" in text
    ranked = [m.item.text for m in measures.ranked_measures(filled)]
    rank_table = next(t for t in papers.tables if t.rows[0].cells[0].text == "Nr.")
    assert [r.cells[1].text.split("\n")[0] for r in rank_table.rows[1:]] == ranked


def test_fresh_session_exports_with_placeholders(store, tmp_path):
    session = store.create("Tom")
    results = export(SCRIPTS, session, "alle", "docx", tmp_path)
    for result in results:
        assert result.missing
        text = all_docx_text(docx.Document(result.path))
        assert "[Ikke utfylt:" in text
        for what in result.missing:
            assert f"[Ikke utfylt: {what}]" in text or f"[{what}]" in " ".join(text.split())
    session.close()


def test_two_hundred_measures(store, tmp_path):
    session = store.create("Stor")
    c = Conductor(SCRIPTS, session)
    c.submit(pos(c, "gap.malomrader"), "Kommunale boliger\nInnholdstjenester")
    areas = c.items("gap.malomrader")
    for n, area in enumerate(areas):
        c.submit(pos(c, "gap.tiltak", area.id), "\n".join(f"Tiltak {n}-{i}" for i in range(100)))
        c.submit(
            pos(c, "tiltak.handlingsplan", area.id),
            "\n".join(f"Strategi; Tiltak {n}-{i}; NAV; 2028; {i * 1000}" for i in range(100)),
        )
    [result] = export(SCRIPTS, session, "plan", "docx", tmp_path / "stor.docx")
    tables = docx.Document(result.path).tables
    assert [len(t.rows) for t in tables] == [102, 102]  # header + 100 measures + sum
    session.close()


def test_reference_template_changes_styles(filled, tmp_path):
    import subprocess

    from bshp_tui.export.pandoc import pandoc_path

    ref = tmp_path / "kommunemal.docx"
    ref.write_bytes(
        subprocess.run(
            [pandoc_path(), "--print-default-data-file", "reference.docx"], capture_output=True, check=True
        ).stdout
    )
    template = docx.Document(ref)
    template.styles["Heading 1"].font.name = "Comic Kommune"
    template.save(ref)
    [plain] = export(SCRIPTS, filled.session, "plan", "docx", tmp_path / "uten.docx")
    [styled] = export(SCRIPTS, filled.session, "plan", "docx", tmp_path / "med.docx", reference_doc=ref)
    assert docx.Document(styled.path).styles["Heading 1"].font.name == "Comic Kommune"
    assert docx.Document(plain.path).styles["Heading 1"].font.name != "Comic Kommune"


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda p: p / "mangler.docx", "Fant ikke malen"),
        (lambda p: (p / "tull.docx").write_text("ikke zip") and p / "tull.docx", "ikke et gyldig docx-dokument"),
        (lambda p: (p / "mal.odt").write_bytes(b"") or p / "mal.odt", "må være en .docx-fil"),
    ],
)
def test_missing_or_invalid_template(filled, tmp_path, make, words):
    with pytest.raises(UsageError) as err:
        export(SCRIPTS, filled.session, "plan", "docx", tmp_path / "x.docx", reference_doc=make(tmp_path))
    assert words in str(err.value)
    assert not (tmp_path / "x.docx").exists()


def test_failed_export_leaves_earlier_file_intact(filled, tmp_path, monkeypatch):
    target = tmp_path / "plan.docx"
    export(SCRIPTS, filled.session, "plan", "docx", target)
    before = target.read_bytes()
    real_replace = os.replace

    def locked(src, dst):
        if str(dst) == str(target):
            raise PermissionError(13, "locked")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as err:
        export(SCRIPTS, filled.session, "plan", "docx", target)
    assert "åpen i Word" in str(err.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "sessions"]  # no temp file left


def test_unwritable_folder_gives_clear_message(filled, tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *a, **k):
        if str(path).endswith(".tmp"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError) as err:
        export(SCRIPTS, filled.session, "plan", "docx", tmp_path / "plan.docx")
    assert "Kan ikke skrive" in str(err.value) and "skrivetilgang" in str(err.value)


def test_cli_export(tmp_path):
    data = tmp_path / "data"
    assert run_bshp("new", "Molde", "--period", "2027-2030", data=data).returncode == 0
    r = run_bshp("export", "molde", "--format", "odt", "-o", tmp_path / "molde.odt", data=data)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "molde.odt").exists() and "Ikke utfylt" in r.stdout
    r = run_bshp("export", "molde", "--reference-doc", tmp_path / "nei.docx", "-o", tmp_path / "a.docx", data=data)
    assert r.returncode == 2 and "Fant ikke malen" in r.stderr
    r = run_bshp("export", "molde", "--document", "alle", "-o", tmp_path / "finnes-ikke", data=data)
    assert r.returncode == 2 and "finnes ikke" in r.stderr
    # Several documents to a file name: -o must be a folder, and the message says so (and how).
    r = run_bshp("export", "molde", "--document", "alle", "-o", tmp_path / "ut.docx", data=data)
    assert r.returncode == 2 and "-o må være en mappe" in r.stderr and f"-o {tmp_path / 'ut'}" in r.stderr
    assert "finnes ikke" not in r.stderr and not (tmp_path / "ut.docx").exists()
    # One document to a name without an ending: meant as a folder, never a file without an ending.
    r = run_bshp("export", "molde", "--document", "plan", "-o", tmp_path / "ut", data=data)
    assert r.returncode == 2 and "finnes ikke" in r.stderr and "plan.docx" in r.stderr
    assert not (tmp_path / "ut").exists()
    (tmp_path / "ut").mkdir()
    r = run_bshp("export", "molde", "--document", "plan", "-o", tmp_path / "ut", data=data)
    assert r.returncode == 0, r.stderr
    assert [f.suffix for f in (tmp_path / "ut").iterdir()] == [".docx"]
