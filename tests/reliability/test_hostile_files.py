"""One bad file never hides the others: bad values and special files in the data folder are
listed as SKADET with a reason, never read blindly, never changed; every command keeps working."""

import json
import os
import shutil
import stat
import sys

import pytest
from helpers import ROOT, run_bshp

from bshp_tui.cli import main
from bshp_tui.errors import DamagedSessionError, UsageError
from bshp_tui.store.sessions import SessionStore

TIMEOUT = 60  # a hang fails the test instead of stopping the suite


def healthy(data):
    store = SessionStore(data)
    with store.create("Molde", "2027–2030") as s:
        s.set_answer("a/x", "hei")
        return s.snapshot()


BAD_VALUES = {
    "progress NaN": lambda d: d["meta"]["1"].update(progress="NaN"),
    "updated a number": lambda d: d["meta"]["1"].update(updated=20270101),
    "period a number": lambda d: d["meta"]["1"].update(period=2027),
    "progress 1e308": lambda d: d["meta"]["1"].update(progress="1e308"),
    "5000-digit integer": lambda d: d["answers"]["1"].update(value="9" * 5000),
    "100000 levels": lambda d: d["answers"]["1"].update(value="DEEP"),
}


def bad_bytes(snapshot, kind):
    data = json.loads(json.dumps(snapshot))
    data["meta"]["1"]["municipality"] = "Skadet"
    BAD_VALUES[kind](data)
    text = json.dumps(data)
    # values JSON itself cannot hold, spliced in as raw text
    text = text.replace('"NaN"', "NaN").replace('"1e308"', "1e308").replace('"' + "9" * 5000 + '"', "9" * 5000)
    text = text.replace('"DEEP"', "[" * 100_000 + "]" * 100_000)
    return text.encode()


@pytest.mark.parametrize("kind", list(BAD_VALUES))
def test_one_bad_value_is_listed_as_damaged_and_hides_nothing(tmp_path, capsys, kind):
    data = tmp_path / "data"
    snapshot = healthy(data)
    bad = data / "skadet.json"
    raw = bad_bytes(snapshot, kind)
    bad.write_bytes(raw)

    store = SessionStore(data)
    infos = {i.id: i for i in store.list()}
    assert infos["molde"].ok and infos["molde"].municipality == "Molde"
    assert not infos["skadet"].ok and infos["skadet"].damaged
    with pytest.raises(DamagedSessionError):
        store.open("skadet")
    with store.open("molde") as s:
        assert s.answer("a/x") == "hei"

    assert main(["--data", str(data), "list"]) == 0
    out = capsys.readouterr().out
    assert "Molde" in out and "SKADET  skadet.json: " in out
    assert main(["--data", str(data), "dump", "skadet"]) == 1
    assert "skadet.json" in capsys.readouterr().err
    assert bad.read_bytes() == raw


def test_bad_values_give_reasons_in_norwegian(tmp_path):
    data = tmp_path / "data"
    snapshot = healthy(data)
    reasons = {}
    for kind in BAD_VALUES:
        (data / "skadet.json").write_bytes(bad_bytes(snapshot, kind))
        reasons[kind] = SessionStore(data).info("skadet").damaged
    assert "NaN" in reasons["progress NaN"]
    assert "«updated» skal være tekst" in reasons["updated a number"]
    assert "«period» skal være tekst" in reasons["period a number"]
    assert "«progress» skal være et tall fra 0 til 1" in reasons["progress 1e308"]
    assert "sifre" in reasons["5000-digit integer"]
    assert "nestet for dypt" in reasons["100000 levels"]


def special_entries(data, tmp_path):
    """A FIFO, device symlinks, a dangling symlink, a folder and an over-large sparse file, all
    named like sessions. Returns name -> a description of the entry to compare afterwards."""
    os.mkfifo(data / "fifo.json")
    os.symlink("/dev/zero", data / "null.json")
    os.symlink("/dev/urandom", data / "tilfeldig.json")
    os.symlink(tmp_path / "finnes-ikke.json", data / "borte.json")
    (data / "mappe.json").mkdir()
    with open(data / "stor.json", "wb") as f:
        f.truncate(201 * 1024 * 1024)
    return describe(data)


