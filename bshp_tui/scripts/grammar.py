"""The small `nøkkel: verdi` grammar of the fenced blocks in a prompt file (veiledning, steg, felt).

A block is parsed into entries (a value or a list of `- ` items, each with its line). The helpers
here read those entries as ids, flags, numbers, conditions and table columns, reporting every
problem as a ScriptError.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .model import Column, Condition, ScriptError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
YES = {"ja", "j", "yes", "true", "sann"}
NO = {"nei", "n", "no", "false", "usann"}

# Keys every felt block may have; each field kind adds its own (kinds.Kind.keys).
FIELD_KEYS = {
    "id",
    "type",
    "spørsmål",
    "påkrevd",
    "hjelp",
    "forslag",
    "hvis",
    "dokument",
    "etikett",
    "kobler",
    "tidligere",
}
BLOCK_KEYS = {
    "veiledning": {"id", "nummer", "tid", "kort"},
    "steg": {"id", "hvis", "gjenta", "igp", "minutter", "privat", "dokument", "målområde"},
    "felt": FIELD_KEYS,  # completed with the kinds' keys on first use (see block_keys)
}
LIST_KEYS = {"standard", "forslag", "målområde"}  # keys followed by `- ` items; the kinds add theirs


@functools.cache
def kind_keys() -> frozenset[str]:
    from . import kinds

    return frozenset(key for kind in kinds.all_kinds() for key in kind.keys)


@functools.cache
def list_keys() -> frozenset[str]:
    from . import kinds

    return frozenset(LIST_KEYS | {key for kind in kinds.all_kinds() for key in kind.list_keys})


def block_keys(kind: str) -> set[str] | frozenset[str]:
    if kind == "felt":
        return FIELD_KEYS | kind_keys()
    return BLOCK_KEYS[kind]


@dataclass
class Entry:
    value: str | list[tuple[str, int]]
    line: int


def parse_block(text: str, first_line: int, kind: str, path: Path, errors: list[ScriptError]) -> dict[str, Entry]:
    """Parse the small `nøkkel: verdi` format of a block. `first_line` is the 1-based line of the
    first content line."""
    entries: dict[str, Entry] = {}
    current_list: str | None = None
    allowed = block_keys(kind)
    listed = list_keys()
    for offset, raw in enumerate(text.splitlines()):
        line_no = first_line + offset
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") or stripped == "-":
            if current_list is None:
                errors.append(
                    ScriptError(path, line_no, "listepunkt uten nøkkel over (skriv for eksempel «valg:» på linjen før)")
                )
                continue
            item = stripped[1:].strip()
            if not item:
                errors.append(ScriptError(path, line_no, "tomt listepunkt"))
                continue
            entry = entries[current_list]
            assert isinstance(entry.value, list)
            entry.value.append((item, line_no))
            continue
        if ":" not in stripped:
            errors.append(ScriptError(path, line_no, f"forventet «nøkkel: verdi», fant «{stripped}»"))
            current_list = None
            continue
        key, _, value = stripped.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            errors.append(
                ScriptError(path, line_no, f"ukjent nøkkel «{key}» i {kind}-blokken (kjente nøkler: {known})")
            )
            current_list = None
            continue
        if key in entries:
            errors.append(ScriptError(path, line_no, f"nøkkelen «{key}» står to ganger i samme blokk"))
            current_list = None
            continue
        if key in listed:
            if value:
                errors.append(
                    ScriptError(
                        path,
                        line_no,
                        f"«{key}:» skal ha en liste med «- » på linjene under, ikke en verdi på samme linje",
                    )
                )
            entries[key] = Entry([], line_no)
            current_list = key
        else:
            if not value:
                errors.append(ScriptError(path, line_no, f"«{key}:» mangler verdi"))
            entries[key] = Entry(value, line_no)
            current_list = None
    return entries


def split_pair(item: str) -> tuple[str, str]:
    """`id: Label` -> (id, Label); `Label` alone -> (slug of label, Label)."""
    if ":" in item:
        left, _, right = item.partition(":")
        if ID_RE.match(left.strip()):
            return left.strip(), right.strip()
    return slug(item), item


_ASCII: dict[str, str | int | None] = {"æ": "ae", "ø": "o", "å": "a"}


def slug(text: str) -> str:
    text = text.lower().translate(str.maketrans(_ASCII))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def parse_bool(entry: Entry | None, default: bool, path: Path, errors: list[ScriptError], key: str) -> bool:
    if entry is None:
        return default
    value = str(entry.value).lower()
    if value in YES:
        return True
    if value in NO:
        return False
    errors.append(ScriptError(path, entry.line, f"«{key}» må være «ja» eller «nei», ikke «{entry.value}»"))
    return default


def parse_number(entry: Entry | None, path: Path, errors: list[ScriptError], key: str) -> float | None:
    if entry is None:
        return None
    try:
        return float(str(entry.value).replace(",", ".").replace(" ", ""))
    except ValueError:
        errors.append(ScriptError(path, entry.line, f"«{key}» må være et tall, ikke «{entry.value}»"))
        return None


def qualify(value: str, script_id: str) -> str:
    return value if "." in value else f"{script_id}.{value}"


def parse_condition(entry: Entry | None, script_id: str, path: Path, errors: list[ScriptError]) -> Condition | None:
    if entry is None:
        return None
    text = str(entry.value)
    match = re.match(r"^\s*([a-z0-9_.-]+)\s*(!=|≠|=)\s*(.+)$", text)
    if not match:
        errors.append(
            ScriptError(
                path,
                entry.line,
                f"forstår ikke vilkåret «{text}» (skriv for eksempel «hvis: oppstart.plantype = kommunedelplan»)",
            )
        )
        return None
    values = tuple(v.strip() for v in match.group(3).split(",") if v.strip())
    return Condition(qualify(match.group(1), script_id), values, match.group(2) != "=", entry.line)


def check_id(entry: Entry | None, what: str, line: int, path: Path, errors: list[ScriptError]) -> str:
    if entry is None:
        errors.append(ScriptError(path, line, f"{what} mangler «id:»"))
        return ""
    value = str(entry.value)
    if not ID_RE.match(value):
        errors.append(ScriptError(path, entry.line, f"ugyldig id «{value}»: bruk små bokstaver a–z, tall, - og _"))
    return value


class FieldBlock:
    """A felt block's entries as the field kinds read them (kinds.Kind.load)."""

    def __init__(
        self, entries: dict[str, Entry], fid: str, kind: str, line: int, path: Path, errors: list[ScriptError]
    ):
        self.entries, self.fid, self.kind, self.line = entries, fid, kind, line
        self.path, self.errors = path, errors

    def error(self, line: int, message: str) -> None:
        self.errors.append(ScriptError(self.path, line, message))

    def entry(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def need(self, key: str, why: str) -> Entry | None:
        """The entry for a key this kind requires; reports it missing (saying `why`) if absent or empty."""
        entry = self.entries.get(key)
        if entry is None or (isinstance(entry.value, list) and not entry.value):
            self.error(
                entry.line if entry else self.line, f"feltet «{self.fid}» av typen {self.kind} mangler «{key}:» ({why})"
            )
            return None
        return entry

    def items(self, key: str, why: str) -> list[tuple[str, int]]:
        """The `- ` items of a required list key, as (text, line)."""
        entry = self.need(key, why)
        return list(entry.value) if entry is not None else []  # type: ignore[arg-type]

    def text(self, key: str) -> str:
        return str(self.entries[key].value) if key in self.entries else ""

    def number(self, key: str) -> float | None:
        return parse_number(self.entries.get(key), self.path, self.errors, key)

    def flag(self, key: str, default: bool) -> bool:
        return parse_bool(self.entries.get(key), default, self.path, self.errors, key)

    @staticmethod
    def split_pair(item: str) -> tuple[str, str]:
        return split_pair(item)

    def column(self, item: str, line: int) -> Column | None:
        return parse_column(item, line, self.path, self.errors)


def parse_column(item: str, line: int, path: Path, errors: list[ScriptError]) -> Column | None:
    """`id: Label`, `id: Label | tall`, `id: Label | fra gap.tiltak`, `id: Label | valg A, B`; any
    of them with `| påkrevd` last (`id: Label | dato | påkrevd`)."""
    from .kinds import COLUMN_KINDS

    head, _, kind_text = item.partition("|")
    cid, label = split_pair(head.strip())
    rest, _, last = kind_text.rpartition("|")
    required = last.strip().lower() == "påkrevd"
    kind_text = (rest if required else kind_text).strip()
    if not kind_text:
        return Column(cid, label, required=required)
    name, _, argument = kind_text.partition(" ")
    name = name.lower()  # the kind's name in any case; the argument (valg options) as written
    column_kind = COLUMN_KINDS.get(name)
    if column_kind is None or (argument.strip() and not column_kind.takes_argument):
        errors.append(
            ScriptError(
                path, line, f"ukjent kolonnetype «{kind_text}» (mulige: tekst, tall, dato, år, valg A, B, fra FELT)"
            )
        )
        return None
    col = column_kind.column(
        cid, label, argument.strip(), lambda message: errors.append(ScriptError(path, line, message))
    )
    return col.replace(required=True) if col is not None and required else col
