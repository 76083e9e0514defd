import pytest
from django.urls import reverse

from tests.conftest import ROLES


@pytest.mark.parametrize("role", ROLES)
def test_start_page_keeps_a_constant_number_of_queries(
    client, demo, role, django_assert_max_num_queries
):
    client.force_login(demo[role])
    # The comité's cards read one query (every open case the person is in) for every role.
    with django_assert_max_num_queries(16):
        response = client.get(reverse("start"))
    assert response.status_code == 200


def test_menu_follows_the_role(client, demo):
    client.force_login(demo["hr"])
    assert "Organisatie-import" in client.get(reverse("start")).content.decode()
    client.force_login(demo["medewerker"])
    assert "Organisatie-import" not in client.get(reverse("start")).content.decode()


def test_leidinggevende_sees_the_teams_they_lead(client, demo):
    client.force_login(demo["leidinggevende"])
    page = client.get(reverse("start")).content.decode()
    assert "Mijn teams" in page
    assert "Klantcontactdiensten team 1" in page


def test_an_afdelingshoofd_leads_every_sub_team(demo):
    from pilot.models import Team
    from pilot.permissions import managed_team_ids

    management = Team.objects.get(code="KCD-MT")
    head = management.leidinggevende
    assert managed_team_ids(head) == set(
        Team.objects.filter(afdeling__code="KCD").values_list("pk", flat=True)
    )
    # The team leader of KCD-01 leads only that team.
    assert managed_team_ids(demo["leidinggevende"]) == {Team.objects.get(code="KCD-01").pk}
    assert managed_team_ids(demo["medewerker"]) == frozenset()
