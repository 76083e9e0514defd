"""demo_data: three buildings with floor plans, life around today, idempotent and the same every
time; on PostgreSQL the rows go in by COPY and obey the same guarantees."""

from datetime import date, datetime

import pytest
import time_machine
from django.db.models import Count

from tests.werkplekken.conftest import AMS
from werkplekken.demo import build_locaties, build_werkplekken
from werkplekken.models import (
    Aanwezigheid,
    Dagdeelbezetting,
    Locatie,
    Reservering,
    Werkplek,
)

VANDAAG = date(2026, 12, 16)


def test_small_demo_builds_three_buildings_once(demo):
    assert build_locaties("small") == {"locaties": 3, "zones": 7, "werkplekken": 96}
    assert build_locaties("small") == {"locaties": 0, "zones": 0, "werkplekken": 0}
    assert list(Locatie.objects.values_list("naam", flat=True)) == [
        "Amsterdam",
        "Utrecht",
        "Zwolle",
    ]
    # Desk 15 of every 16-desk zone (Amsterdam) is not bookable.
    assert Werkplek.objects.filter(reserveerbaar=False).count() == 3


def _snapshot():
    return sorted(
        Reservering.objects.values_list(
            "medewerker_id", "werkplek_id", "datum", "dagdeel", "status"
        )
    ), sorted(Aanwezigheid.objects.values_list("medewerker_id", "datum", "soort", "reden"))


def _assert_consistent():
    """Every active reservation holds exactly its half days; lapsed ones hold none."""
    for reservering in Reservering.objects.prefetch_related("bezettingen"):
        halve_dagen = sorted(b.halve_dag for b in reservering.bezettingen.all())
        if reservering.status == "vervallen":
            assert halve_dagen == []
        else:
            expected = ["middag", "ochtend"] if reservering.dagdeel == "hele_dag" else None
            assert halve_dagen == (expected or [reservering.dagdeel])
            assert {b.werkplek_id for b in reservering.bezettingen.all()} == {
                reservering.werkplek_id
            }
    for fields in (("werkplek", "datum", "halve_dag"), ("medewerker", "datum", "halve_dag")):
        dubbel = Dagdeelbezetting.objects.values(*fields).annotate(n=Count("id")).filter(n__gt=1)
        assert not dubbel.exists()


def test_small_demo_reservations_and_attendance_around_today(demo, capsys):
    build_locaties("small")
    created = build_werkplekken("small")
    assert created == {"reserveringen": 778, "bezette dagdelen": 1204, "aanwezigheid": 1580}
    # One progress line per month loaded, with its time.
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit(" (", 1)[0] for line in lines] == [
        "  werkplekken 12-2026: 17 dagen, 778 reserveringen, 1204 bezette dagdelen, "
        "1580 aanwezigheid"
    ]
    assert build_werkplekken("small") == {
        "reserveringen": 0,
        "bezette dagdelen": 0,
        "aanwezigheid": 0,
    }

    assert Reservering.objects.filter(datum__gt=VANDAAG, status="gereserveerd").exists()
    assert not Aanwezigheid.objects.filter(datum__gte=VANDAAG).exists()
    # Zwolle is closed on Fridays: nobody has a desk there then.
    assert not Reservering.objects.filter(
        werkplek__zone__locatie__naam="Zwolle", datum__week_day=6
    ).exists()
    _assert_consistent()


def test_small_demo_is_the_same_every_time_and_resumes_per_month(demo, capsys):
    build_locaties("small")
    # Three weeks either side of 3 December: November and December.
    with time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=AMS), tick=False):
        build_werkplekken("small")
    first = _snapshot()
    assert len(capsys.readouterr().out.splitlines()) == 2

    Reservering.objects.filter(datum__month=11).delete()
    Aanwezigheid.objects.filter(datum__month=11).delete()
    with time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=AMS), tick=False):
        created = build_werkplekken("small")

    # Only November again, as it was.
    assert capsys.readouterr().out.startswith("  werkplekken 11-2026: ")
    assert created["reserveringen"] == sum(1 for row in first[0] if row[2].month == 11)
    assert _snapshot() == first

    Reservering.objects.all().delete()
    Aanwezigheid.objects.all().delete()
    with time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=AMS), tick=False):
        build_werkplekken("small")
    assert _snapshot() == first


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_copy_load_keeps_the_guarantees_and_the_id_sequence(demo):
    build_locaties("small")
    created = build_werkplekken("small")
    assert created == {"reserveringen": 778, "bezette dagdelen": 1204, "aanwezigheid": 1580}
    _assert_consistent()
    assert not Reservering.objects.filter(aangemaakt_op=None).exists()
    # The sequence went past the ids COPY wrote: the next booking gets a fresh one.
    last = Reservering.objects.order_by("-pk").first()
    new = Reservering.objects.create(
        medewerker=last.medewerker,
        werkplek=last.werkplek,
        datum=date(2027, 1, 4),
        dagdeel="ochtend",
    )
    assert new.pk > last.pk
