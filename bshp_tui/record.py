"""`Record`: the base of the small data classes every `bshp` command loads (the parsed prompt files,
positions, items, export results).

They are plain classes with their own `__init__` rather than dataclasses or named tuples: those
write their methods as source text and compile it when the class is made (and `dataclasses` loads
`inspect`), which cost an export about a tenth of its own time. A record gets what a dataclass would
give it from its attributes: equality by value, a hash, a readable repr, and `replace`.
"""

from __future__ import annotations

from typing import Any, Self


class Record:
    """Equal to a record of the same class with equal attributes (those named in `_uncompared`
    aside). A record that changes after it is made sets `__hash__ = None`."""

    _uncompared: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The attributes by name, in the order `__init__` sets them."""
        return dict(vars(self))

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` (the attributes are the `__init__` arguments, by name)."""
        return type(self)(**{**vars(self), **changes})

    def _compared(self) -> tuple:
        return tuple(v for k, v in vars(self).items() if k not in self._uncompared)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
