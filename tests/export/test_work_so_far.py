"""The plan and the saksframlegg name only the samlinger the group has held, and what remains."""

import docx
from export_fixtures import SCRIPTS
from export_fixtures import pos as field_pos
from walk import answer_for

from bshp_tui.export.service import export
from bshp_tui.guide.conductor import Conductor

TITLES = [
    "oppstart og forventningsavklaring",
    "kartlegging",
    "gap-analyse",
    "medvirkning",
    "prioritering",
    "mål, strategier og tiltak",
]


def walk_through(c, scripts):
    pos = c.cursor()
    while pos is not None and pos.script_id in scripts:
        pos = c.submit(pos, answer_for(c, pos))


def section(document, heading, until):
    """The paragraphs (and list items) between a heading and the next heading of `until`'s kind."""
    out, inside = [], False
    for p in document.paragraphs:
        if p.text == heading:
            inside = True
        elif inside and p.style.name.startswith(until):
            break
        elif inside:
            out.append(p.text)
    return out


def test_a_draft_names_the_sessions_held_and_those_that_remain(store, tmp_path):
    session = store.create("Nord-Fron", "2027–2030")
    c = Conductor(SCRIPTS, session)
    walk_through(c, ("oppstart", "kartlegging"))
    assert c.cursor() is not None and c.cursor().script_id == "gap"
    results = {r.document: r for r in export(SCRIPTS, session, "alle", "docx", tmp_path)}
    case = section(docx.Document(str(results["saksframlegg"].path)), "2.3 Prosess", "Heading")
    plan = section(docx.Document(str(results["plan"].path)), "1.1 Hva er boligsosial handlingsplan?", "Heading")
    for text in (case, plan):
        held_at = text.index("Så langt har arbeidsgruppa gjennomført samlinger om:")
        left_at = text.index("Planen er et utkast. Disse samlingene gjenstår før den er ferdig:")
        assert text[held_at + 1 : left_at] == TITLES[:2]
        assert text[left_at + 1 : left_at + 5] == TITLES[2:]
        assert not any("medvirkning fra berørte grupper" in t or "temaene: oppstart" in t for t in text)
    session.close()


def test_a_finished_plan_lists_every_session_and_no_remainder(filled_documents):
    results = filled_documents
    case = section(docx.Document(str(results["saksframlegg"].path)), "2.3 Prosess", "Heading")
    assert case[0] == "En bredt sammensatt arbeidsgruppe har utarbeidet planen gjennom samlinger med disse temaene:"
    assert case[1:] == TITLES
    plan = section(docx.Document(str(results["plan"].path)), "1.1 Hva er boligsosial handlingsplan?", "Heading")
    assert (
        plan[plan.index("Planen er utarbeidet av en tverrfaglig arbeidsgruppe gjennom en serie samlinger om:") + 1 :][
            :6
        ]
        == TITLES
    )
    assert not any("gjenstår" in t for t in case + plan)


def test_nothing_held_yet_says_so(store, tmp_path):
    session = store.create("Tom")
    [result] = export(SCRIPTS, session, "saksframlegg", "docx", tmp_path / "sak.docx")
    case = section(docx.Document(str(result.path)), "2.3 Prosess", "Heading")
    assert case == ["Arbeidsgruppa har ennå ikke gjennomført noen av samlingene i arbeidet med planen."]
    session.close()


def test_each_missing_item_is_listed_once_and_indicators_wait_for_main_goals(store, tmp_path):
    session = store.create("Nord-Fron", "2027–2030")
    c = Conductor(SCRIPTS, session)
    walk_through(c, ("oppstart", "kartlegging"))
    results = export(SCRIPTS, session, "alle", "docx", tmp_path)
    for result in results:
        assert len(result.missing) == len(set(result.missing)), result.document
    plan = next(r for r in results if r.document == "plan")
    indicators = section(docx.Document(str(plan.path)), "2.4 Målindikatorer", "Heading")
    assert indicators == [
        "Planen får målindikatorer for hvert hovedmål. [Ikke utfylt: målindikatorer – de settes "
        "når hovedmålene er valgt i prioriteringen]"
    ]
    assert plan.missing.count("hovedmål (prioriteringen)") == 1
    session.close()


