"""QR check-in: facilitair prints desk labels; a scanned label checks the person in on today's
reservation of that desk, and any other case says why in Dutch and changes nothing."""

from datetime import date

import pytest
import segno
from django.urls import reverse

from pilot.models import Roltoewijzing
from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import (
    LocatieFactory,
    ReserveringFactory,
    WerkplekFactory,
    ZoneFactory,
)
from werkplekken.models import Aanwezigheid, Reservering
from werkplekken.services.reserveringen import reservering_aanmaken

VANDAAG = date(2026, 12, 16)


@pytest.fixture
def facilitair(db):
    beheerder = MedewerkerFactory(username="beheer")
    Roltoewijzing.objects.create(medewerker=beheerder, rol="facilitair")
    return beheerder


def scan(client, user, werkplek, method="get"):
    client.force_login(user)
    url = reverse("werkplek_inchecken", kwargs={"pk": werkplek.pk})
    return getattr(client, method)(url, follow=True)


def niets_veranderd():
    assert not Reservering.objects.filter(status="ingecheckt").exists()
    assert not Aanwezigheid.objects.exists()


def test_labels_carry_the_code_and_a_qr_code_of_the_check_in_address(
    client, facilitair, locatie, plekken
):
    client.force_login(facilitair)
    page = client.get(reverse("werkplek_labels"), {"locatie": locatie.pk}).content.decode()
    for code, werkplek in plekken.items():
        assert f'<p class="label-code">{code}</p>' in page
        verwacht = segno.make(
            f"http://testserver/werkplekken/inchecken/{werkplek.pk}/", error="m"
        ).svg_inline(scale=4, border=2, omitsize=True)
        assert verwacht in page
    assert page.count('class="segno"') == 3
    # No inline style or script: the strict Content-Security-Policy holds.
    assert "style=" not in page
    assert "<script>" not in page


def test_labels_for_one_zone_and_a_zone_of_another_location(client, facilitair, locatie):
    tweede = ZoneFactory(locatie=locatie, naam="Zone B")
    WerkplekFactory(zone=tweede, code="B-01")
    elders = ZoneFactory(locatie=LocatieFactory(naam="Zwolle"), naam="Zone Z")
    client.force_login(facilitair)
    page = client.get(
        reverse("werkplek_labels"), {"locatie": locatie.pk, "zone": tweede.pk}
    ).content.decode()
    assert page.count('class="segno"') == 1
    assert '<p class="label-code">B-01</p>' in page

    page = client.get(
        reverse("werkplek_labels"), {"locatie": locatie.pk, "zone": elders.pk}
    ).content.decode()
    assert "Kies een zone van deze locatie." in page
    assert page.count('class="segno"') == 0


def test_labels_are_for_facilitair_only(client, mensen, locatie):
    for naam in ("eigenaar", "leider", "buiten"):
        client.force_login(mensen[naam])
        assert client.get(reverse("werkplek_labels")).status_code == 403


@pytest.mark.parametrize(("zones", "per_zone"), [(1, 3), (6, 20)])
def test_labels_queries_are_constant(
    client, facilitair, zones, per_zone, django_assert_num_queries
):
    gebouw = LocatieFactory(naam="Groot")
    LocatieFactory(naam="Klein")
    for z in range(zones):
        zone = ZoneFactory(locatie=gebouw, naam=f"Zone {z}")
        for d in range(per_zone):
            WerkplekFactory(zone=zone, code=f"{z}-{d:02d}")
    client.force_login(facilitair)
    # Every page: session, user, roles, led teams, unread count = 5. This page: locations,
    # the location's zones, its desks = 3.
    with django_assert_num_queries(8):
        response = client.get(reverse("werkplek_labels"), {"locatie": gebouw.pk})
    assert response.content.decode().count('class="segno"') == zones * per_zone


