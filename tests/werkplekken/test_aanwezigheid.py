"""Attendance: one row per person per day, thuis releases the desk, reason codes checked."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from werkplekken.models import Aanwezigheid, Dagdeelbezetting, Reservering
from werkplekken.services.aanwezigheid import aanwezigheid_registreren
from werkplekken.services.reserveringen import reservering_aanmaken, reservering_inchecken

DONDERDAG = date(2026, 12, 17)


def test_registering_thuis_releases_that_days_reservation(mensen, plekken):
    eigenaar = mensen["eigenaar"]
    reservering = reservering_aanmaken(
        actor=eigenaar, werkplek_id=plekken["A-01"].pk, datum=DONDERDAG, dagdeel="hele_dag"
    )

    aanwezigheid_registreren(actor=eigenaar, datum=DONDERDAG, soort="thuis", reden="zorgtaak")

    reservering.refresh_from_db()
    assert reservering.status == "geannuleerd"
    assert not Dagdeelbezetting.objects.exists()
    assert list(Aanwezigheid.objects.values_list("datum", "soort", "reden", "bron")) == [
        (DONDERDAG, "thuis", "zorgtaak", "registratie")
    ]


def test_a_second_registration_for_a_day_replaces_the_first(mensen):
    eigenaar = mensen["eigenaar"]
    aanwezigheid_registreren(actor=eigenaar, datum=date(2026, 12, 14), soort="thuis")
    aanwezigheid_registreren(actor=eigenaar, datum=date(2026, 12, 14), soort="elders")
    assert list(Aanwezigheid.objects.values_list("soort", flat=True)) == ["elders"]


@pytest.mark.parametrize(
    ("datum", "soort", "reden", "fouten"),
    [
        (
            date(2026, 12, 14),
            "kantoor",
            "zorgtaak",
            {"reden": ["Een reden geeft u alleen op voor een dag niet op kantoor."]},
        ),
        (date(2026, 12, 14), "thuis", "verveling", {"reden": ["Onbekende reden."]}),
        (date(2026, 12, 14), "zolder", "", {"soort": ["Kies kantoor, thuis of elders."]}),
        (
            date(2026, 12, 13),
            "thuis",
            "",
            {"datum": ["Dit is geen werkdag (weekend of feestdag)."]},
        ),
        (
            date(2027, 1, 11),
            "thuis",
            "",
            {"datum": ["Zo ver vooruit kunt u nog niets registreren."]},
        ),
    ],
    ids=["reden-bij-kantoor", "onbekende-reden", "onbekende-soort", "zondag", "te-ver"],
)
def test_bad_registrations_are_refused(mensen, datum, soort, reden, fouten):
    with pytest.raises(ValidationError) as excinfo:
        aanwezigheid_registreren(actor=mensen["eigenaar"], datum=datum, soort=soort, reden=reden)
    assert excinfo.value.message_dict == fouten
    assert not Aanwezigheid.objects.exists()


def test_a_checked_in_day_cannot_be_registered_as_home(mensen, plekken):
    eigenaar = mensen["eigenaar"]
    vandaag = date(2026, 12, 16)
    reservering = reservering_aanmaken(
        actor=eigenaar, werkplek_id=plekken["A-01"].pk, datum=vandaag, dagdeel="hele_dag"
    )
    reservering_inchecken(actor=eigenaar, reservering=reservering)
    with pytest.raises(ValidationError) as excinfo:
        aanwezigheid_registreren(actor=eigenaar, datum=vandaag, soort="thuis")
    assert excinfo.value.message_dict == {"soort": ["U bent die dag op kantoor ingecheckt."]}
    assert Reservering.objects.get().status == "ingecheckt"
