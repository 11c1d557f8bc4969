"""The on-disk shape of a session file, its schema version, validation and migrations.

A session file is a TinyDB database: a JSON object whose keys are table names and whose values map
document ids ("1", "2", ...) to documents. Table `meta` holds one document with `schema_version`.
"""

from __future__ import annotations

import json
from typing import Any, Callable

SCHEMA_VERSION = 1
APP_MARK = "bshp"

# Migrations from version N to N + 1. Each takes the raw data and returns the migrated data.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

KNOWN_TABLES = {"meta", "answers", "drafts", "state", "events"}


class ShapeError(ValueError):
    """The data is not a bshp session. The message is Norwegian and names what is wrong."""


def parse_bytes(raw: bytes) -> Any:
    """Parse a session file's bytes, raising ShapeError with a Norwegian reason."""
    if not raw:
        raise ShapeError("filen er tom (0 byte)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ShapeError(f"filen er ikke gyldig UTF-8-tekst (byte {exc.start})") from None
    if not text.strip():
        raise ShapeError("filen inneholder bare blanke tegn")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Extra data"):
            raise ShapeError(
                f"ekstra data etter slutten av innholdet (linje {exc.lineno}, kolonne {exc.colno})"
            ) from None
        if exc.pos >= len(text.rstrip()) - 1 or "Unterminated" in exc.msg:
            raise ShapeError(
                f"filen slutter midt i innholdet, den er trolig avkuttet (linje {exc.lineno})"
            ) from None
        raise ShapeError(f"ugyldig JSON på linje {exc.lineno}, kolonne {exc.colno}") from None


def validate(data: Any) -> int:
    """Check that `data` has the shape of a session file. Returns its schema version."""
    if not isinstance(data, dict):
        raise ShapeError("gyldig JSON, men ikke en bshp-økt (forventet et objekt øverst)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ShapeError(f"gyldig JSON, men tabellen «{name}» er ikke et objekt")
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise ShapeError(
                    f"gyldig JSON, men tabellen «{name}» har en ugyldig post («{doc_id}»)"
                )
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
    for name in ("answers", "drafts", "state"):
        for doc_id, doc in data.get(name, {}).items():
            if not isinstance(doc.get("key"), str):
                raise ShapeError(f"gyldig JSON, men post {doc_id} i «{name}» mangler nøkkel")
    return version


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
