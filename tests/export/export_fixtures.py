import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import shipped_scripts  # noqa: E402
from walk import walk  # noqa: E402

from bshp_tui.guide.conductor import Conductor, Position  # noqa: E402

SCRIPTS = shipped_scripts()

HOSTILE = [
    "# x",
    "a | b",
    "*stjerne*",
    "```{=openxml}\n<w:p><w:r><w:t>INJISERT</w:t></w:r></w:p>\n```",
    "<b>fet</b>",
    "\\input{x}",
    "![x](/etc/hostname)",
    "1984.",
]


def pos(c, ref, item=None):
    script, field = ref.split(".")
    return Position(script, c.field(ref).step_id, item, field)


def fill(c: Conductor) -> None:
    """Walk all six guided sessions, with hostile strings in answers that reach every document."""
    walk(c)
    c.store(pos(c, "oppstart.mandat"), "\n\n".join(HOSTILE))
    old = c.value(pos(c, "prioritering.hovedmal"))  # renamed in place, so their indicators stay theirs
    c.store(
        pos(c, "prioritering.hovedmal"),
        [{"id": old[i]["id"] if i < len(old) else f"h{i}", "tekst": t} for i, t in enumerate(HOSTILE)],
    )
    walk(c)  # the indicators of the new main goals
    areas = c.items("gap.malomrader")
    first = areas[0].id
    rows = c.value(pos(c, "tiltak.handlingsplan", first))
    rows.append(
        {
            "id": "hostile",
            "strategi": "linje en\nlinje to",
            "tiltak": "# x | y",
            "ansvarlig": "<b>NAV</b>",
            "tidsfrist": "2028",
            "kostnad": 1984,
        }
    )
    c.store(pos(c, "tiltak.handlingsplan", first), rows)
    c.store(pos(c, "tiltak.mal", first), "![x](/etc/hostname) og \\input{x}")


@contextmanager
def without_disk_sync() -> Iterator[None]:
    """For files made once for many tests (the tests' own autouse fixture does not reach them)."""
    from bshp_tui.disk import durable

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(durable, "_sync_file", lambda fd: None)
        patch.setattr(durable, "fsync_dir", lambda folder: None)
        yield


@pytest.fixture(scope="session")
def filled_file(tmp_path_factory) -> Path:
    """The session file of a filled session, walked once per test process (the walk is the
    expensive part; each test then opens its own copy)."""
    from bshp_tui.store.sessions import SessionStore

    store = SessionStore(tmp_path_factory.mktemp("filled"))
    with without_disk_sync(), store.create("Nord-Fron/Sel", "2027–2030") as session:
        fill(Conductor(SCRIPTS, session))
    return store.path_for(session.id)


def exported_once(filled_file: Path, folder: Path, document: str, fmt: str) -> dict:
    """Export a copy of the filled session into `folder`: {document: ExportResult}."""
    from bshp_tui.export.service import export
    from bshp_tui.store.sessions import SessionStore

    with without_disk_sync(), open_copy(SessionStore(folder / "sessions"), filled_file) as session:
        target = folder if document == "alle" else folder / f"{document}.{fmt}"
        return {result.document: result for result in export(SCRIPTS, session, document, fmt, target)}


@pytest.fixture(scope="session")
def filled_documents(filled_file, tmp_path_factory) -> dict:
    """The filled session's documents as DOCX ({document: ExportResult}), exported once per test
    process for the tests that only read them."""
    return exported_once(filled_file, tmp_path_factory.mktemp("filled-docx"), "alle", "docx")


@pytest.fixture(scope="session")
def filled_plan_odt(filled_file, tmp_path_factory):
    """The filled session's plan as ODT (its ExportResult), exported once per test process."""
    return exported_once(filled_file, tmp_path_factory.mktemp("filled-odt"), "plan", "odt")["plan"]


@pytest.fixture(scope="session")
def walked_file(tmp_path_factory) -> Path:
    """The session file of Nord-Fron's plan for 2027–2030 with every guided session walked
    (tests/walk.py), made once per test process; tests open their own copy (`open_copy`)."""
    from bshp_tui.store.sessions import SessionStore

    store = SessionStore(tmp_path_factory.mktemp("walked"))
    with without_disk_sync(), store.create("Nord-Fron", "2027–2030") as session:
        walk(Conductor(SCRIPTS, session))
    return store.path_for(session.id)


def open_copy(store, template: Path):
    """Open, in `store`, the test's own copy of a session file made once for many tests, as the group
    would resume it."""
    store.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, store.path_for(template.stem))
    return store.open(template.stem)


@pytest.fixture
def filled(store, filled_file):
    """A session walked through all six guided sessions, with hostile strings in answers that
    reach every document: the test's own copy."""
    session = open_copy(store, filled_file)
    yield Conductor(SCRIPTS, session)
    session.close()
