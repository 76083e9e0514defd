"""Facilitair beheer: locations, zones and desks through their pages."""

import re

import pytest
from django.urls import reverse

from pilot.models import AuditEvent, Roltoewijzing
from tests.factories import MedewerkerFactory, TeamFactory
from tests.werkplekken.factories import LocatieFactory, WerkplekFactory, ZoneFactory
from werkplekken.models import Locatie, Reservering, Werkplek, Zone
from werkplekken.services.reserveringen import reservering_aanmaken


@pytest.fixture
def facilitair(db):
    person = MedewerkerFactory(username="beheerder")
    Roltoewijzing.objects.create(medewerker=person, rol="facilitair")
    return person


@pytest.fixture
def beheer_client(client, facilitair):
    client.force_login(facilitair)
    return client


def _errors(response) -> str:
    return response.content.decode()


LOCATIE = {
    "naam": "Leiden",
    "adres": "Stationsplein 1",
    "plaats": "Leiden",
    "openingsdagen": ["1", "2", "4"],
    "bezettingsnorm": "80",
}


def test_new_location_is_saved_with_a_timeline_row(beheer_client):
    response = beheer_client.post(reverse("beheer_locatie_nieuw"), LOCATIE, follow=True)
    assert "Locatie Leiden is toegevoegd." in response.content.decode()
    locatie = Locatie.objects.get(naam="Leiden")
    assert (locatie.openingsdagen, locatie.bezettingsnorm) == ([1, 2, 4], 80)
    event = AuditEvent.objects.get(actie="werkplekken.locatie_aangemaakt")
    assert (event.actor.username, event.object_omschrijving) == ("beheerder", "Leiden")


def test_location_list_names_the_opening_days(beheer_client, locatie):
    page = beheer_client.get(reverse("beheer_locaties")).content.decode()
    assert "<td>ma, di, wo, do</td>" in page
    assert "<td>75 %</td>" in page


def test_new_location_form_offers_the_75_percent_norm(beheer_client):
    page = beheer_client.get(reverse("beheer_locatie_nieuw")).content.decode()
    assert 'name="bezettingsnorm" value="75"' in page


def test_location_without_opening_days_or_with_a_taken_name_is_refused(beheer_client):
    LocatieFactory(naam="Utrecht")
    data = {**LOCATIE, "naam": "utrecht", "openingsdagen": []}
    page = _errors(beheer_client.post(reverse("beheer_locatie_nieuw"), data))
    assert "Kies minstens één openingsdag." in page
    assert "Er is al een locatie met deze naam." in page
    assert Locatie.objects.count() == 1


def test_editing_a_location_names_the_changed_fields(beheer_client, locatie):
    url = reverse("beheer_locatie_bewerken", args=[locatie.pk])
    data = {**LOCATIE, "naam": "Utrecht", "plaats": locatie.plaats, "adres": locatie.adres}
    data["openingsdagen"] = ["1", "2", "3", "4", "5"]
    beheer_client.post(url, data)
    locatie.refresh_from_db()
    assert (locatie.openingsdagen, locatie.bezettingsnorm) == ([1, 2, 3, 4, 5], 80)
    event = AuditEvent.objects.get(actie="werkplekken.locatie_gewijzigd")
    assert event.notitie == "Gewijzigd: openingsdagen, bezettingsnorm"


def test_saving_an_unchanged_location_writes_nothing(beheer_client, locatie):
    url = reverse("beheer_locatie_bewerken", args=[locatie.pk])
    data = {
        "naam": "Utrecht",
        "adres": locatie.adres,
        "plaats": locatie.plaats,
        "openingsdagen": ["1", "2", "3", "4"],
        "bezettingsnorm": "75",
    }
    response = beheer_client.post(url, data, follow=True)
    assert "Er was niets gewijzigd." in response.content.decode()
    assert not AuditEvent.objects.filter(actie="werkplekken.locatie_gewijzigd").exists()


ZONE = {
    "naam": "Zone Stil",
    "soort": "stilte",
    "verdieping": "1",
    "thuisteam": "",
    "x": "400",
    "y": "10",
    "breedte": "300",
    "hoogte": "200",
}


