"""Build the reference documents the plan is written with: bshp_tui/export/templates/referanse.docx
and referanse.odt.

Both start from pandoc's own defaults (`pandoc --print-default-data-file reference.docx`, and the
same for reference.odt) with the bundled pandoc, and change only what a municipal plan needs:

- A4 portrait, 2.5 cm margins.
- Header: the municipality and the document title (fields whose shown text the export fills in);
  none on the title page. Footer: «Side X av Y».
- Calibri for text and Arial for headings (metric-compatible fallbacks: Carlito, Liberation Sans).
- Tables ruled, the header row shaded and bold (Word's «Table» style; the ODT cell styles are
  written by pandoc into each document, so the export rules those); table text in 10 pt
  (export/colwidths.py measures with that size).
- A title page: more room above the title, the municipality (Author) in 18 pt bold; the export
  adds period, status, date, saksnummer and a page break (export/layout.py).
- DOCX: `w:updateFields`, so Word fills in the table of contents when the file is opened.

Run from the repository root after a pandoc upgrade or a change here, and commit the results:

    .venv/bin/python tools/build_reference_docs.py
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bshp_tui.export.layout import FIELD_KOMMUNE, FIELD_TITLE  # noqa: E402
from bshp_tui.export.pandoc import pandoc_path  # noqa: E402

TEMPLATES = ROOT / "bshp_tui" / "export" / "templates"
TEXT_FONT, HEADING_FONT = "Calibri", "Arial"
FALLBACK = {"Calibri": "Carlito", "Arial": "Liberation Sans"}
HEADER_FILL = "D9E2F3"
BORDER = "808080"

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def default_file(name: str) -> bytes:
    return subprocess.run([pandoc_path(), "--print-default-data-file", name], check=True,
                          capture_output=True).stdout


def rewrite(source: bytes, edits: dict, added: dict[str, bytes] | None = None) -> bytes:
    """The zip `source` with each part in `edits` passed through its function, `added` parts appended."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
        for name, data in (added or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


# -- DOCX ------------------------------------------------------------------------------------

def field(instruction: str, shown: str) -> str:
    """A Word field with `shown` as its result until Word updates it."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t xml:space="preserve">{shown}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def text_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}><w:p><w:pPr>'
          '<w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>'
          + field('DOCPROPERTY kommune \\* MERGEFORMAT', FIELD_KOMMUNE) + text_run(" – ")
          + field('TITLE \\* MERGEFORMAT', FIELD_TITLE) + '</w:p></w:hdr>')
FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}><w:p><w:pPr>'
          '<w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
          + text_run("Side ") + field("PAGE", "1") + text_run(" av ") + field("NUMPAGES", "1")
          + '</w:p></w:ftr>')
# A4 portrait (twips), 2.5 cm margins; the title page (titlePg) has no header or footer.
SECTION = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdBshpHeader"/>'
           '<w:footerReference w:type="default" r:id="rIdBshpFooter"/>'
           '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
           '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>'
           '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" '
           'w:footer="708" w:gutter="0"/><w:titlePg/></w:sectPr>')
BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
TABLE_STYLE = (
    '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:qFormat/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
    '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
    '</w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
    f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr></w:tblStylePr></w:style>')


def docx_styles(xml: str) -> str:
    def fonts(match: re.Match) -> str:
        font = HEADING_FONT if "major" in match.group(0) else TEXT_FONT
        return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" />'
    xml = re.sub(r"<w:rFonts [^>]*Theme[^>]*/>", fonts, xml)
    # Body text 11 pt, Norwegian.
    xml = xml.replace('<w:sz w:val="24" />\n        <w:szCs w:val="24" />\n        <w:lang w:val="en-US"',
                      '<w:sz w:val="22" />\n        <w:szCs w:val="22" />\n        <w:lang w:val="nb-NO"', 1)
    xml = re.sub(r'<w:style w:type="table" w:default="1" w:styleId="Table">.*?</w:style>', TABLE_STYLE, xml,
                 count=1, flags=re.S)
    # Headings a size smaller than pandoc's, the title set lower on its page.
    for style, size in (("Heading1", 32), ("Heading2", 28), ("Heading3", 24)):
        xml = re.sub(rf'(w:styleId="{style}">.*?<w:sz w:val=")\d+(" />\s*<w:szCs w:val=")\d+',
                     rf"\g<1>{size}\g<2>{size}", xml, count=1, flags=re.S)
    xml = xml.replace('<w:spacing w:after="80" w:line="240" w:lineRule="auto" />\n      <w:contextualSpacing />',
                      '<w:spacing w:before="3600" w:after="240" w:line="240" w:lineRule="auto" />', 1)
    for style in ("Subtitle", "Author", "Date"):  # these inherit the title's room above it
        xml = re.sub(rf'(w:styleId="{style}">.*?)(</w:pPr>)', r'\g<1><w:spacing w:before="120" w:after="120" />\g<2>',
                     xml, count=1, flags=re.S)
    # The municipality (the Author line of the title page) in 18 pt bold, clearly readable.
    xml = re.sub(r'(w:styleId="Author">.*?<w:rPr>).*?(</w:rPr>)',
                 r'\g<1><w:b /><w:bCs /><w:sz w:val="36" /><w:szCs w:val="36" />\g<2>', xml, count=1, flags=re.S)
    toc = "".join(f'<w:style w:type="paragraph" w:styleId="TOC{n}"><w:name w:val="toc {n}"/><w:basedOn w:val="Normal"/>'
                  f'<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:spacing '
                  f'w:before="0" w:after="60"/><w:ind w:left="{(n - 1) * 240}"/></w:pPr></w:style>' for n in (1, 2, 3))
    xml = xml.replace("</w:styles>", toc + "</w:styles>")
    for style in ("Header", "Footer"):
        if f'w:styleId="{style}"' not in xml:
            xml = xml.replace("</w:styles>", f'<w:style w:type="paragraph" w:styleId="{style}"><w:name '
                              f'w:val="{style.lower()}"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/>'
                              '</w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/><w:color w:val="595959"/>'
                              '</w:rPr></w:style></w:styles>')
    return xml


def docx_theme(xml: str) -> str:
    return xml.replace('<a:latin typeface="Aptos Display"', f'<a:latin typeface="{HEADING_FONT}"').replace(
        '<a:latin typeface="Aptos"', f'<a:latin typeface="{TEXT_FONT}"')


def docx_fonts(xml: str) -> str:
    entries = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:family w:val="swiss"/>'
                      '<w:pitch w:val="variable"/></w:font>' for name, alt in FALLBACK.items())
    return xml.replace("</w:fonts>", entries + "</w:fonts>")


def docx_document(xml: str) -> str:
    return re.sub(r"<w:sectPr>.*?</w:sectPr>", SECTION, xml, count=1, flags=re.S)


def docx_settings(xml: str) -> str:
    return xml.replace("<w:footnotePr>", '<w:updateFields w:val="true" />\n  <w:footnotePr>', 1)


def docx_rels(xml: str) -> str:
    return xml.replace("</Relationships>",
                       f'<Relationship Type="{REL}/header" Id="rIdBshpHeader" Target="header1.xml" />'
                       f'<Relationship Type="{REL}/footer" Id="rIdBshpFooter" Target="footer1.xml" />'
                       "</Relationships>")


def docx_types(xml: str) -> str:
    return xml.replace("</Types>",
                       f'<Override PartName="/word/header1.xml" ContentType="{CT}.header+xml" />'
                       f'<Override PartName="/word/footer1.xml" ContentType="{CT}.footer+xml" /></Types>')


def build_docx() -> bytes:
    return rewrite(default_file("reference.docx"), {
        "word/styles.xml": docx_styles, "word/theme/theme1.xml": docx_theme, "word/fontTable.xml": docx_fonts,
        "word/document.xml": docx_document, "word/settings.xml": docx_settings,
        "word/_rels/document.xml.rels": docx_rels, "[Content_Types].xml": docx_types,
    }, {"word/header1.xml": HEADER.encode("utf-8"), "word/footer1.xml": FOOTER.encode("utf-8")})


# -- ODT -------------------------------------------------------------------------------------

ODT_FONTS = "".join(f'<style:font-face style:name="{name}" svg:font-family="\'{name}\', \'{alt}\'" '
                    'style:font-family-generic="swiss" style:font-pitch="variable"/>'
                    for name, alt in FALLBACK.items())
ODT_PAGE = ('<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
            'style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" '
            'fo:margin-left="2.5cm" fo:margin-right="2.5cm" style:num-format="1" style:writing-mode="lr-tb">')
ODT_HEADER_STYLE = ('<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
                    'fo:margin-bottom="0.4cm" style:dynamic-spacing="false"/></style:header-style>')
ODT_FOOTER_STYLE = ('<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
                    'fo:margin-top="0.4cm" style:dynamic-spacing="false"/></style:footer-style>')
ODT_MASTER = (
    '<office:master-styles>'
    '<style:master-page style:name="Standard" style:page-layout-name="Mpm1">'
    f'<style:header><text:p text:style-name="Header"><text:user-defined text:name="kommune">{FIELD_KOMMUNE}'
    f'</text:user-defined> – <text:title>{FIELD_TITLE}</text:title></text:p></style:header>'
    '<style:footer><text:p text:style-name="Footer">Side <text:page-number text:select-page="current">1'
    '</text:page-number> av <text:page-count>1</text:page-count></text:p></style:footer>'
    '</style:master-page>'
    # The title page: no header or footer; the page break after it (export/layout.py) leads to Standard.
    '<style:master-page style:name="Forside" style:page-layout-name="Mpm1" style:next-style-name="Standard"/>'
    '</office:master-styles>')
ODT_STYLES = (
    '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" '
    'style:class="extra"><style:paragraph-properties fo:text-align="end"/>'
    '<style:text-properties fo:font-size="9pt" fo:color="#595959"/></style:style>'
    '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" '
    'style:class="extra"><style:paragraph-properties fo:text-align="center"/>'
    '<style:text-properties fo:font-size="9pt" fo:color="#595959"/></style:style>'
    '<style:style style:name="Sideskift" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:break-after="page" fo:margin-top="0cm" fo:margin-bottom="0cm"/></style:style>'
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" '
    'style:master-page-name="Forside" style:class="chapter"><style:paragraph-properties fo:text-align="center" '
    'fo:margin-top="6cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="26pt" '
    'fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" '
    'style:class="chapter"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>'
    '<style:text-properties fo:font-size="16pt"/></style:style>'
    '<style:style style:name="Author" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>'
    '<style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Date" style:family="paragraph" style:parent-style-name="Author">'
    '<style:text-properties fo:font-size="11pt" fo:font-weight="normal"/></style:style>'
    '<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" '
    'style:parent-style-name="Heading" style:class="index"><style:text-properties fo:font-size="16pt" '
    'fo:font-weight="bold"/></style:style>'
    + "".join(f'<style:style style:name="Contents_20_{n}" style:display-name="Contents {n}" style:family="paragraph" '
              'style:parent-style-name="Standard" style:class="index"><style:paragraph-properties '
              f'fo:margin-left="{(n - 1) * 0.5}cm" fo:margin-top="0cm" fo:margin-bottom="0.1cm"><style:tab-stops>'
              f'<style:tab-stop style:position="{16 - (n - 1) * 0.5}cm" style:type="right" style:leader-style="dotted" '
              'style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>'
              for n in (1, 2, 3)) +
    # Tables in 10 pt (as Word's «Table» style), so that amounts and long words fit their columns.
    '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" '
    'style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt"/>'
    '</style:style>'
    '<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" '
    'style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/>'
    '</style:style>'
    '<style:style style:name="Tittelfelt" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>'
    '</style:style>')


def odt_styles(xml: str) -> str:
    # Calibri (with Carlito) where pandoc's template has Times New Roman; Arial (with Liberation
    # Sans) for the headings, which pandoc's template already sets in Arial.
    xml = re.sub(r'<style:font-face style:name="Arial"[^>]*/>', "", xml, count=1)
    xml = xml.replace("</office:font-face-decls>", ODT_FONTS + "</office:font-face-decls>", 1)
    xml = xml.replace('style:font-name="Times New Roman"', f'style:font-name="{TEXT_FONT}"')
    xml = re.sub(r'(<style:default-style style:family="paragraph">.*?)fo:font-size="12pt"(.*?)'
                 r'fo:language="en" fo:country="US"', r'\g<1>fo:font-size="11pt"\g<2>fo:language="nb" fo:country="NO"',
                 xml, count=1, flags=re.S)
    xml = re.sub(r"<style:page-layout-properties[^>]*>", ODT_PAGE, xml, count=1)
    xml = re.sub(r"<style:header-style\s*/>|<style:header-style>.*?</style:header-style>", ODT_HEADER_STYLE, xml,
                 count=1, flags=re.S)
    xml = re.sub(r"<style:footer-style\s*/>|<style:footer-style>.*?</style:footer-style>", ODT_FOOTER_STYLE, xml,
                 count=1, flags=re.S)
    xml = re.sub(r"<office:master-styles>.*?</office:master-styles>", ODT_MASTER, xml, count=1, flags=re.S)
    xml = re.sub(r'<style:style style:name="(Header|Footer)" style:family="paragraph".*?</style:style>', "", xml,
                 flags=re.S)
    # pandoc's own Author, Date and table styles give way to ours (one definition per style).
    xml = re.sub(r'<style:style style:name="(Author|Date|Table_20_Contents|Table_20_Heading)"[^>]*?(/>|>.*?</style:style>)',
                 "", xml, flags=re.S)
    return xml.replace("</office:styles>", ODT_STYLES + "</office:styles>", 1)


def build_odt() -> bytes:
    source = default_file("reference.odt")
    out = io.BytesIO()
    # The mimetype entry first and stored, as ODF requires.
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = sorted(src.namelist(), key=lambda n: n != "mimetype")
        for name in names:
            data = src.read(name)
            if name == "styles.xml":
                data = odt_styles(data.decode("utf-8")).encode("utf-8")
            dst.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> int:
    (TEMPLATES / "referanse.docx").write_bytes(build_docx())
    (TEMPLATES / "referanse.odt").write_bytes(build_odt())
    print(f"Skrev {TEMPLATES / 'referanse.docx'} og {TEMPLATES / 'referanse.odt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
