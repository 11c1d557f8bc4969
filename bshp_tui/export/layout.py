"""What the shipped reference documents cannot carry, written into pandoc's DOCX/ODT output: the
title page (the period on its own line under the title, the lines that the title and subtitle do not
already say, a place for the saksnummer) and its page break,
a page break after the table of contents, the municipality and title in the page header, and
ruled tables with a shaded header row.

Each edit is a plain string edit of one part of the file (no XML parser: it keeps an export
fast). pandoc.py loads this module and prepares the edits while pandoc converts, and applies
them when it rewrites the file anyway to put the date in.
They are only applied with the shipped reference documents (pandoc.REFERENCE); a municipality's own
`--reference-doc` is left as pandoc writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..record import Record

# The text the header fields of the reference documents show until the export fills them in.
FIELD_KOMMUNE, FIELD_TITLE = "Kommunen", "Boligsosial handlingsplan"
CASE_NUMBER_BLANK = "_" * 16  # room to write the saksnummer by hand
BORDER, HEADER_FILL = "808080", "D9E2F3"

Edit = Callable[[str], str]


def escape(text: str) -> str:
    """Text for XML character data (as xml.sax.saxutils.escape, whose import pulls in urllib, http
    and email: a fifth of an export's imports)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TitlePage(Record):
    """What the title page and the page header name."""

    def __init__(self, kommune: str, title: str, period: str, status: str, subtitle: str = ""):
        self.kommune = kommune
        self.title = title
        self.period = period
        self.status = status
        self.subtitle = subtitle

    def lines(self) -> list[tuple[str, str]]:
        """The lines under the date: what the title and the subtitle have not said already."""
        out = [("Planperiode", self.period)] if self.period and self.period not in self.title else []
        out += [("Status", self.status)] if self.status and self.status not in self.subtitle else []
        return out + [("Saksnummer", CASE_NUMBER_BLANK)]

    def split_title(self) -> tuple[str, str] | None:
        """The title and the period that ends it, to set on two lines: a long title would otherwise
        break inside the period («2027–» / «2030»)."""
        if self.period and self.title.endswith(" " + self.period) and self.title != self.period:
            return self.title[: -len(self.period) - 1], self.period
        return None


def inline_text(meta: dict, key: str) -> str:
    """The plain text of one metadata field of a pandoc document tree."""
    node = meta.get(key)
    if not node:
        return ""
    if node["t"] == "MetaString":
        return str(node["c"])
    if node["t"] == "MetaList":
        return inline_text({"x": node["c"][0]}, "x") if node["c"] else ""
    parts = []
    for inline in node["c"] if node["t"] == "MetaInlines" else []:
        if inline["t"] == "Str":
            parts.append(inline["c"])
        elif inline["t"] in ("Space", "SoftBreak"):
            parts.append(" ")
    return "".join(parts)


def title_page(document: dict) -> TitlePage:
    meta = document.get("meta", {})
    return TitlePage(
        kommune=inline_text(meta, "kommune") or FIELD_KOMMUNE,
        title=inline_text(meta, "title"),
        period=inline_text(meta, "planperiode"),
        status=inline_text(meta, "status"),
        subtitle=inline_text(meta, "subtitle"),
    )


# -- DOCX ------------------------------------------------------------------------------------

DOCX_PAGE_BREAK = '<w:p><w:r><w:br w:type="page" /></w:r></w:p>'
DOCX_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}" />'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
DOCX_HEADER_ROW = re.compile(r"<w:tr><w:trPr><w:tblHeader[^>]*/></w:trPr>.*?</w:tr>", re.S)
DOCX_DATE = re.compile(r'(<w:p>\s*<w:pPr>\s*<w:pStyle w:val="Date" />.*?</w:p>)', re.S)


def docx_line(label: str, value: str) -> str:
    return (
        '<w:p><w:pPr><w:pStyle w:val="Date" /></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(label)}: {escape(value)}</w:t></w:r></w:p>'
    )


def docx_header_row(match: re.Match) -> str:
    row = match.group(0).replace(
        "<w:tcPr />", f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}" /></w:tcPr>'
    )
    return row.replace("<w:r><w:t", "<w:r><w:rPr><w:b /><w:bCs /></w:rPr><w:t")


