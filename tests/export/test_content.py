"""The plan's own text: guidance for the group never reads as a plan sentence, and the standard
texts state the instruments and the law as they are today."""

import re

import docx
from export_fixtures import SCRIPTS, pos

from bshp_tui.export import ast as A
from bshp_tui.export.templates import markdown_blocks, placeholders, template_text
from bshp_tui.guide.answer_text import initial_text
from bshp_tui.guide.conductor import Conductor

INSTRUCTION = re.compile(r"^(Sjekk|Skriv inn|Skriv|Kontroller|Fyll inn|Oppdater|Bruk|Husk)\b")
# An instruction after a semicolon or colon ("…; sjekk den før …") is one too, and so is any sentence
# that speaks to the working group: the documents speak of the kommune, the app speaks to "dere".
CLAUSE_INSTRUCTION = re.compile(r"[;:]\s*(sjekk|skriv inn|kontroller|fyll inn|oppdater|husk)\b", re.IGNORECASE)
TO_THE_GROUP = re.compile(r"\bdere\b", re.IGNORECASE)


def docx_text(path) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    return "\n".join(parts)


def sentences(text: str) -> list[str]:
    text = re.sub(r"\[[^\]]*\]", " ", text)  # placeholders are where guidance belongs
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


def test_no_working_instruction_reads_as_a_plan_sentence(filled_documents):
    results = filled_documents.values()
    for result in results:
        if result.path.stem.startswith("arbeid"):
            continue  # the working papers are for the group
        offenders = [
            s
            for s in sentences(docx_text(result.path))
            if INSTRUCTION.match(s) or CLAUSE_INSTRUCTION.search(s) or TO_THE_GROUP.search(s)
        ]
        assert offenders == [], (result.path.name, offenders)


def test_guidance_in_standard_texts_is_listed_as_placeholders(filled_documents):
    plan = filled_documents["plan"]
    checks = [m for m in plan.missing if m.startswith(("Sjekk:", "Kontroller:", "Fyll inn:"))]
    assert any("lovdata.no" in m for m in checks)
    assert any("nasjonal strategi" in m for m in checks)
    text = docx_text(plan.path)
    for m in checks:
        assert f"[{m}]" in " ".join(text.split())


def test_guidance_marker_survives_line_breaks_and_emphasis():
    blocks = markdown_blocks("Første setning. {{Sjekk: dette *her*\nog dette.}} Siste setning.")
    assert placeholders(blocks) == ["Sjekk: dette *her* og dette."]
    assert A.plain_text(blocks).split() == [
        "Første",
        "setning.",
        "[Sjekk:",
        "dette",
        "*her*",
        "og",
        "dette.]",
        "Siste",
        "setning.",
    ]


def test_standard_texts_state_todays_instruments():
    foringer = " ".join(template_text("foringer")[0].split())
    ordliste = " ".join(template_text("ordliste")[0].split())
    # Tilskudd til etablering og tilpasning have been kommunale tilskudd since 2020.
    assert "Husbankens virkemidler" not in foringer
    assert re.search(r"tilskudd til etablering og tilpasning\*: kommunale tilskudd", foringer)
    assert re.search(r"Tilskudd til etablering og tilpasning:\*\* kommunale tilskudd", ordliste)
    # Startlån is lent by the kommune.
    assert re.search(r"Startlån:\*\* behovsprøvd lån fra kommunen", ordliste)
    # Bolig for velferd is history, not the current national frame.
    assert "hadde tre mål" not in foringer and "Alle trenger et trygt hjem" in foringer
    assert "sover ute" in ordliste


def test_progress_plan_default_rows_validate(store):
    session = store.create("Sel", "2027–2030")
    try:
        c = Conductor(SCRIPTS, session)
        p = pos(c, "oppstart.samlinger")
        rows = initial_text(c, p).splitlines()
        filled_in = "\n".join(f"2027-0{n + 1}{line}Kari" for n, line in enumerate(rows))
        c.submit(p, filled_in)
        stored = c.value(p)
        assert [r["ansvar"] for r in stored] == ["Kari"] * len(rows)
        assert stored[-1]["tema"] == "Mål, strategier og tiltak, og planutkast"
    finally:
        session.close()
