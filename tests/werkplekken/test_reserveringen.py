"""Reservation rules: every refusal is a clear Dutch message and changes nothing."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from pilot.models import AuditEvent
from pilot.workflow import TransitionNotAllowed
from tests.factories import MedewerkerFactory
from tests.werkplekken.conftest import AMS
from werkplekken.models import Aanwezigheid, Dagdeelbezetting, Reservering
from werkplekken.services.reserveringen import (
    no_shows_vrijgeven,
    reservering_aanmaken,
    reservering_annuleren,
    reservering_inchecken,
    reserveringen_annuleren_van_tot,
)

DONDERDAG = date(2026, 12, 17)


def boek(persoon, werkplek, datum=DONDERDAG, dagdeel="hele_dag"):
    return reservering_aanmaken(
        actor=persoon, werkplek_id=werkplek.pk, datum=datum, dagdeel=dagdeel
    )


def fout(excinfo) -> dict:
    return {
        veld: [str(m) for m in berichten] for veld, berichten in excinfo.value.message_dict.items()
    }


def test_a_booking_holds_both_half_days_and_writes_the_timeline(mensen, plekken):
    reservering = boek(mensen["eigenaar"], plekken["A-01"])

    assert reservering.status == "gereserveerd"
    assert sorted(reservering.bezettingen.values_list("halve_dag", flat=True)) == [
        "middag",
        "ochtend",
    ]
    event = AuditEvent.objects.get(actie="reservering.aanmaken")
    assert (event.actor, event.naar_status) == (mensen["eigenaar"], "gereserveerd")


@pytest.mark.parametrize(
    ("datum", "veld", "melding"),
    [
        (date(2026, 12, 15), "datum", "Deze dag is al voorbij."),
        (
            date(2026, 12, 31),
            "datum",
            "U kunt tot 14 dagen vooruit reserveren (uiterlijk 30 december 2026).",
        ),
        (date(2026, 12, 19), "datum", "Dit is geen werkdag (weekend of feestdag)."),
        (date(2026, 12, 25), "datum", "Dit is geen werkdag (weekend of feestdag)."),
        (date(2026, 12, 18), "datum", "Utrecht is op deze weekdag gesloten."),
    ],
    ids=["verleden", "horizon", "weekend", "kerstmis", "gesloten-weekdag"],
)
def test_dates_outside_the_rules_are_refused(mensen, plekken, datum, veld, melding):
    with pytest.raises(ValidationError) as excinfo:
        boek(mensen["eigenaar"], plekken["A-01"], datum=datum)
    assert fout(excinfo) == {veld: [melding]}
    assert not Reservering.objects.exists()


def test_the_horizon_is_a_setting(settings, mensen, plekken):
    settings.WERKPLEKKEN_HORIZON_DAGEN = 1
    with pytest.raises(ValidationError) as excinfo:
        boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 21))
    assert fout(excinfo) == {
        "datum": ["U kunt tot 1 dagen vooruit reserveren (uiterlijk 17 december 2026)."]
    }


def test_the_last_day_of_the_horizon_and_today_can_be_booked(mensen, plekken):
    boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 16))
    boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 29))
    assert Reservering.objects.count() == 2


def test_a_desk_that_is_not_bookable_or_does_not_exist_is_refused(mensen, plekken):
    plekken["A-02"].reserveerbaar = False
    plekken["A-02"].save()
    for werkplek_id in (plekken["A-02"].pk, 999_999):
        with pytest.raises(ValidationError) as excinfo:
            reservering_aanmaken(
                actor=mensen["eigenaar"],
                werkplek_id=werkplek_id,
                datum=DONDERDAG,
                dagdeel="ochtend",
            )
        assert fout(excinfo) == {
            "werkplek": ["Deze werkplek bestaat niet of is niet te reserveren."]
        }


def test_an_unknown_dagdeel_is_refused(mensen, plekken):
    with pytest.raises(ValidationError) as excinfo:
        boek(mensen["eigenaar"], plekken["A-01"], dagdeel="avond")
    assert fout(excinfo) == {"dagdeel": ["Kies ochtend, middag of hele dag."]}


@pytest.mark.parametrize(
    ("eerste", "tweede", "lukt"),
    [
        ("hele_dag", "ochtend", False),
        ("hele_dag", "middag", False),
        ("ochtend", "hele_dag", False),
        ("ochtend", "ochtend", False),
        ("ochtend", "middag", True),
    ],
)
def test_a_desk_is_never_booked_twice_in_one_half_day(mensen, plekken, eerste, tweede, lukt):
    boek(mensen["eigenaar"], plekken["A-01"], dagdeel=eerste)
    if lukt:
        boek(mensen["collega"], plekken["A-01"], dagdeel=tweede)
        assert Reservering.objects.count() == 2
        return
    with pytest.raises(ValidationError) as excinfo:
        boek(mensen["collega"], plekken["A-01"], dagdeel=tweede)
    assert fout(excinfo) == {
        "werkplek": ["Werkplek A-01 is op 17 december 2026 in dit dagdeel al bezet."]
    }
    assert Reservering.objects.count() == 1


def test_one_person_has_one_desk_per_half_day(mensen, plekken):
    boek(mensen["eigenaar"], plekken["A-01"], dagdeel="ochtend")
    with pytest.raises(ValidationError) as excinfo:
        boek(mensen["eigenaar"], plekken["A-02"], dagdeel="hele_dag")
    assert fout(excinfo) == {
        "dagdeel": ["U hebt op 17 december 2026 in dit dagdeel al een werkplek."]
    }
    boek(mensen["eigenaar"], plekken["A-02"], dagdeel="middag")
    assert Reservering.objects.count() == 2


def test_the_database_refuses_a_second_half_day_row_even_without_the_service(mensen, plekken):
    from django.db import IntegrityError, transaction

    reservering = boek(mensen["eigenaar"], plekken["A-01"], dagdeel="ochtend")
    with pytest.raises(IntegrityError), transaction.atomic():
        Dagdeelbezetting.objects.create(
            reservering=reservering,
            werkplek=plekken["A-01"],
            locatie=plekken["A-01"].zone.locatie,
            medewerker=mensen["collega"],
            datum=DONDERDAG,
            halve_dag="ochtend",
        )


def test_cancelling_frees_the_desk_and_only_the_owner_may(mensen, plekken):
    reservering = boek(mensen["eigenaar"], plekken["A-01"])
    with pytest.raises(PermissionDenied):
        reservering_annuleren(actor=mensen["leider"], reservering=reservering)

    reservering_annuleren(actor=mensen["eigenaar"], reservering=reservering)
    reservering.refresh_from_db()
    assert reservering.status == "geannuleerd"
    assert not Dagdeelbezetting.objects.exists()
    boek(mensen["collega"], plekken["A-01"])
    with pytest.raises(TransitionNotAllowed) as excinfo:
        reservering_annuleren(actor=mensen["eigenaar"], reservering=reservering)
    assert excinfo.value.message == (
        "Een reservering met status ‘geannuleerd’ kunt u niet annuleren."
    )


def test_check_in_is_open_in_the_window_and_registers_an_office_day(mensen, plekken):
    vandaag = boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 16))
    morgen = boek(mensen["eigenaar"], plekken["A-01"], datum=DONDERDAG)

    reservering_inchecken(actor=mensen["eigenaar"], reservering=vandaag)
    vandaag.refresh_from_db()
    assert vandaag.status == "ingecheckt"
    assert list(Aanwezigheid.objects.values_list("datum", "soort", "bron")) == [
        (date(2026, 12, 16), "kantoor", "inchecken")
    ]
    with pytest.raises(TransitionNotAllowed) as excinfo:
        reservering_inchecken(actor=mensen["eigenaar"], reservering=morgen)
    assert excinfo.value.message == "Inchecken kan vanaf 17-12-2026 07:00 op de dag zelf."


def test_check_in_after_the_window_is_refused(mensen, plekken):
    reservering = boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 16))
    later = datetime(2026, 12, 16, 10, 31, tzinfo=AMS)
    with time_machine.travel(later, tick=False), pytest.raises(TransitionNotAllowed) as excinfo:
        reservering_inchecken(actor=mensen["eigenaar"], reservering=reservering)
    assert excinfo.value.message == "Inchecken kon tot 10:30; de plek is vrijgegeven."


def test_the_no_show_job_releases_once_and_is_idempotent(mensen, plekken):
    ochtend = boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 16), dagdeel="ochtend")
    middag = boek(mensen["collega"], plekken["A-02"], datum=date(2026, 12, 16), dagdeel="middag")
    ingecheckt = boek(mensen["leider"], plekken["A-03"], datum=date(2026, 12, 16))
    reservering_inchecken(actor=mensen["leider"], reservering=ingecheckt)

    with time_machine.travel(datetime(2026, 12, 16, 10, 35, tzinfo=AMS), tick=False):
        assert no_shows_vrijgeven() == 1
        assert no_shows_vrijgeven() == 0

    statussen = dict(Reservering.objects.values_list("pk", "status"))
    assert statussen == {
        ochtend.pk: "vervallen",
        middag.pk: "gereserveerd",
        ingecheckt.pk: "ingecheckt",
    }
    assert AuditEvent.objects.filter(actie="reservering.vervallen").count() == 1
    assert not Dagdeelbezetting.objects.filter(reservering=ochtend).exists()


def test_afwezig_cancels_the_open_reservations_in_the_range(mensen, plekken):
    a = boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 17))
    b = boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 21))
    c = boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 22))
    andermans = boek(mensen["collega"], plekken["A-02"], datum=date(2026, 12, 21))

    geannuleerd = reserveringen_annuleren_van_tot(
        actor=mensen["eigenaar"], van=date(2026, 12, 17), tot=date(2026, 12, 21)
    )

    assert sorted(r.pk for r in geannuleerd) == [a.pk, b.pk]
    statussen = dict(Reservering.objects.values_list("pk", "status"))
    assert statussen == {
        a.pk: "geannuleerd",
        b.pk: "geannuleerd",
        c.pk: "gereserveerd",
        andermans.pk: "gereserveerd",
    }


def test_the_no_show_task_is_wired(mensen, plekken):
    from werkplekken.tasks import geef_no_shows_vrij

    boek(mensen["eigenaar"], plekken["A-01"], datum=date(2026, 12, 16))
    with time_machine.travel(datetime(2026, 12, 16, 11, 0, tzinfo=AMS), tick=False):
        assert geef_no_shows_vrij.delay().get() == 1


def test_book_my_agreed_days_reports_per_day_and_prefers_the_home_zone(mensen, locatie, plekken):
    from convenant.models import Status
    from tests.convenant.factories import AfspraakFactory
    from tests.werkplekken.factories import WerkplekFactory, ZoneFactory
    from werkplekken.services.reserveringen import afgesproken_dagen_reserveren

    eigenaar = mensen["eigenaar"]
    honk = ZoneFactory(locatie=locatie, naam="Zone B", thuisteam=eigenaar.team)
    b01 = WerkplekFactory(zone=honk, code="B-01")
    AfspraakFactory(
        medewerker=eigenaar,
        status=Status.AKKOORD,
        locatie=locatie,
        voorkeursdagen=[2, 4],
        ingangsdatum=date(2026, 12, 1),
    )
    # Tuesday 22 December is full; Tuesday 29 December is already booked by the owner.
    for werkplek in (*plekken.values(), b01):
        boek(MedewerkerFactory(), werkplek, datum=date(2026, 12, 22))
    al_geboekt = boek(eigenaar, plekken["A-01"], datum=date(2026, 12, 29))

    uitkomsten = afgesproken_dagen_reserveren(actor=eigenaar)

    assert [
        (u.datum, u.reservering and u.reservering.werkplek.code, u.fout) for u in uitkomsten
    ] == [
        (date(2026, 12, 17), "B-01", ""),
        (date(2026, 12, 22), None, "Vol: er is geen werkplek meer vrij."),
        (date(2026, 12, 24), "B-01", ""),
    ]
    assert Reservering.objects.filter(medewerker=eigenaar).count() == 3
    assert Reservering.objects.get(pk=al_geboekt.pk).status == "gereserveerd"


def test_book_my_agreed_days_needs_an_agreement_with_a_location(mensen):
    from werkplekken.services.reserveringen import afgesproken_dagen_reserveren

    with pytest.raises(ValidationError) as excinfo:
        afgesproken_dagen_reserveren(actor=mensen["eigenaar"])
    assert excinfo.value.messages == [
        "U hebt geen geldende afspraak met een kantoorlocatie en voorkeursdagen."
    ]


def test_team_day_block_booking_in_the_home_zone(mensen, locatie, plekken):
    from tests.werkplekken.factories import WerkplekFactory, ZoneFactory
    from werkplekken.services.reserveringen import teamdag_blokboeken

    team = mensen["eigenaar"].team
    honk = ZoneFactory(locatie=locatie, naam="Zone B", thuisteam=team)
    WerkplekFactory(zone=honk, code="B-01")
    mensen["eigenaar"].last_name = "Aalders"
    mensen["eigenaar"].save()
    derde = MedewerkerFactory(team=team, last_name="Zwart")
    # The colleague already has a desk that day; it stays theirs.
    boek(mensen["collega"], plekken["A-01"], datum=date(2026, 12, 22))

    with pytest.raises(PermissionDenied):
        teamdag_blokboeken(actor=mensen["eigenaar"], team=team, datum=date(2026, 12, 22))
    uitkomsten = teamdag_blokboeken(actor=mensen["leider"], team=team, datum=date(2026, 12, 22))

    assert [
        (u.medewerker, u.reservering and u.reservering.werkplek.code, u.fout) for u in uitkomsten
    ] == [
        (mensen["eigenaar"], "B-01", ""),
        (derde, None, "Vol: er is geen werkplek meer vrij."),
    ]
    geboekt = Reservering.objects.get(werkplek__code="B-01")
    assert (geboekt.teamdag, geboekt.geboekt_door) == (True, mensen["leider"])
    # The member can release it.
    reservering_annuleren(actor=geboekt.medewerker, reservering=geboekt)
