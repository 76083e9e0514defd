"""What the booking pages read: free and taken desks, and one's own reservations."""

from dataclasses import dataclass, field
from datetime import date

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

    @property
    def vrij(self) -> int:
        return sum(zone.vrij for zone in self.zones)


def locaties() -> list[Locatie]:
    return list(Locatie.objects.order_by("naam"))


def aanbod(locatie: Locatie, datum: date, dagdeel: str, kenmerken: list[str]) -> Aanbod:
    """Every bookable desk of the location, per zone, free or taken in this dagdeel: 2 queries."""
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
    labels = kenmerk_labels()
    zones: dict[int, ZoneMetPlekken] = {}
    for werkplek in werkplekken:
        groep = zones.setdefault(werkplek.zone_id, ZoneMetPlekken(werkplek.zone))
        groep.plekken.append(
            Plek(
                werkplek=werkplek,
                vrij=werkplek.pk not in bezet,
                kenmerken=[str(labels[k]) for k in KENMERKEN if getattr(werkplek, k)],
            )
        )
    groepen = list(zones.values())
    breedte = max((g.zone.x + g.zone.breedte for g in groepen), default=400)
    hoogte = max((g.zone.y + g.zone.hoogte for g in groepen), default=200)
    return Aanbod(locatie, datum, dagdeel, groepen, breedte + 10, hoogte + 10)


@dataclass
class EigenReservering:
    reservering: Reservering
    acties: frozenset[str]


def mijn_reserveringen(user, vanaf: date | None = None) -> list[EigenReservering]:
    """One's active reservations from today on, with the actions open on each: one query."""
    vanaf = vanaf or timezone.localdate()
    rows = (
        Reservering.objects.filter(medewerker=user, datum__gte=vanaf, status__in=ACTIEVE_STATUSSEN)
        .select_related("werkplek__zone__locatie")
        .order_by("datum", "dagdeel")
    )
    return [
        EigenReservering(r, WORKFLOW.open_actions(r, reservering_partij(user, r))) for r in rows
    ]
