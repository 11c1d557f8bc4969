"""Backups: often enough to lose little, at the moments that matter, never truncated."""

import json

from helpers import shipped_scripts
from walk import answer_for

from bshp_tui.guide.conductor import Conductor
from bshp_tui.store.sessions import MAX_BACKUPS, SessionStore


class Clock:
    """An injected monotonic clock: the test moves time, nothing sleeps."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def saved_value(backup):
    data = json.loads(backup.path.read_bytes())
    values = [d["value"] for d in data["answers"].values() if d["key"] == "a/teller"]
    return values[0] if values else None


def test_three_hour_samling_keeps_a_backup_every_five_minutes_of_changes(tmp_path):
    clock = Clock()
    store = SessionStore(tmp_path, clock=clock)
    saves = 100
    with store.create("Molde") as s:
        for i in range(1, saves + 1):
            clock.now += 3 * 60 * 60 / saves  # 108 s between saves, three hours in all
            s.set_answer("a/teller", i)
    backups = store.backups("molde")  # newest first
    states = {b.path.read_bytes() for b in backups}
    assert len(states) == len(backups) >= 10
    values = [saved_value(b) for b in backups if saved_value(b) is not None]
    assert values[0] == saves  # closing kept the final state
    # between two kept states never more than five minutes of changes (108 s per save)
    gaps = [a - b for a, b in zip(values, values[1:])]
    assert max(gaps) <= 300 // 108 + 1, gaps
    assert len(backups) <= MAX_BACKUPS


def test_quick_saves_within_five_minutes_add_no_backup_until_close(tmp_path):
    clock = Clock()
    store = SessionStore(tmp_path, clock=clock)
    with store.create("Molde") as s:
        for i in range(30):
            clock.now += 5
            s.set_answer("a/teller", i)
        assert store.backups("molde") == []
    assert [b.reason for b in store.backups("molde")] == ["lukket"]


def test_completing_a_guided_session_keeps_a_backup(tmp_path):
    scripts = shipped_scripts()
    store = SessionStore(tmp_path, clock=Clock())  # time stands still: no automatic backups
    session = store.create("Molde", "2027–2030")
    c = Conductor(scripts, session)
    completed = []
    pos = c.cursor()
    while pos is not None:
        script_id = pos.script_id
        pos = c.submit(pos, answer_for(c, pos))
        if c.script_progress(script_id) >= 1 and script_id not in completed:
            completed.append(script_id)
            kept = [b for b in store.backups("molde") if b.reason == "fullfort"]
            assert len(kept) == len(completed), script_id
            # the backup holds every answer given so far, the completing one too
            kept_answers = {d["key"]: d["value"] for d in json.loads(kept[0].path.read_bytes())["answers"].values()}
            assert kept_answers == session.answers()
    with_required = [s for s in scripts if any(f.required for f in s.fields())]  # not the follow-up
    assert completed == [s.id for s in with_required]
    # going back and changing an answer in a completed guided session adds no completion backup
    first = c.positions()[0]
    c.submit(first, answer_for(c, first), advance=False)
    assert len([b for b in store.backups("molde") if b.reason == "fullfort"]) == len(with_required)
    session.close()


def test_backup_now_is_a_public_and_quiet_entry(tmp_path, monkeypatch):
    store = SessionStore(tmp_path, clock=Clock())
    with store.create("Molde") as s:
        s.set_answer("a/teller", 1)
        s.backup_now("fullfort")
        s.backup_now("fullfort")  # the same state twice is kept once
        assert [b.reason for b in store.backups("molde")] == ["fullfort"]

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("bshp_tui.store.backups.atomic_write_bytes", full)
        s.set_answer("a/teller", 2)
        s.backup_now("fullfort")  # a failed backup never stops the work
        assert s.answer("a/teller") == 2