def test_working_papers_number_the_prioritisation_without_gaps(filled, tmp_path):
    from export_fixtures import pos

    from bshp_tui.guide import measures

    fld = filled.field("prioritering.vurderinger")
    items = filled.items(fld.ref)
    filled.submit(pos(filled, "prioritering.vurderinger"), "\n".join(" ".join(["4"] * len(fld.scales)) for _ in items))
    assert measures.ranked_measures(filled) and not measures.flying_measures(filled)  # no 5.5 «realitetssjekk»
    [result] = export(SCRIPTS, filled.session, "arbeidsdokumenter", "docx", tmp_path / "papers.docx")
    headings = [p.text for p in docx.Document(str(result.path)).paragraphs if p.style.name == "Heading 2"]
    numbers = [h.split(" ")[0] for h in headings if h.startswith("5.")]
    assert numbers == [f"5.{n}" for n in range(1, len(numbers) + 1)]
    assert f"{numbers[-1]} Målgrupper og hovedmål" in headings and len(numbers) == 5


def test_the_process_chapter_opens_with_plan_text(filled_documents):
    result = filled_documents["plan"]
    text = section(docx.Document(str(result.path)), "1.3 Planprosess og medvirkning", "Heading 2")
    assert text[0].startswith("Kapitlet beskriver hvem som har deltatt i arbeidet med planen")
    assert not any(t.startswith("Her står") for t in text)


def test_a_guided_session_only_started_is_not_said_to_be_held(store, tmp_path):
    """Only a guided session with every required answer is «gjennomført»; one with some answers is
    said to be started, and the rest to remain."""
    from bshp_tui.guide.progress import script_progress

    session = store.create("Nord-Fron", "2027–2030")
    c = Conductor(SCRIPTS, session)
    walk_through(c, ("oppstart", "kartlegging"))
    # one answer in the gap analysis and one in prioritering: both begun, neither finished
    pos = c.cursor()
    c.submit(pos, answer_for(c, pos))
    c.store(field_pos(c, "prioritering.horisont"), "2027–2040")
    by_id = {s.id: s for s in SCRIPTS}
    assert 0 < script_progress(c, by_id["gap"]) < 1 and 0 < script_progress(c, by_id["prioritering"]) < 1
    results = {r.document: r for r in export(SCRIPTS, session, "alle", "docx", tmp_path)}
    case = section(docx.Document(str(results["saksframlegg"].path)), "2.3 Prosess", "Heading")
    plan = section(docx.Document(str(results["plan"].path)), "1.1 Hva er boligsosial handlingsplan?", "Heading")
    for text in (case, plan):
        held_at = text.index("Så langt har arbeidsgruppa gjennomført samlinger om:")
        started_at = text.index("Planen er et utkast. Disse samlingene er påbegynt, men ikke fullført:")
        left_at = text.index("Disse samlingene gjenstår:")
        assert text[held_at + 1 : started_at] == TITLES[:2]
        assert text[started_at + 1 : left_at] == [TITLES[2], TITLES[4]]
        assert text[left_at + 1 : left_at + 3] == [TITLES[3], TITLES[5]]
    session.close()


def test_started_sessions_without_a_finished_one_say_so(store, tmp_path):
    session = store.create("Nord-Fron", "2027–2030")
    c = Conductor(SCRIPTS, session)
    pos = c.cursor()
    c.submit(pos, answer_for(c, pos))  # the first question of oppstart only
    [result] = export(SCRIPTS, session, "saksframlegg", "docx", tmp_path / "sak.docx")
    case = section(docx.Document(str(result.path)), "2.3 Prosess", "Heading")
    assert case[:3] == [
        "Arbeidsgruppa har ennå ikke fullført noen av samlingene i arbeidet med planen.",
        "Planen er et utkast. Disse samlingene er påbegynt, men ikke fullført:",
        TITLES[0],
    ]
    assert case[3] == "Disse samlingene gjenstår:" and case[4:9] == TITLES[1:]
    assert not any("gjennomført samlinger" in t for t in case)
    session.close()
