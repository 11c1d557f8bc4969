"""A small prompt folder with one field of every kind, and an in-memory session, for testing the
field kinds on their own."""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path
from typing import Any

from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.scripts.loader import load_folder

PROMPT = """\
# Alle typer

```veiledning
id: t
nummer: 1
```

Intro.

## Alt

```steg
id: alt
```

```felt
id: tekst
type: tekst
spørsmål: Hva?
```

```felt
id: liste
type: liste
spørsmål: Hvilke tiltak?
standard:
  - Første forslag
```

```felt
id: valg
type: valg
spørsmål: Hvilken?
valg:
  - a: Alfa
  - b: Beta
  - c: Gamma
```

```felt
id: flervalg
type: flervalg
spørsmål: Hvilke?
valg:
  - a: Alfa
  - b: Beta
  - c: Gamma
```

```felt
id: tall
type: tall
spørsmål: Hvor mange?
enhet: boliger
```

```felt
id: grense
type: tall
spørsmål: Hvor mye?
min: 0
max: 100
```

```felt
id: dato
type: dato
spørsmål: Når?
```

```felt
id: tabell
type: tabell
spørsmål: Plan?
kolonner:
  - tiltak: Tiltak | fra liste
  - ansvar: Ansvarlig
  - antall: Antall | tall
  - frist: Frist | dato
  - art: Art | valg intern, ekstern
sum: antall
```

```felt
id: vurdering
type: vurdering
spørsmål: Vurder
fra: liste
skalaer:
  - haster: Kan vente | Haster
  - nytte: Liten | Stor
```

```felt
id: utvalg
type: utvalg
spørsmål: Hvilket?
fra: liste
```

```felt
id: utvalg_flere
type: utvalg
spørsmål: Hvilke?
fra: liste
flere: ja
```

```felt
id: rad
type: utvalg
spørsmål: Hvilken rad?
fra: tabell
kolonne: ansvar
```
"""


def write_prompts(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t.md").write_text(PROMPT, encoding="utf-8")
    return folder


class MemorySession:
    """What the conductor uses of a session (guide.conductor.SessionLike), in memory."""

    def __init__(self, answers: dict[str, Any] | None = None):
        self._answers = copy.deepcopy(answers or {})
        self._state: dict[str, Any] = {}
        self.meta: dict[str, Any] = {}
        self.backups: list[str] = []

    def update_meta(self, **fields: Any) -> None:
        self.meta.update(fields)

    def draft(self, key: str) -> str | None:
        return None

    def draft_base(self, key: str) -> str:
        return ""

    def one_write(self):
        return contextlib.nullcontext()

    def backup_now(self, reason: str) -> None:
        self.backups.append(reason)

    def answer(self, key: str, default: Any = None) -> Any:
        return self._answers.get(key, default)

    def answers(self) -> dict[str, Any]:
        return dict(self._answers)

    def set_answer(self, key: str, value: Any, **extra: Any) -> None:
        self._answers[key] = copy.deepcopy(value)

    def delete_answer(self, key: str) -> None:
        self._answers.pop(key, None)

    def state(self, key: str, default: Any = None) -> Any:
        return self._state.get(key, default)

    def set_state(self, key: str, value: Any) -> None:
        self._state[key] = value


def conductor(scripts, answers: dict[str, Any] | None = None) -> Conductor:
    return Conductor(scripts, MemorySession(answers))


def position(c: Conductor, field_id: str) -> Position:
    fld = c.field(f"t.{field_id}")
    return Position("t", fld.step_id, None, field_id)


def load(folder: Path):
    return load_folder(write_prompts(folder))
