"""The plan looks like a plan in DOCX and ODT: A4 portrait, a title page, a header with the
municipality and title, «Side X av Y» in the footer, numbered headings, ruled tables with a shaded
header row that repeats, and a table of contents Word updates on opening. A municipality's own
reference document still wins. Where LibreOffice is installed, the plan is printed to PDF."""

import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.shared import Mm
from export_fixtures import SCRIPTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from odf import opendocument
from odf import style as odfstyle
from odf import table as odftable
from odf import text as odftext
from test_export import _odf_text

from bshp_tui.export.pandoc import pandoc_path
from bshp_tui.export.service import export

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBERED = re.compile(r"^\d+(\.\d+)* \S")


def field_codes(part) -> str:
    return " ".join(t.text or "" for t in part._element.iter(f"{W}instrText"))


def numbered_after_the_summary(headings: list[str]) -> None:
    """Every heading after the opening summary starts with its number, in order."""
    assert headings[0] == "Sammendrag"
    numbers = [h.split(" ", 1)[0] for h in headings[1:]]
    assert all(NUMBERED.match(h) for h in headings[1:]), [h for h in headings[1:] if not NUMBERED.match(h)]
    as_tuples = [tuple(int(x) for x in n.split(".")) for n in numbers]
    assert as_tuples == sorted(as_tuples)  # in order, none twice


@pytest.fixture(scope="module")
def plans(filled_documents, filled_plan_odt):
    """The filled session's plan as DOCX and as ODT, exported once for the tests that only read them."""
    return {"docx": filled_documents["plan"].path, "odt": filled_plan_odt.path}


@pytest.fixture
def plan_docx(plans):
    return plans["docx"]


@pytest.fixture
def plan_odt(plans):
    return plans["odt"]


def assert_a_real_title_page(front: list[str]) -> None:
    """The title with the period on its own line (a long title no longer breaks inside «2027–2030»),
    the status, the kommune and the date once each, and room for the saksnummer."""
    assert front[0] == "Boligsosial handlingsplan\n2027–2030"
    assert front[1:3] == ["Utkast", "Nord-Fron/Sel"]
    assert re.fullmatch(r"\d{1,2}\. \w+ \d{4}", front[3])
    assert front[4].startswith("Saksnummer: ") and len(front) == 5


def test_docx_is_a4_with_header_footer_and_a_title_page(plan_docx):
    document = docx.Document(str(plan_docx))
    [section] = document.sections
    assert (section.page_width, section.page_height) == (Mm(210), Mm(297)) or (
        abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    )
    size = section._sectPr.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # A4 portrait in twips
    assert section.different_first_page_header_footer  # the title page has neither
    footer = section.footer
    assert "Side" in footer.paragraphs[0].text and " av " in footer.paragraphs[0].text
    assert "PAGE" in field_codes(footer).split() and "NUMPAGES" in field_codes(footer).split()
    header = section.header.paragraphs[0].text
    assert header == "Nord-Fron/Sel – Boligsosial handlingsplan 2027–2030"  # filled in, not the template's
    assert "DOCPROPERTY kommune" in field_codes(section.header) and "TITLE" in field_codes(section.header)
    texts = [p.text for p in document.paragraphs]
    case = next(p for p in document.paragraphs if p.text.startswith("Saksnummer:"))
    assert_a_real_title_page(texts[: texts.index(case.text) + 1])
    following = case._p.getnext()
    assert following.findall(f".//{W}br")[0].get(f"{W}type") == "page"  # the title page ends here
    body = document.element.body
    toc = body.find(f"{W}sdt")
    assert toc.getnext().findall(f".//{W}br")[0].get(f"{W}type") == "page"  # the contents on their own page


