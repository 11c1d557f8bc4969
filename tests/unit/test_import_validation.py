"""Import checks the whole file against the declared session format before writing anything,
and refuses with exit 2 and a Norwegian message that names the record and what is wrong."""

import json
import os

import pytest
from helpers import ROOT, shipped_scripts

from bshp_tui.cli import main
from bshp_tui.errors import UsageError

FIXTURE = ROOT / "tests" / "fixtures" / "dump-release-1.json"


def full():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def first(data, table):
    return data[table][sorted(data[table], key=int)[0]]


def record_with(data, kind):
    """The first answer whose value is a list of rows (a table)."""
    for doc_id, doc in sorted(data["answers"].items(), key=lambda kv: int(kv[0])):
        if (
            isinstance(doc["value"], list)
            and doc["value"]
            and isinstance(doc["value"][0], dict)
            and kind(doc["value"][0])
        ):
            return doc_id, doc
    raise AssertionError("no such record")


def set_value_none(d):
    first(d, "answers").pop("value")


def refs_string(d):
    _, doc = record_with(d, lambda row: "refs" in row)
    doc["value"][0]["refs"] = "a1"


def none_in_list(d):
    _, doc = record_with(d, lambda row: True)
    doc["value"].append(None)


def duplicate_answer_key(d):
    docs = d["answers"]
    docs[str(max(map(int, docs)) + 1)] = dict(first(d, "answers"))


CASES = {
    "answer without value": (set_value_none, "post 1 i «answers» («oppstart/plantype») mangler «value»"),
    "answer key a number": (lambda d: first(d, "answers").update(key=7), "«key» skal være tekst"),
    "draft text a number": (lambda d: first(d, "drafts").update(text=12), "«text» skal være tekst"),
    "updated a number": (lambda d: first(d, "answers").update(updated=2027), "«updated» skal være tekst"),
    "refs a string": (refs_string, "«refs» skal være et objekt"),
    "None inside a list": (none_in_list, "tomt element (null)"),
    "duplicate answer key": (duplicate_answer_key, "samme nøkkel som post 1"),
    "deep nesting": (lambda d: first(d, "answers").update(value=json.loads("[" * 100 + "]" * 100)), "nestet for dypt"),
    "huge whole number": (lambda d: first(d, "answers").update(value=10**40), "for stort tall"),
    "meta period a number": (lambda d: d["meta"]["1"].update(period=2027), "«period» skal være tekst"),
    "progress out of range": (lambda d: d["meta"]["1"].update(progress=3), "fra 0 til 1"),
    "name only invisible": (lambda d: d["meta"]["1"].update(municipality="\u200b"), "synlige tegn"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_records_are_refused_naming_the_record(tmp_path, capsys, case):
    mutate, words = CASES[case]
    data = full()
    mutate(data)
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "data"
    assert main(["--data", str(folder), "import", str(src)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Ingenting er lagret" in err and "bad.json" in err, err
    assert not folder.exists() or not [n for n in os.listdir(folder) if n.endswith(".json")]


@pytest.mark.parametrize(
    "raw, words",
    [
        ('{"meta": {"1": {"app": "bshp", "app": "x"}}}', "står to ganger"),
        ("[" * 100_000 + "]" * 100_000, "nestet for dypt"),
        ('{"meta": {"1": {"app": "bshp", "schema_version": 1, "municipality": "M", "progress": NaN}}}', "NaN"),
        ('{"meta": {"1": {"app": "bshp", "schema_version": 1, "municipality": "M", "n": 1e400}}}', "endelig"),
        (
            '{"meta": {"1": {"app": "bshp", "schema_version": 1, "municipality": "M", "n": ' + "9" * 5000 + "}}}",
            "sifre",
        ),
    ],
)
def test_raw_json_traps_are_refused(store, tmp_path, raw, words):
    src = tmp_path / "bad.json"
    src.write_text(raw, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        store.import_file(src)
    assert words in str(err.value)


def test_a_checker_adds_problems_and_nothing_is_written(store, tmp_path):
    src = tmp_path / "ok.json"
    src.write_text(json.dumps(full()), encoding="utf-8")
    seen = []

    def check(data):
        seen.append(data["meta"]["1"]["municipality"])
        return ["post 3 i «answers» («oppstart/medlemmer»): rad 1 mangler navn"]

    with pytest.raises(UsageError) as err:
        store.import_file(src, check=check)
    assert "rad 1 mangler navn" in str(err.value) and "Ingenting er lagret" in str(err.value)
    assert seen == ["Nord-Fron"] and store.ids() == []
    assert store.import_file(src, check=lambda data: []) == "nord-fron"


def test_utf8_bom_in_an_import_is_accepted(store, tmp_path):
    src = tmp_path / "bom.json"
    src.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert store.import_file(src) == "nord-fron"


def test_a_dump_taken_mid_session_imports(store, tmp_path):
    """The cursor of a step that is not repeated is stored as a list with null for the item."""
    from bshp_tui.guide.conductor import Conductor

    with store.create("Molde") as s:
        c = Conductor(shipped_scripts(), s)
        c.submit(c.cursor(), "1")
        assert None in s.state("cursor")
        snap = s.snapshot()
    src = tmp_path / "midt.json"
    src.write_text(json.dumps(snap), encoding="utf-8")
    cursor = next(d["value"] for d in snap["state"].values() if d["key"] == "cursor")
    new_id = store.import_file(src)
    with store.open(new_id) as s:
        assert s.state("cursor") == cursor
    assert main(["--data", str(store.data_dir), "import", str(src)]) == 0  # with the field-kind check