def test_the_owner_checks_in_by_scanning_their_desk(client, mensen, plekken):
    reservering = reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=VANDAAG, dagdeel="ochtend"
    )
    page = scan(client, mensen["eigenaar"], plekken["A-01"]).content.decode()
    assert "U hebt deze werkplek vandaag (16 december 2026, ochtend) gereserveerd." in page
    assert "Ja, inchecken op A-01</button>" in page

    response = scan(client, mensen["eigenaar"], plekken["A-01"], method="post")
    assert "U bent ingecheckt op werkplek A-01. Fijne werkdag!" in response.content.decode()
    reservering.refresh_from_db()
    assert reservering.status == "ingecheckt"
    assert list(Aanwezigheid.objects.values_list("medewerker", "datum", "soort", "locatie")) == [
        (mensen["eigenaar"].pk, VANDAAG, "kantoor", plekken["A-01"].zone.locatie_id)
    ]

    # A second scan: already in, and nothing more happens.
    page = scan(client, mensen["eigenaar"], plekken["A-01"], method="post").content.decode()
    assert "met status ‘ingecheckt’ kunt u niet inchecken." in page
    assert Aanwezigheid.objects.count() == 1


def test_a_colleague_scanning_the_owners_desk_changes_nothing(client, mensen, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=VANDAAG, dagdeel="ochtend"
    )
    for naam in ("collega", "buiten"):
        page = scan(client, mensen[naam], plekken["A-01"], method="post").content.decode()
        assert (
            "U hebt vandaag geen reservering voor werkplek A-01. Reserveer eerst een werkplek. "
            "Er is niets veranderd."
        ) in page
    niets_veranderd()


def test_another_desk_of_the_same_location(client, mensen, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-02"].pk, datum=VANDAAG, dagdeel="hele_dag"
    )
    page = scan(client, mensen["eigenaar"], plekken["A-01"], method="post").content.decode()
    assert (
        "U hebt vandaag werkplek A-02 gereserveerd, niet werkplek A-01. Scan de code op uw "
        "eigen werkplek. Er is niets veranderd."
    ) in page
    niets_veranderd()


def test_a_desk_of_another_location(client, mensen, plekken):
    zwolle = WerkplekFactory(zone=ZoneFactory(locatie=LocatieFactory(naam="Zwolle")), code="Z-01")
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-02"].pk, datum=VANDAAG, dagdeel="hele_dag"
    )
    page = scan(client, mensen["eigenaar"], zwolle, method="post").content.decode()
    assert (
        "Werkplek Z-01 is in Zwolle. Uw reservering van vandaag is in Utrecht (werkplek A-02). "
        "Er is niets veranderd."
    ) in page
    niets_veranderd()


def test_a_reservation_of_this_desk_for_another_day(client, mensen, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"],
        werkplek_id=plekken["A-01"].pk,
        datum=date(2026, 12, 17),
        dagdeel="hele_dag",
    )
    page = scan(client, mensen["eigenaar"], plekken["A-01"], method="post").content.decode()
    assert (
        "U hebt werkplek A-01 gereserveerd voor 17 december 2026, niet voor vandaag. "
        "Inchecken kan alleen op de dag zelf. Er is niets veranderd."
    ) in page
    niets_veranderd()


def test_too_early_for_the_afternoon(client, mensen, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=VANDAAG, dagdeel="middag"
    )
    page = scan(client, mensen["eigenaar"], plekken["A-01"], method="post").content.decode()
    assert "Inchecken kan vanaf 16-12-2026 12:00 op de dag zelf." in page
    assert "Ja, inchecken" not in page
    niets_veranderd()


def test_morning_and_afternoon_on_one_desk_check_in_on_the_open_one(client, mensen, plekken):
    middag = reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=VANDAAG, dagdeel="middag"
    )
    ochtend = reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=VANDAAG, dagdeel="ochtend"
    )
    scan(client, mensen["eigenaar"], plekken["A-01"], method="post")
    ochtend.refresh_from_db()
    middag.refresh_from_db()
    assert (ochtend.status, middag.status) == ("ingecheckt", "gereserveerd")


