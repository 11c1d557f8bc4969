"""Fault injection: make the Nth write / fsync / replace / open of one save fail, for every N.

Each time the save raises a clear error, the file on disk is unchanged, the answer is still in
memory, no temporary file is left, and the next save succeeds with everything in it."""

import errno
import os

import pytest

from bshp_tui.errors import SaveError

FAULTS = {
    "open": errno.EACCES,
    "write": errno.ENOSPC,
    "fsync": errno.EIO,
    "fdatasync": errno.EIO,
    "replace": errno.EROFS,
}
CHUNK = 64 * 1024  # force several os.write calls per save


class Injector:
    def __init__(self, monkeypatch):
        self.counts = {name: 0 for name in FAULTS}
        self.fail = None  # (name, n)
        real = {name: getattr(os, name) for name in FAULTS}

        def wrap(name):
            def call(*args, **kwargs):
                self.counts[name] += 1
                if self.fail == (name, self.counts[name]):
                    raise OSError(FAULTS[name], os.strerror(FAULTS[name]))
                if name == "write":
                    fd, data = args
                    return real["write"](fd, bytes(data[:CHUNK]))
                return real[name](*args, **kwargs)

            return call

        for name in FAULTS:
            monkeypatch.setattr(os, name, wrap(name))

    def reset(self, fail=None):
        self.counts = {name: 0 for name in FAULTS}
        self.fail = fail


def tmp_files(folder):
    return [n for n in os.listdir(folder) if n.endswith(".tmp")]


def big_value(i):
    return f"svar {i} " + "x" * 300_000


def test_every_failing_call_of_one_save(store, monkeypatch):
    session = store.create("Molde")
    session.set_answer("a/base", big_value(0))
    inj = Injector(monkeypatch)
    inj.reset()
    session.set_answer("a/probe", "probe")
    calls = dict(inj.counts)
    assert calls["write"] >= 5 and calls["fdatasync"] + calls["fsync"] == 2
    assert calls["replace"] == 1 and calls["open"] >= 2

    checked = 0
    for name, count in calls.items():
        for n in range(1, count + 1):
            if name == "fsync" and n == calls["fsync"]:
                continue  # the folder sync: covered by its own test below
            if name == "open" and n == count:
                continue  # the folder open for its sync, after the file was replaced
            before = session.path.read_bytes()
            inj.reset(fail=(name, n))
            value = f"{name}-{n}"
            with pytest.raises(SaveError) as err:
                session.set_answer("a/new", value)
            msg = str(err.value)
            assert session.path.name in msg and "ikke tapt" in msg
            assert session.path.read_bytes() == before, (name, n)
            assert session.answer("a/new") == value  # still in memory
            assert session.dirty
            assert tmp_files(store.data_dir) == []
            inj.reset()
            session.retry_save()  # the next save succeeds
            assert not session.dirty
            assert f'"{value}"' in session.path.read_text(encoding="utf-8")
            checked += 1
    assert checked >= 8
    session.close()
    with store.open(session.id) as again:
        assert again.answer("a/base") == big_value(0)


@pytest.mark.parametrize(
    "code, words", [(errno.ENOSPC, "disken er full"), (errno.EROFS, "skrivebeskyttet"), (errno.EACCES, "skrivetilgang")]
)
def test_error_messages_say_what_to_do(store, monkeypatch, code, words):
    session = store.create("Molde")
    session.set_answer("a/x", "lagret")
    before = session.path.read_bytes()
    real_open = os.open

    def failing_open(path, flags, *a, **k):
        if str(path).endswith(".tmp"):
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(os, "open", failing_open)
    with pytest.raises(SaveError) as err:
        session.set_answer("a/y", "ikke lagret ennå")
    assert words in str(err.value)
    assert session.path.read_bytes() == before
    monkeypatch.setattr(os, "open", real_open)
    session.set_answer("a/z", "neste")  # the next change saves everything
    session.close()
    with store.open(session.id) as s:
        assert s.answers() == {"a/x": "lagret", "a/y": "ikke lagret ennå", "a/z": "neste"}


def test_failed_save_can_be_written_elsewhere(store, monkeypatch, tmp_path):
    session = store.create("Molde")
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EROFS, "ro")))
    with pytest.raises(SaveError):
        session.set_answer("a/x", "reddet")
    monkeypatch.setattr(os, "replace", real_replace)
    copy = tmp_path / "kopi.json"
    session.save_copy(copy)
    new_id = store.import_file(copy)
    with store.open(new_id) as s:
        assert s.answer("a/x") == "reddet"


def test_folder_sync_failure_keeps_new_state_and_retries(store, monkeypatch):
    session = store.create("Molde")
    inj = Injector(monkeypatch)
    inj.reset(fail=("fsync", 1 + (not hasattr(os, "fdatasync"))))
    session.set_answer("a/x", "ny")  # not raised: the file holds the new state
    assert '"ny"' in session.path.read_text(encoding="utf-8")
    assert session.durability_warning and session.dirty
    inj.reset()
    session.set_answer("a/y", "neste")
    assert not session.dirty and session.durability_warning is None
