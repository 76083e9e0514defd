"""What the booking pages read: free and taken desks, and one's own reservations."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from werkplekken.models import (
    ACTIEVE_STATUSSEN,
    HALVE_DAGEN,
    Dagdeel,
    Dagdeelbezetting,
    Locatie,
    Reservering,
    Werkplek,
    Zone,
)
from werkplekken.permissions import reservering_partij
from werkplekken.workflow import WORKFLOW

# Features one can filter on: field name → the same label as the model field.
KENMERKEN = ("hoog_laag", "toegankelijk", "dubbel_scherm")


def kenmerk_labels() -> dict[str, str]:
    return {naam: Werkplek._meta.get_field(naam).verbose_name for naam in KENMERKEN}


@dataclass
class Plek:
    werkplek: Werkplek
    vrij: bool
    kenmerken: list[str]


@dataclass
class ZoneMetPlekken:
    zone: Zone
    plekken: list[Plek] = field(default_factory=list)

    @property
    def vrij(self) -> int:
        return sum(plek.vrij for plek in self.plekken)


@dataclass
class Aanbod:
    locatie: Locatie
    datum: date
    dagdeel: str
    zones: list[ZoneMetPlekken]
    breedte: int
    hoogte: int
    # Free bookable desks after desk reservations and location-level seats: a seat can be
    # booked while this is above 0, and no desk when it is 0 (seats hold the rest).
    plekken_vrij: int = 0

    @property
    def vrij(self) -> int:
        return sum(zone.vrij for zone in self.zones)


def vrije_plekken(locatie_id: int, datum: date, halve_dagen) -> int:
    """Bookable desks at the location that neither a desk reservation nor a location-level
    seat holds, in the fullest of `halve_dagen`: two queries."""
    aanbod = Werkplek.objects.filter(zone__locatie_id=locatie_id, reserveerbaar=True).count()
    bezet = dict(
        Dagdeelbezetting.objects.filter(datum=datum, halve_dag__in=halve_dagen)
        .filter(
            Q(locatie_id=locatie_id)
            | Q(werkplek__zone__locatie_id=locatie_id, werkplek__reserveerbaar=True)
        )
        .values("halve_dag")
        .annotate(n=Count("pk"))
        .values_list("halve_dag", "n")
    )
    return aanbod - max((bezet.get(halve_dag, 0) for halve_dag in halve_dagen), default=0)


def locaties() -> list[Locatie]:
    return list(Locatie.objects.order_by("naam"))


def aanbod(locatie: Locatie, datum: date, dagdeel: str, kenmerken: list[str]) -> Aanbod:
    """Every bookable desk of the location, per zone, free or taken in this dagdeel, and how
    many places are left for a seat without a desk: 4 queries."""
    werkplekken = (
        Werkplek.objects.filter(
            zone__locatie=locatie, reserveerbaar=True, **dict.fromkeys(kenmerken, True)
        )
        .select_related("zone__thuisteam")
        .order_by("zone__verdieping", "zone__naam", "code")
    )
    bezet = set(
        Dagdeelbezetting.objects.filter(
            werkplek__zone__locatie=locatie,
            datum=datum,
            halve_dag__in=HALVE_DAGEN[Dagdeel(dagdeel)],
        ).values_list("werkplek_id", flat=True)
    )
    halve_dagen = HALVE_DAGEN[Dagdeel(dagdeel)]
    plekken_vrij = max(0, vrije_plekken(locatie.pk, datum, halve_dagen))
    labels = kenmerk_labels()
    zones: dict[int, ZoneMetPlekken] = {}
    for werkplek in werkplekken:
        groep = zones.setdefault(werkplek.zone_id, ZoneMetPlekken(werkplek.zone))
        groep.plekken.append(
            Plek(
                werkplek=werkplek,
                vrij=werkplek.pk not in bezet and plekken_vrij > 0,
                kenmerken=[str(labels[k]) for k in KENMERKEN if getattr(werkplek, k)],
            )
        )
    groepen = list(zones.values())
    breedte = max((g.zone.x + g.zone.breedte for g in groepen), default=400)
    hoogte = max((g.zone.y + g.zone.hoogte for g in groepen), default=200)
    return Aanbod(locatie, datum, dagdeel, groepen, breedte + 10, hoogte + 10, plekken_vrij)


@dataclass
class EigenReservering:
    reservering: Reservering
    acties: frozenset[str]


def mijn_reserveringen(user, vanaf: date | None = None) -> list[EigenReservering]:
    """One's active reservations from today on, with the actions open on each: one query."""
    vanaf = vanaf or timezone.localdate()
    rows = (
        Reservering.objects.filter(medewerker=user, datum__gte=vanaf, status__in=ACTIEVE_STATUSSEN)
        .select_related("werkplek__zone__locatie", "locatie")
        .order_by("datum", "dagdeel")
    )
    return [
        EigenReservering(r, WORKFLOW.open_actions(r, reservering_partij(user, r))) for r in rows
    ]
