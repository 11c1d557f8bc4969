"""Prompt files: every shipped file loads, and each kind of error gives the right file:line."""

import textwrap
from pathlib import Path

import pytest
from helpers import ROOT, run_bshp, shipped_scripts

from bshp_tui.scripts import kinds as K
from bshp_tui.scripts.loader import check_folder, default_prompts_dir


def test_every_shipped_prompt_file_loads():
    scripts = shipped_scripts()
    assert [s.id for s in scripts] == [
        "oppstart",
        "kartlegging",
        "gap",
        "medvirkning",
        "prioritering",
        "tiltak",
        "oppfolging",
    ]
    for script in scripts:
        assert script.intro and script.time, script.id
        assert "Hvorfor" in script.intro and "Foreslått tid" in script.intro
        for step in script.steps:
            assert step.fields, step.ref_id
    kinds = {f.kind for s in scripts for f in s.fields()}
    assert kinds == set(K.names())


def test_default_prompts_dir_is_the_shipped_folder():
    assert (default_prompts_dir() / "1-oppstart.md").exists()


GOOD_HEAD = """\
# Test

```veiledning
id: test
nummer: 1
```

Intro.

## Steg

```steg
id: steg
```

Tekst.

"""


def write(tmp_path, body, name="t.md"):
    path = tmp_path / name
    path.write_text(GOOD_HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def errors_for(tmp_path):
    _, errors = check_folder(tmp_path)
    return [(e.path.name, e.line, e.message) for e in errors]


def line_of(path: Path, needle) -> int:
    needle, occurrence = needle if isinstance(needle, tuple) else (needle, 1)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            occurrence -= 1
            if occurrence == 0:
                return n
    raise AssertionError(needle)


CASES = {
    "unknown field kind": (
        "```felt\nid: a\ntype: fargevelger\nspørsmål: x?\n```\n",
        "type: fargevelger",
        "ukjent felttype",
    ),
    "duplicate id": (
        "```felt\nid: a\ntype: tekst\nspørsmål: x?\n```\n\n```felt\nid: a\ntype: tekst\nspørsmål: y?\n```\n",
        ("id: a", 2),
        "felt-id «a» er brukt før",
    ),
    "missing field reference": (
        "```felt\nid: a\ntype: vurdering\nspørsmål: x?\nfra: finnes_ikke\nskalaer:\n  - h: Lav | Høy\n```\n",
        "fra: finnes_ikke",
        "som ikke finnes",
    ),
    "missing step reference": (
        "Se [dette](#test.borte).\n\n```felt\nid: a\ntype: tekst\nspørsmål: x?\n```\n",
        "Se [dette]",
        "steg som ikke finnes",
    ),
    "missing column": ("```felt\nid: a\ntype: tabell\nspørsmål: x?\n```\n", "id: a", "mangler «kolonner:»"),
    "sum of missing column": (
        "```felt\nid: a\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B | tall\nsum: c\n```\n",
        "sum: c",
        "kolonnen «c», som ikke finnes",
    ),
    "unclosed block": ("```felt\nid: a\ntype: tekst\nspørsmål: x?\n", "```felt", "ikke lukket"),
    "unknown key": (
        "```felt\nid: a\ntype: tekst\nspørsmål: x?\nfarge: blå\n```\n",
        "farge: blå",
        "ukjent nøkkel «farge»",
    ),
    "condition on unknown option": (
        "```felt\nid: v\ntype: valg\nspørsmål: x?\nvalg:\n  - ja: Ja\n  - nei: Nei\n```\n\n"
        "```felt\nid: a\ntype: tekst\nspørsmål: y?\nhvis: v = kanskje\n```\n",
        "hvis: v = kanskje",
        "ikke er et alternativ",
    ),
    "repeat over non-list": (
        "```felt\nid: t\ntype: tekst\nspørsmål: x?\n```\n\n## Igjen\n\n```steg\nid: igjen\ngjenta: t\n```\n\n"
        "```felt\nid: b\ntype: tekst\nspørsmål: y?\n```\n",
        "gjenta: t",
        "må være liste",
    ),
    "choice without options": ("```felt\nid: a\ntype: valg\nspørsmål: x?\n```\n", "id: a", "mangler «valg:»"),
    "bad yes/no": (
        "```felt\nid: a\ntype: tekst\nspørsmål: x?\npåkrevd: kanskje\n```\n",
        "påkrevd: kanskje",
        "«ja» eller «nei»",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_error_kind_reports_file_and_line(tmp_path, case):
    body, needle, words = CASES[case]
    path = write(tmp_path, body)
    errors = errors_for(tmp_path)
    expected_line = line_of(path, needle)
    # the block's opening line is reported for errors about the block as a whole
    hits = [e for e in errors if words in e[2]]
    assert hits, errors
    assert hits[0][0] == "t.md"
    # errors about a whole block may point at its opening line, just above its first key
    assert hits[0][1] in (expected_line, expected_line - 1), hits


def test_step_without_block_and_file_without_title(tmp_path):
    (tmp_path / "a.md").write_text("Bare tekst.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\n```veiledning\nid: b\n```\n\n## Uten blokk\n\nTekst.\n", encoding="utf-8")
    errors = errors_for(tmp_path)
    assert ("a.md", 1, "filen mangler en «# »-overskrift med veiledningens navn") in errors
    assert any(e[0] == "b.md" and e[1] == 7 and "mangler en steg-blokk" in e[2] for e in errors)


def test_not_utf8(tmp_path):
    (tmp_path / "x.md").write_bytes(b"# Tittel \xff\n")
    errors = errors_for(tmp_path)
    assert errors[0][0] == "x.md" and "UTF-8" in errors[0][2]


def test_check_prompts_command(tmp_path):
    ok = run_bshp("check-prompts", ROOT / "prompts")
    assert ok.returncode == 0 and "7 veiledninger" in ok.stdout
    write(tmp_path, "```felt\nid: a\ntype: fargevelger\nspørsmål: x?\n```\n")
    bad = run_bshp("check-prompts", tmp_path)
    assert bad.returncode == 2
    assert f"{tmp_path / 't.md'}:20: ukjent felttype «fargevelger»" in bad.stderr
