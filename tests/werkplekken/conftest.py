from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import MedewerkerFactory, TeamFactory
from tests.werkplekken.factories import LocatieFactory, WerkplekFactory, ZoneFactory

AMS = ZoneInfo("Europe/Amsterdam")
# A Wednesday, 09:00: inside the morning check-in window (07:00–10:30).
NU = datetime(2026, 12, 16, 9, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _frozen_now():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def mensen(db):
    """Owner, colleague (same team), their leidinggevende, and an outsider in another team."""
    leider = MedewerkerFactory(username="leider")
    team = TeamFactory(code="T-A", naam="Team A", leidinggevende=leider)
    return {
        "eigenaar": MedewerkerFactory(username="eigenaar", team=team),
        "collega": MedewerkerFactory(username="collega", team=team),
        "leider": leider,
        "buiten": MedewerkerFactory(username="buiten"),
    }


@pytest.fixture
def locatie(db):
    """Utrecht, open Monday to Thursday, with one zone of three desks."""
    utrecht = LocatieFactory(naam="Utrecht", openingsdagen=[1, 2, 3, 4])
    zone = ZoneFactory(locatie=utrecht, naam="Zone A")
    for code in ("A-01", "A-02", "A-03"):
        WerkplekFactory(zone=zone, code=code)
    return utrecht


@pytest.fixture
def plekken(locatie):
    return {w.code: w for w in locatie.zones.get().werkplekken.order_by("code")}
