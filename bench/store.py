"""Save latency per answer: bshp's durable store vs plain TinyDB JSONStorage, same sizes, same run.

Both save one changed answer into a session that already holds N answers. bshp writes a temp file,
fsyncs it, renames it over the old file and fsyncs the folder; plain TinyDB re-reads the file,
overwrites it in place and fsyncs. Prints the medians and the ratio bshp / TinyDB.
Targets: median at 1,000 answers <= 10 ms, and never more than 2x plain TinyDB.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB  # noqa: E402

from bshp_tui.store.sessions import SessionStore  # noqa: E402

SIZES = [10, 100, 1000, 5000]
SAVES = 60


def answer_text(i: int) -> str:
    return f"Svar nummer {i}: kommunen mangler oversikt over boligbehovet i sone {i % 7}. " * 2


def bench_bshp(folder: Path, n: int) -> list[float]:
    store = SessionStore(folder)
    session = store.create(f"Kommune {n}")
    for i in range(n):
        session.db.table("answers").insert({"key": f"s/f{i}", "value": answer_text(i), "updated": ""})
    session.close()
    session = store.open(session.id)
    times = []
    for k in range(SAVES):
        t0 = time.perf_counter()
        session.set_answer("s/f0", answer_text(k))
        times.append(time.perf_counter() - t0)
    session.close()
    return times


def bench_tinydb(folder: Path, n: int) -> list[float]:
    db = TinyDB(folder / f"plain-{n}.json", ensure_ascii=False)
    table = db.table("answers")
    table.insert_multiple({"key": f"s/f{i}", "value": answer_text(i), "updated": ""} for i in range(n))
    times = []
    for k in range(SAVES):
        t0 = time.perf_counter()
        table.update({"value": answer_text(k)}, doc_ids=[1])
        times.append(time.perf_counter() - t0)
    db.close()
    return times


def main() -> int:
    print("Lagring av ett svar (median av", SAVES, "lagringer), bshp mot vanlig TinyDB i samme kjøring")
    print(f"{'svar':>6}  {'bshp ms':>8}  {'TinyDB ms':>9}  {'forhold':>7}")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            ours = statistics.median(bench_bshp(Path(tmp) / "bshp", n)) * 1000
            plain = statistics.median(bench_tinydb(Path(tmp), n)) * 1000
            ratio = ours / plain
            print(f"{n:>6}  {ours:>8.2f}  {plain:>9.2f}  {ratio:>6.2f}x")
            if ratio > 2.0 or (n == 1000 and ours > 10.0):
                ok = False
    print("Mål nådd." if ok else "Mål ikke nådd overalt (mål: median ved 1 000 svar <= 10 ms og <= 2x TinyDB).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
