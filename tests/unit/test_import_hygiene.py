"""Every module outside the UI package imports without pulling in Textual."""

import pkgutil
import subprocess
import sys

import bshp_tui

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(bshp_tui.__path__, "bshp_tui.") if not m.name.startswith("bshp_tui.ui")
)


def test_core_modules_exist():
    assert {"bshp_tui.store.sessions", "bshp_tui.cli", "bshp_tui.store.schema"} <= set(CORE_MODULES)


def test_core_imports_no_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "    bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "    assert not bad, (name, bad[:3])\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
