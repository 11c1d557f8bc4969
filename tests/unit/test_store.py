"""The session store: create, save, reopen, names, damage, versions, backups, locks, import."""

import json
import os

import pytest

from bshp_tui.errors import (
    DamagedSessionError,
    NewerSchemaError,
    ReadOnlyError,
    SessionLockedError,
    SessionNotFound,
    UsageError,
)
from bshp_tui.store import schema
from bshp_tui.store.naming import slugify
from bshp_tui.store.sessions import MAX_BACKUPS, SessionStore


def test_answers_are_saved_at_once_and_survive_reopen(store):
    with store.create("Molde", "2027–2030") as s:
        s.set_answer("oppstart/plantype", "kommunedelplan")
        s.set_answer("oppstart/medlemmer", [{"id": "a1", "navn": "Kari", "rolle": "NAV"}])
        s.set_draft("oppstart/forventninger", "Det vi vil oppnå er")
        # the file on disk already holds the answer, before close
        on_disk = json.loads(s.path.read_text(encoding="utf-8"))
        assert any(d["value"] == "kommunedelplan" for d in on_disk["answers"].values())
        sid = s.id
    with store.open(sid) as s:
        assert s.answer("oppstart/plantype") == "kommunedelplan"
        assert s.answer("oppstart/medlemmer")[0]["navn"] == "Kari"
        assert s.draft("oppstart/forventninger") == "Det vi vil oppnå er"
        assert s.meta["period"] == "2027–2030"


def test_update_and_delete_answer(store):
    with store.create("Molde") as s:
        s.set_answer("a/x", "1")
        s.set_answer("a/x", "2")
        s.set_answer("a/y", "3")
        s.delete_answer("a/y")
        sid = s.id
    with store.open(sid) as s:
        assert s.answers() == {"a/x": "2"}


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Nord-Fron/Sel", "nord-fron-sel"),
        ("../../etc", "etc"),
        ("Æøå kommune", "aeoa-kommune"),
        ("   ", "kommune"),
        ("CON", "con-kommune"),
        ("Guovdageaidnu – Kautokeino", "guovdageaidnu-kautokeino"),
        ("a" * 200, "a" * 60),
    ],
)
def test_slugs_are_safe_and_readable(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["Nord-Fron/Sel", "../../etc", "Æøå kommune", "/etc/passwd", "..", "a\\b\\..\\c"])
def test_session_files_stay_inside_the_data_folder(store, name):
    with store.create(name) as s:
        assert s.path.parent == store.data_dir
        assert s.municipality == name
    assert [i.municipality for i in store.list()] == [name]


def test_same_municipality_twice_gets_a_new_id(store):
    with store.create("Molde") as a, store.create("Molde") as b:
        assert (a.id, b.id) == ("molde", "molde-2")


def test_invalid_id_is_refused(store):
    with pytest.raises(SessionNotFound):
        store.open("../etc")
    with pytest.raises(SessionNotFound):
        store.open("finnes-ikke")


def test_values_are_cleaned_on_the_way_in(store):
    with store.create("Molde") as s:
        s.set_answer("a/x", "lone\ud800 surrogate\x00 bell\x07 tab\tnew\nline\r\nend\ufffe")
        s.set_answer("a/pair", "smile \ud83d\ude00")
        s.set_answer("a/nan", float("nan"))
        sid = s.id
    with store.open(sid) as s:
        assert s.answer("a/x") == "lone surrogate bell tab\tnew\nline\nend"
        assert s.answer("a/pair") == "smile 😀"
        assert s.answer("a/nan") is None


