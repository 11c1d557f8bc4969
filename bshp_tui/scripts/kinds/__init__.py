"""Field kinds: one class per `type:` of a felt block, found in this package's modules.

Each kind owns parsing what the group typed, the text for the input and for reading, the empty
check, its keys in the prompt file and its part of the session-format schema (see base.Kind).
A new kind is one module here with a Kind subclass that has a `name`.

    kinds.get("tall")         the kind called "tall" (KeyError if there is none)
    kinds.for_field(fld)      the kind of a field
    kinds.column_kind(name)   the kind of a table column (tekst, tall, dato, år, valg, fra)
    kinds.answer_problems(scripts, data)   what is wrong with the answers of a session file
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

from .base import Kind
from .columns import COLUMN_KINDS, ColumnKind, cell_value, column_kind

if TYPE_CHECKING:
    from ..model import Field, Script

__all__ = [
    "Kind",
    "ColumnKind",
    "COLUMN_KINDS",
    "get",
    "for_field",
    "names",
    "all_kinds",
    "column_kind",
    "cell_value",
    "readable",
    "answer_problems",
]

_REGISTRY: dict[str, Kind] = {}


def _subclasses(cls: type[Kind]) -> list[type[Kind]]:
    out: list[type[Kind]] = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_subclasses(sub))
    return out


def _load() -> dict[str, Kind]:
    if not _REGISTRY:
        # The package's modules, listed by hand: pkgutil.iter_modules would load `inspect`, a few
        # milliseconds of every start.
        for folder in __path__:
            for name in sorted(os.listdir(folder)):
                if name.endswith(".py") and name != "__init__.py":
                    importlib.import_module(f"{__name__}.{name[:-3]}")
        found = [cls() for cls in _subclasses(Kind) if cls.name]
        for kind in sorted(found, key=lambda k: (k.order, k.name)):
            _REGISTRY.setdefault(kind.name, kind)
    return _REGISTRY


def all_kinds() -> list[Kind]:
    return list(_load().values())


def names() -> list[str]:
    return list(_load())


def get(name: str) -> Kind:
    return _load()[name]


def for_field(fld: Field) -> Kind:
    return get(fld.kind)


def readable(fld: Field, value: Any) -> Any:
    """A stored value in the shape of its field's kind, for code that reads answers (see Kind.readable)."""
    return for_field(fld).readable(value, fld)


def answer_problems(scripts: list[Script], data: Any) -> list[str]:
    """What is wrong with the answers of a parsed session file (TinyDB shape:
    {"answers": {"1": {"key": "script/field@item", "value": ...}}, ...}), as Norwegian texts naming
    the record. An answer whose key names no field of `scripts` (left from older prompts) is
    allowed, but its value must still be plain JSON."""
    from .schema import answer_problems as check

    return check(scripts, data)
