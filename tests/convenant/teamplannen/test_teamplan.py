from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from convenant.models import Status, Teamplan
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import AfspraakFactory
from tests.factories import MedewerkerFactory


def agree(person, days, kantoordagen=Decimal(2)):
    return AfspraakFactory(
        medewerker=person,
        status=Status.AKKOORD,
        voorkeursdagen=days,
        kantoordagen=kantoordagen,
        ingangsdatum=date(2026, 11, 2),
    )


@pytest.fixture
def team_met_afspraken(org):
    # 10 members: owner + colleague + 8 more. Tuesday 4 (40 %), Thursday 2 (20 %).
    extra = [MedewerkerFactory(team=org["team"], last_name=f"Lid{i}") for i in range(8)]
    agree(org["eigenaar"], [2, 4])
    agree(org["collega"], [2])
    agree(extra[0], [2, 4])
    agree(extra[1], [2])
    agree(extra[2], [], kantoordagen=Decimal(1))  # no fixed days
    AfspraakFactory(medewerker=extra[3], status=Status.INGEDIEND, voorkeursdagen=[1])
    return org


def test_manager_sees_counts_percentages_and_low_days_flagged_in_words(client, team_met_afspraken):
    org = team_met_afspraken
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan") + f"?team={org['team'].pk}")
    overzicht = response.context["overzicht"]
    by_day = {dag.weekdag: dag for dag in overzicht.dagen}
    assert overzicht.teamgrootte == 10
    assert (by_day[2].aantal, by_day[2].percentage, by_day[2].weinig) == (4, 40, False)
    assert (by_day[4].aantal, by_day[4].percentage, by_day[4].weinig) == (2, 20, True)
    assert by_day[1].aantal == 0  # a proposal that is not agreed does not count
    assert "Weinig bezetting" in response.text
    assert "Afspraken per medewerker" in response.text
    assert len(overzicht.zonder_vaste_dagen) == 1


def test_member_sees_own_team_names_and_weekdays_only(client, team_met_afspraken):
    org = team_met_afspraken
    client.force_login(org["collega"])
    response = client.get(reverse("teamplan"))
    assert response.status_code == 200
    assert org["eigenaar"].naam in response.text
    assert "%" not in response.text.split("<main")[1]
    assert "Afspraken per medewerker" not in response.text
    assert "Streefnorm" not in response.text
    assert "Teamplan vaststellen" not in response.text


@pytest.mark.parametrize("who", ["buitenstaander", "ander_leider"])
def test_outsiders_do_not_see_another_teams_plan(client, org, who):
    client.force_login(org[who])
    assert client.get(reverse("teamplan") + f"?team={org['team'].pk}").status_code == 404


def test_manager_sets_the_team_day_as_a_new_version(client, team_met_afspraken):
    org = team_met_afspraken
    client.force_login(org["leider"])
    url = reverse("teamplan_vaststellen", args=[org["team"].pk])
    bevestigen = client.post(url, {"teamdagen": ["2"], "toelichting": "Dinsdag is teamdag."})
    assert "Een vastgesteld teamplan is een nieuwe versie" in bevestigen.text
    assert not Teamplan.objects.exists()
    client.post(url, {"teamdagen": ["2"], "toelichting": "Dinsdag is teamdag.", "bevestigd": "ja"})
    response = client.post(url, {"teamdagen": ["2", "4"], "bevestigd": "ja"}, follow=True)
    assert "Versie 2 van het teamplan is vastgesteld." in response.text
    plan = Teamplan.objects.get(team=org["team"], versie=2)
    assert plan.teamdagen == [2, 4]
    assert org["eigenaar"].naam in plan.bezetting["2"]
    assert plan.teamgrootte == 10
    assert AuditEvent.objects.filter(actie="teamplan.vaststellen").count() == 2
    assert Notificatie.objects.filter(ontvanger=org["eigenaar"]).count() == 2
    assert "teamdag" in client.get(reverse("teamplan") + f"?team={org['team'].pk}").text


@pytest.mark.parametrize("who", ["eigenaar", "ander_leider"])
def test_only_the_teams_manager_may_set_the_plan(client, org, who):
    client.force_login(org[who])
    response = client.post(
        reverse("teamplan_vaststellen", args=[org["team"].pk]), {"teamdagen": ["2"]}
    )
    assert response.status_code == (403 if who == "eigenaar" else 404)
    assert not Teamplan.objects.exists()


def test_a_team_day_outside_monday_to_friday_is_refused(client, org):
    client.force_login(org["leider"])
    response = client.post(
        reverse("teamplan_vaststellen", args=[org["team"].pk]), {"teamdagen": ["6"]}
    )
    assert "teamdagen" in response.context["form"].errors
    assert not Teamplan.objects.exists()


def test_the_plan_can_be_viewed_on_a_later_day(client, org):
    AfspraakFactory(medewerker=org["eigenaar"], status=Status.AKKOORD, voorkeursdagen=[3])
    client.force_login(org["collega"])
    today = client.get(reverse("teamplan")).context["overzicht"]
    assert today.dagen[2].aanwezig == []  # the agreement starts on 1 December
    later = client.get(reverse("teamplan") + "?datum=2026-12-07").context["overzicht"]
    assert later.dagen[2].aanwezig == [org["eigenaar"].naam]
    garbage = client.get(reverse("teamplan") + "?datum=morgen")
    assert garbage.status_code == 200
    assert garbage.context["overzicht"].datum == date(2026, 11, 23)
