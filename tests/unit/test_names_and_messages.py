"""Names are one visible line and listings cannot be forged; failed commands say what failed
and that nothing changed; a dump from the first release keeps importing; prompt files with a BOM."""

import errno
import json
import os
import shutil

import pytest
from helpers import ROOT, run_bshp, shipped_scripts

from bshp_tui.cli import main
from bshp_tui.errors import UsageError
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.loader import check_folder
from bshp_tui.store.sessions import SessionStore

FIXTURE = ROOT / "tests" / "fixtures" / "dump-release-1.json"


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("Molde\nSKADET  falsk.json: lurt", "Molde SKADET falsk.json: lurt"),
        ("\u202eedloM", "edloM"),
        ("Mo\u200bl\u200dde\ufeff", "Molde"),
        ("  Nord-\tFron\u2028Sel  ", "Nord- Fron Sel"),
    ],
)
def test_names_are_one_visible_line(store, typed, stored):
    with store.create(typed, "2027–2030\n") as s:
        assert s.municipality == stored
        assert s.meta["period"] == "2027–2030"


@pytest.mark.parametrize("typed", ["\u200b", " \n\t", "\u202e\u200d"])
def test_a_name_with_nothing_visible_is_refused(store, typed, capsys, tmp_path):
    with pytest.raises(UsageError) as err:
        store.create(typed)
    assert "synlige tegn" in str(err.value)
    assert main(["--data", str(tmp_path / "d"), "new", typed]) == 2
    assert "synlige tegn" in capsys.readouterr().err


def test_list_output_cannot_be_forged_by_a_name(tmp_path, capsys):
    data = tmp_path / "data"
    store = SessionStore(data)
    with store.create("Molde") as s:
        path = s.path
    raw = json.loads(path.read_text(encoding="utf-8"))  # a name written by an older release
    raw["meta"]["1"]["municipality"] = "Molde\nSKADET  falsk.json: lurt\u202e\x1b[2J"
    raw["meta"]["1"]["period"] = "2027\r\n2030"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["--data", str(data), "list"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2 and not lines[1].startswith("SKADET")
    assert all(ch.isprintable() for ch in out.replace("\n", ""))


def test_backup_listing_cannot_be_forged_by_a_file_name(tmp_path, capsys):
    data = tmp_path / "data"
    store = SessionStore(data)
    with store.create("Molde") as s:
        s.set_answer("a/x", "1")
    forged = store.backup_dir("molde") / "20990101-000000-000000_x\n  2  falsk.json"
    forged.write_bytes(b"{")
    assert main(["--data", str(data), "backups", "molde"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "\\n" in lines[0] and "SKADET" in lines[0]


def test_import_makes_the_name_one_line(store, tmp_path):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["meta"]["1"]["municipality"] = "Nord-\nFron\u202e"
    src = tmp_path / "navn.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    session_id = store.import_file(src)
    assert store.info(session_id).municipality == "Nord- Fron"


def failing_writes(monkeypatch):
    real_open = os.open

    def full_disk(path, flags, *args, **kwargs):
        if str(path).endswith(".tmp"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", full_disk)


def assert_says_nothing_changed(err):
    assert "disken er full" in err and "Ingenting er endret" in err, err
    assert "ligger i minnet" not in err and ".lock" not in err and "Traceback" not in err


def test_failed_new_import_restore_say_what_failed_and_that_nothing_changed(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    store = SessionStore(data)
    with store.create("Molde") as s:
        s.set_answer("a/x", "1")
    with store.open("molde") as s:
        s.set_answer("a/x", "2")
    before = {p.name: p.read_bytes() for p in data.glob("*.json")}
    failing_writes(monkeypatch)

    assert main(["--data", str(data), "new", "Fjordvik"]) == 1
    err = capsys.readouterr().err
    assert_says_nothing_changed(err)
    assert "Kunne ikke opprette økta" in err

    assert main(["--data", str(data), "import", str(FIXTURE)]) == 1
    err = capsys.readouterr().err
    assert_says_nothing_changed(err)
    assert "Kunne ikke importere økta" in err

    assert main(["--data", str(data), "restore", "molde", "2"]) == 1
    err = capsys.readouterr().err
    assert_says_nothing_changed(err)
    assert "Kunne ikke gjenopprette «molde»" in err

    assert {p.name: p.read_bytes() for p in data.glob("*.json")} == before
    assert [n for n in os.listdir(data) if n.endswith(".tmp")] == []


def test_a_dump_from_the_first_release_imports_opens_and_exports(tmp_path):
    data = tmp_path / "data"
    r = run_bshp("import", FIXTURE, data=data)
    assert r.returncode == 0, r.stderr
    store = SessionStore(data)
    [session_id] = store.ids()
    original = json.loads(FIXTURE.read_text(encoding="utf-8"))
    with store.open(session_id) as s:
        assert s.answers() == {d["key"]: d["value"] for d in original["answers"].values()}
        c = Conductor(shipped_scripts(), s)
        # the stakeholder questions moved from medvirkning to kartlegging and took their answers along
        moved = {
            "medvirkning/interessenter": "kartlegging/interessenter",
            "medvirkning/uten_talsperson": "kartlegging/uten_talsperson",
        }
        expected = {moved.get(d["key"], d["key"]): d["value"] for d in original["answers"].values()}
        assert s.answers() == expected
        # what the first release asked is all answered; the questions added since are what is left
        point = c.resume_point()
        assert point is not None and f"{point.script_id}/{point.field_id}" not in expected
    with store.open(session_id) as s:
        assert s.answers() == expected  # the move was written, not only made in memory
    out = tmp_path / "ut"
    out.mkdir()
    r = run_bshp("export", session_id, "--document", "alle", "--format", "md", "-o", out, data=data)
    assert r.returncode == 0, r.stderr
    plan = (out / f"{session_id}-plan.md").read_text(encoding="utf-8")
    assert "Svar på rapportering" in plan and "Svar på budsjett" in plan


def test_prompt_files_saved_with_a_bom_load(tmp_path):
    prompts = tmp_path / "veiledninger"
    shutil.copytree(ROOT / "prompts", prompts)
    for path in prompts.glob("*.md"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    scripts, problems = check_folder(prompts)
    assert problems == [] and len(scripts) == len(shipped_scripts())
    r = run_bshp("check-prompts", prompts)
    assert r.returncode == 0 and r.stdout.startswith("OK"), r.stderr
