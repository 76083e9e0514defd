"""The monthly payroll export: per person the days at home, at the office and elsewhere.

One grouped query over the month's attendance rows, read in chunks: at UWV scale 25 000
people, never one query or one Python object per person held at once. A person has at most
one attendance row per day (a database constraint), so a day is never both a home day (the
home-working allowance) and an office day (the travel allowance).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Q

from werkplekken.models import Aanwezigheid, Soort

CHUNK = 2000


@dataclass(frozen=True)
class Loonregel:
    personeelsnummer: str
    voornaam: str
    achternaam: str
    thuis: int
    kantoor: int
    elders: int
    vergoeding: Decimal


def vergoeding_per_dag(jaar: int) -> Decimal | None:
    """The setting's amount for `jaar`, or None when that year has none."""
    bedrag = settings.THUISWERKVERGOEDING_PER_DAG.get(jaar)
    return None if bedrag is None else Decimal(str(bedrag))


def loonregels(eerste: date, volgende: date, per_dag: Decimal) -> Iterator[Loonregel]:
    """Everyone with attendance in [eerste, volgende), by personnel number."""
    rows = (
        Aanwezigheid.objects.filter(datum__gte=eerste, datum__lt=volgende)
        .values("medewerker_id")
        .annotate(
            nummer=F("medewerker__personeelsnummer"),
            voornaam=F("medewerker__first_name"),
            achternaam=F("medewerker__last_name"),
            thuis=Count("pk", filter=Q(soort=Soort.THUIS)),
            kantoor=Count("pk", filter=Q(soort=Soort.KANTOOR)),
            elders=Count("pk", filter=Q(soort=Soort.ELDERS)),
        )
        .order_by("nummer", "medewerker_id")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        yield Loonregel(
            personeelsnummer=row["nummer"],
            voornaam=row["voornaam"],
            achternaam=row["achternaam"],
            thuis=row["thuis"],
            kantoor=row["kantoor"],
            elders=row["elders"],
            vergoeding=per_dag * row["thuis"],
        )
