"""The layers declared in pyproject.toml ([tool.importlinter]) hold: every import points down the
flow (cli → ui → export → guide → store | scripts → disk | errors), and only the UI imports Textual."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports() -> str:
    found = Path(sys.executable).with_name("lint-imports")
    return str(found) if found.exists() else (shutil.which("lint-imports") or "lint-imports")


def test_import_contracts_are_kept():
    command = lint_imports()
    assert Path(command).exists() or shutil.which(command), "lint-imports is missing: run `make test` (test extras)"
    result = subprocess.run([command, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_contracts_cover_every_room():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    rooms = sorted(p.name for p in (ROOT / "bshp_tui").iterdir() if p.is_dir() and (p / "__init__.py").exists())
    for room in rooms:
        assert f'"bshp_tui.{room}' in text or f"| bshp_tui.{room}" in text, f"{room} is in no layer"


def test_no_module_is_over_400_lines():
    """A module that grows past 400 lines is split by what its parts do (see README, contributor section)."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "bshp_tui").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
