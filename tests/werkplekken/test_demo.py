"""demo_data --scale small: three buildings with floor plans, life around today, idempotent."""

from datetime import date

from django.db.models import Count

from werkplekken.demo import build_locaties, build_werkplekken
from werkplekken.models import Aanwezigheid, Dagdeelbezetting, Locatie, Reservering, Werkplek


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


def test_small_demo_reservations_and_attendance_around_today(demo):
    build_locaties("small")
    created = build_werkplekken("small")
    assert created["reserveringen"] > 0
    assert created["aanwezigheid"] > 0
    assert build_werkplekken("small") == {"reserveringen": 0, "aanwezigheid": 0}

    vandaag = date(2026, 12, 16)
    assert Reservering.objects.filter(datum__gt=vandaag, status="gereserveerd").exists()
    assert not Aanwezigheid.objects.filter(datum__gte=vandaag).exists()
    # The demo rows obey the same constraints as booked ones: no desk twice per half day.
    assert not (
        Dagdeelbezetting.objects.values("werkplek", "datum", "halve_dag")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .exists()
    )
