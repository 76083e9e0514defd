"""Wie is er: only colleagues who allow the viewer appear; the desk only on opt-in; and the
page reads a fixed number of queries however many people and teams there are."""

from datetime import date

import pytest
from django.urls import reverse

from pilot.models import Team
from tests.factories import MedewerkerFactory, TeamFactory
from tests.werkplekken.factories import (
    GevolgdTeamFactory,
    LocatieFactory,
    ReserveringFactory,
    WerkplekFactory,
    ZichtbaarheidFactory,
    ZoneFactory,
)
from werkplekken.models import GevolgdTeam, Zichtbaarheid

DONDERDAG = date(2026, 12, 17)


def persoon(username: str, team, **naam) -> object:
    return MedewerkerFactory(
        username=username,
        team=team,
        first_name=naam.get("voornaam", username.capitalize()),
        last_name=naam.get("achternaam", "Jansen"),
    )


def reserveer(medewerker, werkplek, datum=DONDERDAG, **kwargs):
    return ReserveringFactory(medewerker=medewerker, werkplek=werkplek, datum=datum, **kwargs)


def pagina(client, user, datum="2026-12-17") -> str:
    client.force_login(user)
    response = client.get(reverse("wie_is_er"), {"datum": datum})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def gevolgd_team(db):
    return TeamFactory(code="T-B", naam="Team B")


def test_own_team_sees_name_and_day_but_never_the_desk_by_default(client, mensen, plekken):
    reserveer(mensen["collega"], plekken["A-02"])
    reserveer(mensen["eigenaar"], plekken["A-01"])
    page = pagina(client, mensen["eigenaar"])
    naam = mensen["collega"].naam
    assert naam in page
    assert "Utrecht" in page
    assert "A-02" not in page
    assert "niet gedeeld" in page
    # One's own reservation is not listed as a colleague (the name is in the menu bar only).
    assert f'<th scope="row">{mensen["eigenaar"].naam}</th>' not in page
    assert page.count('<th scope="row">') == 1


def test_an_outsider_never_appears_even_if_they_allow_followers(client, mensen, plekken):
    ZichtbaarheidFactory(medewerker=mensen["buiten"], wie="team_en_volgers", werkplek_tonen=True)
    reserveer(mensen["buiten"], plekken["A-03"])
    page = pagina(client, mensen["eigenaar"])
    assert mensen["buiten"].naam not in page
    assert "Op deze dag heeft niemand die u mag zien een werkplek gereserveerd." in page


def test_the_outsider_does_not_see_the_team(client, mensen, plekken):
    reserveer(mensen["eigenaar"], plekken["A-01"])
    reserveer(mensen["collega"], plekken["A-02"])
    page = pagina(client, mensen["buiten"])
    assert mensen["eigenaar"].naam not in page
    assert mensen["collega"].naam not in page


def test_a_followed_team_shows_only_those_who_opted_in(client, mensen, plekken, gevolgd_team):
    GevolgdTeamFactory(medewerker=mensen["eigenaar"], team=gevolgd_team)
    zonder_keuze = persoon("zonder", gevolgd_team, achternaam="Zonderkeuze")
    alleen_team = persoon("alleenteam", gevolgd_team, achternaam="Alleenteam")
    volgers = persoon("volgers", gevolgd_team, achternaam="Metvolgers")
    ZichtbaarheidFactory(medewerker=alleen_team, wie="team")
    ZichtbaarheidFactory(medewerker=volgers, wie="team_en_volgers")
    for medewerker, code in ((zonder_keuze, "A-01"), (alleen_team, "A-02"), (volgers, "A-03")):
        reserveer(medewerker, plekken[code])
    page = pagina(client, mensen["eigenaar"])
    assert "Zonderkeuze" not in page
    assert "Alleenteam" not in page
    assert "Volgers Metvolgers" in page
    assert "Team B" in page
    assert "A-03" not in page


def test_followers_opt_in_does_not_reach_someone_who_does_not_follow(
    client, mensen, plekken, gevolgd_team
):
    volgers = persoon("volgers", gevolgd_team, achternaam="Metvolgers")
    ZichtbaarheidFactory(medewerker=volgers, wie="team_en_volgers", werkplek_tonen=True)
    reserveer(volgers, plekken["A-03"])
    assert "Metvolgers" not in pagina(client, mensen["eigenaar"])