@pytest.mark.parametrize("pk", ["999999", "abc", "0"])
def test_a_desk_that_does_not_exist_is_a_404(client, mensen, pk):
    client.force_login(mensen["eigenaar"])
    assert client.get(reverse("werkplek_inchecken", kwargs={"pk": pk})).status_code == 404
    assert client.post(reverse("werkplek_inchecken", kwargs={"pk": pk})).status_code == 404


def test_anonymous_scans_go_to_the_login_first(client, plekken):
    url = reverse("werkplek_inchecken", kwargs={"pk": plekken["A-01"].pk})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "inchecken" in response["Location"]


@pytest.mark.parametrize("andere", [1, 30])
def test_check_in_page_queries_are_constant(
    client, mensen, plekken, andere, django_assert_num_queries
):
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=VANDAAG, dagdeel="ochtend"
    )
    for n in range(andere):
        ReserveringFactory(werkplek=plekken["A-01"], datum=date(2026, 12, 17 + n % 10))
        ReserveringFactory(medewerker=mensen["eigenaar"], datum=date(2026, 12, 17 + n % 10))
    client.force_login(mensen["eigenaar"])
    # Every page: 5 (session, user, roles, led teams, unread count). This page: the desk with
    # zone and location, the person's reservations today and on this desk later = 2.
    with django_assert_num_queries(7):
        response = client.get(reverse("werkplek_inchecken", kwargs={"pk": plekken["A-01"].pk}))
    assert "Ja, inchecken op A-01</button>" in response.content.decode()


def test_labels_for_a_location_that_does_not_exist(client, facilitair, locatie):
    client.force_login(facilitair)
    page = client.get(reverse("werkplek_labels"), {"locatie": "999999"}).content.decode()
    assert "Deze locatie bestaat niet. Kies een locatie." in page
    assert page.count('class="segno"') == 0


def test_a_seat_without_a_desk_is_not_checked_in_by_a_desk_label(client, mensen, plekken):
    ReserveringFactory(
        medewerker=mensen["eigenaar"],
        werkplek=None,
        locatie=plekken["A-01"].zone.locatie,
        datum=VANDAAG,
        dagdeel="ochtend",
    )
    page = scan(client, mensen["eigenaar"], plekken["A-01"], method="post").content.decode()
    assert (
        "U hebt vandaag een plek in Utrecht zonder vaste werkplek. Check in via Mijn "
        "reserveringen. Er is niets veranderd."
    ) in page
    niets_veranderd()


def test_the_sheet_opens_on_the_lowest_floor_and_prints_any_floor_or_all(client, facilitair):
    gebouw = LocatieFactory(naam="Toren")
    for verdieping, code in ((2, "D-1"), (0, "H-1"), (0, "H-2")):
        zone = ZoneFactory(locatie=gebouw, naam=f"Zone {code}", verdieping=verdieping)
        WerkplekFactory(zone=zone, code=code)
    client.force_login(facilitair)
    url = reverse("werkplek_labels")

    for query in ({"locatie": gebouw.pk}, {"locatie": gebouw.pk, "verdieping": "7"}):
        # No floor, or one this building lacks (picked for another location): the lowest.
        page = client.get(url, query).content.decode()
        assert "2 labels." in page
        assert '<option value="0" selected>Begane grond</option>' in page
        assert '<p class="label-code">D-1</p>' not in page

    page = client.get(url, {"locatie": gebouw.pk, "verdieping": "2"}).content.decode()
    assert '<p class="label-code">D-1</p>' in page and "1 label." in page
    assert '<option value="2" selected>Verdieping 2</option>' in page

    page = client.get(url, {"locatie": gebouw.pk, "verdieping": ""}).content.decode()
    assert "3 labels." in page
    assert '<option value="" selected>Alle verdiepingen</option>' in page
