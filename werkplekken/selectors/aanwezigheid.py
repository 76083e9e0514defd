"""One's own week: registrations and reservations per working day. Only one's own rows."""

from dataclasses import dataclass
from datetime import date, timedelta

from pilot.werkdagen import is_werkdag
from werkplekken.models import ACTIEVE_STATUSSEN, Aanwezigheid, Reservering


@dataclass
class Dag:
    datum: date
    werkdag: bool
    registratie: Aanwezigheid | None
    reserveringen: list[Reservering]


def week(user, maandag: date) -> list[Dag]:
    """Monday to Friday of the week starting `maandag`: two queries."""
    vrijdag = maandag + timedelta(days=4)
    registraties = {
        a.datum: a
        for a in Aanwezigheid.objects.filter(
            medewerker=user, datum__gte=maandag, datum__lte=vrijdag
        )
    }
    reserveringen: dict[date, list[Reservering]] = {}
    for r in (
        Reservering.objects.filter(
            medewerker=user, datum__gte=maandag, datum__lte=vrijdag, status__in=ACTIEVE_STATUSSEN
        )
        .select_related("werkplek__zone__locatie", "locatie")
        .order_by("datum", "dagdeel")
    ):
        reserveringen.setdefault(r.datum, []).append(r)
    return [
        Dag(d, is_werkdag(d), registraties.get(d), reserveringen.get(d, []))
        for d in (maandag + timedelta(days=i) for i in range(5))
    ]