def test_new_zone_with_a_home_team(beheer_client, locatie):
    team = TeamFactory(naam="Team Noord", code="T-N")
    data = {**ZONE, "locatie": str(locatie.pk), "thuisteam": str(team.pk)}
    beheer_client.post(reverse("beheer_zone_nieuw"), data)
    zone = Zone.objects.get(naam="Zone Stil")
    assert (zone.locatie, zone.soort, zone.thuisteam) == (locatie, "stilte", team)
    assert AuditEvent.objects.filter(actie="werkplekken.zone_aangemaakt").count() == 1


def test_home_team_list_is_bounded_and_searchable(beheer_client, locatie):
    # "Aa…" sorts before the teams the other factories make.
    for n in range(55):
        TeamFactory(naam=f"Aa-team {n:02d}", code=f"AA{n:02d}")
    page = beheer_client.get(reverse("beheer_zone_nieuw")).content.decode()
    assert "Aa-team 49 (AA49)" in page
    assert "Aa-team 50 (AA50)" not in page
    # Codes of their own: the factory's sequence makes codes like "T54" in a long run.
    gezocht = beheer_client.get(reverse("beheer_zone_nieuw"), {"zoek": "AA54"}).content.decode()
    assert "Aa-team 54 (AA54)" in gezocht
    assert "Aa-team 00 (AA00)" not in gezocht


def test_a_team_that_was_not_offered_is_refused(beheer_client, locatie):
    for n in range(55):
        TeamFactory(naam=f"Aa-team {n:02d}", code=f"AA{n:02d}")
    verborgen = TeamFactory(naam="Zzz laatste", code="ZZ")
    data = {**ZONE, "locatie": str(locatie.pk), "thuisteam": str(verborgen.pk)}
    response = beheer_client.post(reverse("beheer_zone_nieuw"), data)
    assert response.status_code == 200
    assert not Zone.objects.filter(naam="Zone Stil").exists()
    data["zoek"] = "laatste"
    beheer_client.post(reverse("beheer_zone_nieuw"), data)
    assert Zone.objects.get(naam="Zone Stil").thuisteam == verborgen


def test_zone_name_twice_in_one_location_is_refused(beheer_client, locatie):
    data = {**ZONE, "locatie": str(locatie.pk), "naam": "zone a"}
    page = _errors(beheer_client.post(reverse("beheer_zone_nieuw"), data))
    assert "Locatie Utrecht heeft al een zone met deze naam." in page


def test_a_zone_cannot_shrink_away_from_its_desks(beheer_client, locatie):
    zone = locatie.zones.get()
    zone_data = {**ZONE, "naam": "Zone A", "x": "0", "y": "0", "breedte": "60", "hoogte": "60"}
    url = reverse("beheer_zone_bewerken", args=[zone.pk])
    page = _errors(beheer_client.post(url, zone_data))
    assert "Niet alle werkplekken van deze zone vallen dan nog binnen de zone." in page
    zone.refresh_from_db()
    assert zone.breedte == 400


def test_zone_outside_the_floor_plan_is_refused(beheer_client, locatie):
    data = {**ZONE, "locatie": str(locatie.pk), "x": "3900"}
    page = _errors(beheer_client.post(reverse("beheer_zone_nieuw"), data))
    assert "De zone moet binnen de plattegrond (0 tot 4000) vallen." in page


