"""The parse cache: reused while the prompt files are unchanged, rebuilt when they change or break."""

import shutil

from helpers import ROOT, shipped_scripts

from bshp_tui.scripts.cache import load_folder_cached
from bshp_tui.scripts.loader import load_folder


def test_cache_matches_a_fresh_parse_and_follows_edits(tmp_path):
    prompts = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", prompts)
    cache = tmp_path / "cache"
    fresh = load_folder(prompts)
    first = load_folder_cached(prompts, cache)
    assert (cache / "veiledninger.json").exists()
    again = load_folder_cached(prompts, cache)
    assert again == first == fresh

    path = prompts / "1-oppstart.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Hvilken form skal planen ha?", "Hvilken plantype?"), encoding="utf-8"
    )
    edited = load_folder_cached(prompts, cache)
    assert edited[0].steps[0].fields[0].question == "Hvilken plantype?"

    (cache / "veiledninger.json").write_text("{ødelagt", encoding="utf-8")
    assert load_folder_cached(prompts, cache) == edited


def test_unwritable_cache_is_ignored(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("en fil, ikke en mappe")
    assert load_folder_cached(ROOT / "prompts", blocker) == shipped_scripts()
