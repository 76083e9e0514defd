"""Pages run a constant number of queries, whatever the team size (N+1 is a bug)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from convenant.models import Status
from tests.convenant.factories import AfspraakFactory
from tests.factories import MedewerkerFactory


def fill_team(team, size: int):
    for index in range(size):
        person = MedewerkerFactory(team=team)
        AfspraakFactory(
            medewerker=person,
            status=Status.AKKOORD if index % 2 else Status.INGEDIEND,
            kantoordagen=Decimal(2),
            voorkeursdagen=[1 + index % 5],
            ingangsdatum=date(2026, 11, 2),
        )


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["mijn_team", "teamplan"])
def test_query_count_does_not_grow_with_the_team(client, org, name):
    client.force_login(org["leider"])
    url = reverse(name)
    if name == "teamplan":
        url += f"?team={org['team'].pk}"
    fill_team(org["team"], 5)
    small = count_queries(client, url)
    fill_team(org["team"], 45)
    assert count_queries(client, url) == small


def test_team_plan_of_a_50_person_team(client, org, django_assert_max_num_queries):
    fill_team(org["team"], 50)
    client.force_login(org["leider"])
    with django_assert_max_num_queries(15):
        response = client.get(reverse("teamplan") + f"?team={org['team'].pk}")
    assert response.context["overzicht"].teamgrootte == 52


def test_inbox_with_50_open_proposals(client, org, django_assert_max_num_queries):
    fill_team(org["team"], 100)
    client.force_login(org["leider"])
    with django_assert_max_num_queries(15):
        response = client.get(reverse("mijn_team"))
    assert len(response.context["inbox"].te_beslissen) == 50


def test_mijn_afspraak_with_many_versions(client, org, django_assert_max_num_queries):
    for versie in range(1, 21):
        AfspraakFactory(medewerker=org["eigenaar"], status=Status.VERVALLEN, versie=versie)
    client.force_login(org["eigenaar"])
    with django_assert_max_num_queries(15):
        response = client.get(reverse("mijn_afspraak"))
    assert response.status_code == 200
    assert len(response.context["data"].versies) == 20
    for versie in range(1, 21):
        assert f"Versie {versie} — vervallen" in response.text