DAMAGE = {
    "zero bytes": (b"", "tom"),
    "truncated": (None, "avkuttet"),
    "trailing garbage": (None, "ekstra data"),
    "wrong shape": (b'["not", "a", "session"]', "ikke en bshp-økt"),
    "other app's tinydb": (b'{"_default": {"1": {"a": 1}}}', "ikke en bshp-økt"),
    "not utf-8": (b'{"meta": "\xff\xfe"}', "UTF-8"),
    "bad doc id": (None, "ugyldig post"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_file_is_reported_untouched_and_others_still_work(store, kind):
    with store.create("Molde") as s:
        s.set_answer("a/x", "hei")
        good = s.path.read_bytes()
    with store.create("Skadet") as s:
        damaged_path = s.path
    raw, reason = DAMAGE[kind]
    if kind == "truncated":
        raw = good[: len(good) // 2]
    elif kind == "trailing garbage":
        raw = good + b"\x00garbage"
    elif kind == "bad doc id":
        data = json.loads(good)
        data["answers"]["x"] = {"key": "k", "value": 1}
        raw = json.dumps(data).encode()
    damaged_path.write_bytes(raw)

    infos = {i.id: i for i in store.list()}
    assert infos["molde"].ok and infos["molde"].answers == 1
    assert not infos["skadet"].ok and reason in infos["skadet"].damaged
    with pytest.raises(DamagedSessionError) as err:
        store.open("skadet")
    assert "skadet.json" in str(err.value) and reason in str(err.value)
    assert damaged_path.read_bytes() == raw  # never modified
    with store.open("molde") as s:
        assert s.answer("a/x") == "hei"


def test_damaged_file_can_be_restored_from_backup(store):
    with store.create("Molde") as s:
        s.set_answer("a/x", "første")
    with store.open("molde") as s:  # opening takes a backup of the state it found
        s.set_answer("a/x", "andre")
    path = store.path_for("molde")
    path.write_bytes(path.read_bytes()[:40])  # damaged in place
    backups = store.backups("molde")
    assert backups and backups[0].answers == 1 and backups[0].reason == "lukket"
    store.restore("molde", "1")  # the newest backup: the state when the session was closed
    with store.open("molde") as s:
        assert s.answer("a/x") == "andre"
    older = [b for b in store.backups("molde") if "første" in b.path.read_text(encoding="utf-8")]
    store.restore("molde", older[0].name)
    with store.open("molde") as s:
        assert s.answer("a/x") == "første"
    # the damaged state was kept too
    assert any(b.reason == "skadet" for b in store.backups("molde"))


def test_newer_schema_is_refused_untouched(store):
    with store.create("Molde") as s:
        path = s.path
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema_version"] = schema.SCHEMA_VERSION + 1
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    with pytest.raises(NewerSchemaError) as err:
        store.open("molde")
    assert "nyere versjon" in str(err.value)
    assert path.read_bytes() == raw
    assert not store.list()[0].ok


def test_older_schema_is_migrated_after_a_backup(store, monkeypatch):
    with store.create("Molde") as s:
        s.set_answer("a/x", "gammel")
        path = s.path
    old = path.read_bytes()

    def v1_to_v2(data):
        for doc in data["answers"].values():
            doc["value"] = doc["value"].upper()
        return data

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, v1_to_v2)
    with store.open("molde") as s:
        assert s.answer("a/x") == "GAMMEL"
        assert s.meta["schema_version"] == 2
    assert any(b.path.read_bytes() == old for b in store.backups("molde"))  # the state before


def test_rolling_backups_keep_distinct_states(store, monkeypatch):
    monkeypatch.setattr("bshp_tui.store.session.BACKUP_INTERVAL", 0)
    with store.create("Molde") as s:
        for i in range(MAX_BACKUPS + 15):
            s.set_answer("a/x", i)
    backups = store.backups("molde")
    assert len(backups) == MAX_BACKUPS >= 10
    states = [b.path.read_bytes() for b in backups]
    assert len(set(states)) == len(states)
    # the newest backups are the latest states, the current one first
    values = [json.loads(s)["answers"]["1"]["value"] for s in states if json.loads(s)["answers"]]
    assert values[:3] == [MAX_BACKUPS + 14, MAX_BACKUPS + 13, MAX_BACKUPS + 12]


def test_reopening_unchanged_session_adds_no_duplicate_backup(store):
    with store.create("Molde") as s:
        s.set_answer("a/x", 1)
    for _ in range(3):
        store.open("molde").close()
    assert len(store.backups("molde")) == 1


def test_restore_unknown_backup_is_usage_error(store):
    store.create("Molde").close()
    with pytest.raises(UsageError):
        store.restore("molde", "99")


def test_delete_keeps_a_backup_and_can_be_restored(store):
    with store.create("Molde") as s:
        s.set_answer("a/x", "behold meg")
    store.delete("molde")
    assert store.list() == []
    assert store.deleted_ids() == ["molde"]
    store.restore("molde", "1")
    with store.open("molde") as s:
        assert s.answer("a/x") == "behold meg"


def test_second_writer_is_refused_and_may_read(store):
    with store.create("Molde") as s:
        s.set_answer("a/x", "1")
        with pytest.raises(SessionLockedError) as err:
            store.open("molde")
        assert "allerede åpen" in str(err.value) and "skrivebeskyttet" in str(err.value)
        ro = store.open("molde", read_only=True)
        assert ro.answer("a/x") == "1"
        with pytest.raises(ReadOnlyError):
            ro.set_answer("a/x", "2")
        ro.close()
    with store.open("molde") as s:  # released on close
        assert s.answer("a/x") == "1"


def test_stale_tmp_files_are_not_sessions_and_are_cleaned(store):
    with store.create("Molde") as s:
        path = s.path
    stale = path.parent / ".molde.json.12345.tmp"
    stale.write_text("{half")
    assert [i.id for i in store.list()] == ["molde"]
    store.open("molde").close()
    assert not stale.exists()


def test_import_roundtrip_and_bad_files(store, tmp_path):
    with store.create("Molde", "2027–2030") as s:
        s.set_answer("a/x", "hei")
        data = s.snapshot()
    src = tmp_path / "eksport.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    new_id = store.import_file(src)
    assert new_id == "molde-2"
    with store.open(new_id) as s:
        assert s.answer("a/x") == "hei"

    before = sorted(os.listdir(store.data_dir))
    for raw in [b"", b"{", b"[1,2]", b'{"meta": {"1": {"app": "bshp"}}}', json.dumps(data).encode() + b"x"]:
        bad = tmp_path / "bad.json"
        bad.write_bytes(raw)
        with pytest.raises(UsageError):
            store.import_file(bad)
    newer = dict(data)
    newer["meta"] = {"1": {**data["meta"]["1"], "schema_version": 99}}
    bad.write_text(json.dumps(newer))
    with pytest.raises(UsageError):
        store.import_file(bad)
    assert sorted(os.listdir(store.data_dir)) == before


def test_unwritable_data_folder_gives_clear_error(tmp_path, monkeypatch):
    import errno
    from pathlib import Path

    from bshp_tui.errors import BshpError

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(BshpError) as err:
        SessionStore(tmp_path / "ny-mappe").create("Molde")
    assert "Kunne ikke opprette datamappen" in str(err.value) and "skrivetilgang" in str(err.value)