def test_docx_tables_are_ruled_with_a_shaded_header_row_that_repeats(plan_docx):
    document = docx.Document(str(plan_docx))
    assert document.tables
    for table in document.tables:
        borders = table._tbl.tblPr.find(f"{W}tblBorders")
        assert borders is not None
        assert {b.tag.replace(W, ""): b.get(f"{W}val") for b in borders} == {
            side: "single" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        }
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
        fills = [shd.get(f"{W}fill") for shd in first.iter(f"{W}shd")]
        assert len(fills) == len(table.rows[0].cells) and set(fills) == {"D9E2F3"}
        assert all(r.find(f"{W}rPr/{W}b") is not None for r in first.iter(f"{W}r") if r.find(f"{W}t") is not None)


def test_docx_headings_are_numbered_and_fonts_and_toc_are_set(plan_docx):
    document = docx.Document(str(plan_docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading ")]
    numbered_after_the_summary(headings)
    with zipfile.ZipFile(plan_docx) as archive:
        settings = archive.read("word/settings.xml").decode()
        styles = archive.read("word/styles.xml").decode()
        fonts = archive.read("word/fontTable.xml").decode()
    assert '<w:updateFields w:val="true"' in settings  # Word fills in the table of contents on opening
    assert 'w:ascii="Calibri"' in styles and 'w:ascii="Arial"' in styles and "Theme=" not in styles
    assert '<w:altName w:val="Carlito"/>' in fonts and '<w:altName w:val="Liberation Sans"/>' in fonts


def test_odt_is_a4_with_header_footer_title_page_and_numbered_headings(plan_odt):
    doc = opendocument.load(str(plan_odt))
    layouts = doc.automaticstyles.getElementsByType(odfstyle.PageLayout)
    sizes = {
        (p.getAttribute("pagewidth"), p.getAttribute("pageheight"), p.getAttribute("printorientation"))
        for layout in layouts
        for p in layout.getElementsByType(odfstyle.PageLayoutProperties)
    }
    assert sizes == {("21cm", "29.7cm", "portrait")}
    masters = {m.getAttribute("name"): m for m in doc.masterstyles.getElementsByType(odfstyle.MasterPage)}
    standard = masters["Standard"]
    [footer] = standard.getElementsByType(odfstyle.Footer)
    assert footer.getElementsByType(odftext.PageNumber) and footer.getElementsByType(odftext.PageCount)
    assert _odf_text(footer).startswith("Side ")
    [header] = standard.getElementsByType(odfstyle.Header)
    assert _odf_text(header) == "Nord-Fron/Sel – Boligsosial handlingsplan 2027–2030"
    assert not masters["Forside"].getElementsByType(odfstyle.Header)  # the title page has no header
    paragraphs = [_odf_text(p) for p in doc.body.getElementsByType(odftext.P)]
    assert_a_real_title_page(paragraphs[: next(n for n, p in enumerate(paragraphs) if p.startswith("Saksnummer:")) + 1])
    headings = [_odf_text(h) for h in doc.getElementsByType(odftext.H) if _odf_text(h) != "Innhold"]
    numbered_after_the_summary(headings)
    with zipfile.ZipFile(plan_odt) as archive:
        content = archive.read("content.xml").decode()
        styles = archive.read("styles.xml").decode()
    assert (
        content.index("Saksnummer:")
        < content.index('text:style-name="Sideskift"')
        < content.index("<text:table-of-content")
    )
    assert 'style:name="Sideskift"' in styles and 'fo:break-after="page"' in styles
    assert "Carlito" in styles and "Liberation Sans" in styles and 'style:font-name="Calibri"' in styles


def test_odt_tables_are_ruled_with_a_repeating_shaded_header(plan_odt):
    doc = opendocument.load(str(plan_odt))
    cells = {
        s.getAttribute("name"): s
        for s in doc.automaticstyles.getElementsByType(odfstyle.Style)
        if s.getAttribute("family") == "table-cell"
    }
    for name in ("TableHeaderRowCell", "TableRowCell"):
        [props] = cells[name].getElementsByType(odfstyle.TableCellProperties)
        assert props.getAttribute("border").startswith("0.5pt solid")
    [header_props] = cells["TableHeaderRowCell"].getElementsByType(odfstyle.TableCellProperties)
    assert header_props.getAttribute("backgroundcolor") == "#d9e2f3"
    for table in doc.getElementsByType(odftable.Table):
        assert table.getElementsByType(odftable.TableHeaderRows)  # repeated on every page


def test_odt_cells_have_the_inner_margins_of_the_docx_cells(plan_docx, plan_odt):
    """Text in an ODT table cell keeps the same distance from the rules as in the DOCX."""
    with zipfile.ZipFile(plan_docx) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    table_style = re.search(r'<w:style [^>]*w:styleId="Table"[^>]*>.*?</w:style>', styles, re.S).group(0)
    margins = re.search(r"<w:tblCellMar>(.*?)</w:tblCellMar>", table_style, re.S).group(1)
    twips = dict(re.findall(r'<w:(top|left|bottom|right) [^>]*w:w="(\d+)"', margins))
    docx_cm = {side: int(value) / 1440 * 2.54 for side, value in twips.items()}
    doc = opendocument.load(str(plan_odt))
    cells = {
        s.getAttribute("name"): s
        for s in doc.automaticstyles.getElementsByType(odfstyle.Style)
        if s.getAttribute("family") == "table-cell"
    }
    for name in ("TableHeaderRowCell", "TableRowCell"):
        [props] = cells[name].getElementsByType(odfstyle.TableCellProperties)
        for side in ("top", "left", "bottom", "right"):
            odt = props.getAttribute(f"padding{side}") or props.getAttribute("padding")
            assert odt.endswith("cm"), (name, side, odt)
            assert abs(float(odt[:-2]) - docx_cm[side]) < 0.01, (name, side, odt, docx_cm[side])


def test_markdown_has_numbered_headings_and_no_attributes(filled, tmp_path):
    for kind in ("plan", "grunnlag", "saksframlegg"):
        [result] = export(SCRIPTS, filled.session, kind, "md", tmp_path / f"{kind}.md")
        text = result.path.read_text(encoding="utf-8")
        assert "{#" not in text
    headings = [
        re.sub(r"\\(.)", r"\1", line.lstrip("#").strip())
        for line in (tmp_path / "plan.md").read_text(encoding="utf-8").splitlines()
        if re.match(r"^#{1,3} ", line)
    ]
    numbered_after_the_summary(headings)


def test_a_municipalitys_own_reference_doc_wins(filled, tmp_path):
    own = tmp_path / "egen.docx"
    own.write_bytes(
        subprocess.run(
            [pandoc_path(), "--print-default-data-file", "reference.docx"], capture_output=True, check=True
        ).stdout
    )
    [result] = export(SCRIPTS, filled.session, "plan", "docx", tmp_path / "plan.docx", reference_doc=own)
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml").decode()
    assert "word/header1.xml" not in names and "Saksnummer:" not in body and "<w:tblBorders>" not in body
    assert 'w:w="11906"' not in body  # pandoc's own page size, not ours


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    count = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert count, "no pages found in the PDF"
    sizes = [(float(w), float(h)) for w, h in boxes] or []
    return sizes * count if len(sizes) == 1 else sizes


@pytest.fixture(scope="module")
def printed(plans, tmp_path_factory):
    """Both plans printed to PDF by one LibreOffice run (its start-up is most of a conversion's
    time): {format: (the PDF's path, what LibreOffice said)}."""
    folder = tmp_path_factory.mktemp("printed")
    sources = []
    for fmt, path in plans.items():  # distinct names, so the two PDFs do not overwrite each other
        sources.append(folder / f"plan-{fmt}.{fmt}")
        shutil.copyfile(path, sources[-1])
    profile = folder / "lo-profil"  # its own profile, so a LibreOffice already running is not disturbed
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=300,
    )
    said = done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")
    return {fmt: (folder / "pdf" / f"plan-{fmt}.pdf", said) for fmt in plans}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_libreoffice_prints_the_plan_on_a4_pages(printed, fmt):
    pdf, said = printed[fmt]
    assert pdf.is_file(), said
    pages = _pdf_pages(pdf.read_bytes())
    assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in pages), pages  # A4 portrait
    # the title page, the contents, then the plan itself over several pages
    assert 5 <= len(pages) <= 40, len(pages)


