"""Concurrent writers: parallel imports and `new` never overwrite each other; a lock deleted
under a live writer never lets a second writer in unnoticed."""

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from bshp_tui.errors import LockLostError, SessionLockedError
from bshp_tui.store.sessions import SessionStore

sys.path.insert(0, str(Path(__file__).parent))
from forked import Command  # noqa: E402

ROUNDS = 10
PARALLEL = 6


def start(data, *args):
    """`bshp --data DATA ARGS` in a process of its own, started at once (forked: a fresh
    interpreter for each of the seventy commands would cost more than the rest of the test)."""
    return Command(data.parent, "--data", str(data), *map(str, args))


NEEDS_FORK = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


@NEEDS_FORK
def test_parallel_imports_of_one_municipality_never_overwrite(tmp_path):
    data = tmp_path / "data"
    source_store = SessionStore(tmp_path / "kilde")
    sources = []
    for n in range(PARALLEL):
        with source_store.create("Fjordvik") as s:
            s.set_answer("a/merke", f"import {n}")
            src = tmp_path / f"fjordvik-{n}.json"
            src.write_text(json.dumps(s.snapshot()), encoding="utf-8")
            sources.append(src)
    reported = {}
    for _round in range(ROUNDS):
        children = [(n, start(data, "import", src)) for n, src in enumerate(sources)]
        for n, child in children:
            code, out, err = child.communicate()
            assert code == 0, err  # every import succeeds, under a free id
            session_id = out.split("som økta «")[1].split("»")[0]
            assert session_id not in reported, (session_id, reported[session_id])
            reported[session_id] = f"import {n}"
    assert len(reported) == ROUNDS * PARALLEL
    store = SessionStore(data)
    for session_id, marker in reported.items():
        with store.open(session_id, read_only=True) as s:
            assert s.answer("a/merke") == marker, session_id  # exists, not overwritten
    assert sorted(store.ids()) == sorted(reported)


@NEEDS_FORK
def test_parallel_new_gets_distinct_sessions(tmp_path):
    data = tmp_path / "data"
    ids = []
    for _round in range(2):
        children = [start(data, "new", "Fjordvik") for _ in range(PARALLEL)]
        for child in children:
            code, out, err = child.communicate()
            assert code == 0, err
            ids.append(out.split("Opprettet økta «")[1].split("»")[0])
    assert len(set(ids)) == len(ids) == 2 * PARALLEL
    assert sorted(SessionStore(data).ids()) == sorted(ids)


def test_an_existing_session_is_never_overwritten_by_new_or_import(store, tmp_path):
    with store.create("Molde") as s:
        s.set_answer("a/x", "original")
        snap = s.snapshot()
    raw = store.path_for("molde").read_bytes()
    src = tmp_path / "kopi.json"
    src.write_text(json.dumps(snap), encoding="utf-8")
    assert store.import_file(src) == "molde-2"
    assert store.create("Molde").id == "molde-3"
    assert store.path_for("molde").read_bytes() == raw


def test_deleted_lock_folder_does_not_let_a_second_writer_in_unnoticed(store):
    first = store.create("Molde")
    first.set_answer("a/x", "første")
    shutil.rmtree(store.data_dir / ".locks")
    second = store.open("molde")  # the lock is gone, so this one gets in
    second.set_answer("a/x", "andre")
    on_disk = store.path_for("molde").read_bytes()

    with pytest.raises(LockLostError) as err:
        first.set_answer("a/y", "tapt?")
    msg = str(err.value)
    assert "låsen" in msg and "ligger i minnet" in msg and "Lagre en kopi" in msg
    assert store.path_for("molde").read_bytes() == on_disk  # the second writer's save stands
    assert first.answer("a/y") == "tapt?" and first.dirty  # kept in memory
    copy = store.data_dir.parent / "kopi.json"
    first.save_copy(copy)  # and can be saved elsewhere
    assert json.loads(copy.read_text(encoding="utf-8"))["answers"]

    second.close()
    with pytest.raises(LockLostError):  # the file changed since the first writer saved it
        first.retry_save()
    assert b"andre" in store.path_for("molde").read_bytes()
    with pytest.raises(LockLostError):  # a failed final save is not swallowed
        first.close()
    first.close(give_up=True)  # the copy is saved: leave without writing


def test_deleted_lock_folder_with_no_other_writer_is_taken_back(store):
    s = store.create("Molde")
    s.set_answer("a/x", "1")
    shutil.rmtree(store.data_dir / ".locks")
    s.set_answer("a/x", "2")  # nobody else came: the lock is taken again and the save goes ahead
    assert b'"2"' in s.path.read_bytes()
    with pytest.raises(SessionLockedError):
        store.open("molde")
    s.close()
    with store.open("molde") as again:
        assert again.answer("a/x") == "2"


def test_without_hard_links_new_and_import_still_never_overwrite(store, tmp_path, monkeypatch):
    """FAT/exFAT: publishing by hard link fails, and the id's lock alone keeps creators apart."""
    import errno

    def no_link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    with store.create("Molde") as s:
        s.set_answer("a/x", "original")
        snap = s.snapshot()
    raw = store.path_for("molde").read_bytes()
    src = tmp_path / "kopi.json"
    src.write_text(json.dumps(snap), encoding="utf-8")
    assert store.import_file(src) == "molde-2"
    assert store.create("Molde").id == "molde-3"
    assert store.path_for("molde").read_bytes() == raw
    assert [n for n in os.listdir(store.data_dir) if n.endswith(".tmp")] == []