DOCX_HEADING = re.compile(r'<w:p><w:pPr><w:pStyle w:val="Heading([1-3])" />(.*?)</w:p>', re.S)
DOCX_EMPTY_TOC = re.compile(
    r'<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true" />(<w:instrText[^>]*>[^<]*'
    r'</w:instrText>)<w:fldChar w:fldCharType="separate" /><w:fldChar w:fldCharType="end" />'
    r"</w:r></w:p>"
)
TOC_TAB = 9062  # the right margin of an A4 page with 2.5 cm margins, in twips
BOOKMARK_BASE = 900000  # above the ids pandoc gives its own bookmarks


def docx_run(text_xml: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text_xml}</w:t></w:r>'


def docx_field(instruction: str, shown: str = "") -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate" /></w:r>{docx_run(shown)}<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    )


def docx_contents(xml: str) -> str:
    """The table of contents filled in with the headings, each linked to a bookmark on its heading
    and its page number a PAGEREF field: pandoc leaves the TOC field empty for Word to fill, and
    LibreOffice would otherwise show an empty «Innhold». Word rebuilds the whole field when it
    opens the file (w:updateFields)."""
    entries: list[tuple[str, str, str]] = []

    def bookmark(match: re.Match) -> str:
        n = BOOKMARK_BASE + len(entries)
        name = f"_Toc{n}"
        entries.append((match.group(1), "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", match.group(2))), name))
        start = match.group(0).replace("</w:pPr>", f'</w:pPr><w:bookmarkStart w:id="{n}" w:name="{name}" />', 1)
        return start[: -len("</w:p>")] + f'<w:bookmarkEnd w:id="{n}" /></w:p>'

    found = DOCX_EMPTY_TOC.search(xml)
    if not found:
        return xml
    xml = DOCX_HEADING.sub(bookmark, xml)
    if not entries:
        return xml
    paragraphs = []
    for i, (level, text_xml, name) in enumerate(entries):
        start = (
            (
                '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>'
                f'<w:r>{found.group(1)}</w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r>'
            )
            if i == 0
            else ""
        )
        end = '<w:r><w:fldChar w:fldCharType="end" /></w:r>' if i == len(entries) - 1 else ""
        page = docx_field(f"PAGEREF {name} " + "\\h")
        paragraphs.append(
            f'<w:p><w:pPr><w:pStyle w:val="TOC{level}" /><w:tabs><w:tab w:val="right" w:leader="dot" '
            f'w:pos="{TOC_TAB}" /></w:tabs></w:pPr>{start}<w:hyperlink w:anchor="{name}" w:history="1">'
            f"{docx_run(text_xml)}<w:r><w:tab /></w:r>{page}</w:hyperlink>{end}</w:p>"
        )
    return xml.replace(found.group(0), "".join(paragraphs), 1)


def docx_title(xml: str, page: TitlePage) -> str:
    parts = page.split_title()
    if parts is None:
        return xml
    head, period = (escape(p) for p in parts)
    title = re.compile(
        r'(<w:pStyle w:val="Title" />\s*</w:pPr>\s*<w:r>)<w:t xml:space="preserve">'
        + re.escape(f"{head} {period}")
        + "</w:t>"
    )
    return title.sub(
        lambda m: (
            m.group(1) + f'<w:t xml:space="preserve">{head}</w:t><w:br /><w:t xml:space="preserve">{period}</w:t>'
        ),
        xml,
        count=1,
    )


def docx_body(page: TitlePage) -> Edit:
    def edit(xml: str) -> str:
        xml = docx_title(docx_contents(xml), page)
        block = "".join(docx_line(label, value) for label, value in page.lines()) + DOCX_PAGE_BREAK
        xml, found = DOCX_DATE.subn(lambda m: m.group(1) + block, xml, count=1)
        if not found:  # no date: the title page ends after the title block, before the contents
            xml = xml.replace("<w:sdt>", block + "<w:sdt>", 1)
        xml = xml.replace("</w:sdtContent></w:sdt>", "</w:sdtContent></w:sdt>" + DOCX_PAGE_BREAK, 1)
        xml = re.sub(r"(<w:tblStyle w:val=\"Table\" />(?:<w:tblW [^>]*/>)?)", r"\g<1>" + DOCX_BORDERS, xml)
        return DOCX_HEADER_ROW.sub(docx_header_row, xml)

    return edit


def fill_header(page: TitlePage) -> Edit:
    def edit(xml: str) -> str:
        xml = xml.replace(f">{FIELD_KOMMUNE}<", f">{escape(page.kommune)}<", 1)
        return xml.replace(f">{FIELD_TITLE}<", f">{escape(page.title or FIELD_TITLE)}<", 1)

    return edit


# -- ODT -------------------------------------------------------------------------------------

