"""Demo reservations and attendance: every working day of the pilot (UWV scale) and the days
around today, for every hybrid demo person.

Deterministic: each person's building and office weekdays come from one seed, each day's
choices from a seed of its own, so a day looks the same whichever days were loaded before.
Idempotent per month: a month that holds demo reservations or attendance is left alone, and
each month is written in one transaction, so an interrupted load resumes where it stopped.
"""

import random
import sys
import time
from datetime import date, timedelta
from itertools import groupby

from django.db import transaction
from django.utils import timezone

from pilot.models import Medewerker, Periode
from pilot.werkdagen import werkdagen
from werkplekken.demo import laden
from werkplekken.models import (
    Aanwezigheid,
    Dagdeel,
    Locatie,
    Reden,
    Reservering,
    ReserveringStatus,
    Soort,
    Werkplek,
)

# Whole days mostly; the rest a morning or an afternoon.
DAGDELEN = [Dagdeel.HELE_DAG] * 4 + [Dagdeel.OCHTEND, Dagdeel.MIDDAG]
THUIS_OF_ELDERS = [Soort.THUIS] * 5 + [Soort.ELDERS]
REDENEN = [Reden.ZORGTAAK, Reden.ZIEK_OF_VERLOF, Reden.KLANTAFSPRAAK_ELDERS, Reden.ANDERS]
REGISTRATIE = Aanwezigheid.Bron.REGISTRATIE


def _dagen(scale: str, vandaag: date) -> list[date]:
    """Around today at every scale (the coming week feeds the heatmap); at UWV scale also the
    whole pilot period."""
    dagen = set(werkdagen(vandaag - timedelta(days=14), vandaag + timedelta(days=10)))
    if scale == "uwv":
        pilot = Periode.objects.filter(is_demo=False).order_by("startdatum").first()
        if pilot is not None:
            dagen.update(werkdagen(pilot.startdatum, pilot.einddatum))
    return sorted(dagen)


def _al_geladen(eerste: date, laatste: date) -> bool:
    return (
        Reservering.objects.filter(
            medewerker__is_demo=True, datum__range=(eerste, laatste)
        ).exists()
        or Aanwezigheid.objects.filter(
            medewerker__is_demo=True, datum__range=(eerste, laatste)
        ).exists()
    )


def build_werkplekken(scale: str) -> dict[str, int]:
    created = {"reserveringen": 0, "bezette dagdelen": 0, "aanwezigheid": 0}
    plekken: dict[int, list[int]] = {}
    for pk, locatie_id in (
        Werkplek.objects.filter(reserveerbaar=True)
        .order_by("pk")
        .values_list("pk", "zone__locatie_id")
    ):
        plekken.setdefault(locatie_id, []).append(pk)
    if not plekken:
        return created
    open_op = dict(Locatie.objects.filter(pk__in=plekken).values_list("pk", "openingsdagen"))
    locatie_ids = sorted(plekken)
    mensen = list(
        Medewerker.objects.filter(is_demo=True, is_active=True, hybride_functie=True)
        .order_by("personeelsnummer")
        .values_list("pk", flat=True)
    )
    # Each person works from one building and has two or three office weekdays.
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not security.
    thuis = {pk: locatie_ids[i % len(locatie_ids)] for i, pk in enumerate(mensen)}
    kantoordagen = {pk: set(rng.sample([1, 2, 3, 4, 5], rng.choice([2, 2, 3]))) for pk in mensen}
    vandaag = timezone.localdate()
    for (jaar, maand), maanddagen in groupby(
        _dagen(scale, vandaag), key=lambda d: (d.year, d.month)
    ):
        dagen = list(maanddagen)
        if _al_geladen(dagen[0], dagen[-1]):
            continue
        begin = time.perf_counter()
        reserveringen, aanwezigheid = [], []
        for dag in dagen:
            vrij = _vrije_plekken(dag, plekken, open_op)
            _dag(dag, vandaag, mensen, thuis, kantoordagen, vrij, reserveringen, aanwezigheid)
        gegenereerd = time.perf_counter()
        with transaction.atomic():
            aantallen = laden.laad(reserveringen, aanwezigheid)
        for name, count in aantallen.items():
            created[name] += count
        # Progress per month, with where its time went: making the rows, or writing them.
        sys.stdout.write(
            f"  werkplekken {maand:02d}-{jaar}: {len(dagen)} dagen, "
            + ", ".join(f"{count} {name}" for name, count in aantallen.items())
            + f" (genereren {gegenereerd - begin:.1f} s,"
            + f" schrijven {time.perf_counter() - gegenereerd:.1f} s)\n"
        )
        sys.stdout.flush()
    return created


def _vrije_plekken(dag: date, plekken: dict, open_op: dict) -> dict[int, list[int]]:
    """Per building open that day, its bookable desks in this day's order of handing out."""
    rng = random.Random(f"werkplekken {dag.isoformat()} plekken")  # noqa: S311 - demo data
    return {
        locatie_id: rng.sample(ids, len(ids))
        for locatie_id, ids in plekken.items()
        if dag.isoweekday() in open_op[locatie_id]
    }


def _dag(dag, vandaag, mensen, thuis, kantoordagen, vrij, reserveringen, aanwezigheid) -> None:
    """One working day for everyone, appended as plain tuples (see laden for the columns).

    Past days: most planned office days happened (a few bookings lapsed, and whoever found no
    free desk worked at home for that reason); future days: about half is booked so far.
    """
    rng = random.Random(f"werkplekken {dag.isoformat()}")  # noqa: S311 - demo data
    voorbij = dag < vandaag
    kans = 0.8 if voorbij else 0.5
    weekdag = dag.isoweekday()
    for pk in mensen:
        gepland = weekdag in kantoordagen[pk]
        komt = gepland and rng.random() < kans
        locatie_id = thuis[pk]
        plekken = vrij.get(locatie_id)
        reden = ""
        if komt and plekken:
            status = ReserveringStatus.GERESERVEERD
            if voorbij:
                status = ReserveringStatus.INGECHECKT
                if rng.random() < 0.08:
                    status, komt = ReserveringStatus.VERVALLEN, False
            reserveringen.append((pk, plekken.pop(), dag, rng.choice(DAGDELEN), status, pk))
        elif komt:
            komt, reden = False, Reden.GEEN_WERKPLEK
        if not voorbij:
            continue
        if komt:
            aanwezigheid.append((pk, dag, Soort.KANTOOR, "", locatie_id, REGISTRATIE))
            continue
        if gepland and not reden:
            reden = rng.choice(REDENEN)
        aanwezigheid.append((pk, dag, rng.choice(THUIS_OF_ELDERS), reden, None, REGISTRATIE))
