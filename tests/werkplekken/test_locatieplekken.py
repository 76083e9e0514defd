"""A seat at a location without a particular desk: counted against the free bookable desks."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import WerkplekFactory
from werkplekken.models import Aanwezigheid, Dagdeelbezetting, Reservering
from werkplekken.selectors.capaciteit import capaciteit
from werkplekken.services.reserveringen import (
    locatieplek_reserveren,
    reservering_aanmaken,
    reservering_annuleren,
    reservering_inchecken,
)

DONDERDAG = date(2026, 12, 17)
VOL = "Utrecht is op 17-12-2026 in dit dagdeel vol: er is geen werkplek meer vrij."


def _plek(persoon, locatie, dagdeel="hele_dag", datum=DONDERDAG):
    return locatieplek_reserveren(
        actor=persoon, locatie_id=locatie.pk, datum=datum, dagdeel=dagdeel
    )


def _bureau(persoon, werkplek, dagdeel="hele_dag"):
    return reservering_aanmaken(
        actor=persoon, werkplek_id=werkplek.pk, datum=DONDERDAG, dagdeel=dagdeel
    )


def test_seats_fill_the_free_desks_and_no_more(locatie, plekken):
    _bureau(MedewerkerFactory(), plekken["A-01"])
    _plek(MedewerkerFactory(), locatie)
    _plek(MedewerkerFactory(), locatie)
    with pytest.raises(ValidationError) as vol:
        _plek(MedewerkerFactory(), locatie)
    assert vol.value.message_dict == {"locatie": [VOL]}
    assert Reservering.objects.filter(locatie=locatie).count() == 2


def test_a_free_desk_cannot_be_booked_when_seats_hold_every_free_desk(locatie, plekken):
    _plek(MedewerkerFactory(), locatie)
    _plek(MedewerkerFactory(), locatie)
    _bureau(MedewerkerFactory(), plekken["A-01"])
    with pytest.raises(ValidationError) as vol:
        _bureau(MedewerkerFactory(), plekken["A-02"])
    assert vol.value.message_dict == {"locatie": [VOL]}


def test_half_days_count_separately(locatie, plekken):
    for _ in range(3):
        _plek(MedewerkerFactory(), locatie, "ochtend")
    middag = _plek(MedewerkerFactory(), locatie, "middag")
    assert middag.dagdeel == "middag"
    with pytest.raises(ValidationError):
        _plek(MedewerkerFactory(), locatie, "hele_dag")


def test_unbookable_desks_are_no_seats(locatie, plekken):
    WerkplekFactory(zone=locatie.zones.get(), code="A-99", reserveerbaar=False)
    for _ in range(3):
        _plek(MedewerkerFactory(), locatie)
    with pytest.raises(ValidationError):
        _plek(MedewerkerFactory(), locatie)


def test_one_place_per_person_per_dagdeel(locatie, plekken, mensen):
    _bureau(mensen["eigenaar"], plekken["A-01"], "ochtend")
    with pytest.raises(ValidationError) as dubbel:
        _plek(mensen["eigenaar"], locatie, "hele_dag")
    assert dubbel.value.message_dict == {
        "dagdeel": ["U hebt op 17 december 2026 in dit dagdeel al een werkplek."]
    }


def test_the_usual_date_rules_apply(locatie, mensen):
    with pytest.raises(ValidationError) as gesloten:
        _plek(mensen["eigenaar"], locatie, datum=date(2026, 12, 18))  # a Friday: closed
    assert "datum" in gesloten.value.message_dict


def test_cancelling_frees_the_seat_and_check_in_records_the_location(locatie, plekken, mensen):
    plekken_vol = [_plek(MedewerkerFactory(), locatie) for _ in range(3)]
    reservering_annuleren(actor=plekken_vol[0].medewerker, reservering=plekken_vol[0])
    assert not Dagdeelbezetting.objects.filter(reservering=plekken_vol[0]).exists()
    vandaag = _plek(mensen["eigenaar"], locatie, "ochtend", datum=date(2026, 12, 16))
    reservering_inchecken(actor=mensen["eigenaar"], reservering=vandaag)
    dag = Aanwezigheid.objects.get(medewerker=mensen["eigenaar"], datum=date(2026, 12, 16))
    assert (dag.soort, dag.locatie) == ("kantoor", locatie)


def test_capacity_counts_seats_as_demand(locatie, plekken):
    _plek(MedewerkerFactory(), locatie)
    _plek(MedewerkerFactory(), locatie, "ochtend")
    cel = capaciteit([locatie], [DONDERDAG])[(locatie.pk, DONDERDAG)]
    assert (str(cel.vraag), cel.aanbod) == ("1.5", 3)


def test_booking_page_offers_a_seat_and_my_reservations_show_it(client, locatie, plekken, mensen):
    client.force_login(mensen["eigenaar"])
    query = {"locatie": locatie.pk, "datum": "2026-12-17", "dagdeel": "hele_dag"}
    page = client.get(reverse("werkplek_reserveren"), query).content.decode()
    assert "Er zijn nog 3 plekken vrij." in page
    body = {"locatie": locatie.pk, "datum": "2026-12-17", "dagdeel": "hele_dag"}
    response = client.post(reverse("reservering_maken"), body, follow=True)
    mijn = response.content.decode()
    assert "Gereserveerd: Utrecht · 17-12-2026 · hele dag." in mijn
    assert "een plek zonder vaste werkplek" in mijn
    for persoon in (mensen["collega"], mensen["buiten"]):
        _plek(persoon, locatie)
    page = client.get(reverse("werkplek_reserveren"), query).content.decode()
    assert "Utrecht is in dit dagdeel vol." in page
    # Every desk is shown as taken: the seats hold them.
    assert 'class="plek plek-vrij"' not in page


def test_the_form_wants_a_desk_or_a_location(client, locatie, plekken, mensen):
    client.force_login(mensen["eigenaar"])
    body = {"datum": "2026-12-17", "dagdeel": "hele_dag"}
    response = client.post(reverse("reservering_maken"), body, follow=True)
    assert "Kies een werkplek, een datum en een dagdeel." in response.content.decode()
    assert not Reservering.objects.exists()


def test_api_books_a_seat(locatie, plekken, mensen):
    api = APIClient()
    api.force_authenticate(mensen["eigenaar"])
    body = {"locatie": locatie.pk, "datum": "2026-12-17", "dagdeel": "ochtend"}
    created = api.post(reverse("reservering-list"), body, format="json")
    assert created.status_code == 201
    assert (created.json()["werkplek"], created.json()["locatie"]) == (None, locatie.pk)
    beide = api.post(
        reverse("reservering-list"), {**body, "werkplek": plekken["A-01"].pk}, format="json"
    )
    assert beide.status_code == 400
    assert beide.json() == {"werkplek": ["Geef een werkplek of een locatie op, niet allebei."]}
    lijst = api.get(reverse("reservering-list")).json()
    assert [r["locatie"] for r in lijst["results"]] == [locatie.pk]
