"""UI-free rules behind editing in the app: drafts, commands after typed text, the plan period,
the question shown last after going back, and a final save that fails."""

import pytest
from helpers import shipped_scripts

from bshp_tui.errors import SaveError, SessionLockedError, UsageError
from bshp_tui.guide.answer_text import input_text
from bshp_tui.guide.commands import escape, half_typed, plausible_command, split, unescape
from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.guide.period import PERIOD_KEY, parse_period
from bshp_tui.guide.session_start import record_start
from bshp_tui.guide.transcript import build_turns
from bshp_tui.scripts.values import ValidationError
from bshp_tui.store import session as session_module

SCRIPTS = shipped_scripts()
KEY = "oppstart/medlemmer"
TABLE = Position("oppstart", "arbeidsgruppe", None, "medlemmer")


@pytest.fixture
def session(store):
    with store.create("Molde") as s:
        yield s


@pytest.fixture
def c(session):
    return Conductor(SCRIPTS, session)


# -- drafts ----------------------------------------------------------------------------------


def test_answering_discards_the_draft_in_the_same_write(store, session, c):
    base = session.draft_base(KEY)
    assert session.set_draft(KEY, "Kari; NAV; 900 000", base)
    writes = []
    real = session._write
    session._write = lambda data: (writes.append(1), real(data))
    c.store(TABLE, [{"Navn": "Kari"}])  # the editor path
    session._write = real
    assert session.draft(KEY) is None
    assert len(writes) == 1  # answer, draft and progress together
    session.close()
    with store.open(session.id) as again:
        assert again.draft(KEY) is None


def test_a_draft_typed_against_an_older_answer_is_not_kept(session, c):
    c.submit(TABLE, "Kari; NAV")
    base = session.draft_base(KEY)  # the input was loaded with this answer
    c.store(TABLE, [{"id": "x", "navn": "Ola"}])  # then the editor changed it
    assert session.set_draft(KEY, "Kari; NAV; gammel", base) is False
    assert session.draft(KEY) is None


def test_a_stale_draft_in_the_file_is_never_restored(store, session, c):
    c.submit(TABLE, "Kari; NAV")
    assert session.set_draft(KEY, "Kari; NAV; utkast", session.draft_base(KEY))
    # the answer changes behind the draft's back (as a restore or an older file could leave it)
    data = session.snapshot()
    doc = next(d for d in data["answers"].values() if d["key"] == KEY)
    doc["value"] = [{"id": "y", "navn": "Ola"}]
    snapshot = session_module.SessionSnapshot(store, session.id, data)
    assert snapshot.draft(KEY) is None


def test_input_shows_the_saved_answer_and_offers_a_differing_draft(session, c):
    c.submit(TABLE, "Kari; NAV")
    session.set_draft(KEY, "Kari; NAV\nOla; Helse", session.draft_base(KEY))
    shown = input_text(c, TABLE)
    assert shown.text.startswith("Kari; NAV") and "Ola" not in shown.text
    assert shown.offered_draft == "Kari; NAV\nOla; Helse"
    assert not shown.from_draft


def test_input_shows_a_draft_where_there_is_no_answer(session, c):
    session.set_draft(KEY, "Kari; NAV", session.draft_base(KEY))
    shown = input_text(c, TABLE)
    assert shown.text == "Kari; NAV" and shown.from_draft and shown.offered_draft is None


def test_a_draft_from_before_drafts_had_a_base_counts_only_if_newer(store, session, c):
    c.submit(TABLE, "Kari; NAV")
    data = session.snapshot()
    answer = next(d for d in data["answers"].values() if d["key"] == KEY)
    data["drafts"] = {"1": {"key": KEY, "text": "gammelt", "updated": "2000-01-01T00:00:00+01:00"}}
    assert session_module.SessionSnapshot(store, session.id, data).draft(KEY) is None
    data["drafts"]["1"]["updated"] = "2999-01-01T00:00:00+01:00"
    assert answer["updated"] < "2999"
    assert session_module.SessionSnapshot(store, session.id, data).draft(KEY) == "gammelt"


# -- commands after typed text ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("/tilbake", ("", "tilbake", "")),
        ("2027–2030/tilbake", ("2027–2030", "tilbake", "")),
        ("Helse og omsorg /tilbake", ("Helse og omsorg", "tilbake", "")),
        ("NAV\nHelse\n/tilbake", ("NAV\nHelse", "tilbake", "")),
        ("Tekst /eksporter odt", ("Tekst", "eksporter", "odt")),
        ("/ukjent", ("", "ukjent", "")),
        ("og/eller", None),
        ("Vi vil /hjelp oss selv", None),  # hjelp takes no argument: ordinary text
        ("Sett /tilbake\nog mer", None),  # only the last line counts
        ("//50 prosent av budsjettet", None),  # two slashes: text that starts with one
        ("  //tilbake", None),
        ("//50 prosent /tilbake", ("//50 prosent", "tilbake", "")),  # a command after it still counts
    ],
)
def test_command_rule(typed, expected):
    assert split(typed) == expected


def test_text_starting_with_a_slash():
    assert not plausible_command("/50 prosent av budsjettet")  # a digit: no command name
    assert not plausible_command("/budsjett er stramt i år")  # words after a name that is no command
    assert not plausible_command("//tilbake")
    assert plausible_command("/tull") and plausible_command("/tilb") and plausible_command("/")
    assert plausible_command("/timer 10") and plausible_command("/eksporter odt")
    assert unescape("//50 prosent") == "/50 prosent" and unescape("  //x") == "/x"
    assert unescape("og//eller") == "og//eller"
    for stored in ("/50 prosent", "//x", "/a\nb", "vanlig", "og/eller"):  # a stored answer is sent back unchanged
        assert unescape(escape(stored)) == stored


