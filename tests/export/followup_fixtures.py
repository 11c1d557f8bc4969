"""A session with an action plan in two goal areas and one year of follow-up (2027)."""

import pytest
from export_fixtures import SCRIPTS, pos

from bshp_tui.guide import followup as F
from bshp_tui.guide.conductor import Conductor

HOSTILE_MEASURE = "# Flere | *boliger* <b>nå</b>"


def planned(c):
    c.submit(pos(c, "gap.malomrader"), "Kommunale boliger\nInnholdstjenester")
    housing, services = c.items("gap.malomrader")
    # tiltak; ansvarlig; frist; drift per år; investering; år; finansiering; rammer
    c.submit(
        pos(c, "tiltak.handlingsplan", housing.id),
        f"Bygge; {HOSTILE_MEASURE}; Eiendom; 2027; 100 000; 2 000 000; 2027–2028; Husbanken lån; nei\n"
        "Følge opp; Boveiledning; NAV; 2028; 50 000; ; ; egne midler; ja",
    )
    c.submit(pos(c, "tiltak.handlingsplan", services.id), "Vite; Kartlegge behov; Plan; 2027; 20 000; ; 2027; ; ja")


def year_item(c, year):
    return next(item for item, y in F.years(c) if y == year)


@pytest.fixture
def followed(store):
    session = store.create("Fjordby", "2027–2030")
    c = Conductor(SCRIPTS, session)
    planned(c)
    c.submit(pos(c, "oppfolging.ar"), "2027")
    y27 = year_item(c, 2027)
    c.submit(
        pos(c, "oppfolging.tiltak", y27.id),
        f"{HOSTILE_MEASURE}; i gang; tomt kjøpt; 80 000; 500 000\n"
        "Boveiledning; ikke startet; ; ;\n"
        "Kartlegge behov; gjennomført; rapport levert; 10 000;",
    )
    c.submit(pos(c, "oppfolging.indikatorer", y27.id), "Bostedsløse; 14; telling\nVenteliste; 30;")
    yield c
    session.close()
