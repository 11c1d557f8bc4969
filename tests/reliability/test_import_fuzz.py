"""Seeded fuzz of `bshp import`: 500+ mutations of a full dump. Each is either imported whole and
then lists, opens and exports, or refused with exit 2 and a Norwegian message. Never a traceback."""

import io
import json
import random
from contextlib import redirect_stderr, redirect_stdout

import pytest
from helpers import run_bshp, shipped_scripts, without_disk_syncs
from walk import walk

from bshp_tui.cli import main
from bshp_tui.export.document import build_documents
from bshp_tui.guide.answer_text import initial_text
from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.health import health_report
from bshp_tui.store.sessions import SessionStore

CASES = 520
FULL_EXPORT_EVERY = 10  # every tenth accepted case also runs the whole CLI export through pandoc
SUBPROCESS_CASES = 5
PARTS = 4  # the cases in four tests, so that they can run side by side
SCRIPTS = shipped_scripts()
# Its 520 cases' files are written in memory: like the syncs (below), the disk has no part in what it proves.
pytestmark = pytest.mark.in_memory


@pytest.fixture(autouse=True)
def _no_disk_sync(monkeypatch):
    """The cases prove that any file is imported whole or refused with a message, never a
    traceback; that writes survive kills and faults is proven by the crash tests beside this one,
    so here (as outside tests/reliability) the writes stay atomic but do not wait for the disk."""
    without_disk_syncs(monkeypatch)


@pytest.fixture(scope="module")
def full_dump(tmp_path_factory):
    store = SessionStore(tmp_path_factory.mktemp("kilde"))
    with store.create("Fjordvik", "2027–2030") as session:
        walk(Conductor(SCRIPTS, session))
        session.set_draft("oppstart/mandat", "et utkast")
        return session.snapshot()


# -- mutations ---------------------------------------------------------------------------------


def nodes(data, path=(), out=None):
    """Every (container, key, path) in `data`, each container before what it holds."""
    out = [] if out is None else out
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        inner = path + (key,)
        out.append((data, key, inner))
        if isinstance(value, (dict, list)):
            nodes(value, inner, out)
    return out


def other_type(value, rng):
    choices = ["tekst", 42, ["a", "b"], {"x": "y"}, None, 3.5, True]
    choices = [c for c in choices if type(c) is not type(value)]
    return rng.choice(choices)


def pick(rng, data, where=lambda c, k, v: True):
    found = [(c, k, p) for c, k, p in nodes(data) if where(c, k, c[k])]
    return rng.choice(found) if found else None


MARK_NAN, MARK_BIG, MARK_DEEP = "@@NAN@@", "@@BIGINT@@", "@@DEEP@@"


