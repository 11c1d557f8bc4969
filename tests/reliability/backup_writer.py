"""Child process for the backup crash test: a file system without hard links (os.link fails,
as on FAT/exFAT), a backup after every save, large and small states in turn."""

import errno
import os
import sys

from crash_writer import payload

import bshp_tui.store.session
from bshp_tui.store.sessions import SessionStore


def no_link(*args, **kwargs):
    raise OSError(errno.EPERM, "Operation not permitted (FAT/exFAT has no hard links)")


def main(data_dir: str, session_id: str) -> None:
    os.link = no_link
    bshp_tui.store.session.BACKUP_INTERVAL = 0  # every save is followed by a backup
    session = SessionStore(data_dir).open(session_id)
    k = session.answer("state", {"k": 0})["k"]
    while True:
        k += 1
        session.set_answer("state", {"k": k, "payload": payload(k)})
        print(k, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
