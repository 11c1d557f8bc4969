"""A cache of parsed prompt files, so commands that start often (the app, export) skip parsing.

The cache is a JSON file in the data folder's `.cache/`, keyed by each prompt file's name, size and
modification time. It is only written after the files passed validation.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..disk.durable import DirSyncWarning, atomic_write_bytes
from ..disk.files import read_regular
from .folder import prompt_files
from .model import Column, Condition, Field, Option, Scale, Script, Step

CACHE_VERSION = 5


def _signature(folder: Path) -> list:
    out = []
    for path in prompt_files(folder):
        st = path.stat()
        out.append([path.name, st.st_size, st.st_mtime_ns])
    return [CACHE_VERSION, str(Path(folder).resolve()), out]


def load_folder_cached(folder: Path | str, cache_dir: Path | None) -> list[Script]:
    """Like load_folder, but reuses a parse saved in `cache_dir` while the files are unchanged.
    A missing, stale or unreadable cache is simply rebuilt; failing to save it is ignored."""
    folder = Path(folder)
    if cache_dir is None or not folder.is_dir():
        return _parse(folder)
    signature = _signature(folder)
    cache = Path(cache_dir) / "veiledninger.json"
    try:
        data = json.loads(read_regular(cache))
        if data.get("signature") == signature:
            return [_script_from_dict(s) for s in data["scripts"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    key = json.dumps(signature)
    saved = _PARSED.get(key)
    if saved is not None:  # parsed earlier in this process, for another data folder
        scripts = [_script_from_dict(s) for s in json.loads(saved)["scripts"]]
    else:
        scripts = _parse(folder)
        saved = json.dumps(
            {"signature": signature, "scripts": [_script_to_dict(s) for s in scripts]}, ensure_ascii=False
        )
        _PARSED[key] = saved
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(cache, saved.encode("utf-8"))
    except (OSError, DirSyncWarning):
        pass  # only a cache: the next start parses the files again
    return scripts


def _parse(folder: Path) -> list[Script]:
    from .loader import load_folder  # the parser and its grammar load only when files must be parsed

    return load_folder(folder)


# This process's parses (as the cache file's JSON) by signature: a process that works in several
# data folders (the tests, a regional summary) parses the same unchanged files once.
_PARSED: dict[str, str] = {}


def _script_to_dict(script: Script) -> dict:
    def field(f: Field) -> dict:
        return {
            **f.as_dict(),
            "options": [o.as_dict() for o in f.options],
            "columns": [c.as_dict() for c in f.columns],
            "scales": [sc.as_dict() for sc in f.scales],
            "condition": condition(f.condition),
        }

    def condition(c: Condition | None) -> dict | None:
        return None if c is None else c.as_dict()

    steps = [
        {**s.as_dict(), "fields": [field(f) for f in s.fields], "condition": condition(s.condition)}
        for s in script.steps
    ]
    return {**script.as_dict(), "path": str(script.path), "steps": steps}


def _script_from_dict(data: dict) -> Script:
    def condition(raw):
        return None if raw is None else Condition(raw["ref"], tuple(raw["values"]), raw["negate"], raw["line"])

    steps = []
    for s in data["steps"]:
        fields = []
        for f in s["fields"]:
            f = dict(f)
            f["options"] = [Option(**o) for o in f["options"]]
            f["columns"] = [
                Column(c["id"], c["label"], c["kind"], c["ref"], tuple(c["options"]), bool(c.get("required")))
                for c in f["columns"]
            ]
            f["scales"] = [Scale(**sc) for sc in f["scales"]]
            f["condition"] = condition(f["condition"])
            f["documents"] = tuple(f.get("documents") or ())
            f["count"] = tuple(f["count"]) if f.get("count") else None
            fields.append(Field(**f))
        s = dict(s)
        s["fields"] = fields
        s["condition"] = condition(s["condition"])
        s["documents"] = tuple(s.get("documents") or ())
        s["goal_areas"] = tuple(s.get("goal_areas") or ())
        steps.append(Step(**s))
    data = dict(data)
    data["steps"] = steps
    data["path"] = Path(data["path"])
    data["links"] = [(target, line) for target, line in data.get("links", [])]
    return Script(**data)
