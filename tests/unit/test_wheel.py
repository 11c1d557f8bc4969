"""A built wheel, installed into a fresh venv and run from another folder, finds its prompts."""

import os
import shutil
import subprocess
import sys
import sysconfig
import venv

import pytest
from helpers import ROOT


@pytest.mark.slow
def test_wheel_ships_prompts(tmp_path):
    dist = tmp_path / "dist"
    # Built from a clean copy: setuptools reuses a `build/` folder, so a package left out of
    # pyproject.toml would still ship from an earlier build of the working tree.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "sessions", ".*_cache"
        ),
    )
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(source)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    wheel = next(dist.glob("bshp-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "bshp_tui/prompts/1-oppstart.md",
        "bshp_tui/export/templates/lovverk.md",
        "bshp_tui/export/templates/referanse.odt",
        "bshp_tui/export/templates/referanse.docx",
        "bshp_tui/ui/app.tcss",
        "bshp_tui/ui/help.md",
    ):
        assert needed in names, needed
    # Every package in the source tree ships (a missing one breaks `make run`, which installs the wheel).
    for init in (ROOT / "bshp_tui").rglob("__init__.py"):
        module = init.relative_to(ROOT).as_posix()
        assert module in names, f"{module} is missing from the wheel: add its package to pyproject.toml"

    # A fresh venv without pip of its own (bootstrapping pip takes seconds): the test environment's
    # pip installs the wheel into it.
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    py = fresh / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    inst = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-deps",
            "--no-index",
            "--no-compile",
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert inst.returncode == 0, inst.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The dependencies come from the test environment; bshp_tui itself only from the wheel.
    deps = tmp_path / "deps"
    deps.mkdir()
    site = sysconfig.get_paths()["purelib"]
    for name in ("markdown_it", "mdurl"):
        (deps / name).symlink_to(os.path.join(site, name))
    env = {**os.environ, "PYTHONPATH": str(deps)}
    code = (
        "import bshp_tui, pathlib, sys\n"
        "from bshp_tui.scripts.loader import default_prompts_dir, load_folder\n"
        "assert 'fresh' in bshp_tui.__file__, bshp_tui.__file__\n"
        "folder = default_prompts_dir()\n"
        "assert pathlib.Path(folder).is_relative_to(pathlib.Path(bshp_tui.__file__).parent), folder\n"
        "print(len(load_folder(folder)))\n"
    )
    run = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.strip()) >= 6
