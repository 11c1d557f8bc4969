"""The `bshp` command line: Norwegian messages and exit codes 0 ok, 1 failure, 2 bad input."""

import json
import os
import sys

from helpers import run_bshp

from bshp_tui.store.sessions import SessionStore


def test_new_list_dump_import_backups_restore(tmp_path):
    data = tmp_path / "data"
    r = run_bshp("new", "Nord-Fron/Sel", "--period", "2027-2030", data=data)
    assert r.returncode == 0, r.stderr
    assert "nord-fron-sel" in r.stdout

    r = run_bshp("list", data=data)
    assert r.returncode == 0
    assert "Nord-Fron/Sel" in r.stdout and "2027–2030" in r.stdout
    assert " 1 %" in r.stdout  # the period counts, as in the chat (not 0 % until the first answer)

    r = run_bshp("dump", "nord-fron-sel", data=data)
    assert r.returncode == 0
    dumped = json.loads(r.stdout)
    assert dumped["meta"]["1"]["municipality"] == "Nord-Fron/Sel"

    src = tmp_path / "dump.json"
    src.write_text(r.stdout, encoding="utf-8")
    r = run_bshp("import", src, data=data)
    assert r.returncode == 0 and "nord-fron-sel-2" in r.stdout

    r = run_bshp("backups", "nord-fron-sel", data=data)
    assert r.returncode == 0


def test_bshp_data_environment_variable(tmp_path):
    r = run_bshp("new", "Molde", env={"BSHP_DATA": str(tmp_path / "env")})
    assert r.returncode == 0
    assert (tmp_path / "env" / "molde.json").exists()


def test_usage_errors_exit_2_in_norwegian(tmp_path):
    data = tmp_path / "data"
    r = run_bshp("new", "Molde", "--period", "snart", data=data)
    assert r.returncode == 2 and "planperiode" in r.stderr.lower()
    r = run_bshp("dump", "finnes-ikke", data=data)
    assert r.returncode == 2 and "Fant ingen økt" in r.stderr
    r = run_bshp("tull", data=data)
    assert r.returncode == 2 and "ugyldig valg" in r.stderr
    r = run_bshp("restore", data=data)
    assert r.returncode == 2 and "mangler argument" in r.stderr


def test_import_of_bad_file_exits_2_and_writes_nothing(tmp_path):
    data = tmp_path / "data"
    run_bshp("new", "Molde", data=data)
    before = sorted(p.name for p in data.iterdir())
    for raw in [b"", b'{"meta": ', b"[]", b"\xff\xfe"]:
        bad = tmp_path / "bad.json"
        bad.write_bytes(raw)
        r = run_bshp("import", bad, data=data)
        assert r.returncode == 2, raw
        assert "bad.json" in r.stderr and "Ingenting er lagret" in r.stderr or "UTF-8" in r.stderr
    assert sorted(p.name for p in data.iterdir()) == before
    r = run_bshp("import", tmp_path / "mangler.json", data=data)
    assert r.returncode == 2 and "Fant ikke filen" in r.stderr


def test_damaged_session_is_listed_and_named(tmp_path):
    data = tmp_path / "data"
    run_bshp("new", "Molde", data=data)
    run_bshp("new", "Skadet", data=data)
    (data / "skadet.json").write_bytes(b"")
    r = run_bshp("list", data=data)
    assert r.returncode == 0
    assert "Molde" in r.stdout
    assert "SKADET  skadet.json: filen er tom" in r.stdout
    r = run_bshp("dump", "skadet", data=data)
    assert r.returncode == 1 and "skadet.json" in r.stderr and "bshp backups skadet" in r.stderr


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path):
    """`bshp list | head -1` on a long list: the pipe closes before bshp has written it all."""
    import subprocess

    from helpers import ROOT

    store = SessionStore(tmp_path)
    for n in range(30):
        store.create(f"Kommune {n}").close()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "bshp_tui.cli", "--data", str(tmp_path), "list"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=60,
    )
    os.close(write_end)
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr
    assert proc.returncode == 1


def test_the_app_without_a_terminal_says_so_and_stops(tmp_path):
    """Started with no terminal (input from a file, output to a file), the app would redraw for
    ever at full speed: it says where to start it, and stops."""
    r = run_bshp(data=tmp_path / "data", input="", timeout=60)
    assert r.returncode == 2
    assert "må startes i et terminalvindu" in r.stderr and "bshp export" in r.stderr
    assert not (tmp_path / "data").exists()  # nothing made


def test_new_says_when_the_same_plan_exists(tmp_path):
    first = run_bshp("new", "Molde", "--period", "2027-2030", data=tmp_path)
    assert first.returncode == 0 and "Merk" not in first.stderr
    second = run_bshp("new", "molde", "--period", "2027-2030", data=tmp_path)
    assert second.returncode == 0 and "«molde-2»" in second.stdout
    assert "allerede et planarbeid for samme kommune og periode (molde.json)" in second.stderr
    other = run_bshp("new", "Molde", "--period", "2031-2034", data=tmp_path)
    assert other.returncode == 0 and "Merk" not in other.stderr
