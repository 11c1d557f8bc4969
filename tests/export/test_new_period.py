"""The next plan period: a new session from the last, which is left byte for byte as it was."""

import hashlib

from export_fixtures import SCRIPTS, pos
from followup_fixtures import HOSTILE_MEASURE, year_item
from helpers import run_bshp

from bshp_tui.guide import followup as F
from bshp_tui.guide.conductor import Conductor
from bshp_tui.guide.new_period import start_new_period


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_period_carries_unfinished_measures_with_history(followed):
    c = followed
    c.submit(pos(c, "kartlegging.antall"), "42")
    c.submit(pos(c, "prioritering.hovedmal"), "Flere skal eie\nTrygg leie")
    areas = c.items("gap.malomrader")
    c.submit(pos(c, "tiltak.mal", areas[0].id), "Nok boliger")
    c.submit(pos(c, "oppfolging.ar"), "2027\n2028")
    c.submit(pos(c, "oppfolging.tiltak", year_item(c, 2028).id), "Boveiledning; avlyst; ingen midler; ;")
    store, source_id = c.session.store, c.session.id
    c.session.close()
    path = store.path_for(source_id)
    before = digest(path)

    carried = start_new_period(store, SCRIPTS, source_id, "2031-2034")

    assert digest(path) == before  # the source is left byte-identical
    assert carried.measures == [HOSTILE_MEASURE] and sorted(carried.left) == ["Boveiledning", "Kartlegge behov"]
    ids = {info.id for info in store.list()}
    assert {source_id, carried.session_id} <= ids
    new = store.open(carried.session_id, read_only=True)
    n = Conductor(SCRIPTS, new)
    assert new.meta["period"] == "2031–2034" and new.meta["municipality"] == "Fjordby"
    assert new.meta["previous_period"] == source_id
    assert n.readable_value("oppstart.planperiode") == "2031–2034"
    assert [a.text for a in n.items("gap.malomrader")] == ["Kommunale boliger", "Innholdstjenester"]
    assert [i.text for i in n.items("prioritering.hovedmal")] == ["Flere skal eie", "Trygg leie"]
    assert n.readable_value("tiltak.mal", areas[0].id) == "Nok boliger"
    assert n.readable_value("kartlegging.antall") == 42  # the mapping, as the starting point to update
    (measure,) = F.measures(n)
    assert measure.name == HOSTILE_MEASURE and measure.area.text == "Kommunale boliger"
    assert [(s.year, s.status) for s in F.history(n, measure)] == [(2027, "i gang")]
    assert F.indicator_values(n) == {"Bostedsløse": {2027: "14"}, "Venteliste": {2027: "30"}}
    # what the group does afresh is not carried
    assert n.readable_value("gap.framtid", areas[0].id) is None
    new.close()


def test_new_period_cli_lists_both_and_reports_errors(followed, tmp_path):
    store, sid = followed.session.store, followed.session.id
    followed.session.close()
    before = digest(store.path_for(sid))
    data = store.data_dir
    ok = run_bshp("new-period", sid, "--period", "2031-2034", data=data)
    assert ok.returncode == 0, ok.stderr
    assert "2 tiltak" in ok.stdout and "Kartlegge behov" in ok.stdout
    listed = run_bshp("list", data=data).stdout
    assert listed.count("Fjordby") == 2 and "2031–2034" in listed and "2027–2030" in listed
    for args, words in (
        (("finnes-ikke", "--period", "2031-2034"), "Fant ingen økt"),
        ((sid, "--period", "2031"), "Ugyldig planperiode"),
        ((sid, "--period", "2027-2030"), "må komme etter"),
        ((sid,), "mangler argument"),
    ):
        bad = run_bshp("new-period", *args, data=data)
        assert bad.returncode != 0 and words in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
    assert digest(store.path_for(sid)) == before