def _plek(zone, **changes) -> dict:
    data = {
        "zone": str(zone.pk),
        "code": "A-09",
        "hoog_laag": "on",
        "toegankelijk": "",
        "dubbel_scherm": "",
        "reserveerbaar": "on",
        "x": "100",
        "y": "60",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_new_desk_in_a_location(beheer_client, locatie):
    zone = locatie.zones.get()
    url = reverse("beheer_werkplek_nieuw") + f"?locatie={locatie.pk}"
    response = beheer_client.post(url, _plek(zone), follow=True)
    assert "Werkplek A-09 is toegevoegd." in response.content.decode()
    plek = Werkplek.objects.get(code="A-09")
    assert (plek.hoog_laag, plek.toegankelijk, plek.reserveerbaar, plek.x, plek.y) == (
        True,
        False,
        True,
        100,
        60,
    )


def test_new_desk_page_asks_for_the_location_first(beheer_client, locatie):
    page = beheer_client.get(reverse("beheer_werkplek_nieuw")).content.decode()
    assert "In welke locatie komt de werkplek?" in page


def test_desk_code_is_unique_within_the_location_across_zones(beheer_client, locatie):
    zone_b = ZoneFactory(locatie=locatie, naam="Zone B", x=0, y=300, breedte=400, hoogte=200)
    LocatieFactory(naam="Zwolle")
    url = reverse("beheer_werkplek_nieuw") + f"?locatie={locatie.pk}"
    page = _errors(beheer_client.post(url, _plek(zone_b, code="a-01", y="320")))
    assert "Code A-01 bestaat al op deze locatie (zone Zone A)." in page
    assert not Werkplek.objects.filter(zone=zone_b).exists()


def test_same_desk_code_in_another_location_is_fine(beheer_client, locatie):
    elders = ZoneFactory(locatie=LocatieFactory(naam="Zwolle"), x=0, y=0)
    url = reverse("beheer_werkplek_nieuw") + f"?locatie={elders.locatie_id}"
    beheer_client.post(url, _plek(elders, code="A-01", x="10", y="10"))
    assert Werkplek.objects.filter(code="A-01").count() == 2


def test_desk_outside_its_zone_gets_both_messages(beheer_client, locatie):
    zone = locatie.zones.get()  # x 0–400, y 0–200 (the factory's defaults)
    url = reverse("beheer_werkplek_nieuw") + f"?locatie={locatie.pk}"
    page = _errors(beheer_client.post(url, _plek(zone, x="380", y="190")))
    assert "x moet tussen 0 en 366 liggen, zodat de werkplek binnen zone Zone A valt." in page
    assert "y moet tussen 0 en 170 liggen, zodat de werkplek binnen zone Zone A valt." in page


def test_making_a_desk_unbookable_keeps_its_reservations(beheer_client, locatie, plekken, mensen):
    from datetime import date

    plek = plekken["A-01"]
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plek.pk, datum=date(2026, 12, 17), dagdeel="hele_dag"
    )
    url = reverse("beheer_werkplek_bewerken", args=[plek.pk])
    beheer_client.post(url, _plek(plek.zone, code="A-01", reserveerbaar="", x="201", y="101"))
    plek.refresh_from_db()
    assert plek.reserveerbaar is False
    assert Reservering.objects.get(werkplek=plek).status == "gereserveerd"
    event = AuditEvent.objects.get(actie="werkplekken.werkplek_gewijzigd")
    assert event.notitie == "Gewijzigd: hoog_laag, reserveerbaar, x, y"


def test_a_desk_moves_only_to_a_zone_of_its_own_location(beheer_client, locatie, plekken):
    elders = ZoneFactory(locatie=LocatieFactory(naam="Zwolle"))
    plek = plekken["A-01"]
    url = reverse("beheer_werkplek_bewerken", args=[plek.pk])
    response = beheer_client.post(url, _plek(elders, code="A-01"))
    assert response.status_code == 200
    plek.refresh_from_db()
    assert plek.zone.locatie == locatie


def test_lists_are_paginated(beheer_client):
    zone = ZoneFactory(breedte=4000, hoogte=4000)
    for n in range(30):
        WerkplekFactory(zone=zone, code=f"P-{n:02d}")
    page = beheer_client.get(reverse("beheer_werkplekken")).content.decode()
    assert page.count("beheer/werkplekken/") - page.count("beheer/werkplekken/nieuw") >= 25
    assert "Pagina 1 van 2" in page
    tweede = beheer_client.get(reverse("beheer_werkplekken"), {"pagina": 2}).content.decode()
    assert ">P-29</a>" in tweede
    assert ">P-00</a>" not in tweede


