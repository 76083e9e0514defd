"""The API's error contract for workplaces: 404 → 403 → 409 → 400, and only one's own rows."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from pilot.models import Roltoewijzing
from tests.werkplekken.factories import AanwezigheidFactory, ReserveringFactory
from werkplekken.models import Reservering
from werkplekken.services.reserveringen import reservering_aanmaken

DONDERDAG = date(2026, 12, 17)


@pytest.fixture
def api():
    def login(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return login


def test_booking_through_the_api_and_the_bezet_answer(api, mensen, plekken):
    body = {"werkplek": plekken["A-01"].pk, "datum": "2026-12-17", "dagdeel": "ochtend"}
    created = api(mensen["eigenaar"]).post(reverse("reservering-list"), body, format="json")
    assert created.status_code == 201
    assert created.json()["status"] == "gereserveerd"
    assert created.json()["acties"] == ["annuleren"]

    taken = api(mensen["collega"]).post(
        reverse("reservering-list"), {**body, "dagdeel": "hele_dag"}, format="json"
    )
    assert taken.status_code == 400
    assert taken.json() == {
        "werkplek": ["Werkplek A-01 is op 17 december 2026 in dit dagdeel al bezet."]
    }


@pytest.mark.parametrize(
    ("body", "fouten"),
    [
        ({"werkplek": "A-01", "datum": "2026-12-17", "dagdeel": "ochtend"}, {"werkplek"}),
        ({"werkplek": 1, "datum": "morgen", "dagdeel": "ochtend"}, {"datum"}),
        ({"werkplek": 1, "datum": "2026-12-17", "dagdeel": "avond"}, {"dagdeel"}),
        ({"werkplek": 999999, "datum": "2026-12-17", "dagdeel": "ochtend"}, {"werkplek"}),
    ],
)
def test_bad_bookings_are_400_with_field_errors(api, mensen, plekken, body, fouten):
    response = api(mensen["eigenaar"]).post(reverse("reservering-list"), body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == fouten
    assert not Reservering.objects.exists()


def test_actions_follow_the_error_order(api, mensen, plekken):
    reservering = reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=DONDERDAG, dagdeel="ochtend"
    )
    annuleren = reverse("reservering-annuleren", args=[reservering.pk])
    inchecken = reverse("reservering-inchecken", args=[reservering.pk])

    assert api(mensen["leider"]).post(annuleren).status_code == 404
    assert api(mensen["eigenaar"]).post(inchecken).status_code == 409
    assert api(mensen["eigenaar"]).post(annuleren).json()["status"] == "geannuleerd"
    again = api(mensen["eigenaar"]).post(annuleren)
    assert again.status_code == 409
    assert again.json() == {
        "detail": "Een reservering met status ‘geannuleerd’ kunt u niet annuleren."
    }
    junk = reverse("reservering-annuleren", args=["²"])
    assert api(mensen["eigenaar"]).post(junk).status_code == 404


def test_lists_hold_only_ones_own_rows(api, mensen, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"], werkplek_id=plekken["A-01"].pk, datum=DONDERDAG, dagdeel="ochtend"
    )
    api(mensen["eigenaar"]).post(
        reverse("aanwezigheid-list"), {"datum": "2026-12-14", "soort": "thuis"}, format="json"
    )
    assert api(mensen["leider"]).get(reverse("reservering-list")).json()["results"] == []
    assert api(mensen["leider"]).get(reverse("aanwezigheid-list")).json()["results"] == []
    eigen = api(mensen["eigenaar"]).get(reverse("aanwezigheid-list")).json()
    assert [(r["datum"], r["soort"]) for r in eigen["results"]] == [("2026-12-14", "thuis")]


def test_another_persons_attendance_is_404_for_the_leidinggevende_and_the_or(api, mensen):
    api(mensen["eigenaar"]).post(
        reverse("aanwezigheid-list"), {"datum": "2026-12-14", "soort": "thuis"}, format="json"
    )
    Roltoewijzing.objects.create(medewerker=mensen["collega"], rol="orlid")
    pk = mensen["eigenaar"].aanwezigheden.get().pk
    url = reverse("aanwezigheid-detail", args=[pk])
    assert api(mensen["leider"]).get(url).status_code == 404
    assert api(mensen["collega"]).get(url).status_code == 404
    assert api(mensen["eigenaar"]).get(url).status_code == 200


def test_only_facilitair_writes_locations(api, mensen, locatie):
    body = {"naam": "Zwolle", "plaats": "Zwolle", "openingsdagen": [1, 2, 3], "bezettingsnorm": 80}
    assert (
        api(mensen["eigenaar"]).post(reverse("locatie-list"), body, format="json").status_code
        == 403
    )
    Roltoewijzing.objects.create(medewerker=mensen["collega"], rol="facilitair")
    created = api(mensen["collega"]).post(reverse("locatie-list"), body, format="json")
    assert created.status_code == 201
    bad = api(mensen["collega"]).post(
        reverse("locatie-list"), {**body, "naam": "Assen", "openingsdagen": [1, 1]}, format="json"
    )
    assert bad.status_code == 400
    assert bad.json() == {"openingsdagen": ["Elke weekdag mag maar één keer voorkomen."]}


def test_capaciteit_by_weekday_and_by_date(api, mensen, locatie, plekken):
    reservering_aanmaken(
        actor=mensen["eigenaar"],
        werkplek_id=plekken["A-01"].pk,
        datum=DONDERDAG,
        dagdeel="hele_dag",
    )
    client = api(mensen["eigenaar"])
    by_day = client.get(reverse("capaciteit-list"), {"locatie": locatie.pk, "weekdag": 4})
    by_date = client.get(reverse("capaciteit-list"), {"locatie": locatie.pk, "datum": "2026-12-17"})
    expected = {
        "locatie": locatie.pk,
        "datum": "2026-12-17",
        "weekdag": 4,
        "open": True,
        "vraag": "1.0",
        "aanbod": 3,
        "norm": 75,
        "percentage": 33,
        "niveau": "ok",
    }
    assert by_day.json() == expected
    assert by_date.json() == expected
    both = client.get(
        reverse("capaciteit-list"), {"locatie": locatie.pk, "weekdag": 4, "datum": "2026-12-17"}
    )
    assert both.status_code == 400
    unknown = client.get(reverse("capaciteit-list"), {"locatie": 999999, "weekdag": 4})
    assert unknown.json() == {"locatie": ["Onbekende locatie."]}


def test_desk_writes_follow_the_management_rules_and_the_timeline(api, mensen, locatie, plekken):
    from pilot.models import AuditEvent
    from tests.werkplekken.factories import ZoneFactory

    Roltoewijzing.objects.create(medewerker=mensen["collega"], rol="facilitair")
    client = api(mensen["collega"])
    zone_b = ZoneFactory(locatie=locatie, naam="Zone B", x=0, y=300, breedte=400, hoogte=200)
    body = {"zone": zone_b.pk, "code": "A-02", "x": 10, "y": 310}
    dubbel = client.post(reverse("werkplek-list"), body, format="json")
    assert dubbel.status_code == 400
    assert dubbel.json() == {"code": ["Code A-02 bestaat al op deze locatie (zone Zone A)."]}
    created = client.post(reverse("werkplek-list"), {**body, "code": "B-01"}, format="json")
    assert created.status_code == 201
    assert created.json()["reserveerbaar"] is True
    url = reverse("werkplek-detail", args=[created.json()["id"]])
    buiten = client.patch(url, {"y": 10}, format="json")
    assert buiten.status_code == 400
    assert buiten.json() == {
        "y": ["y moet tussen 300 en 470 liggen, zodat de werkplek binnen zone Zone B valt."]
    }
    uit = client.patch(url, {"reserveerbaar": False}, format="json")
    assert uit.json()["reserveerbaar"] is False
    assert list(
        AuditEvent.objects.filter(object_type="werkplekken.werkplek")
        .order_by("pk")
        .values_list("actie", "notitie")
    ) == [
        ("werkplekken.werkplek_aangemaakt", ""),
        ("werkplekken.werkplek_gewijzigd", "Gewijzigd: reserveerbaar"),
    ]


def test_reservations_list_from_today_in_date_order_and_earlier_ones_on_request(
    api, mensen, plekken
):
    # Today is Wednesday 16 December 2026 (the frozen clock).
    eigenaar = mensen["eigenaar"]
    for datum, dagdeel in [
        (date(2026, 12, 18), "ochtend"),
        (date(2026, 12, 15), "hele_dag"),
        (date(2026, 12, 16), "middag"),
        (date(2026, 11, 2), "hele_dag"),
    ]:
        ReserveringFactory(
            medewerker=eigenaar, werkplek=plekken["A-01"], datum=datum, dagdeel=dagdeel
        )
    client = api(eigenaar)
    lijst = client.get(reverse("reservering-list")).json()
    assert [r["datum"] for r in lijst["results"]] == ["2026-12-16", "2026-12-18"]
    assert "count" not in lijst  # a cursor: no count over a growing history

    eerder = client.get(reverse("reservering-list"), {"vanaf": "2026-11-01"}).json()
    assert [r["datum"] for r in eerder["results"]] == [
        "2026-11-02",
        "2026-12-15",
        "2026-12-16",
        "2026-12-18",
    ]

    fout = client.get(reverse("reservering-list"), {"vanaf": "gisteren"})
    assert fout.status_code == 400
    assert list(fout.json()) == ["vanaf"]


def test_attendance_lists_in_date_order_by_cursor(api, mensen):
    eigenaar = mensen["eigenaar"]
    for dag in (3, 1, 2):
        AanwezigheidFactory(medewerker=eigenaar, datum=date(2026, 12, dag))
    lijst = api(eigenaar).get(reverse("aanwezigheid-list")).json()
    assert [r["datum"] for r in lijst["results"]] == ["2026-12-01", "2026-12-02", "2026-12-03"]
    assert (lijst["next"], "count" in lijst) == (None, False)


def test_attendance_pages_by_25_or_as_many_as_asked_up_to_100(api, mensen):
    eigenaar = mensen["eigenaar"]
    # 130 weekdays from Monday 4 August 2025: more than the largest page.
    dagen = [date(2025, 8, 4) + timedelta(days=i) for i in range(182)]
    for dag in [d for d in dagen if d.isoweekday() <= 5][:130]:
        AanwezigheidFactory(medewerker=eigenaar, datum=dag)
    client = api(eigenaar)
    eerste = client.get(reverse("aanwezigheid-list")).json()
    assert len(eerste["results"]) == 25
    assert eerste["results"][0]["datum"] == "2025-08-04"
    tweede = client.get(eerste["next"]).json()
    assert tweede["results"][0]["datum"] == "2025-09-08"  # the 26th weekday
    assert len(client.get(reverse("aanwezigheid-list"), {"aantal": 60}).json()["results"]) == 60
    assert len(client.get(reverse("aanwezigheid-list"), {"aantal": 500}).json()["results"]) == 100
