import pytest
from django.urls import reverse

from tests.conftest import ROLES
from tests.factories import MedewerkerFactory, NotificatieFactory


def grow(demo, extra: int) -> None:
    """More people in the demo team, and more unread notifications for every demo login."""
    for _ in range(extra):
        MedewerkerFactory(team=demo["medewerker"].team)
        for user in demo.values():
            NotificatieFactory(ontvanger=user)


# Written out per role; the leidinggevende's page adds the team inbox and team overview, the
# secretaris' the comité queue counts, facilitair's the occupancy summary. The comité cards
# read one's own cases, and for a leidinggevende or panel member count the team's and the
# panels' cases in one aggregate more.
START_QUERIES = {
    "medewerker": 10,
    "leidinggevende": 14,
    "comitelid": 11,
    "secretaris": 11,
    "orlid": 10,
    "facilitair": 12,
    "hr": 10,
}


@pytest.mark.parametrize("role", ROLES)
def test_start_page_runs_a_pinned_number_of_queries_at_two_sizes(
    client, demo, role, django_assert_num_queries
):
    client.force_login(demo[role])
    for extra in (0, 30):
        grow(demo, extra)
        with django_assert_num_queries(START_QUERIES[role]):
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
