"""The daily job: lapse after the end date, a notice 14 days ahead, and both only once."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from convenant.models import UitzonderingStatus
from convenant.services.uitzondering_verlopen import uitzonderingen_verlopen
from convenant.tasks import laat_uitzonderingen_verlopen
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import DelegatieFactory, UitzonderingFactory

AMS = ZoneInfo("Europe/Amsterdam")


def at(day: date):
    return time_machine.travel(datetime.combine(day, datetime.min.time(), AMS).replace(hour=1))


def test_notice_14_days_ahead_once_then_lapse_once(org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        ingangsdatum=date(2026, 12, 1),
        einddatum=date(2027, 3, 31),
    )
    assert uitzonderingen_verlopen(date(2027, 3, 16)) == {"verlopen": 0, "meldingen": 0}
    assert uitzonderingen_verlopen(date(2027, 3, 17)) == {"verlopen": 0, "meldingen": 1}
    assert uitzonderingen_verlopen(date(2027, 3, 17)) == {"verlopen": 0, "meldingen": 0}
    assert uitzonderingen_verlopen(date(2027, 3, 25)) == {"verlopen": 0, "meldingen": 0}
    melding = Notificatie.objects.get(ontvanger=org["eigenaar"])
    assert melding.onderwerp == "Uw uitzondering mantelzorg loopt af op 31 maart 2027"
    # The end date is the last day it applies.
    assert uitzonderingen_verlopen(date(2027, 3, 31))["verlopen"] == 0
    assert uitzonderingen_verlopen(date(2027, 4, 1)) == {"verlopen": 1, "meldingen": 0}
    assert uitzonderingen_verlopen(date(2027, 4, 1)) == {"verlopen": 0, "meldingen": 0}
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.VERLOPEN
    assert AuditEvent.objects.filter(actie="uitzondering.laten_verlopen").count() == 1
    assert list(
        Notificatie.objects.filter(ontvanger=org["eigenaar"]).values_list("onderwerp", flat=True)
    ) == [
        "Uw uitzondering mantelzorg is verlopen",
        "Uw uitzondering mantelzorg loopt af op 31 maart 2027",
    ]


def test_an_undecided_request_past_its_end_lapses_and_both_sides_hear_it_once(org):
    uitzondering = UitzonderingFactory(
        medewerker=org["eigenaar"], ingangsdatum=date(2026, 10, 1), einddatum=date(2026, 11, 20)
    )
    assert uitzonderingen_verlopen(date(2026, 11, 23)) == {"verlopen": 1, "meldingen": 0}
    assert uitzonderingen_verlopen(date(2026, 11, 23)) == {"verlopen": 0, "meldingen": 0}
    assert uitzonderingen_verlopen(date(2026, 11, 24)) == {"verlopen": 0, "meldingen": 0}
    uitzondering.refresh_from_db()
    assert uitzondering.status == UitzonderingStatus.VERLOPEN
    link = reverse("uitzondering_detail", args=[uitzondering.pk])
    [medewerker] = Notificatie.objects.filter(ontvanger=org["eigenaar"])
    assert medewerker.onderwerp == (
        "Uw aanvraag voor een uitzondering mantelzorg is verlopen zonder besluit"
    )
    assert (
        "niet over uw aanvraag besloten voordat de einddatum (20 november 2026)" in medewerker.tekst
    )
    assert "uw gewone streefnorm geldt" in medewerker.tekst
    assert "vraag dan opnieuw een uitzondering aan" in medewerker.tekst
    assert medewerker.link == link
    [leider] = Notificatie.objects.filter(ontvanger=org["leider"])
    assert leider.onderwerp == "Aanvraag uitzondering van Eva Eigen verlopen zonder besluit"
    assert "van 1 oktober 2026 tot en met 20 november 2026" in leider.tekst
    assert leider.link == link
    assert Notificatie.objects.count() == 2


def test_an_active_vervanger_also_hears_of_a_lapsed_request(org):
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    UitzonderingFactory(
        medewerker=org["eigenaar"], ingangsdatum=date(2026, 10, 1), einddatum=date(2026, 11, 20)
    )
    uitzonderingen_verlopen(date(2026, 11, 23))
    assert Notificatie.objects.filter(
        ontvanger=org["vervanger"], onderwerp__contains="verlopen zonder besluit"
    ).exists()


def test_rejected_and_already_lapsed_ones_are_left_alone(org):
    for status in (UitzonderingStatus.AFGEWEZEN, UitzonderingStatus.VERLOPEN):
        UitzonderingFactory(
            medewerker=org["eigenaar"],
            status=status,
            ingangsdatum=date(2026, 1, 1),
            einddatum=date(2026, 2, 1),
        )
    assert uitzonderingen_verlopen(date(2026, 11, 23)) == {"verlopen": 0, "meldingen": 0}


def test_the_celery_task_uses_today(org):
    UitzonderingFactory(
        medewerker=org["eigenaar"],
        status=UitzonderingStatus.TOEGEKEND,
        ingangsdatum=date(2026, 1, 1),
        einddatum=date(2026, 11, 30),
    )
    # Today (frozen by conftest) is 23-11-2026: 7 days before the end.
    assert laat_uitzonderingen_verlopen.delay().get() == {"verlopen": 0, "meldingen": 1}
    with at(date(2026, 12, 1)):
        assert laat_uitzonderingen_verlopen.delay().get() == {"verlopen": 1, "meldingen": 0}


def test_the_job_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "convenant.tasks.laat_uitzonderingen_verlopen" in tasks
