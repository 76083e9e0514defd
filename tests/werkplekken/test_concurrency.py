"""The booking race on PostgreSQL: many people, few desks, all at the same moment.

Each attempt runs in its own thread on its own database connection. At most 40 hold a
connection at once, so the test stays within PostgreSQL's default of 100 connections that
other test runs share; the attempts still overlap heavily on the same ten desk rows.
"""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count

from tests.factories import MedewerkerFactory
from tests.werkplekken.factories import LocatieFactory, WerkplekFactory, ZoneFactory
from werkplekken.models import Dagdeelbezetting, Reservering
from werkplekken.services.reserveringen import reservering_aanmaken

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

DONDERDAG = date(2026, 12, 17)
GELIJKTIJDIG = 40


def race(calls) -> tuple[list[object], float]:
    barrier = threading.Barrier(len(calls))
    slots = threading.BoundedSemaphore(GELIJKTIJDIG)
    outcomes: list[object] = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        with slots:
            try:
                outcomes[index] = call()
            except Exception as error:  # noqa: BLE001 - the outcome is what the test inspects
                outcomes[index] = error
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, time.perf_counter() - start


@pytest.fixture
def tien_plekken(db):
    zone = ZoneFactory(locatie=LocatieFactory(naam="Utrecht"))
    return [WerkplekFactory(zone=zone, code=f"A-{n:02d}") for n in range(1, 11)]


def _poging(persoon, werkplek, dagdeel):
    return lambda: reservering_aanmaken(
        actor=persoon, werkplek_id=werkplek.pk, datum=DONDERDAG, dagdeel=dagdeel
    )


def _bezet(outcome) -> bool:
    return isinstance(outcome, ValidationError) and outcome.message_dict["werkplek"][0].endswith(
        "in dit dagdeel al bezet."
    )


def test_200_attempts_for_10_desks_give_exactly_10_bookings(tien_plekken):
    mensen = MedewerkerFactory.create_batch(200)
    pogingen = [_poging(p, tien_plekken[i % 10], "hele_dag") for i, p in enumerate(mensen)]

    outcomes, seconds = race(pogingen)

    gelukt = [o for o in outcomes if isinstance(o, Reservering)]
    assert len(gelukt) == 10
    assert sum(_bezet(o) for o in outcomes) == 190, [o for o in outcomes if not _bezet(o)][:3]
    assert sorted(r.werkplek_id for r in gelukt) == sorted(w.pk for w in tien_plekken)
    assert Reservering.objects.count() == 10
    assert Dagdeelbezetting.objects.count() == 20
    print(f"\nrace: 200 pogingen, 10 gelukt, 190 bezet, {seconds:.2f} s")


def test_whole_days_and_mornings_racing_for_the_same_desks(tien_plekken):
    mensen = MedewerkerFactory.create_batch(200)
    pogingen = [
        _poging(p, tien_plekken[i % 10], "hele_dag" if i % 2 else "ochtend")
        for i, p in enumerate(mensen)
    ]

    outcomes, _seconds = race(pogingen)

    gelukt = [o for o in outcomes if isinstance(o, Reservering)]
    assert len(gelukt) == 10
    assert sum(_bezet(o) for o in outcomes) == 190
    # Per desk one winner: either a whole day or a morning, never both.
    assert len({r.werkplek_id for r in gelukt}) == 10
    dubbel = (
        Dagdeelbezetting.objects.values("werkplek", "halve_dag")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not dubbel.exists()


def test_one_person_racing_for_two_desks_gets_one(tien_plekken):
    persoon = MedewerkerFactory()
    outcomes, _seconds = race([_poging(persoon, w, "ochtend") for w in tien_plekken[:5]])
    assert sum(isinstance(o, Reservering) for o in outcomes) == 1
    assert (
        sum(isinstance(o, ValidationError) and "dagdeel" in o.message_dict for o in outcomes) == 4
    )


def test_seats_and_desks_racing_never_outnumber_the_free_desks(tien_plekken):
    """Seven desks free: 120 people at once, a third for a desk and the rest for a seat at
    the location. Together exactly seven get a place; the location row lock decides."""
    from werkplekken.services.reserveringen import locatieplek_reserveren

    for werkplek in tien_plekken[:3]:
        reservering_aanmaken(
            actor=MedewerkerFactory(), werkplek_id=werkplek.pk, datum=DONDERDAG, dagdeel="hele_dag"
        )
    vrij = tien_plekken[3:]
    locatie_id = vrij[0].zone.locatie_id
    mensen = MedewerkerFactory.create_batch(120)
    pogingen = [
        _poging(p, vrij[i % 7], "hele_dag")
        if i % 3 == 0
        else (
            lambda p=p: locatieplek_reserveren(
                actor=p, locatie_id=locatie_id, datum=DONDERDAG, dagdeel="hele_dag"
            )
        )
        for i, p in enumerate(mensen)
    ]

    outcomes, _seconds = race(pogingen)

    gelukt = [o for o in outcomes if isinstance(o, Reservering)]
    assert len(gelukt) == 7
    assert all(isinstance(o, (Reservering, ValidationError)) for o in outcomes)
    assert Reservering.objects.count() == 10
    per_halve_dag = Dagdeelbezetting.objects.values("halve_dag").annotate(n=Count("id"))
    assert {row["halve_dag"]: row["n"] for row in per_halve_dag} == {"ochtend": 10, "middag": 10}
