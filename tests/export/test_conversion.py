"""pandoc starts up while its document is built and converts it while the next is built: whatever
fails on the way, the earlier file stays as it was, no temporary file is left and no pandoc keeps
running."""

import pytest
from export_fixtures import SCRIPTS

from bshp_tui.export import ast as A
from bshp_tui.export import pandoc
from bshp_tui.export.document import Builder
from bshp_tui.export.pandoc import ExportError, convert
from bshp_tui.export.service import export


@pytest.fixture
def started(monkeypatch):
    """Every pandoc process started, to check afterwards that none is left running."""
    processes = []
    real_start = pandoc._start_pandoc

    def recording(args):
        process = real_start(args)
        processes.append(process)
        return process

    monkeypatch.setattr(pandoc, "_start_pandoc", recording)
    return processes


def test_failure_while_pandoc_converts_leaves_nothing_behind(filled, tmp_path, monkeypatch, started):
    target = tmp_path / "plan.docx"
    export(SCRIPTS, filled.session, "plan", "docx", target)
    before = target.read_bytes()

    def broken(self):
        raise RuntimeError("brutt")

    # The background document is built after the plan's conversion has started.
    monkeypatch.setattr(Builder, "background_blocks", broken)
    with pytest.raises(RuntimeError):
        export(SCRIPTS, filled.session, "plan", "docx", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "sessions"]  # no temp file left
    assert len(started) == 2 and all(p.poll() is not None for p in started)


def test_failure_before_pandoc_has_its_document_leaves_nothing_behind(filled, tmp_path, monkeypatch, started):
    target = tmp_path / "plan.docx"
    export(SCRIPTS, filled.session, "plan", "docx", target)
    before = target.read_bytes()

    def broken(self):
        raise RuntimeError("brutt")

    # pandoc for the plan has started up and waits while the plan is built.
    monkeypatch.setattr(Builder, "plan_blocks", broken)
    with pytest.raises(RuntimeError):
        export(SCRIPTS, filled.session, "plan", "docx", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "sessions"]  # no temp file left
    assert len(started) == 2 and all(p.poll() is not None for p in started)


def test_all_documents_written_in_order_one_pandoc_at_a_time(filled, tmp_path, started, monkeypatch):
    running = []
    real_finish = pandoc.Conversion.finish

    def finish(self):
        # converting: given its document and still running (the next one may wait for its own)
        running.append(sum(p.poll() is None and p.feeder is not None for p in started))
        return real_finish(self)

    monkeypatch.setattr(pandoc.Conversion, "finish", finish)
    results = export(SCRIPTS, filled.session, "alle", "md", tmp_path)
    assert [r.document for r in results] == ["plan", "grunnlag", "arbeidsdokumenter", "saksframlegg"]
    assert all(r.path.read_text(encoding="utf-8").strip() for r in results)
    assert len(started) == 4 and max(running) <= 1
    assert all(r.unplaced == results[0].unplaced for r in results)


def test_pandoc_error_is_reported_and_nothing_written(tmp_path, started):
    bad = A.document([{"t": "IkkeEnBlokk", "c": []}], {})
    with pytest.raises(ExportError) as err:
        convert(bad, tmp_path / "x.docx", "docx")
    assert "Pandoc klarte ikke å lage dokumentet (" in str(err.value) and "Ingen fil er endret" in str(err.value)
    assert list(tmp_path.iterdir()) == []
    assert all(p.poll() is not None for p in started)


def test_a_pandoc_slow_to_read_still_gets_its_whole_tree(tmp_path, monkeypatch, started):
    # pandoc takes its tree on stdin; one that starts reading late is left to the feeder thread,
    # which writes the rest (more than a pipe holds) and closes the pipe on its own.
    slow = tmp_path / "slow-pandoc"
    slow.write_text(f'#!/bin/sh\nsleep 0.3\nexec "{pandoc.pandoc_path()}" "$@"\n', encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(pandoc, "_PANDOC", str(slow))
    words = [f"ord{i}" for i in range(20000)]
    document = A.document([A.para(A.text(" ".join(words)))], {})
    target = tmp_path / "lang.md"
    convert(document, target, "md")
    assert target.read_text(encoding="utf-8").split() == words
    assert len(started) == 1 and started[0].poll() is not None and not started[0].feeder.is_alive()


def test_the_bundled_pandoc_gets_a_small_heap_and_another_pandoc_no_options(tmp_path, monkeypatch):
    bundled = pandoc.pandoc_path()
    assert pandoc.pandoc_command() == [bundled, *pandoc.BUNDLED_HEAP]
    other = tmp_path / "pandoc"
    other.write_text(
        f'#!/bin/sh\ncase "$1" in +RTS) echo "RTS options are disabled" >&2; exit 1;; esac\nexec "{bundled}" "$@"\n'
    )
    other.chmod(0o755)
    monkeypatch.setattr(pandoc, "_PANDOC", str(other))  # a pandoc of the system's, which takes no RTS options
    assert pandoc.pandoc_command() == [str(other)]
    target = tmp_path / "kort.md"
    convert(A.document([A.para(A.text("Hei"))], {}), target, "md")
    assert target.read_text(encoding="utf-8").strip().endswith("Hei")