def test_the_table_of_contents_lists_every_heading_before_any_update(plan_docx, plan_odt):
    document = docx.Document(str(plan_docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading ")]
    toc = document.element.body.find(f"{W}sdt")
    entries = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in toc.iter(f"{W}p")][1:]  # after «Innhold»
    assert entries == headings
    codes = " ".join(t.text for t in toc.iter(f"{W}instrText"))
    assert codes.count("PAGEREF") == len(headings) and "TOC " in codes  # still the field Word rebuilds
    marks = {b.get(f"{W}name") for b in document.element.body.iter(f"{W}bookmarkStart")}
    assert all(f"_Toc{900000 + n}" in marks for n in range(len(headings)))

    doc = opendocument.load(str(plan_odt))
    [index] = doc.getElementsByType(odftext.TableOfContent)
    [body] = index.getElementsByType(odftext.IndexBody)
    lines = [_odf_text(p) for p in body.getElementsByType(odftext.P)]
    odt_headings = [_odf_text(h) for h in doc.getElementsByType(odftext.H) if _odf_text(h) != "Innhold"]
    assert lines[0] == "Innhold"
    assert [line.rsplit("\t", 1)[0].rstrip("1").strip() for line in lines[1:]] == odt_headings
    assert len(body.getElementsByType(odftext.BookmarkRef)) == len(odt_headings)


WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kommune=WORDS, heading=WORDS, cell=WORDS, fmt=st.sampled_from(["docx", "odt"]))
def test_any_text_leaves_every_part_well_formed(tmp_path, kommune, heading, cell, fmt):
    """Whatever the names and answers hold, the edits of layout.py keep each XML part well-formed and
    the text intact."""
    from xml.dom import minidom

    from bshp_tui.export import ast as A
    from bshp_tui.export.pandoc import convert

    meta = {
        "title": A.meta_inlines(f"Plan {heading}"),
        "kommune": A.meta_inlines(kommune),
        "status": A.meta_inlines("Utkast"),
        "planperiode": A.meta_inlines("2027–2030"),
        "date": A.meta_inlines("1. januar 2027"),
        "toc-title": A.meta_inlines("Innhold"),
    }
    blocks = [
        A.header(1, A.text(f"1 {heading}")),
        A.para(A.text(cell)),
        A.table([A.cell_text(cell), A.cell_text("B")], [[A.cell_text("x"), A.cell_text(cell)]]),
    ]
    out = convert(A.document(blocks, meta), tmp_path / f"d.{fmt}", fmt)
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                minidom.parseString(archive.read(name))
        whole = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert "Saksnummer:" in whole and "Planperiode: 2027–2030" in whole


def test_the_municipality_on_the_title_page_is_clearly_readable(plan_docx, plan_odt):
    document = docx.Document(str(plan_docx))
    [kommune] = [p for p in document.paragraphs if p.text == "Nord-Fron/Sel"]
    author = document.styles[kommune.style.name]
    assert kommune.style.name == "Author" and author.font.size.pt >= 16 and author.font.bold
    assert document.styles["Date"].font.size.pt <= 12  # the lines under it stay small
    with zipfile.ZipFile(plan_odt) as archive:
        styles = archive.read("styles.xml").decode()
    sizes = {}
    for name in ("Author", "Date", "Table_20_Contents"):
        [found] = re.findall(rf'<style:style [^>]*style:name="{name}"[^>]*>(.*?)</style:style>', styles, re.S)
        sizes[name] = found
    assert 'fo:font-size="18pt"' in sizes["Author"] and 'fo:font-weight="bold"' in sizes["Author"]
    assert 'fo:font-weight="normal"' in sizes["Date"]
    # tables are set in 10 pt, the size export/colwidths.py measures with
    assert 'fo:font-size="10pt"' in sizes["Table_20_Contents"]
