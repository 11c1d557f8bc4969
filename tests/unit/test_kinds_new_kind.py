"""A new field kind is one module: dropped into a copy of the package, a module with a Kind
subclass is found, its prompt key is accepted, and answers of the kind are parsed, shown and
checked on import without touching any other file."""

import shutil
import subprocess
import sys
import textwrap

from helpers import ROOT

KIND = '''
"""farge: a colour, stored as "#rrggbb"; `palett:` lists the colours a group may pick."""

import re

from ..values import ValidationError
from .base import Kind, wrong


class Colour(Kind):
    name = "farge"
    description = "en farge"
    keys = frozenset({"palett"})
    list_keys = frozenset({"palett"})

    def load(self, fld, block):
        fld.suggestions = [text for text, _ in block.items("palett", "fargene gruppa kan velge")]

    def parse(self, c, pos, fld, raw):
        if not re.fullmatch(r"#[0-9a-f]{6}", raw.lower()):
            raise ValidationError(f"«{raw}» er ikke en farge. Skriv for eksempel #aa3300.")
        return raw.lower()

    def _display_text(self, c, fld, value):
        return f"fargen {value}"

    def _stored_problem(self, value, fld):
        return None if isinstance(value, str) else wrong("en farge", value)
'''

PROMPT = """\
# Farger

```veiledning
id: f
nummer: 1
```

## Steg

```steg
id: steg
```

```felt
id: farge
type: farge
spørsmål: Hvilken farge?
palett:
  - #aa3300
```
"""

CHECK = """
import sys
from pathlib import Path
from bshp_tui.scripts import kinds
from bshp_tui.guide.answer_text import display_value
from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.scripts.loader import load_folder

sys.path.insert(0, sys.argv[2])
from kinds_fixture import MemorySession

scripts = load_folder(Path(sys.argv[1]))
fld = next(scripts[0].fields())
c = Conductor(scripts, MemorySession())
pos = Position("f", "steg", None, "farge")
c.submit(pos, "#AA3300")
print(kinds.for_field(fld).name, fld.suggestions, display_value(c, fld, c.value(pos)))
try:
    c.parse(pos, "rød")
except Exception as exc:
    print(type(exc).__name__, exc)
print(kinds.answer_problems(scripts, {"answers": {"1": {"key": "f/farge", "value": 7}}}))
"""


def test_a_new_kind_is_one_module(tmp_path):
    package = tmp_path / "src" / "bshp_tui"
    shutil.copytree(ROOT / "bshp_tui", package, ignore=shutil.ignore_patterns("__pycache__", "ui", "prompts"))
    (package / "scripts" / "kinds" / "colour.py").write_text(KIND, encoding="utf-8")
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    (prompts / "farger.md").write_text(PROMPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHECK), str(prompts), str(ROOT / "tests")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "src")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "farge ['#aa3300'] fargen #aa3300",
        "ValidationError «rød» er ikke en farge. Skriv for eksempel #aa3300.",
        "['svar «f/farge»: forventet en farge, fant et tall']",
    ]
