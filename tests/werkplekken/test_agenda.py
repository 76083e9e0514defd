"""The calendar feed behind a secret address: only a hash stored, the address shown once,
renewing and revoking end the old one, and the feed holds one's active reservations only, at
the dagdeel's local times."""

import hashlib
import re
from datetime import date, datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from pilot.access_log import redact
from pilot.models import AuditEvent
from tests.werkplekken.conftest import AMS
from tests.werkplekken.factories import ReserveringFactory
from werkplekken.models import Agendakoppeling
from werkplekken.services.agenda import agendakoppeling_intrekken, agendakoppeling_maken

ADRES = re.compile(r'value="http://testserver/werkplekken/agenda/([A-Za-z0-9_-]+)\.ics"')


def feed(client, token: str):
    return client.get(reverse("agenda_feed", kwargs={"token": token}))


def events(response) -> list:
    return sorted(
        Calendar.from_ical(response.content).walk("VEVENT"), key=lambda e: e.decoded("dtstart")
    )


def test_the_address_is_shown_once_and_only_its_hash_is_stored(client, mensen):
    client.force_login(mensen["eigenaar"])
    response = client.post(reverse("agenda_maken"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "U ziet het maar één keer" in page
    token = ADRES.search(page).group(1)
    koppeling = Agendakoppeling.objects.get()
    assert koppeling.medewerker == mensen["eigenaar"]
    assert koppeling.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in koppeling.digest

    later = client.get(reverse("agenda")).content.decode()
    assert token not in later
    assert "U hebt een agenda-adres sinds 16 december 2026." in later
    assert list(AuditEvent.objects.values_list("actie", flat=True)) == ["agenda.gemaakt"]


def test_the_feed_needs_no_login_and_holds_active_reservations_only(client, mensen, plekken):
    eigenaar = mensen["eigenaar"]
    ReserveringFactory(medewerker=eigenaar, werkplek=plekken["A-01"], datum=date(2026, 12, 17))
    ReserveringFactory(
        medewerker=eigenaar,
        werkplek=plekken["A-02"],
        datum=date(2026, 12, 16),
        dagdeel="ochtend",
        status="ingecheckt",
    )
    ReserveringFactory(
        medewerker=eigenaar, werkplek=plekken["A-03"], datum=date(2026, 12, 21), dagdeel="middag"
    )
    for status in ("geannuleerd", "vervallen"):
        ReserveringFactory(
            medewerker=eigenaar, werkplek=plekken["A-01"], datum=date(2026, 12, 22), status=status
        )
    ReserveringFactory(medewerker=mensen["collega"], werkplek=plekken["A-02"])
    token = agendakoppeling_maken(actor=eigenaar)

    response = feed(client, token)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    gevonden = events(response)
    assert [(e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"])) for e in gevonden] == [
        (
            datetime(2026, 12, 16, 8, 30, tzinfo=AMS),
            datetime(2026, 12, 16, 12, 30, tzinfo=AMS),
            "Kantoor Utrecht, werkplek A-02",
        ),
        (
            datetime(2026, 12, 17, 8, 30, tzinfo=AMS),
            datetime(2026, 12, 17, 17, 0, tzinfo=AMS),
            "Kantoor Utrecht, werkplek A-01",
        ),
        (
            datetime(2026, 12, 21, 13, 0, tzinfo=AMS),
            datetime(2026, 12, 21, 17, 0, tzinfo=AMS),
            "Kantoor Utrecht, werkplek A-03",
        ),
    ]
    tekst = response.content.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20261217T083000" in tekst
    assert "BEGIN:VTIMEZONE" in tekst
    assert str(gevonden[0]["description"]) == "Ochtend, zone Zone A. Status: ingecheckt."


def test_summer_time_keeps_the_local_clock(client, mensen, plekken):
    ReserveringFactory(
        medewerker=mensen["eigenaar"],
        werkplek=plekken["A-01"],
        datum=date(2027, 6, 15),
        dagdeel="middag",
    )
    response = feed(client, agendakoppeling_maken(actor=mensen["eigenaar"]))
    assert "DTSTART;TZID=Europe/Amsterdam:20270615T130000" in response.content.decode()
    # 13:00 in summer is 11:00 UTC.
    assert events(response)[0].decoded("dtstart").utcoffset().total_seconds() == 7200


def test_renewing_ends_the_old_address_and_revoking_ends_the_feed(client, mensen):
    eigen = mensen["eigenaar"]
    oud = agendakoppeling_maken(actor=eigen)
    nieuw = agendakoppeling_maken(actor=eigen)
    assert feed(client, oud).status_code == 404
    assert feed(client, nieuw).status_code == 200
    assert Agendakoppeling.objects.count() == 1

    client.force_login(eigen)
    response = client.post(reverse("agenda_intrekken"), follow=True)
    assert "Het agenda-adres is ingetrokken. Het werkt niet meer." in response.content.decode()
    assert feed(client, nieuw).status_code == 404
    assert not Agendakoppeling.objects.exists()
    assert list(AuditEvent.objects.order_by("pk").values_list("actie", flat=True)) == [
        "agenda.gemaakt",
        "agenda.vernieuwd",
        "agenda.ingetrokken",
    ]


@pytest.mark.parametrize("token", ["onbekend", "x" * 43, "..%2F"])
def test_an_unknown_token_is_a_404(client, mensen, token):
    agendakoppeling_maken(actor=mensen["eigenaar"])
    assert feed(client, token).status_code == 404


def test_a_deactivated_person_has_no_feed(client, mensen):
    token = agendakoppeling_maken(actor=mensen["eigenaar"])
    mensen["eigenaar"].is_active = False
    mensen["eigenaar"].save(update_fields=["is_active"])
    assert feed(client, token).status_code == 404


def test_each_person_sees_and_revokes_only_their_own(client, mensen, plekken):
    ReserveringFactory(medewerker=mensen["eigenaar"], werkplek=plekken["A-01"])
    token = agendakoppeling_maken(actor=mensen["eigenaar"])
    for andere in ("collega", "buiten", "leider"):
        client.force_login(mensen[andere])
        assert "U hebt nog geen agenda-adres." in client.get(reverse("agenda")).content.decode()
        client.post(reverse("agenda_intrekken"))
        assert feed(client, token).status_code == 200
    assert agendakoppeling_intrekken(actor=mensen["collega"]) is False
    assert len(events(feed(client, token))) == 1


@pytest.mark.parametrize("aantal", [1, 25])
def test_feed_and_page_queries_are_constant(
    client, mensen, plekken, aantal, django_assert_num_queries
):
    for n in range(aantal):
        ReserveringFactory(
            medewerker=mensen["eigenaar"],
            werkplek=plekken["A-01"],
            datum=date(2026, 12, 16 + n % 14),
            dagdeel=("ochtend", "middag")[n // 14],
        )
    token = agendakoppeling_maken(actor=mensen["eigenaar"])
    # The token's owner, then the reservations with desk, zone and location.
    with django_assert_num_queries(2):
        response = feed(client, token)
    assert len(events(response)) == aantal
    client.force_login(mensen["eigenaar"])
    # Every page: session, user, roles, led teams, unread count = 5; this page: the address.
    with django_assert_num_queries(6):
        client.get(reverse("agenda"))


def test_the_access_log_hides_the_token():
    assert redact("GET /werkplekken/agenda/AbC-12_x.ics HTTP/1.1") == (
        "GET /werkplekken/agenda/[verborgen].ics HTTP/1.1"
    )


def test_calendars_may_ask_with_head_but_not_post(client, mensen):
    token = agendakoppeling_maken(actor=mensen["eigenaar"])
    url = reverse("agenda_feed", kwargs={"token": token})
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_a_seat_without_a_desk_is_in_the_feed(client, mensen, locatie):
    ReserveringFactory(
        medewerker=mensen["eigenaar"], werkplek=None, locatie=locatie, dagdeel="middag"
    )
    (event,) = events(feed(client, agendakoppeling_maken(actor=mensen["eigenaar"])))
    assert str(event["summary"]) == "Kantoor Utrecht"
    assert str(event["description"]) == (
        "Middag, een plek zonder vaste werkplek. Status: gereserveerd."
    )
    assert event.decoded("dtstart") == datetime(2026, 11, 24, 13, 0, tzinfo=AMS)
