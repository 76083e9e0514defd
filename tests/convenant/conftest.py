from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from tests.convenant.factories import vervolgperiode
from tests.factories import MedewerkerFactory, RoltoewijzingFactory, TeamFactory

# A Monday in the demo follow-up period (the day after the portal's "today", a Sunday).
VANDAAG = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(VANDAAG, tick=False):
        yield


@pytest.fixture
def periode(db):
    return vervolgperiode()


@pytest.fixture
def org(db, periode):
    """Owner, colleague (same team), their leidinggevende, and an outsider team with its own."""
    leider = MedewerkerFactory(username="leider", first_name="Lea", last_name="Leider")
    team = TeamFactory(code="T-A", naam="Team A", leidinggevende=leider)
    leider.team = TeamFactory(code="T-MT", naam="MT", afdeling=team.afdeling)
    leider.save()
    eigenaar = MedewerkerFactory(
        username="eigenaar", team=team, first_name="Eva", last_name="Eigen"
    )
    collega = MedewerkerFactory(
        username="collega", team=team, first_name="Cas", last_name="Collega"
    )
    ander_leider = MedewerkerFactory(username="anderleider")
    ander_team = TeamFactory(code="T-B", naam="Team B", leidinggevende=ander_leider)
    buitenstaander = MedewerkerFactory(username="buiten", team=ander_team)
    vervanger = MedewerkerFactory(username="vervanger", team=ander_team)
    return {
        "leider": leider,
        "team": team,
        "eigenaar": eigenaar,
        "collega": collega,
        "ander_leider": ander_leider,
        "ander_team": ander_team,
        "buitenstaander": buitenstaander,
        "vervanger": vervanger,
    }


@pytest.fixture
def hr(db):
    return RoltoewijzingFactory(
        medewerker=MedewerkerFactory(username="hr-test"), rol="hr"
    ).medewerker


@pytest.fixture
def api():
    """An API client logged in as `user`: `api(user).post(...)`."""

    def login(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return login
