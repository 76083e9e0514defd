from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from comite.models import Panelrol
from pilot.models import Rol
from tests.comite.factories import PanellidFactory, ZaakFactory
from tests.convenant.factories import vervolgperiode
from tests.factories import AfdelingFactory, MedewerkerFactory, RoltoewijzingFactory, TeamFactory

# A Monday in the follow-up period.
VANDAAG = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(VANDAAG, tick=False):
        yield


def _lid(username, afdeling, rol=Rol.COMITELID):
    person = MedewerkerFactory(username=username, team=TeamFactory(afdeling=afdeling))
    RoltoewijzingFactory(medewerker=person, rol=rol)
    return person


@pytest.fixture
def org(db):
    """Employee and colleague (afdeling A), their leidinggevende (A's MT), comité members in
    afdelingen B, C and D, one member in A (conflicted), a secretaris, an OR member."""
    vervolgperiode()
    a = AfdelingFactory(code="A", naam="Afdeling A")
    leider = MedewerkerFactory(username="leider", team=TeamFactory(code="A-MT", afdeling=a))
    team = TeamFactory(code="A-01", afdeling=a, leidinggevende=leider)
    people = {
        "leider": leider,
        "eigenaar": MedewerkerFactory(username="eigenaar", team=team),
        "collega": MedewerkerFactory(username="collega", team=team),
        "voorzitter": _lid("voorzitter", AfdelingFactory(code="B")),
        "werkgeverslid": _lid("werkgeverslid", AfdelingFactory(code="C")),
        "orlid_comite": _lid("orlid_comite", AfdelingFactory(code="D")),
        "buiten_panel": _lid("buiten_panel", AfdelingFactory(code="E")),
        "conflict": _lid("conflict", a),
        "secretaris": _lid("secretaris", AfdelingFactory(code="F"), Rol.SECRETARIS),
        "or": _lid("or", AfdelingFactory(code="G"), Rol.ORLID),
    }
    return people


@pytest.fixture
def zaak(org):
    return ZaakFactory(afspraak__medewerker=org["eigenaar"])


def seat_panel(zaak, org):
    for rol, key in zip(
        Panelrol.values, ("voorzitter", "werkgeverslid", "orlid_comite"), strict=True
    ):
        PanellidFactory(zaak=zaak, lid=org[key], rol=rol)
    return zaak
