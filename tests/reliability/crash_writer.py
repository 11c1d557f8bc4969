"""Child process for the crash test: saves a session in a loop, alternating large and small
states, and reports each completed save on stdout."""

import sys

from bshp_tui.store.sessions import SessionStore


def payload(k: int) -> str:
    size = 3_000_000 if k % 2 == 0 else 50_000  # alternate larger and smaller states
    unit = f"[{k}]æøå"
    return (unit * (size // len(unit) + 1))[:size]


def main(data_dir: str, session_id: str) -> None:
    store = SessionStore(data_dir)
    session = store.open(session_id)
    k = session.answer("state", {"k": 0})["k"]
    while True:
        k += 1
        session.set_answer("state", {"k": k, "payload": payload(k)})
        print(k, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