def test_nobody_hides_one_even_from_the_own_team(client, mensen, plekken):
    ZichtbaarheidFactory(medewerker=mensen["collega"], wie="niemand", werkplek_tonen=True)
    reserveer(mensen["collega"], plekken["A-02"])
    page = pagina(client, mensen["eigenaar"])
    assert mensen["collega"].naam not in page
    assert "A-02" not in page


def test_the_desk_only_with_its_own_opt_in(client, mensen, plekken):
    ZichtbaarheidFactory(medewerker=mensen["collega"], wie="team", werkplek_tonen=True)
    reserveer(mensen["collega"], plekken["A-02"], dagdeel="ochtend")
    page = pagina(client, mensen["eigenaar"])
    assert "<td>A-02</td>" in page
    assert "<td>ochtend</td>" in page


def test_cancelled_and_other_days_do_not_count(client, mensen, plekken):
    reserveer(mensen["collega"], plekken["A-02"], status="geannuleerd")
    reserveer(mensen["collega"], plekken["A-02"], datum=date(2026, 12, 21))
    page = pagina(client, mensen["eigenaar"])
    assert mensen["collega"].naam not in page
    assert mensen["collega"].naam in pagina(client, mensen["eigenaar"], datum="2026-12-21")


def test_a_day_outside_the_horizon_is_refused_in_dutch(client, mensen, plekken):
    reserveer(mensen["collega"], plekken["A-02"], datum=date(2027, 1, 4))
    page = pagina(client, mensen["eigenaar"], datum="2027-01-04")
    assert "Kies een werkdag in de komende 14 dagen." in page
    assert mensen["collega"].naam not in page
    # A weekend day is no choice either.
    assert "Kies een werkdag" in pagina(client, mensen["eigenaar"], datum="2026-12-19")


def test_without_a_day_the_page_shows_today(client, mensen, plekken):
    reserveer(mensen["collega"], plekken["A-02"], datum=date(2026, 12, 16))
    client.force_login(mensen["eigenaar"])
    page = client.get(reverse("wie_is_er")).content.decode()
    assert "woensdag 16 december 2026" in page
    assert mensen["collega"].naam in page


def _organisatie(aantal: int, viewer) -> None:
    """`aantal` colleagues in the viewer's team and in each of three followed teams, spread
    over `aantal` locations, half of them sharing their desk; plus outsiders who never show."""
    teams = [viewer.team]
    for n in range(3):
        team = TeamFactory(naam=f"Gevolgd {n}")
        GevolgdTeamFactory(medewerker=viewer, team=team)
        teams.append(team)
    zones = [ZoneFactory(locatie=LocatieFactory(naam=f"Plek {n:02d}")) for n in range(aantal)]
    for t, team in enumerate(teams):
        for n in range(aantal):
            lid = MedewerkerFactory(team=team)
            ZichtbaarheidFactory(medewerker=lid, wie="team_en_volgers", werkplek_tonen=n % 2 == 0)
            reserveer(lid, WerkplekFactory(zone=zones[n], code=f"{t}-{n:03d}"))
            reserveer(MedewerkerFactory(), WerkplekFactory(zone=zones[n]))


