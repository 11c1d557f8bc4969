"""Exported Markdown read back by pandoc gives the same text: no citations, entities, lists, divs."""

import json
import subprocess

from export_fixtures import SCRIPTS, pos
from hypothesis import given, settings
from hypothesis import strategies as st

from bshp_tui.export import ast as A
from bshp_tui.export.markdown_literal import literal_markdown
from bshp_tui.export.pandoc import pandoc_path
from bshp_tui.export.service import export

# Found by a fault campaign: each came back changed from pandoc's plain Markdown writer.
TRICKY = [
    "@key",
    "[@doe99]",
    "&lt;",
    "&amp; &#65;",
    "1. tall",
    "2) to",
    "::: note",
    "i. roman",
    "A. stor",
    "#1",
    "[^1]",
    "x^2^ H~2~O",
    "~~vekk~~",
    "$x$",
    "<!-- c -->",
    "'sitat' \"dobbel\" ... --",
    "e-post a@b.no",
    "<https://y.no>",
    "{.klasse}",
    "Term\n: definisjon",
    "- punkt",
    "+ pluss",
    "> sitat",
    # and the hostile strings a tester typed
    "# Overskrift",
    "<script>alert(1)</script>",
    "[lenke](x)",
    "`x`{=html}",
    "{=html}",
    "---",
    "| a | b |",
    "![x](/etc/hostname)",
    "1984.",
    "(2) to",
    "a) b",
    "#. x",
    "***",
    "___",
    "===",
    "\\input{x}",
    "% tittel",
    "--- ...",
    "<!-- x -->",
    "a\n---",
    "a\n===",
    "~~~",
    "```",
    "Table: x",
    ":x",
    "(@) eksempel",
    "-@doe",
    "\\",
    "1\\. x",
]


def read_back(markdown: str) -> dict:
    out = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", "json"], input=markdown.encode("utf-8"), capture_output=True, check=True
    ).stdout
    return json.loads(out)


def write_markdown(document: dict) -> str:
    out = subprocess.run(
        [pandoc_path(), "--sandbox", "-f", "json", "-t", "markdown", "--standalone"],
        input=json.dumps(literal_markdown(document)).encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout
    return out.decode("utf-8")


def words(text: str) -> list[str]:
    return A.plain_text(A.text(text)).split()


# What literal text must never turn into when pandoc reads the Markdown back.
NEVER_MADE = {
    "Cite",
    "RawInline",
    "RawBlock",
    "Div",
    "OrderedList",
    "BulletList",
    "Quoted",
    "Superscript",
    "Subscript",
    "Strikeout",
    "Math",
    "Note",
    "Link",
}
# ... nor, where any word can start a wrapped line, into code or the other line-start blocks.
NEVER_MADE_OF_WRAPPED_LINES = {"CodeBlock", "Code", "BlockQuote", "DefinitionList", "HorizontalRule", "LineBlock"}


def node_types(node, found=None):
    found = set() if found is None else found
    if isinstance(node, list):
        for n in node:
            node_types(n, found)
    elif isinstance(node, dict):
        if "t" in node:
            found.add(node["t"])
        for value in node.values():
            node_types(value, found)
    return found


def round_trip(texts: list[str]) -> tuple[list, list]:
    """Each text as a paragraph and as a table cell, through Markdown and back."""
    blocks = [A.para(A.text(t)) for t in texts]
    blocks.append(A.table([A.cell_text("Tekst")], [[A.cell_text(t)] for t in texts]))
    back = read_back(write_markdown(A.document(blocks, {"title": A.meta_inlines(" ".join(texts))})))
    return blocks, back


def test_tricky_strings_survive_markdown():
    _, back = round_trip(TRICKY)
    paras, table = back["blocks"][:-1], back["blocks"][-1]
    assert [b["t"] for b in paras] == ["Para"] * len(TRICKY)
    for text, para in zip(TRICKY, paras):
        assert A.plain_text(para).split() == words(text), text
    assert table["t"] == "Table"
    cells = [row[1][0][4] for row in table["c"][4][0][3]]
    for text, cell in zip(TRICKY, cells):
        assert [b["t"] for b in cell] == ["Plain"], text  # never a list or a div inside a cell
        assert A.plain_text(cell).split() == words(text), text
    assert A.plain_text(back["meta"]["title"]).split() == words(" ".join(TRICKY))
    assert not node_types(back) & NEVER_MADE


ALPHABET = st.sampled_from(list("abcæøå ÆØÅ019 \n\t«»–—…’”•") + list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=25).filter(lambda t: t.split()), min_size=1, max_size=8))
def test_any_text_survives_markdown(texts):
    _, back = round_trip(texts)
    paras, table = back["blocks"][:-1], back["blocks"][-1]
    assert [A.plain_text(p).split() for p in paras] == [words(t) for t in texts]
    cells = [row[1][0][4] for row in table["c"][4][0][3]]
    assert [A.plain_text(c).split() for c in cells] == [words(t) for t in texts]


# Ordinary Norwegian sentences: nothing in them is markup, so the Markdown reads as plain text.
ORDINARY = [
    "Tiltakene koster 1 200 000 kr sammenlagt. Alt krever nye midler.",
    "[Ikke utfylt: behovene (gap-analysen)]",
    "Et hjem, ikke bare en bolig",
    "Planperioden er 2027–2030; tidsperspektivet 2027–2040.",
    "NAV, helse og omsorg: 3 av 5 (60 %) er i gang – se kapittel 4.2/4.3?",
    "bl.a. Husbanken-lån, startlån og tilskudd!",
    "Svar på lengre_sikt og type_plassering (2028) – § 15) gjelder.",
]