def test_desk_list_filters_by_location_and_code(beheer_client, locatie):
    WerkplekFactory(zone=ZoneFactory(locatie=LocatieFactory(naam="Zwolle")), code="Z-01")
    page = beheer_client.get(
        reverse("beheer_werkplekken"), {"locatie": locatie.pk, "zoek": "02"}
    ).content.decode()
    assert ">A-02</a>" in page
    assert ">A-01</a>" not in page
    assert ">Z-01</a>" not in page


# Who may: facilitair beheer (the owner of these pages), anyone else 403, unknown objects 404.


@pytest.mark.parametrize(
    "name", ["beheer_locatie_bewerken", "beheer_zone_bewerken", "beheer_werkplek_bewerken"]
)
def test_edit_pages_refuse_colleagues_and_outsiders(client, facilitair, locatie, plekken, name):
    objecten = {
        "beheer_locatie_bewerken": locatie,
        "beheer_zone_bewerken": locatie.zones.get(),
        "beheer_werkplek_bewerken": plekken["A-01"],
    }
    url = reverse(name, args=[objecten[name].pk])
    hr = MedewerkerFactory()
    Roltoewijzing.objects.create(medewerker=hr, rol="hr")
    for user, expected in ((facilitair, 200), (hr, 403), (MedewerkerFactory(), 403)):
        client.force_login(user)
        assert client.get(url).status_code == expected
        assert client.post(url, {"naam": "Overgenomen"}).status_code == expected
    client.force_login(facilitair)
    assert client.get(reverse(name, args=[999999])).status_code == 404
    assert client.get(reverse(name, args=["x1"])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    assert Locatie.objects.get().naam == "Utrecht"


# Query counts: the same at two sizes.


def _gebouwen(aantal: int, per_zone: int):
    for n in range(aantal):
        zone = ZoneFactory(
            locatie=LocatieFactory(naam=f"Gebouw {n:02d}"),
            thuisteam=TeamFactory(),
            breedte=4000,
            hoogte=4000,
        )
        for d in range(per_zone):
            WerkplekFactory(zone=zone, code=f"{n}-{d:02d}", reserveerbaar=d % 3 != 0)
    return Locatie.objects.order_by("naam").first()


def test_location_list_counts_each_locations_desks_and_the_bookable_ones(beheer_client):
    _gebouwen(2, 3)  # per location three desks, the first of them not bookable
    LocatieFactory(naam="Leeg gebouw")
    page = beheer_client.get(reverse("beheer_locaties")).content.decode()
    rijen = re.findall(r"werkplekken/\?locatie=\d+\">(\d+ \(\d+\))<", page)
    assert rijen == ["3 (2)", "3 (2)", "0 (0)"]


@pytest.mark.parametrize(("aantal", "per_zone"), [(2, 3), (30, 10)])
@pytest.mark.parametrize(
    ("name", "queries"),
    [
        # Every page: 5 (session, user, roles, led teams, unread count). Lists:
        # count and page = 2 (locations: the page with its total, then its desks); the zone
        # and desk lists also read the location filter = 3.
        ("beheer_locaties", 7),
        ("beheer_zones", 8),
        ("beheer_werkplekken", 8),
        # The forms: the object = 1; zones also the offered teams, desks the location's zones.
        ("beheer_locatie_bewerken", 6),
        ("beheer_zone_bewerken", 7),
        ("beheer_werkplek_bewerken", 7),
        # New: locations (zone, desk) and teams (zone).
        ("beheer_zone_nieuw", 7),
        ("werkplekken_import", 5),
    ],
)
def test_management_pages_queries_are_constant(
    beheer_client, aantal, per_zone, name, queries, django_assert_num_queries
):
    eerste = _gebouwen(aantal, per_zone)
    kwargs = {
        "beheer_locatie_bewerken": lambda: [eerste.pk],
        "beheer_zone_bewerken": lambda: [eerste.zones.get().pk],
        "beheer_werkplek_bewerken": lambda: [Werkplek.objects.order_by("pk").first().pk],
    }
    url = reverse(name, args=kwargs.get(name, list)())
    with django_assert_num_queries(queries):
        assert beheer_client.get(url).status_code == 200