ODT_PAGE_BREAK = '<text:p text:style-name="Sideskift" />'
ODT_DATE = re.compile(r'(<text:p text:style-name="Date">.*?</text:p>)', re.S)
# A cell's inner margins, as the DOCX reference's table style has them (28 and 85 twips).
ODT_CELL_PADDING = (
    'fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:padding-left="0.15cm" fo:padding-right="0.15cm"'
)
ODT_CELL = '<style:table-cell-properties fo:border="0.5pt solid #{border}" ' + ODT_CELL_PADDING + "{fill} />"


def odt_line(label: str, value: str) -> str:
    return f'<text:p text:style-name="Tittelfelt">{escape(label)}: {escape(value)}</text:p>'


ODT_HEADING = re.compile(
    r'<text:h text:style-name="Heading_20_[1-3]" text:outline-level="([1-3])">(.*?)</text:h>', re.S
)


def odt_contents(xml: str) -> str:
    """The table of contents filled in: pandoc writes only its recipe, so LibreOffice shows an empty
    «Innhold» until the group updates it. Each heading gets a bookmark; each entry links to it and
    shows its page with a page-reference field, which LibreOffice works out when it lays out the
    pages. Updating the index in LibreOffice rebuilds it the usual way."""
    if "</text:table-of-content-source>" not in xml:
        return xml
    entries: list[tuple[str, str, str]] = []

    def bookmark(match: re.Match) -> str:
        name = f"__bshp_innhold_{len(entries)}"
        entries.append((match.group(1), re.sub(r"<[^>]+>", "", match.group(2)), name))
        head = match.group(0).replace(">", f'><text:bookmark-start text:name="{name}" />', 1)
        return head.replace("</text:h>", f'<text:bookmark-end text:name="{name}" /></text:h>')

    xml = ODT_HEADING.sub(bookmark, xml)
    title = re.search(r"<text:index-title-template[^>]*>([^<]*)</text:index-title-template>", xml)
    body = [
        '<text:index-body><text:index-title text:name="Innhold"><text:p text:style-name="Contents_20_Heading">'
        f"{title.group(1) if title else ''}</text:p></text:index-title>"
    ]
    for level, text_xml, name in entries:
        body.append(
            f'<text:p text:style-name="Contents_20_{level}"><text:a xlink:type="simple" xlink:href="#{name}">'
            f'{text_xml}</text:a><text:tab/><text:bookmark-ref text:reference-format="page" '
            f'text:ref-name="{name}">1</text:bookmark-ref></text:p>'
        )
    body.append("</text:index-body>")
    return xml.replace("</text:table-of-content-source>", "</text:table-of-content-source>" + "".join(body), 1)


def odt_title(xml: str, page: TitlePage) -> str:
    parts = page.split_title()
    if parts is None:
        return xml
    head, period = (escape(p) for p in parts)
    return xml.replace(
        f'<text:p text:style-name="Title">{head} {period}</text:p>',
        f'<text:p text:style-name="Title">{head}<text:line-break/>{period}</text:p>',
        1,
    )


def odt_body(page: TitlePage) -> Edit:
    def edit(xml: str) -> str:
        xml = odt_title(odt_contents(xml), page)
        block = "".join(odt_line(label, value) for label, value in page.lines()) + ODT_PAGE_BREAK
        xml, found = ODT_DATE.subn(lambda m: m.group(1) + block, xml, count=1)
        if not found:
            xml = xml.replace("<text:table-of-content>", block + "<text:table-of-content>", 1)
        xml = xml.replace("</text:table-of-content>", "</text:table-of-content>" + ODT_PAGE_BREAK, 1)
        for style, fill in (
            ("TableHeaderRowCell", f' fo:background-color="#{HEADER_FILL.lower()}"'),
            ("TableRowCell", ""),
        ):
            plain = (
                f'<style:style style:name="{style}" style:family="table-cell">\n'
                '      <style:table-cell-properties fo:border="none" />'
            )
            ruled = f'<style:style style:name="{style}" style:family="table-cell">' + ODT_CELL.format(
                border=BORDER, fill=fill
            )
            xml = xml.replace(plain, ruled, 1)
        return xml

    return edit


def layout_edits(fmt: str, document: dict) -> dict[str, Edit]:
    """The edits per part of the file that finish a document written with the shipped reference
    document of `fmt` (docx or odt)."""
    page = title_page(document)
    if fmt == "docx":
        return {"word/document.xml": docx_body(page), "word/header1.xml": fill_header(page)}
    if fmt == "odt":
        return {"content.xml": odt_body(page), "styles.xml": fill_header(page)}
    return {}
