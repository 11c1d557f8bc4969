"""The whole `bshp export` process vs the bundled pandoc converting the same document trees directly.

Two figures: the plan alone, and `--document alle` (the four documents; pandoc converts the four
trees one after another). Every command runs as a separate process, interleaved, in the same run.
Prints the medians and the ratios. Target: <= 2x.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("BSHP_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from walk import walk  # noqa: E402

from bshp_tui.export.document import build_document  # noqa: E402
from bshp_tui.export.pandoc import BUNDLED_HEAP, pandoc_path  # noqa: E402
from bshp_tui.guide.conductor import Conductor  # noqa: E402
from bshp_tui.scripts.loader import load_folder  # noqa: E402
from bshp_tui.store.sessions import SessionStore  # noqa: E402

RUNS = 15
DOCUMENTS = ("plan", "saksframlegg", "grunnlag", "arbeidsdokumenter")


def _time(cmds: list[list[str]]) -> float:
    t0 = time.perf_counter()
    for cmd in cmds:
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = SessionStore(tmp / "data")
        session = store.create("Benkemark", "2027–2030")
        conductor = Conductor(load_folder(ROOT / "prompts"), session)
        walk(conductor)
        trees = {}
        for kind in DOCUMENTS:
            doc, _ = build_document(conductor, kind)
            trees[kind] = tmp / f"{kind}.json"
            trees[kind].write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        session.close()
        (tmp / "alle").mkdir()

        def bshp(document: str, output: Path) -> list[str]:
            return [
                sys.executable,
                "-m",
                "bshp_tui.cli",
                "--data",
                str(tmp / "data"),
                "export",
                "benkemark",
                "--document",
                document,
                "--format",
                "docx",
                "-o",
                str(output),
            ]

        def pandoc(kind: str, tuned: bool = False) -> list[str]:
            return [
                pandoc_path(),  # the bundled pandoc as it is shipped, or (tuned) as bshp starts it
                *(BUNDLED_HEAP if tuned else []),
                "--sandbox",
                "-f",
                "json",
                "-t",
                "docx",
                "--toc",
                "-o",
                str(tmp / f"pandoc-{kind}.docx"),
                str(trees[kind]),
            ]

        cases = {
            "plan": ([bshp("plan", tmp / "bshp.docx")], [pandoc("plan")], [pandoc("plan", tuned=True)]),
            "alle": (
                [bshp("alle", tmp / "alle")],
                [pandoc(kind) for kind in DOCUMENTS],
                [pandoc(kind, tuned=True) for kind in DOCUMENTS],
            ),
        }
        times: dict[str, list[float]] = {f"{case}-{who}": [] for case in cases for who in ("bshp", "pandoc", "tuned")}
        for _ in range(RUNS):
            for case, (ours, theirs, tuned) in cases.items():
                times[f"{case}-bshp"].append(_time(ours))
                times[f"{case}-pandoc"].append(_time(theirs))
                times[f"{case}-tuned"].append(_time(tuned))
    for case, title in (
        ("plan", "Eksport av planen som DOCX"),
        ("alle", "Eksport av alle fire dokumentene som DOCX (--document alle)"),
    ):
        ours = statistics.median(times[f"{case}-bshp"]) * 1000
        plain = statistics.median(times[f"{case}-pandoc"]) * 1000
        tuned = statistics.median(times[f"{case}-tuned"]) * 1000
        print(f"{title} (median av {RUNS} kjøringer, samme kjøring)")
        print(f"  bshp export (hele prosessen): {ours:7.1f} ms")
        print(f"  pandoc direkte på samme AST:  {plain:7.1f} ms")
        print(f"  forhold: {ours / plain:.2f}x  (mål: <= 2x)")
        print(f"  pandoc med samme heap-hint som bshp gir: {tuned:7.1f} ms (forhold {ours / tuned:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