def describe(data):
    out = {}
    for name in sorted(os.listdir(data)):
        st = os.lstat(data / name)
        link = os.readlink(data / name) if stat.S_ISLNK(st.st_mode) else None
        out[name] = (stat.S_IFMT(st.st_mode), st.st_size if stat.S_ISREG(st.st_mode) else None, link)
    return out


REASONS = {
    "fifo": "FIFO",
    "null": "symbolsk lenke",
    "tilfeldig": "symbolsk lenke",
    "borte": "som ikke finnes",
    "mappe": "mappe",
    "stor": "200 MB",
}


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="needs FIFOs and symlinks")
def test_special_files_are_listed_with_a_reason_and_never_read(tmp_path):
    data = tmp_path / "data"
    healthy(data)
    before = special_entries(data, tmp_path)

    r = run_bshp("list", data=data, timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert "Molde" in r.stdout
    for name, reason in REASONS.items():
        line = next(ln for ln in r.stdout.splitlines() if ln.startswith(f"SKADET  {name}.json: "))
        assert reason in line, line

    for name in REASONS:
        r = run_bshp("dump", name, data=data, timeout=TIMEOUT)
        assert r.returncode in (1, 2) and f"{name}.json" in r.stderr and "Traceback" not in r.stderr
        r = run_bshp("export", name, "--format", "md", "-o", tmp_path / "ut.md", data=data, timeout=TIMEOUT)
        assert r.returncode in (1, 2) and "Traceback" not in r.stderr
        r = run_bshp("import", data / f"{name}.json", data=data, timeout=TIMEOUT)
        assert r.returncode == 2 and "Ingenting er lagret" in r.stderr or "Fant ikke filen" in r.stderr, r.stderr
    r = run_bshp("import", "/dev/zero", data=data, timeout=TIMEOUT)
    assert r.returncode == 2 and "enhetsfil" in r.stderr

    store = SessionStore(data)
    with store.open("molde") as s:
        assert s.answer("a/x") == "hei"
    for name in REASONS:
        with pytest.raises(Exception) as err:
            store.open(name)
        assert "Traceback" not in str(err.value)
    after = describe(data)
    for name in before:
        if name.endswith(".json") and name != "molde.json":
            assert after[name] == before[name], name  # never changed, never replaced


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="needs FIFOs and symlinks")
def test_check_prompts_and_the_app_cache_never_read_special_files(tmp_path):
    prompts = tmp_path / "veiledninger"
    shutil.copytree(ROOT / "prompts", prompts)
    os.mkfifo(prompts / "07-ror.md")
    os.symlink("/dev/zero", prompts / "08-null.md")
    r = run_bshp("check-prompts", prompts, timeout=TIMEOUT)
    assert r.returncode == 2
    assert "07-ror.md:1: " in r.stderr and "FIFO" in r.stderr
    assert "08-null.md:1: " in r.stderr and "enhetsfil" in r.stderr

    data = tmp_path / "data"
    healthy(data)
    (data / ".cache").mkdir()
    os.mkfifo(data / ".cache" / "veiledninger.json")  # the parsed-prompts cache
    r = run_bshp("export", "molde", "--format", "md", "-o", tmp_path / "ut.md", data=data, timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="needs FIFOs")
def test_restore_never_replaces_what_it_cannot_keep_first(tmp_path):
    data = tmp_path / "data"
    healthy(data)
    store = SessionStore(data)
    path = store.path_for("molde")
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(UsageError) as err:
        store.restore("molde", "1")
    assert "FIFO" in str(err.value) and "Ingenting er endret" in str(err.value)
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    path.unlink()
    with open(path, "wb") as f:
        f.truncate(201 * 1024 * 1024)  # too large to keep a copy of
    with pytest.raises(UsageError) as err:
        store.restore("molde", "1")
    assert "200 MB" in str(err.value) and os.path.getsize(path) == 201 * 1024 * 1024
    path.unlink()
    store.restore("molde", "1")  # deleted: restores
    with store.open("molde") as s:
        assert s.answer("a/x") == "hei"


def test_delete_never_removes_a_session_it_cannot_keep(tmp_path):
    data = tmp_path / "data"
    healthy(data)
    store = SessionStore(data)
    path = store.path_for("molde")
    with open(path, "ab") as f:
        f.truncate(201 * 1024 * 1024)
    with pytest.raises(UsageError) as err:
        store.delete("molde")
    assert "200 MB" in str(err.value) and path.exists()
