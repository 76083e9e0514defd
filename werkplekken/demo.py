"""Demo workplaces: locations with floor plans, then reservations and attendance around today.

Deterministic and idempotent: a second run finds what exists and adds nothing. The UWV scale
writes its millions of rows with bulk inserts in batches, never one save() per row.
"""

import random
import sys
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from pilot.models import Medewerker, Periode, Team
from pilot.werkdagen import werkdagen
from werkplekken.models import (
    HALVE_DAGEN,
    Aanwezigheid,
    Dagdeel,
    Dagdeelbezetting,
    Locatie,
    Reden,
    Reservering,
    ReserveringStatus,
    Soort,
    Werkplek,
    Zone,
)

# Small: three buildings whose names the demo agreements use (see convenant.demo).
KLEIN = (
    ("Amsterdam", "Amsterdam", "Karspeldreef 8", [1, 2, 3, 4, 5], 3, 16),
    ("Utrecht", "Utrecht", "Daalsedijk 4", [1, 2, 3, 4, 5], 2, 14),
    ("Zwolle", "Zwolle", "Pelsertstraat 2", [1, 2, 3, 4], 2, 10),
)
UWV_PLAATSEN = [
    "Amsterdam",
    "Utrecht",
    "Zwolle",
    "Eindhoven",
    "Rotterdam",
    "Den-Haag",
    "Groningen",
    "Leeuwarden",
    "Assen",
    "Emmen",
    "Enschede",
    "Hengelo",
    "Apeldoorn",
    "Arnhem",
    "Nijmegen",
    "Den-Bosch",
    "Tilburg",
    "Breda",
    "Roosendaal",
    "Goes",
    "Middelburg",
    "Heerlen",
    "Maastricht",
    "Sittard",
    "Venlo",
    "Roermond",
    "Helmond",
    "Amersfoort",
    "Hilversum",
    "Almere",
    "Lelystad",
    "Alkmaar",
    "Haarlem",
    "Hoorn",
    "Leiden",
    "Delft",
    "Dordrecht",
    "Gouda",
    "Zoetermeer",
    "Schiedam",
    "Deventer",
    "Doetinchem",
    "Ede",
    "Veenendaal",
    "Harderwijk",
    "Meppel",
    "Heerenveen",
    "Sneek",
    "Drachten",
    "Den-Helder",
]
SOORTEN = [Zone.Soort.FLEX, Zone.Soort.STILTE, Zone.Soort.SAMENWERKEN, Zone.Soort.ONTMOETEN]
PER_RIJ = 8  # desks per row on the floor plan


def _locaties(scale: str):
    if scale == "uwv":
        # 50 × 6 zones × 30 = 9 000 desks.
        return [
            (p.replace("-", " "), p.replace("-", " "), "", [1, 2, 3, 4, 5], 6, 30)
            for p in UWV_PLAATSEN
        ]
    return KLEIN