def mutate(rng, data):
    """Change `data` in place (or return raw text); returns (description, raw text or None)."""
    kind = rng.choice(
        [
            "drop",
            "type",
            "type",
            "special",
            "deep",
            "duplicate",
            "truncate",
            "none_in_list",
            "ratings_list",
            "refs_string",
            "number_for_text",
            "drop_value",
            "empty",
            "other_text",
            "other_text",
            "extra_field",
        ]
    )
    if kind == "drop":
        found = pick(rng, data, lambda c, k, v: isinstance(c, dict))
        if found:
            c, k, p = found
            del c[k]
            return f"drop {p}", None
    if kind == "drop_value":
        doc = rng.choice(list(data["answers"].values()))
        doc.pop("value", None)
        return f"drop value of {doc.get('key')}", None
    if kind == "type":
        c, k, p = pick(rng, data)
        c[k] = other_type(c[k], rng)
        return f"type {p} -> {c[k]!r}", None
    if kind == "special":
        c, k, p = pick(rng, data, lambda c, k, v: not isinstance(v, (dict, list)))
        c[k] = rng.choice([MARK_NAN, 1e308, -1e308, 10**30, MARK_BIG, 0.1, -5, 2**63])
        return f"special {p} -> {c[k]!r}", None
    if kind == "deep":
        c, k, p = pick(rng, data)
        depth = rng.choice([20, 63, 64, 65, 200, 5000])
        c[k] = MARK_DEEP + str(depth)
        return f"deep {p} {depth}", None
    if kind == "duplicate":
        text = json.dumps(data, ensure_ascii=False)
        starts = [i for i, ch in enumerate(text) if ch == "{" and text[i + 1 : i + 2] == '"']
        at = rng.choice(starts)
        end = text.index(",", at) if "," in text[at : at + 200] else None
        if end:
            first_pair = text[at + 1 : end]
            return f"duplicate key {first_pair[:30]}", text[: at + 1] + first_pair + "," + text[at + 1 :]
    if kind == "truncate":
        text = json.dumps(data, ensure_ascii=False)
        cut = rng.randrange(1, len(text))
        return f"truncate at {cut}", text[:cut]
    if kind == "none_in_list":
        found = pick(rng, data, lambda c, k, v: isinstance(v, list))
        if found:
            c, k, p = found
            c[k].insert(rng.randrange(len(c[k]) + 1), None)
            return f"None in list {p}", None
    if kind == "ratings_list":
        for doc in data["answers"].values():
            if (
                isinstance(doc.get("value"), dict)
                and doc["value"]
                and all(isinstance(v, dict) for v in doc["value"].values())
            ):
                doc["value"] = list(doc["value"].values()) if rng.random() < 0.5 else [[1, 2], [3, 4]]
                return f"ratings as list {doc['key']}", None
    if kind == "refs_string":
        found = pick(rng, data, lambda c, k, v: k == "refs")
        if found:
            c, k, p = found
            c[k] = rng.choice(["a1", ["a1"], 7, None, {"col": 5}])
            return f"refs {p} -> {c[k]!r}", None
    if kind == "number_for_text":
        found = pick(rng, data, lambda c, k, v: isinstance(v, str) and k not in ("app",))
        if found:
            c, k, p = found
            c[k] = rng.choice([7, 0, -1, 2.5, 123456789])
            return f"number for text {p}", None
    if kind == "empty":
        c, k, p = pick(rng, data)
        c[k] = rng.choice(["", [], {}, " "])
        return f"empty {p}", None
    if kind == "other_text":  # what a group could have typed: accepted, and must export
        found = pick(rng, data, lambda c, k, v: isinstance(v, str) and k not in ("app", "key", "id"))
        if found:
            c, k, p = found
            c[k] = rng.choice(HOSTILE_TEXT)
            return f"other text {p} -> {c[k]!r}", None
    if kind == "extra_field":
        found = pick(rng, data, lambda c, k, v: isinstance(v, dict) and k not in ("value", "refs"))
        if found:
            c, k, p = found
            c[k]["ekstra"] = rng.choice(["x", 1, [1, 2], {"a": None}])
            return f"extra field in {p}", None
    c, k, p = pick(rng, data)
    c[k] = other_type(c[k], rng)
    return f"type (fallback) {p}", None


HOSTILE_TEXT = [
    "",
    " ",
    "# overskrift",
    "a | b",
    "<b>fet</b>",
    "linje\nlinje",
    "\u202eomvendt",
    "x" * 5000,
    "[@doe99]",
    "1. tall",
    "&lt;",
    "\x00null",
    "😀",
    "2027–2030",
]


def render(data):
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace(f'"{MARK_NAN}"', "NaN").replace(f'"{MARK_BIG}"', "9" * 5000)
    while f'"{MARK_DEEP}' in text:
        at = text.index(f'"{MARK_DEEP}')
        end = text.index('"', at + 1)
        depth = int(text[at + len(MARK_DEEP) + 1 : end])
        text = text[:at] + "[" * depth + "]" * depth + text[end + 1 :]
    return text


