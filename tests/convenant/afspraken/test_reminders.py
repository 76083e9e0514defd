from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from convenant import tasks
from convenant.models import Status
from pilot.models import AuditEvent, Notificatie
from tests.convenant.factories import AfspraakFactory

AMS = ZoneInfo("Europe/Amsterdam")


def submitted_on(org, day: date):
    return AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.INGEDIEND,
        ingediend_op=datetime(day.year, day.month, day.day, 9, tzinfo=AMS),
    )


def run_on(day: date):
    with time_machine.travel(datetime(day.year, day.month, day.day, 7, tzinfo=AMS), tick=False):
        return tasks.herinner_openstaande_voorstellen.delay().get()


def test_after_10_working_days_the_manager_is_reminded_once(
    org, django_capture_on_commit_callbacks
):
    submitted_on(org, date(2026, 11, 2))  # Monday
    nothing = {"herinneringen": 0, "escalatiemeldingen": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert run_on(date(2026, 11, 13)) == nothing  # 9 working days
        assert run_on(date(2026, 11, 16)) == {"herinneringen": 1, "escalatiemeldingen": 0}
        assert run_on(date(2026, 11, 16)) == nothing
        assert run_on(date(2026, 11, 17)) == nothing
    reminders = Notificatie.objects.filter(ontvanger=org["leider"])
    assert [n.onderwerp for n in reminders] == [
        f"Herinnering: voorstel van {org['eigenaar'].naam} wacht 10 werkdagen"
    ]
    assert [m.to for m in mail.outbox] == [[org["leider"].email]]


def test_after_20_working_days_the_employee_may_go_to_the_comite_once(client, org):
    afspraak = submitted_on(org, date(2026, 10, 26))
    assert run_on(date(2026, 11, 23)) == {"herinneringen": 1, "escalatiemeldingen": 1}
    assert run_on(date(2026, 11, 24)) == {"herinneringen": 0, "escalatiemeldingen": 0}
    assert Notificatie.objects.filter(ontvanger=org["eigenaar"]).count() == 1
    client.force_login(org["eigenaar"])
    assert "Naar het adviserend comité" in client.get(reverse("mijn_afspraak")).text
    afspraak.refresh_from_db()
    assert afspraak.status == Status.INGEDIEND


def test_a_decided_proposal_gets_no_reminder(org):
    afspraak = submitted_on(org, date(2026, 10, 1))
    afspraak.status = Status.AKKOORD
    afspraak.save()
    assert run_on(date(2026, 11, 23)) == {"herinneringen": 0, "escalatiemeldingen": 0}


@pytest.mark.parametrize("runs", [1, 2])
def test_ended_agreements_lapse_once(org, runs):
    ended = AfspraakFactory(
        medewerker=org["eigenaar"],
        status=Status.AKKOORD,
        ingangsdatum=date(2026, 7, 1),
        einddatum=date(2026, 10, 31),
    )
    running = AfspraakFactory(medewerker=org["collega"], status=Status.AKKOORD)
    results = [tasks.laat_verlopen_afspraken_vervallen.delay().get() for _ in range(runs)]
    assert results == [1, 0][:runs]
    ended.refresh_from_db()
    running.refresh_from_db()
    assert (ended.status, running.status) == (Status.VERVALLEN, Status.AKKOORD)
    assert AuditEvent.objects.filter(actie="afspraak.laten_vervallen").count() == 1
    assert Notificatie.objects.filter(ontvanger=org["eigenaar"]).count() == 1
