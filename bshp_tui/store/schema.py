"""The on-disk shape of a session file, its schema version, validation and migrations.

A session file is a TinyDB database: a JSON object whose keys are table names and whose values map
document ids ("1", "2", ...) to documents. Table `meta` holds one document with `schema_version`.

`FORMAT` declares each table's records: the fields they must have and the type of each known
field. `validate` checks what every reader relies on (so one bad value can never stop a listing
or an open); `validate_strict` adds what an import must also refuse (duplicates, `None` inside
lists, malformed `refs`, out-of-range numbers) before anything is written.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
APP_MARK = "bshp"
MAX_DEPTH = 64  # nesting levels of a whole file; the app's own files stay under 10
MAX_INT = 10**15  # larger whole numbers are never a count, a cost or a year

# Migrations from version N to N + 1. Each takes the raw data and returns the migrated data.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

KNOWN_TABLES = {"meta", "answers", "drafts", "state", "events"}

TEXT = "tekst"
WHOLE = "heltall"
FRACTION = "tall fra 0 til 1"
ANY = "verdi"

# Table -> (required fields, field types). Fields not named here may hold any JSON value.
FORMAT: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "meta": (
        ("app", "schema_version", "municipality"),
        {
            "app": TEXT,
            "schema_version": WHOLE,
            "municipality": TEXT,
            "period": TEXT,
            "created": TEXT,
            "updated": TEXT,
            "imported": TEXT,
            "progress": FRACTION,
        },
    ),
    "answers": (("key", "value"), {"key": TEXT, "value": ANY, "updated": TEXT}),
    "drafts": (("key", "text"), {"key": TEXT, "text": TEXT, "updated": TEXT}),
    "state": (("key", "value"), {"key": TEXT, "value": ANY, "updated": TEXT}),
}
OPTIONAL_META_TEXT = ("period", "created", "updated", "imported")


class ShapeError(ValueError):
    """The data is not a bshp session. The message is Norwegian and names what is wrong."""


def _refuse_constant(name: str) -> Any:
    raise ShapeError(f"filen inneholder «{name}», som ikke er et gyldig tall i JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ShapeError(f"nøkkelen «{key}» står to ganger i samme objekt")
        out[key] = value
    return out


def parse_bytes(raw: bytes, strict: bool = False) -> Any:
    """Parse a session file's bytes, raising ShapeError with a Norwegian reason.
    `strict` also refuses an object with the same key twice (json keeps the last silently)."""
    if not raw:
        raise ShapeError("filen er tom (0 byte)")
    try:
        text = raw.decode("utf-8-sig" if strict else "utf-8")
    except UnicodeDecodeError as exc:
        raise ShapeError(f"filen er ikke gyldig UTF-8-tekst (byte {exc.start})") from None
    if not text.strip():
        raise ShapeError("filen inneholder bare blanke tegn")
    try:
        return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_no_duplicates if strict else None)
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Extra data"):
            raise ShapeError(
                f"ekstra data etter slutten av innholdet (linje {exc.lineno}, kolonne {exc.colno})"
            ) from None
        if exc.pos >= len(text.rstrip()) - 1 or "Unterminated" in exc.msg:
            raise ShapeError(f"filen slutter midt i innholdet, den er trolig avkuttet (linje {exc.lineno})") from None
        raise ShapeError(f"ugyldig JSON på linje {exc.lineno}, kolonne {exc.colno}") from None
    except RecursionError:
        raise ShapeError(f"innholdet er nestet for dypt (mer enn {MAX_DEPTH} nivåer)") from None
    except ShapeError:
        raise
    except ValueError:  # Python's limit on digits when turning text into a whole number
        raise ShapeError("filen har et tall med flere tusen sifre") from None


# Where a value sits: (the trail to its parent, or None at the top; (key,) in an object or the
# place in a list, from 1)
_Trail = tuple[Any, Any]


def _walk(doc: dict, record: Callable[[], str], strict: bool, answers: bool = False) -> None:
    """Check every value in one record without recursion: nesting depth, finite numbers, and
    (strict) `refs` as an object of texts, whole numbers in range and, in an answer, no `None`
    inside a list (view state may hold one: the cursor of a step that is not repeated).
    Where a value sits (`record` and its path) is only spelled out for a message: every session
    file is checked each time it is read."""
    stack: list[tuple[Any, _Trail, int]] = [(v, (None, (k,)), 3) for k, v in doc.items()]

    def where(trail: _Trail) -> str:
        return f"{record()}: «{_path(trail)}»"

    while stack:
        node, trail, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ShapeError(f"{where(trail)} er nestet for dypt (mer enn {MAX_DEPTH} nivåer)")
        if isinstance(node, float) and not math.isfinite(node):
            raise ShapeError(f"{where(trail)} er ikke et endelig tall")
        if isinstance(node, dict):
            if strict and "refs" in node:
                refs = node["refs"]
                if not isinstance(refs, dict) or not all(isinstance(v, str) for v in refs.values()):
                    raise ShapeError(f"{where(trail)}: «refs» skal være et objekt med tekster")
            stack.extend((v, (trail, (k,)), depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            for n, item in enumerate(node):
                if strict and answers and item is None:
                    raise ShapeError(f"{where(trail)} har et tomt element (null) i lista, plass {n + 1}")
                stack.append((item, (trail, n + 1), depth + 1))
        elif strict and isinstance(node, (int, float)) and not isinstance(node, bool) and abs(node) > MAX_INT:
            raise ShapeError(f"{where(trail)} er et for stort tall")


def _path(trail: _Trail) -> str:
    """«mandat.rows[2].tekst»: the keys (short and printable) and list places down to a value."""
    parts: list[Any] = []
    node: _Trail | None = trail
    while node is not None:
        node, part = node
        parts.append(part)
    text = ""
    for n, part in enumerate(reversed(parts)):
        text += f"[{part}]" if isinstance(part, int) else ("." if n else "") + _short(part[0])
    return text


def _short(text: Any, limit: int = 40) -> str:
    """A key or value as one short, printable piece of a message."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record(name: str, doc_id: str, doc: dict) -> str:
    key = doc.get("key")
    return f"post {doc_id} i «{name}»" + (f" («{_short(key)}»)" if isinstance(key, str) else "")


