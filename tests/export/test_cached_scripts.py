"""The prompt files as the cache gives them back build the very same documents as a fresh parse:
every export after the first reads them from the cache."""

import shutil

from export_fixtures import SCRIPTS
from helpers import ROOT

from bshp_tui.export.document import build_documents
from bshp_tui.guide.conductor import Conductor
from bshp_tui.scripts.cache import load_folder_cached


def test_cached_prompt_files_build_identical_documents(filled, tmp_path):
    prompts = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", prompts)
    load_folder_cached(prompts, tmp_path / "cache")  # writes the cache
    cached = load_folder_cached(prompts, tmp_path / "cache")
    assert (tmp_path / "cache" / "veiledninger.json").exists()
    fresh = build_documents(Conductor(SCRIPTS, filled.session))
    again = build_documents(Conductor(cached, filled.session))
    assert again.documents == fresh.documents
    assert again.missing == fresh.missing and again.unplaced == fresh.unplaced
    assert set(fresh.documents) == {"plan", "grunnlag", "arbeidsdokumenter", "saksframlegg"}