def make_case(n, full):
    rng = random.Random(2026_11 + n)
    data = json.loads(json.dumps(full))
    descriptions = []
    raw = None
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        try:
            description, raw = mutate(rng, data)
        except (AttributeError, KeyError, TypeError, IndexError, ValueError):
            continue  # an earlier mutation took away what this one needs
        descriptions.append(description)
        if raw is not None:
            break
    if not descriptions:
        return make_case(n + 100_000, full)
    return "; ".join(descriptions), (raw if raw is not None else render(data))


# -- running -----------------------------------------------------------------------------------


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def use_session(store, session_id):
    """What the app does with a session: open it, walk its fields, show each answer, report."""
    with store.open(session_id) as session:
        c = Conductor(SCRIPTS, session)
        c.cursor()
        c.overall_progress()
        for pos in c.positions():
            initial_text(c, pos)
        health_report(c)
        build_documents(c)


@pytest.mark.parametrize("part", range(PARTS))
def test_import_fuzz_never_crashes(full_dump, tmp_path, part):
    failures, accepted, refused = [], 0, 0
    cases = range(part, CASES, PARTS)
    for n in cases:
        description, raw = make_case(n, full_dump)
        src = tmp_path / f"case-{n}.json"
        src.write_text(raw, encoding="utf-8", errors="surrogatepass")
        data = tmp_path / f"data-{n}"
        try:
            code, out, err = run(["--data", str(data), "import", str(src)])
            if code == 2:
                refused += 1
                if "kan ikke importeres" not in err and "Ingenting er lagret" not in err:
                    failures.append((n, description, f"refused without a clear message: {err[:200]}"))
                if data.exists() and list(data.glob("*.json")):
                    failures.append((n, description, "refused but wrote a session"))
                continue
            if code != 0:
                failures.append((n, description, f"import exit {code}: {err[:300]}"))
                continue
            accepted += 1
            session_id = out.split("som økta «")[1].split("»")[0]
            code, out, err = run(["--data", str(data), "list"])
            if code != 0 or "SKADET" in out:
                failures.append((n, description, f"list exit {code}: {out[-200:]} {err[:200]}"))
            use_session(SessionStore(data), session_id)
            if accepted % FULL_EXPORT_EVERY == 0:
                code, out, err = run(
                    ["--data", str(data), "export", session_id, "--document", "alle", "--format", "md", "-o", str(data)]
                )
                if code != 0:
                    failures.append((n, description, f"export exit {code}: {err[:300]}"))
        except Exception as exc:  # a traceback: the finding this test exists to catch
            failures.append((n, description, f"{type(exc).__name__}: {exc}"[:300]))
    print(f"import fuzz, part {part}: {accepted} accepted, {refused} refused of {len(cases)}")
    report = "\n".join(f"case {n} [{d}]: {what}" for n, d, what in failures)
    assert not failures, f"{len(failures)} of {len(cases)} cases failed ({accepted} accepted):\n{report}"
    assert accepted >= 20 // PARTS and refused >= 100 // PARTS, (accepted, refused)


def test_import_fuzz_through_real_processes(full_dump, tmp_path):
    for n in range(SUBPROCESS_CASES):
        description, raw = make_case(10_000 + n, full_dump)
        src = tmp_path / f"case-{n}.json"
        src.write_text(raw, encoding="utf-8")
        data = tmp_path / f"data-{n}"
        r = run_bshp("import", src, data=data)
        assert "Traceback" not in r.stderr and r.returncode in (0, 2), (description, r.stderr)
        if r.returncode == 0:
            session_id = r.stdout.split("som økta «")[1].split("»")[0]
            assert run_bshp("list", data=data).returncode == 0
            r = run_bshp("export", session_id, "--document", "alle", "--format", "md", "-o", data, data=data)
            assert r.returncode == 0, (description, r.stderr)
        else:
            assert "Ingenting er lagret" in r.stderr, (description, r.stderr)