def _type_problem(value: Any, kind: str) -> str | None:
    if kind == TEXT and not isinstance(value, str):
        return "skal være tekst"
    if kind == WHOLE and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        return "skal være et helt tall"
    if kind == FRACTION and (isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1):
        return "skal være et tall fra 0 til 1"
    return None


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "et objekt"
    if isinstance(value, list):
        return "en liste"
    return _short(json.dumps(value, ensure_ascii=False))


def validate(data: Any, strict: bool = False) -> int:
    """Check that `data` has the shape of a session file. Returns its schema version.
    Raises ShapeError naming the table, the record and what is wrong."""
    if not isinstance(data, dict):
        raise ShapeError("gyldig JSON, men ikke en bshp-økt (forventet et objekt øverst)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ShapeError(f"gyldig JSON, men tabellen «{name}» er ikke et objekt")
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise ShapeError(f"gyldig JSON, men tabellen «{name}» har en ugyldig post («{doc_id}»)")
    meta_table = data.get("meta")
    if not meta_table:
        raise ShapeError("gyldig JSON, men ikke en bshp-økt (mangler «meta» med filformat)")
    meta = meta_table.get("1")
    if not isinstance(meta, dict) or meta.get("app") != APP_MARK:
        raise ShapeError("gyldig JSON, men ikke en bshp-økt (ukjent «meta»)")
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ShapeError("gyldig JSON, men filformatet («schema_version») mangler eller er ugyldig")
    if not isinstance(meta.get("municipality"), str) or not meta["municipality"].strip():
        raise ShapeError("gyldig JSON, men kommunenavnet mangler i «meta»")
    for name, (required, types) in FORMAT.items():
        seen: dict[str, str] = {}
        for doc_id, doc in data.get(name, {}).items():
            for field in required:
                if field not in doc:
                    what = "nøkkel" if field == "key" else f"«{field}»"
                    raise ShapeError(f"gyldig JSON, men {_record(name, doc_id, doc)} mangler {what}")
            for field, kind in types.items():
                if field in doc:
                    problem = _type_problem(doc[field], kind)
                    if problem:
                        raise ShapeError(
                            f"{_record(name, doc_id, doc)}: «{field}» {problem}, men er {_describe(doc[field])}"
                        )
            if strict and name != "meta":
                key = doc["key"]
                if key in seen:
                    raise ShapeError(f"{_record(name, doc_id, doc)} har samme nøkkel som post {seen[key]}")
                seen[key] = doc_id
    for name, table in data.items():
        for doc_id, doc in table.items():
            _walk(doc, functools.partial(_record, name, doc_id, doc), strict, answers=name == "answers")
    return version


def validate_strict(data: Any) -> int:
    """`validate` plus everything an import must refuse before anything is written."""
    return validate(data, strict=True)


def migrate(data: dict, version: int) -> dict:
    """Bring `data` from `version` up to SCHEMA_VERSION, one step at a time."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ShapeError(f"filformat {version} kan ikke oppgraderes av denne versjonen")
        data = step(data)
        version += 1
        data["meta"]["1"]["schema_version"] = version
    return data
