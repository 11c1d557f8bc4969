"""The document keys in prompt files (dokument, etikett, målområde, kobler): what the loader reads,
and the file:line errors a facilitator gets for each mistake."""

import textwrap

import pytest
from helpers import ROOT, shipped_scripts

from bshp_tui.scripts import refs
from bshp_tui.scripts.loader import check_folder, load_folder
from bshp_tui.scripts.placement import SECTIONS

GAP = """\
# Gap

```veiledning
id: gap
nummer: 1
```

Intro.

## Målområder

```steg
id: malomrader
```

```felt
id: malomrader
type: liste
spørsmål: Hvilke målområder?
```

"""

MAPPING = """\
# Kartlegging

```veiledning
id: kart
nummer: 2
```

Intro.

"""


def folder_with(tmp_path, body, gap_extra=""):
    (tmp_path / "1-gap.md").write_text(GAP + textwrap.dedent(gap_extra), encoding="utf-8")
    path = tmp_path / "2-kart.md"
    path.write_text(MAPPING + textwrap.dedent(body), encoding="utf-8")
    return path


def errors(tmp_path):
    return [(e.path.name, e.line, e.message) for e in check_folder(tmp_path)[1]]


def line_of(path, needle):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line)


def test_keys_are_read_into_steps_and_fields(tmp_path):
    folder_with(
        tmp_path,
        """\
        ## Boliger

        ```steg
        id: boliger
        dokument: grunnlag.status
        målområde:
          - Kommunale  boliger
        ```

        ```felt
        id: antall
        type: tall
        spørsmål: Hvor mange?
        etikett: Antall boliger
        ```

        ```felt
        id: merknad
        type: tekst
        spørsmål: Noe mer?
        dokument: plan.oppfolging, grunnlag.kunnskap
        etikett: nei
        ```
        """,
        gap_extra="""\
        ```felt
        id: kobling
        type: utvalg
        fra: malomrader
        kobler: kart.boliger
        spørsmål: Hvor hører boligene til?
        ```
        """,
    )
    scripts = load_folder(tmp_path)
    step = scripts[1].step("boliger")
    assert step.documents == ("grunnlag.status",) and step.goal_areas == ("Kommunale boliger",)
    antall, merknad = step.fields
    assert antall.documents == () and antall.doc_label == "Antall boliger"
    assert merknad.documents == ("plan.oppfolging", "grunnlag.kunnskap") and not merknad.show_label
    assert scripts[0].step("malomrader").fields[1].links == "kart.boliger"


CASES = {
    "unknown section": (
        "## S\n\n```steg\nid: s\ndokument: grunnlag.statsu\n```\n\n```felt\nid: a\ntype: tekst\nspørsmål: x?\n```\n",
        "",
        "dokument: grunnlag.statsu",
        "ukjent dokumentavsnitt «grunnlag.statsu». Mente du «grunnlag.status»?",
    ),
    "goal area on a step that is not per goal area": (
        "## S\n\n```steg\nid: s\nmålområde:\n  - Boliger\n```\n\n```felt\nid: a\ntype: tekst\nspørsmål: x?\n```\n",
        "",
        "målområde:",
        "«målområde:» brukes bare når svarene skal til et avsnitt per målområde",
    ),
    "per goal area without saying which": (
        "## S\n\n```steg\nid: s\ndokument: grunnlag.status\n```\n\n```felt\nid: a\ntype: tekst\nspørsmål: x?\n```\n",
        "",
        "dokument: grunnlag.status",
        "steget sier ikke hvilket",
    ),
    "per goal area in a step repeated over another list": (
        "## L\n\n```steg\nid: l\n```\n\n```felt\nid: roller\ntype: liste\nspørsmål: x?\n```\n\n"
        "## S\n\n```steg\nid: s\ngjenta: roller\ndokument: grunnlag.behov\n```\n\n"
        "```felt\nid: a\ntype: tekst\nspørsmål: y?\n```\n",
        "",
        "dokument: grunnlag.behov",
        "steget gjentas per punkt i «kart.roller»",
    ),
    "kobler on a field that is not a choice among goal areas": (
        "## S\n\n```steg\nid: s\n```\n\n```felt\nid: a\ntype: tekst\nspørsmål: x?\nkobler: kart.s\n```\n",
        "",
        "kobler: kart.s",
        "«kobler:» brukes bare på felt av typen utvalg",
    ),
    "kobler to a missing step": (
        "## S\n\n```steg\nid: s\n```\n\n```felt\nid: a\ntype: utvalg\nfra: gap.malomrader\n"
        "spørsmål: x?\nkobler: kart.borte\n```\n",
        "",
        "kobler: kart.borte",
        "«kobler:» viser til steget «kart.borte», som ikke finnes",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_mistake_gives_a_norwegian_error_with_file_and_line(tmp_path, case):
    body, gap_extra, needle, words = CASES[case]
    path = folder_with(tmp_path, body, gap_extra)
    found = errors(tmp_path)
    assert any(
        name == "2-kart.md" and line == line_of(path, needle) and words in message for name, line, message in found
    ), found


def test_every_section_is_documented_in_the_prompt_readme():
    readme = (ROOT / "prompts" / "README.md").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f"`{section}`" in readme, section


def test_every_ref_of_the_shipped_prompts_is_present_with_its_kind():
    assert refs.check(shipped_scripts()) == []


def test_a_missing_or_wrong_ref_is_reported(tmp_path):
    scripts = load_folder(ROOT / "prompts")  # a parse of its own: it is changed below
    gap = next(s for s in scripts if s.id == "gap")
    gap.steps = [st for st in gap.steps if st.id != "gap"]  # status, vision and measures are gone
    vurdering = next(f for s in scripts for f in s.fields() if f.ref_id == refs.RATINGS.field)
    vurdering.kind = "tekst"
    problems = {p.ref.field: p for p in refs.check(scripts)}
    assert problems[refs.GAP_STATUS.field].level == "advarsel"
    assert "Fant ikke feltet «gap.status»" in problems[refs.GAP_STATUS.field].message
    assert problems[refs.RATINGS.field].level == "feil"


def test_every_ref_is_documented_in_the_prompt_readme():
    readme = (ROOT / "prompts" / "README.md").read_text(encoding="utf-8")
    for ref in refs.REFS:
        assert f"`{ref.field}`" in readme, ref.field