@pytest.mark.parametrize("aantal", [2, 30])
def test_who_is_in_queries_are_constant(client, mensen, aantal, django_assert_num_queries):
    _organisatie(aantal, mensen["eigenaar"])
    client.force_login(mensen["eigenaar"])
    # Every page: session, user, roles, led teams, unread count = 5. This page: the teams
    # followed, then the reservations the viewer may see, with person, team, consent and
    # location = 2.
    with django_assert_num_queries(7):
        response = client.get(reverse("wie_is_er"), {"datum": "2026-12-17"})
    page = response.content.decode()
    assert page.count('<th scope="row">') == 4 * aantal
    assert page.count("niet gedeeld") == 4 * (aantal // 2)


@pytest.mark.parametrize("aantal", [2, 40])
def test_settings_page_queries_are_constant(client, mensen, aantal, django_assert_num_queries):
    for n in range(aantal):
        team = TeamFactory(naam=f"Zoekteam {n:02d}")
        if n < 5:
            GevolgdTeamFactory(medewerker=mensen["eigenaar"], team=team)
    client.force_login(mensen["eigenaar"])
    # Every page: 5 (see above). This page: consent, followed teams, search = 3.
    with django_assert_num_queries(8):
        response = client.get(reverse("wie_is_er_instellingen"), {"zoek": "zoekteam"})
    page = response.content.decode()
    assert page.count("niet meer volgen</button>") == min(aantal, 5)
    assert page.count(" volgen</button>") - min(aantal, 5) == min(aantal - min(aantal, 5), 20)


def test_saving_consent_and_a_missing_choice(client, mensen):
    client.force_login(mensen["eigenaar"])
    page = client.get(reverse("wie_is_er_instellingen")).content.decode()
    assert 'value="team" id="id_wie_1" checked' in page
    response = client.post(reverse("wie_is_er_instellingen"), {"werkplek_tonen": "on"})
    assert "Kies wie u mag zien." in response.content.decode()
    assert not Zichtbaarheid.objects.exists()

    response = client.post(
        reverse("wie_is_er_instellingen"),
        {"wie": "team_en_volgers", "werkplek_tonen": "on"},
        follow=True,
    )
    assert "Uw keuze is opgeslagen." in response.content.decode()
    keuze = Zichtbaarheid.objects.get()
    assert (keuze.medewerker, keuze.wie, keuze.werkplek_tonen) == (
        mensen["eigenaar"],
        "team_en_volgers",
        True,
    )


def test_following_searching_and_unfollowing(client, mensen, gevolgd_team):
    client.force_login(mensen["eigenaar"])
    page = client.get(reverse("wie_is_er_instellingen"), {"zoek": "team"}).content.decode()
    # One's own team is never offered: it is always visible.
    assert "Team B volgen</button>" in page
    assert "Team A volgen</button>" not in page

    response = client.post(reverse("team_volgen"), {"team": gevolgd_team.pk}, follow=True)
    assert "U volgt nu Team B." in response.content.decode()
    assert "Team B niet meer volgen</button>" in response.content.decode()

    response = client.post(reverse("team_ontvolgen", args=[gevolgd_team.pk]), follow=True)
    assert "U volgt dit team niet meer." in response.content.decode()
    assert not GevolgdTeam.objects.exists()


def test_following_bad_input_changes_nothing(client, mensen, gevolgd_team):
    client.force_login(mensen["eigenaar"])
    response = client.post(reverse("team_volgen"), {"team": 999999}, follow=True)
    assert "Dit team bestaat niet." in response.content.decode()
    response = client.post(reverse("team_volgen"), {"team": "abc"}, follow=True)
    assert "Kies een team om te volgen." in response.content.decode()
    response = client.post(
        reverse("team_volgen"), {"team": mensen["eigenaar"].team_id}, follow=True
    )
    assert "Uw eigen team ziet u al." in response.content.decode()
    assert not GevolgdTeam.objects.exists()


def test_following_is_bounded(client, mensen):
    for n in range(10):
        GevolgdTeamFactory(medewerker=mensen["eigenaar"], team=TeamFactory(naam=f"Vol {n}"))
    extra = TeamFactory(naam="Nummer elf")
    client.force_login(mensen["eigenaar"])
    response = client.post(reverse("team_volgen"), {"team": extra.pk}, follow=True)
    assert "U volgt al 10 teams. Stop eerst met het volgen van een ander." in (
        response.content.decode()
    )
    assert GevolgdTeam.objects.count() == 10
    assert Team.objects.filter(volgers__isnull=True, pk=extra.pk).exists()


def test_unfollowing_only_touches_ones_own_follows(client, mensen, gevolgd_team):
    GevolgdTeamFactory(medewerker=mensen["collega"], team=gevolgd_team)
    client.force_login(mensen["eigenaar"])
    client.post(reverse("team_ontvolgen", args=[gevolgd_team.pk]))
    assert GevolgdTeam.objects.filter(medewerker=mensen["collega"]).count() == 1


def test_a_seat_without_a_desk_shows_under_its_location(client, mensen):
    amersfoort = LocatieFactory(naam="Amersfoort")
    reserveer(mensen["collega"], None, locatie=amersfoort)
    page = pagina(client, mensen["eigenaar"])
    assert "Amersfoort" in page
    assert f'<th scope="row">{mensen["collega"].naam}</th>' in page
    assert "niet gedeeld" in page

    ZichtbaarheidFactory(medewerker=mensen["collega"], wie="team", werkplek_tonen=True)
    assert "geen vaste werkplek" in pagina(client, mensen["eigenaar"])