def test_a_stored_answer_starting_with_a_slash_loads_so_enter_keeps_it(c, session):
    pos = next(p for p in c.positions() if p.field_id == "bra")
    c.submit(pos, unescape("//50 prosent av budsjettet"), advance=False)
    shown = input_text(c, pos)
    assert shown.text == "//50 prosent av budsjettet" and split(shown.text) is None
    assert shown.offered_draft is None


def test_half_typed_command_is_recognised():
    assert half_typed("2027–2030/tilb") == "tilb"
    assert half_typed("og/eller") is None


# -- plan period -------------------------------------------------------------------------------


def test_period_is_two_years():
    assert parse_period("2027-2030") == "2027–2030"
    for bad in ("2027–2030/x", "2027", "2030-2027", "tjuetjuesju"):
        with pytest.raises(UsageError):
            parse_period(bad)


def test_period_given_at_creation_is_answered(store):
    with store.create("Molde", "2027–2030") as s:
        record_start(SCRIPTS, s, "2027–2030")
        c = Conductor(SCRIPTS, s)
        pos = Position("oppstart", "plantype", None, "planperiode")
        assert c.is_answered(pos)
        c.submit(Position("oppstart", "plantype", None, "plantype"), "1")
        assert c.cursor() != pos


def test_a_new_session_gets_its_period_and_progress_in_one_write(store, monkeypatch):
    from bshp_tui.store import session as session_module

    writes = []
    real = session_module.atomic_write_bytes
    monkeypatch.setattr(
        session_module, "atomic_write_bytes", lambda path, data: writes.append(path) or real(path, data)
    )
    with store.create("Molde", "2027–2030") as s:
        record_start(SCRIPTS, s, "2027–2030")
        assert len(writes) == 1
        assert s.answer(PERIOD_KEY) == "2027–2030" and s.meta["progress"] > 0


def test_period_answer_is_checked(c):
    pos = Position("oppstart", "plantype", None, "planperiode")
    with pytest.raises(ValidationError, match="to årstall"):
        c.submit(pos, "2027–2030/x")
    c.submit(pos, "2028-2031")
    assert c.session.answer(PERIOD_KEY) == "2028–2031"
    assert c.session.meta["period"] == "2028–2031"


# -- going back ---------------------------------------------------------------------------------


def test_after_going_back_the_question_stands_last(c):
    c.submit(Position("oppstart", "plantype", None, "plantype"), "1")
    c.submit(Position("oppstart", "plantype", None, "planperiode"), "2027-2030")
    c.back()
    turns = build_turns(c)
    assert turns[-1].kind == "question" and turns[-1].current
    assert "Hvilken periode" in turns[-1].text
    assert sum(t.current for t in turns) == 1


# -- a final save that fails ------------------------------------------------------------------


def test_failed_final_save_keeps_the_session_open(store, monkeypatch):
    s = store.create("Molde")
    real = session_module.atomic_write_bytes

    def broken(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_module, "atomic_write_bytes", broken)
    with pytest.raises(SaveError):
        s.set_answer("oppstart/mandat", "Lage planen")
    with pytest.raises(SaveError):
        s.close()
    assert s.answer("oppstart/mandat") == "Lage planen"  # still in memory
    with pytest.raises(SessionLockedError):
        store.open(s.id)  # the lock is still held
    monkeypatch.setattr(session_module, "atomic_write_bytes", real)
    s.retry_save()
    s.close()
    with store.open(s.id) as again:
        assert again.answer("oppstart/mandat") == "Lage planen"


def test_give_up_closes_without_saving(store, monkeypatch, tmp_path):
    s = store.create("Molde")
    monkeypatch.setattr(
        session_module,
        "atomic_write_bytes",
        lambda path, data: (_ for _ in ()).throw(OSError(30, "Read-only file system")),
    )
    with pytest.raises(SaveError):
        s.set_answer("oppstart/mandat", "Lage planen")
    monkeypatch.undo()
    s.save_copy(tmp_path / "kopi.json")
    s.close(give_up=True)
    assert "Lage planen" in (tmp_path / "kopi.json").read_text(encoding="utf-8")
    with store.open(s.id) as again:
        assert again.answer("oppstart/mandat") is None


def test_answer_and_period_in_meta_survive_a_failed_save_together(store, monkeypatch):
    s = store.create("Molde", "2027–2030")
    c = Conductor(SCRIPTS, s)
    real = session_module.atomic_write_bytes
    monkeypatch.setattr(
        session_module,
        "atomic_write_bytes",
        lambda path, data: (_ for _ in ()).throw(OSError(28, "No space left on device")),
    )
    with pytest.raises(SaveError):
        c.submit(Position("oppstart", "plantype", None, "planperiode"), "2028-2031")
    monkeypatch.setattr(session_module, "atomic_write_bytes", real)
    s.close()  # the final save writes everything that was kept in memory
    with store.open(s.id) as again:
        assert again.answer(PERIOD_KEY) == "2028–2031"
        assert again.meta["period"] == "2028–2031"


def test_a_session_that_has_moved_its_cursor_dumps_and_imports(store, tmp_path):
    """The cursor is [script, step, null, field] outside repeated steps: view state may hold null."""
    import json

    with store.create("Molde") as s:
        c = Conductor(SCRIPTS, s)
        c.submit(Position("oppstart", "plantype", None, "plantype"), "1")
        c.back()
        assert s.state("cursor")[2] is None
    dump = tmp_path / "kopi.json"
    dump.write_text(json.dumps(store.dump("molde"), ensure_ascii=False), encoding="utf-8")
    new_id = store.import_file(dump)
    with store.open(new_id) as copy:
        assert copy.answer("oppstart/plantype") == "kommunedelplan"
