from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
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


def test_manager_sees_counts_and_percentages_without_a_warning_on_ordinary_days(
    client, team_met_afspraken
):
    org = team_met_afspraken
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan") + f"?team={org['team'].pk}")
    overzicht = response.context["overzicht"]
    by_day = {dag.weekdag: dag for dag in overzicht.dagen}
    assert overzicht.teamgrootte == 10
    assert (by_day[2].aantal, by_day[2].percentage, by_day[2].weinig) == (4, 40, False)
    # 20 % on an ordinary Thursday is normal with two office days a week: no warning.
    assert (by_day[4].aantal, by_day[4].percentage, by_day[4].weinig) == (2, 20, False)
    assert by_day[1].aantal == 0  # a proposal that is not agreed does not count
    assert "Minder dan de helft" not in response.text
    assert "Weinig bezetting" not in response.text
    assert "Er is nog geen teamdag gekozen." in response.text
    assert "Afspraken per medewerker" in response.text


@pytest.mark.parametrize(
    ("teamdagen", "zinnen", "waarschuwing"),
    [
        ([2], ["Op de teamdag dinsdag: 4 van 5 op kantoor."], False),
        (
            [2, 4],
            [
                "Op de teamdag dinsdag: 4 van 5 op kantoor.",
                "Op de teamdag donderdag: 2 van 5 op kantoor.",
            ],
            True,
        ),
    ],
)
def test_team_day_coverage_in_words_with_a_warning_below_half(
    client, team_met_afspraken, teamdagen, zinnen, waarschuwing
):
    org = team_met_afspraken
    Teamplan.objects.create(team=org["team"], versie=1, teamdagen=teamdagen)
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan") + f"?team={org['team'].pk}")
    sectie = response.text.split('id="kop-teamdag"')[1].split("</section>")[0]
    for zin in zinnen:
        assert zin in sectie
    # Of the 5 with office days only 2 are in on Thursday: fewer than half.
    assert ("Minder dan de helft van wie kantoordagen heeft" in sectie) is waarschuwing
    assert response.text.count("&#9888; Minder dan de helft") == (1 if waarschuwing else 0)
    by_day = {dag.weekdag: dag for dag in response.context["overzicht"].dagen}
    assert [by_day[d].weinig for d in (1, 2, 3, 4, 5)] == [False, False, False, waarschuwing, False]


def test_members_with_agreed_days_but_no_weekdays_are_listed(client, team_met_afspraken):
    org = team_met_afspraken
    client.force_login(org["leider"])
    response = client.get(reverse("teamplan") + f"?team={org['team'].pk}")
    naam = get_user_model().objects.get(last_name="Lid2").naam  # 1 day, no weekdays
    assert (
        f"Afgesproken kantoordagen, maar nog geen vaste weekdagen gekozen: {naam}. "
        "Zij tellen op geen enkele dag hierboven mee."
    ) in response.text
    assert len(response.context["overzicht"].zonder_vaste_dagen) == 1


def test_the_api_gives_the_team_day_signal_only_to_the_manager(api, team_met_afspraken):
    org = team_met_afspraken
    Teamplan.objects.create(team=org["team"], versie=1, teamdagen=[4])
    url = reverse("teamplan-detail", args=[org["team"].pk])
    body = api(org["leider"]).get(url).json()
    assert body["met_kantoordagen"] == 5
    assert [(d["weekdag"], d["weinig"]) for d in body["dagen"]] == [
        (1, False),
        (2, False),
        (3, False),
        (4, True),
        (5, False),
    ]
    body = api(org["collega"]).get(url).json()
    assert "met_kantoordagen" not in body
    assert "weinig" not in body["dagen"][0]


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
