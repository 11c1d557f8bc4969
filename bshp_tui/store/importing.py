"""Reading a session file to import: the whole file is checked before anything is written.

The file must be a regular file under the size limit, valid JSON without duplicate keys, NaN or
runaway nesting, and match the declared session format (schema.validate_strict). A `check` given
by the caller adds problems of its own (the answers against the field kinds of the prompt files).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..disk.files import UnreadableFile, read_regular
from ..errors import NewerSchemaError, UsageError
from . import schema
from .naming import one_line
from .sanitize import clean_value

Check = Callable[[dict], "list[str]"]
SHOWN_PROBLEMS = 20


def read_import(source: Path, check: Check | None = None) -> dict:
    """The validated, cleaned content of `source`, ready to store. Raises UsageError (exit 2)
    with a Norwegian message naming the record and what is wrong."""

    def refuse(reason: str) -> UsageError:
        return UsageError(f"«{source}» kan ikke importeres: {reason}. Ingenting er lagret.")

    try:
        raw = read_regular(source, follow_symlinks=True)
    except FileNotFoundError:
        raise UsageError(f"Fant ikke filen «{source}». Sjekk navnet og mappen.") from None
    except UnreadableFile as exc:
        raise refuse(exc.reason) from None
    except OSError as exc:
        raise refuse(f"filen kunne ikke leses ({exc.strerror or exc})") from None
    try:
        data = schema.parse_bytes(raw, strict=True)
        version = schema.validate_strict(data)
        if version > schema.SCHEMA_VERSION:
            raise UsageError(str(NewerSchemaError(source, version, schema.SCHEMA_VERSION)))
        data = clean_value(schema.migrate(data, version))
    except schema.ShapeError as exc:
        raise refuse(str(exc)) from None
    meta = data["meta"]["1"]
    meta["municipality"] = one_line(meta["municipality"])
    if not meta["municipality"]:
        raise refuse("kommunenavnet i «meta» har ingen synlige tegn")
    if isinstance(meta.get("period"), str):
        meta["period"] = one_line(meta["period"])
    problems = check(data) if check is not None else []
    if problems:
        shown = "\n".join(f"  - {p}" for p in problems[:SHOWN_PROBLEMS])
        more = f"\n  … og {len(problems) - SHOWN_PROBLEMS} til" if len(problems) > SHOWN_PROBLEMS else ""
        raise UsageError(f"«{source}» kan ikke importeres:\n{shown}{more}\nIngenting er lagret.")
    return data
