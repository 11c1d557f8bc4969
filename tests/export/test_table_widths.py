"""Table columns fit their content: no amount, name or heading breaks mid-word in the documents."""

import re

import docx
import pytest
from export_fixtures import SCRIPTS, pos
from hypothesis import given, settings
from hypothesis import strategies as st

from bshp_tui.export import ast as A
from bshp_tui.export.colwidths import PADDING_EM, PAGE_EM, TABLE_PT, Measure, fit, text_em
from bshp_tui.export.service import export

TEXT_WIDTH_PT = 16 / 2.54 * 72  # A4 with 2.5 cm margins
WORDS = re.compile(r"[ \t\n]+")  # a no-break space keeps a number whole


@pytest.fixture
def realistic(filled):
    """The walked session with the amounts and names of a real plan."""
    c = filled
    for area in c.items("gap.malomrader"):
        p = pos(c, "tiltak.handlingsplan", area.id)
        c.store(
            p,
            [
                dict(
                    r,
                    ansvarlig="Eiendomsforvaltningen",
                    kostnad=8650000,
                    investering=8000000,
                    tidsfrist="desember 2027",
                )
                for r in c.value(p)
            ],
        )
    p = pos(c, "oppstart.samlinger")
    c.store(p, [dict(r, tidspunkt="2027-12") for r in c.value(p)])
    return c


def column_widths_pt(table) -> list[float]:
    grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
    return [w / sum(grid) * TEXT_WIDTH_PT for w in grid]


def widest_words_pt(table) -> list[float]:
    """Per column, the width of its widest word (bold where the text is), in points."""
    out = [0.0] * len(table.columns)
    for n, row in enumerate(table.rows):
        if len({id(c._tc) for c in row.cells}) < len(row.cells):
            continue  # a row spanning the table
        for i, cell in enumerate(row.cells):
            for para in cell.paragraphs:
                for run in para.runs:
                    for word in WORDS.split(run.text):
                        if word:
                            bold = n == 0 or bool(run.bold)
                            out[i] = max(out[i], (text_em(word, bold) + PADDING_EM) * TABLE_PT)
    return out


def assert_fits(table, name):
    widths, needs = column_widths_pt(table), widest_words_pt(table)
    for i, (w, need) in enumerate(zip(widths, needs)):
        assert w >= need * 0.995, f"{name} {first_cells(table)}, kolonne {i + 1}: {w:.1f} pt < {need:.1f} pt"


def first_cells(table):
    return [c.text for c in table.rows[0].cells]


def test_plan_and_case_tables_fit_amounts_and_long_names(realistic, tmp_path):
    results = {r.document: r for r in export(SCRIPTS, realistic.session, "alle", "docx", tmp_path)}
    plan = docx.Document(str(results["plan"].path))
    economy = [t for t in plan.tables if first_cells(t)[0] == "Målområde og post"]
    action = [t for t in plan.tables if first_cells(t)[:3] == ["Strategi", "Tiltak", "Ansvarlig"]]
    assert economy and action
    assert "17\u00a0300\u00a0000" in [c.text for r in economy[0].rows for c in r.cells]
    for t in economy + action:
        assert_fits(t, "planen")
    case = docx.Document(str(results["saksframlegg"].path))
    [case_economy] = [t for t in case.tables if first_cells(t)[0] == "Målområde og post"]
    assert_fits(case_economy, "saksframlegget")
    papers = docx.Document(str(results["arbeidsdokumenter"].path))
    ranked = next(t for t in papers.tables if first_cells(t)[0] == "Nr.")
    assert "\u00ad" not in "".join(first_cells(ranked))  # no hyphenation hints: the headings fit whole
    progress = next(t for t in papers.tables if first_cells(t) == ["Tidspunkt", "Tema", "Ansvarlig"])
    assert "desember 2027" in [c.text for r in progress.rows for c in r.cells]
    for t in papers.tables:
        assert_fits(t, "arbeidsdokumentene")


def test_numbers_keep_their_width_when_the_text_does_not_fit():
    columns = [[Measure("Innholdstjenesteneskontoret " * 3)]] + [
        [Measure("2027", bold=True), Measure("101\u00a0200\u00a0000")] for _ in range(5)
    ]
    widths = fit(columns)
    assert abs(sum(widths) - 1) < 1e-9
    for col, w in zip(columns[1:], widths[1:]):
        assert w * PAGE_EM >= max(m.need for m in col) - 1e-9


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.text(st.sampled_from(list("abcæøå ÆØÅ019\u00a0 -–")), max_size=30), min_size=1, max_size=5),
        min_size=1,
        max_size=6,
    ).filter(lambda rows: len({len(r) for r in rows}) == 1)
)
def test_widths_share_the_page_and_cover_every_word_that_fits(rows):
    head, body = [A.cell_text(v) for v in rows[0]], [[A.cell_text(v) for v in r] for r in rows[1:]]
    widths = A.fitted_widths(head, body, None, None)
    assert len(widths) == len(rows[0])
    assert abs(sum(widths) - 1) < 1e-9 and all(w > 0 for w in widths)
    columns = [[Measure(r[i], bold=n == 0) for n, r in enumerate(rows)] for i in range(len(rows[0]))]
    if sum(max(m.need for m in col) for col in columns) <= PAGE_EM:
        for col, w in zip(columns, widths):
            assert w * PAGE_EM >= max(m.need for m in col) - 1e-9