def test_ordinary_sentences_come_out_without_backslashes():
    document = A.document(
        [A.para(A.text(t)) for t in ORDINARY] + [A.table([A.cell_text("Tekst")], [[A.cell_text(t)] for t in ORDINARY])],
        {},
    )
    markdown = write_markdown(document)
    assert "\\" not in markdown, markdown
    for text in ORDINARY:
        assert text.split()[-1] in markdown  # each sentence as it was typed
    back = read_back(markdown)
    assert [A.plain_text(p).strip() for p in back["blocks"][:-1]] == ORDINARY


def test_exported_plan_markdown_keeps_answers_literal(filled, tmp_path):
    c = filled
    c.store(pos(c, "prioritering.hovedmal"), [{"id": f"t{i}", "tekst": t} for i, t in enumerate(TRICKY)])
    area = c.items("gap.malomrader")[0].id
    rows = c.value(pos(c, "tiltak.handlingsplan", area))
    rows.append(
        {
            "id": "tricky",
            "strategi": "[@doe99]",
            "tiltak": "1. tall",
            "ansvarlig": "&lt;NAV&gt;",
            "tidsfrist": "2028",
            "kostnad": 10,
        }
    )
    c.store(pos(c, "tiltak.handlingsplan", area), rows)
    [md] = export(SCRIPTS, c.session, "plan", "md", tmp_path / "plan.md")
    back = read_back(md.path.read_text(encoding="utf-8"))
    text = A.plain_text(back["blocks"])
    for tricky in ("[@doe99]", "&lt;NAV&gt;", "@key", "&amp;", "::: note"):
        assert tricky in text, tricky
    assert "Cite" not in node_types(back)
    # a cell's text may wrap onto two lines of the Markdown table (a soft break reads as a space)
    row_cells = [
        " ".join(A.plain_text(cell[4]).split())
        for t in back["blocks"]
        if t["t"] == "Table"
        for body in t["c"][4]
        for row in body[3]
        for cell in row[1]
    ]
    assert "1. tall" in row_cells


def test_preview_title_is_literal(store):
    from markdown_it import MarkdownIt

    from bshp_tui.export.preview import preview_markdown
    from bshp_tui.guide.conductor import Conductor

    session = store.create("Sel", "*2027* [lenke](x) <b>")
    try:
        text, _ = preview_markdown(Conductor(SCRIPTS, session), "plan")
    finally:
        session.close()
    tokens = MarkdownIt("commonmark").parseInline(text.splitlines()[0].removeprefix("# "))
    children = tokens[0].children
    assert [t.type for t in children] == ["text"] * len(children)
    assert "".join(t.content for t in children).endswith("*2027* [lenke](x) <b>")


# Words that are markup when a wrapped line starts with them, or next to brackets and emphasis.
MARKUP_WORDS = st.sampled_from(
    [
        "1.",
        "2)",
        "(3)",
        "a.",
        "iv.",
        "#.",
        "-",
        "+",
        "*",
        ":",
        ">",
        "#",
        "===",
        "---",
        "Table:",
        "[",
        "]",
        "(x)",
        "[x]",
        "{.c}",
        "@k",
        "^",
        "~",
        "&lt;",
        "%",
        "|",
        "`",
        "$",
        "<b>",
        "...",
        "--",
        "'",
        '"',
        "ord",
        "Hode",
        "![x]",
        "[Hode]",
        ":::",
        "~~~",
        "```",
        "\\",
        "]:",
        "[^1]",
        "[Ikke",
        "utfylt:",
        "(gap-analysen)]",
        "_x",
        "x_",
        "a_b",
        "_",
        "__a__",
        "*a*:",
    ]
)
LONG_TEXT = st.lists(
    st.one_of(MARKUP_WORDS, st.text(ALPHABET, min_size=1, max_size=6).filter(str.strip)), min_size=1, max_size=60
).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(st.lists(LONG_TEXT, min_size=1, max_size=3), LONG_TEXT)
def test_long_paragraphs_survive_markdown_wherever_a_line_breaks(texts, emphasised):
    """The writer wraps long paragraphs, so any word can start a line; a bracket pair next to
    emphasis or naming a heading must not become a link."""
    blocks = [A.header(1, A.text("Hode"), "hode")]
    for t in texts:
        blocks.append(
            A.para(
                A.text(t) + [{"t": "Space"}, A.emph(A.text(" ".join(emphasised.split()))), {"t": "Space"}] + A.text(t)
            )
        )
    blocks.append(A.table([A.cell_text("Tekst")], [[A.cell_text(t)] for t in texts]))
    back = read_back(write_markdown(A.document(blocks, {"title": A.meta_inlines("x")})))
    assert A.plain_text(back["blocks"]).split() == A.plain_text(blocks).split()
    assert not node_types(back) & (NEVER_MADE | NEVER_MADE_OF_WRAPPED_LINES)
    assert [b["t"] for b in back["blocks"]].count("Header") == 1


def test_brackets_in_a_link_text_stay_text():
    link = {"t": "Link", "c": [A.NO_ATTR, A.text("se [a] og ] her"), ["https://x.no", ""]]}
    back = read_back(write_markdown(A.document([A.para([link] + A.text(" [Ikke utfylt: x]"))], {})))
    [para] = back["blocks"]
    assert para["c"][0]["t"] == "Link" and A.plain_text(para["c"][0]["c"][1]) == "se [a] og ] her"
    assert A.plain_text(para).strip().endswith("[Ikke utfylt: x]")
