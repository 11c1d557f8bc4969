"""The whole `bshp export` process vs the bundled pandoc converting the same document tree directly.

Both run as separate processes, interleaved, in the same run. Prints the medians and the ratio.
Target: <= 2x.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bshp_tui.conductor import Conductor  # noqa: E402
from bshp_tui.export.document import build_document  # noqa: E402
from bshp_tui.export.pandoc import pandoc_path  # noqa: E402
from bshp_tui.script import load_folder  # noqa: E402
from bshp_tui.store import SessionStore  # noqa: E402
from walk import walk  # noqa: E402

RUNS = 15


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = SessionStore(tmp / "data")
        session = store.create("Benkemark", "2027–2030")
        conductor = Conductor(load_folder(ROOT / "prompts"), session)
        walk(conductor)
        doc, _ = build_document(conductor, "plan")
        session.close()
        ast_file = tmp / "plan.json"
        ast_file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

        bshp = [sys.executable, "-m", "bshp_tui.cli", "--data", str(tmp / "data"), "export", "benkemark",
                "--document", "plan", "--format", "docx", "-o", str(tmp / "bshp.docx")]
        pandoc = [pandoc_path(), "--sandbox", "-f", "json", "-t", "docx", "--toc", "-o", str(tmp / "pandoc.docx"),
                  str(ast_file)]
        times: dict[str, list[float]] = {"bshp": [], "pandoc": []}
        for _ in range(RUNS):
            for name, cmd in (("bshp", bshp), ("pandoc", pandoc)):
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
                times[name].append(time.perf_counter() - t0)
    ours = statistics.median(times["bshp"]) * 1000
    plain = statistics.median(times["pandoc"]) * 1000
    print(f"Eksport av planen som DOCX (median av {RUNS} kjøringer, samme kjøring)")
    print(f"  bshp export (hele prosessen): {ours:7.1f} ms")
    print(f"  pandoc direkte på samme AST:  {plain:7.1f} ms")
    print(f"  forhold: {ours / plain:.2f}x  (mål: <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
