"""The kinds' part of the prompt-file format: which keys each kind takes, what it requires, and
the Norwegian file:line message when something is wrong."""

import textwrap

import pytest

from bshp_tui.scripts import kinds as K
from bshp_tui.scripts.loader import check_folder

HEAD = """\
# Test

```veiledning
id: test
nummer: 1
```

## Steg

```steg
id: steg
```

"""


def problems(tmp_path, body):
    path = tmp_path / "t.md"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    scripts, errors = check_folder(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return scripts, [(lines[e.line - 1].strip(), e.message) for e in errors]


CASES = {
    "min on text": (
        "```felt\nid: a\ntype: tekst\nspørsmål: x?\nmin: 3\n```\n",
        ("min: 3", "«min:» brukes ikke for felt av typen tekst"),
    ),
    "options on a number": (
        "```felt\nid: a\ntype: tall\nspørsmål: x?\nvalg:\n  - Ja\n```\n",
        ("valg:", "«valg:» brukes ikke for felt av typen tall"),
    ),
    "flere on a list": (
        "```felt\nid: a\ntype: liste\nspørsmål: x?\nflere: ja\n```\n",
        ("flere: ja", "«flere:» brukes ikke for felt av typen liste"),
    ),
    "number limit not a number": (
        "```felt\nid: a\ntype: tall\nspørsmål: x?\nmax: mange\n```\n",
        ("max: mange", "«max» må være et tall, ikke «mange»"),
    ),
    "rating without scales": (
        "```felt\nid: l\ntype: liste\nspørsmål: x?\n```\n\n"
        "```felt\nid: a\ntype: vurdering\nspørsmål: y?\nfra: l\n```\n",
        ("```felt", "feltet «a» av typen vurdering mangler «skalaer:»"),
    ),
    "scale without poles": (
        "```felt\nid: l\ntype: liste\nspørsmål: x?\n```\n\n"
        "```felt\nid: a\ntype: vurdering\nspørsmål: y?\nfra: l\nskalaer:\n  - haster: Haster\n```\n",
        ("- haster: Haster", "skalaen «haster: Haster» må ha to poler skilt med |"),
    ),
    "selection without source": (
        "```felt\nid: a\ntype: utvalg\nspørsmål: x?\n```\n",
        ("```felt", "feltet «a» av typen utvalg mangler «fra:»"),
    ),
    "repeated option": (
        "```felt\nid: a\ntype: valg\nspørsmål: x?\nvalg:\n  - ja: Ja\n  - ja: Jo\n```\n",
        ("- ja: Jo", "alternativet «ja» står to ganger"),
    ),
    "choice column with one option": (
        "```felt\nid: a\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B | valg intern\n```\n",
        ("- b: B | valg intern", "kolonnen «b» må ha minst to valg"),
    ),
    "item column without field": (
        "```felt\nid: a\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B | fra\n```\n",
        ("- b: B | fra", "kolonnen «b» må si hvilket felt punktene kommer fra"),
    ),
    "unknown column kind": (
        "```felt\nid: a\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B | tall 5\n```\n",
        ("- b: B | tall 5", "ukjent kolonnetype «tall 5»"),
    ),
    "sum of a text column": (
        "```felt\nid: a\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B\nsum: b\n```\n",
        ("sum: b", "som ikke er av typen tall"),
    ),
    "item column from a table": (
        "```felt\nid: t\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B\n```\n\n"
        "```felt\nid: a\ntype: tabell\nspørsmål: y?\nkolonner:\n  - c: C | fra t\n```\n",
        ("```felt", "er av typen tabell (må være liste)"),
    ),
    "selection from a table without column": (
        "```felt\nid: t\ntype: tabell\nspørsmål: x?\nkolonner:\n  - b: B\n```\n\n"
        "```felt\nid: a\ntype: utvalg\nspørsmål: y?\nfra: t\n```\n",
        ("fra: t", "oppgi også «kolonne:»"),
    ),
    "condition on a list": (
        "```felt\nid: l\ntype: liste\nspørsmål: x?\n```\n\n"
        "```felt\nid: a\ntype: tekst\nspørsmål: y?\nhvis: l = x\n```\n",
        ("hvis: l = x", "må være flervalg eller valg"),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_kind_specific_problems_name_the_line(tmp_path, case):
    body, (line, words) = CASES[case]
    _, found = problems(tmp_path, body)
    assert any(at == line and words in message for at, message in found), found


def test_each_kind_reads_its_keys(tmp_path):
    scripts, found = problems(
        tmp_path,
        """\
        ```felt
        id: n
        type: tall
        spørsmål: Hvor mange?
        min: 0
        max: 1 000
        enhet: boliger
        ```

        ```felt
        id: l
        type: liste
        spørsmål: Hva?
        standard:
          - Første
        ```

        ```felt
        id: u
        type: utvalg
        spørsmål: Hvilke?
        fra: l
        flere: ja
        ```

        ```felt
        id: t
        type: tabell
        spørsmål: Plan?
        kolonner:
          - tiltak: Tiltak | fra l
          - art: Art | valg Intern, Ekstern
          - sum: Kostnad | tall
        sum: sum
        ```
        """,
    )
    assert found == []
    n, lst, u, t = scripts[0].fields()
    assert (n.min, n.max, n.unit) == (0, 1000, "boliger")
    assert lst.defaults == ["Første"]
    assert u.ref == "test.l" and u.multiple
    # valg options keep the case they are written in (a cell matches them in any case)
    assert [(c.id, c.kind, c.ref, c.options) for c in t.columns] == [
        ("tiltak", "fra", "test.l", ()),
        ("art", "valg", None, ("Intern", "Ekstern")),
        ("sum", "tall", None, ()),
    ]
    assert t.sum_column == "sum"


def test_unknown_kind_lists_the_registry(tmp_path):
    _, found = problems(tmp_path, "```felt\nid: a\ntype: farge\nspørsmål: x?\n```\n")
    assert found == [("type: farge", f"ukjent felttype «farge» (mulige typer: {', '.join(K.names())})")]