@transaction.atomic
def build_locaties(scale: str) -> dict[str, int]:
    created = {"locaties": 0, "zones": 0, "werkplekken": 0}
    teams = list(Team.objects.filter(code__endswith="-01").order_by("code"))
    for index, (naam, plaats, adres, open_dagen, zones, per_zone) in enumerate(_locaties(scale)):
        locatie, nieuw = Locatie.objects.get_or_create(
            naam=naam,
            defaults={
                "plaats": plaats,
                "adres": adres,
                "openingsdagen": open_dagen,
                "is_demo": True,
            },
        )
        if not nieuw:
            continue
        created["locaties"] += 1
        rijen = -(-per_zone // PER_RIJ)
        hoogte = 40 + rijen * 45
        nieuwe_zones = [
            Zone(
                locatie=locatie,
                naam=f"Zone {chr(65 + z)}",
                soort=SOORTEN[z % len(SOORTEN)],
                verdieping=z // 2,
                # The first zone of the first buildings is a team's home zone (vast honk).
                thuisteam=teams[index] if z == 0 and index < len(teams) else None,
                x=10 + (z % 2) * 390,
                y=10 + (z // 2) * (hoogte + 10),
                breedte=380,
                hoogte=hoogte,
            )
            for z in range(zones)
        ]
        Zone.objects.bulk_create(nieuwe_zones)
        created["zones"] += len(nieuwe_zones)
        desks = []
        for zone in Zone.objects.filter(locatie=locatie):
            letter = zone.naam[-1]
            for d in range(per_zone):
                desks.append(
                    Werkplek(
                        zone=zone,
                        code=f"{letter}-{d + 1:02d}",
                        hoog_laag=d % 3 == 0,
                        toegankelijk=d % 10 == 0,
                        dubbel_scherm=d % 2 == 0,
                        reserveerbaar=d % 15 != 14,
                        x=zone.x + 10 + (d % PER_RIJ) * 45,
                        y=zone.y + 30 + (d // PER_RIJ) * 45,
                    )
                )
        Werkplek.objects.bulk_create(desks, batch_size=5000)
        created["werkplekken"] += len(desks)
    return created


def _dagen(scale: str, vandaag: date) -> list[date]:
    if scale == "uwv":
        pilot = Periode.objects.filter(is_demo=False).order_by("startdatum").first()
        if pilot is not None:
            return werkdagen(pilot.startdatum, pilot.einddatum)
    return werkdagen(vandaag - timedelta(days=14), vandaag + timedelta(days=10))


def build_werkplekken(scale: str) -> dict[str, int]:
    """Reservations and attendance of the demo people: each person's rows once."""
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not security.
    vandaag = timezone.localdate()
    created = {"reserveringen": 0, "aanwezigheid": 0}
    if Reservering.objects.filter(medewerker__is_demo=True).exists():
        return created
    plekken: dict[int, list[int]] = {}
    for pk, locatie_id in Werkplek.objects.filter(reserveerbaar=True).values_list(
        "pk", "zone__locatie_id"
    ):
        plekken.setdefault(locatie_id, []).append(pk)
    if not plekken:
        return created
    locatie_ids = sorted(plekken)
    mensen = list(
        Medewerker.objects.filter(is_demo=True, is_active=True, hybride_functie=True)
        .order_by("personeelsnummer")
        .values_list("pk", flat=True)
    )
    # Each person works from one building and has two or three office weekdays.
    thuis = {pk: locatie_ids[i % len(locatie_ids)] for i, pk in enumerate(mensen)}
    kantoordagen = {pk: set(rng.sample([1, 2, 3, 4, 5], rng.choice([2, 2, 3]))) for pk in mensen}
    dagen = _dagen(scale, vandaag)
    for n, dag in enumerate(dagen, start=1):
        with transaction.atomic():
            counts = _dag(rng, dag, vandaag, mensen, thuis, kantoordagen, plekken)
        created["reserveringen"] += counts[0]
        created["aanwezigheid"] += counts[1]
        if scale == "uwv" and (n % 10 == 0 or n == len(dagen)):
            sys.stdout.write(f"  werkplekken: dag {n}/{len(dagen)} ({dag:%d-%m-%Y})\n")
            sys.stdout.flush()
    return created


def _dag(rng, dag, vandaag, mensen, thuis, kantoordagen, plekken) -> tuple[int, int]:
    """One working day for everyone: bulk inserts only."""
    vrij = {locatie_id: list(ids) for locatie_id, ids in plekken.items()}
    for ids in vrij.values():
        rng.shuffle(ids)
    reserveringen, aanwezig = [], []
    voorbij = dag < vandaag
    for pk in mensen:
        gepland = dag.isoweekday() in kantoordagen[pk]
        # Past days: most planned days happened; future days: about half is booked so far.
        komt = gepland and rng.random() < (0.8 if voorbij else 0.5)
        if komt and vrij[thuis[pk]]:
            dagdeel = rng.choice([Dagdeel.HELE_DAG] * 4 + [Dagdeel.OCHTEND, Dagdeel.MIDDAG])
            status = ReserveringStatus.INGECHECKT if voorbij else ReserveringStatus.GERESERVEERD
            if voorbij and rng.random() < 0.08:
                status = ReserveringStatus.VERVALLEN
            reserveringen.append(
                Reservering(
                    medewerker_id=pk,
                    werkplek_id=vrij[thuis[pk]].pop(),
                    datum=dag,
                    dagdeel=dagdeel,
                    status=status,
                    geboekt_door_id=pk,
                )
            )
        if voorbij:
            if komt:
                aanwezig.append(Aanwezigheid(medewerker_id=pk, datum=dag, soort=Soort.KANTOOR))
            else:
                soort = rng.choice([Soort.THUIS] * 5 + [Soort.ELDERS])
                reden = ""
                if gepland:
                    reden = rng.choice(
                        [Reden.ZORGTAAK, Reden.ZIEK_OF_VERLOF, Reden.GEEN_WERKPLEK, Reden.ANDERS]
                    )
                aanwezig.append(Aanwezigheid(medewerker_id=pk, datum=dag, soort=soort, reden=reden))
    for row in aanwezig:
        row.bron = Aanwezigheid.Bron.REGISTRATIE
        row.locatie_id = thuis[row.medewerker_id] if row.soort == Soort.KANTOOR else None
    Reservering.objects.bulk_create(reserveringen, batch_size=5000)
    Dagdeelbezetting.objects.bulk_create(
        (
            Dagdeelbezetting(
                reservering_id=r.pk,
                werkplek_id=r.werkplek_id,
                medewerker_id=r.medewerker_id,
                datum=r.datum,
                halve_dag=halve_dag,
            )
            for r in reserveringen
            if r.status != ReserveringStatus.VERVALLEN
            for halve_dag in HALVE_DAGEN[Dagdeel(r.dagdeel)]
        ),
        batch_size=5000,
    )
    Aanwezigheid.objects.bulk_create(aanwezig, batch_size=5000)
    return len(reserveringen), len(aanwezig)
