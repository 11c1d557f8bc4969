"""Records (bshp_tui/record.py), the data classes every command loads: equal by value, hashable
when they do not change, copied with `replace`, and carried through the prompt-file cache whole."""

import json

import pytest
from helpers import shipped_scripts

from bshp_tui.guide.positions import Position
from bshp_tui.scripts.cache import _script_from_dict, _script_to_dict
from bshp_tui.scripts.model import Column, Field, Option
from bshp_tui.scripts.values import Item

SCRIPTS = shipped_scripts()


def test_equal_by_value_within_one_class():
    assert Position("a", "s", None, "f") == Position("a", "s", None, "f")
    assert Position("a", "s", None, "f") != Position("a", "s", "i1", "f")
    assert Option("x", "X") != Item("x", "X", "k")  # same first values, another class
    assert Option("x", "X") != ("x", "X")


def test_unchanging_records_are_keys():
    seen = {Position("a", "s", None, "f"): 1, Item("i1", "Tekst", "a/f"): 2}
    assert seen[Position("a", "s", None, "f")] == 1 and seen[Item("i1", "Tekst", "a/f")] == 2
    assert len({Column("c", "C"), Column("c", "C"), Column("c", "C", required=True)}) == 2


def test_records_that_change_are_no_keys():
    fld = Field("f", "tekst", "?", "a", "s", 1)
    with pytest.raises(TypeError):
        hash(fld)


def test_replace_copies_with_changes():
    col = Column("c", "Kolonne", "fra", ".liste")
    changed = col.replace(ref="a.liste")
    assert changed == Column("c", "Kolonne", "fra", "a.liste")
    assert col.ref == ".liste"
    assert repr(changed) == "Column(id='c', label='Kolonne', kind='fra', ref='a.liste', options=(), required=False)"


def test_a_fields_lines_do_not_count():
    one = Field("f", "tekst", "?", "a", "s", 1, lines={"id": 3})
    other = Field("f", "tekst", "?", "a", "s", 1, lines={"id": 9})
    assert one == other
    assert one != other.replace(question="Noe annet?")


def test_every_record_of_the_prompts_survives_replace_and_the_cache():
    for script in SCRIPTS:
        assert script.replace() == script
        for step in script.steps:
            assert step.replace() == step
            for fld in step.fields:
                assert fld.replace() == fld
                for part in [*fld.options, *fld.columns, *fld.scales, *([fld.condition] if fld.condition else [])]:
                    assert part.replace() == part and hash(part) == hash(part.replace())
        cached = _script_from_dict(json.loads(json.dumps(_script_to_dict(script), ensure_ascii=False)))
        assert cached == script
        assert [f.lines for f in cached.fields()] == [f.lines for f in script.fields()]
