"""What the booking pages read: free and taken desks, and one's own reservations."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

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
class Verdieping:
    nummer: int
    vrij: int  # free desks on this floor that match the features asked for

    @property
    def naam(self) -> str:
        return verdieping_naam(self.nummer)


def verdieping_naam(nummer: int) -> str:
    if nummer == 0:
        return str(_("Begane grond"))
    return _("Verdieping %(n)s") % {"n": nummer}


@dataclass
class Aanbod:
    locatie: Locatie
    datum: date
    dagdeel: str
    # The floor shown (None: no desk matches) and its zones; every floor with its free desks.
    verdieping: int | None
    zones: list[ZoneMetPlekken]
    verdiepingen: list[Verdieping]
    # The floor plan's viewBox: the floor's zones with a margin.
    links: int
    boven: int
    breedte: int
    hoogte: int
    # Free bookable desks after desk reservations and location-level seats: a seat can be
    # booked while this is above 0, and no desk when it is 0 (seats hold the rest).
    plekken_vrij: int = 0

    @property
    def vrij(self) -> int:
        """Free desks that match, on every floor."""
        return sum(verdieping.vrij for verdieping in self.verdiepingen)


def vrije_plekken(locatie_id: int, datum: date, halve_dagen) -> int:
    """Bookable desks at the location that neither a desk reservation nor a location-level
    seat holds, in the fullest of `halve_dagen`: two queries."""
    aanbod = Werkplek.objects.filter(zone__locatie_id=locatie_id, reserveerbaar=True).count()
    bezet = dict(
        Dagdeelbezetting.objects.filter(
            locatie_id=locatie_id, datum=datum, halve_dag__in=halve_dagen
        )
        # A seat, or a desk still counted as supply (one made not bookable keeps its bookings):
        # this location's few such desks, not a join with every desk of the organisation.
        .exclude(
            werkplek__in=Werkplek.objects.filter(zone__locatie_id=locatie_id, reserveerbaar=False)
        )
        .values("halve_dag")
        .annotate(n=Count("pk"))
        .values_list("halve_dag", "n")
    )
    return aanbod - max((bezet.get(halve_dag, 0) for halve_dag in halve_dagen), default=0)


def locaties() -> list[Locatie]:
    return list(Locatie.objects.order_by("naam"))


def _getoonde_verdieping(overzicht, verdieping, werkplek_id, team_id) -> int | None:
    """The floor of the desk picked, else the floor asked for, else the floor of the person's
    team's home zone, else the lowest floor."""
    verdiepingen = {v for _pk, v, _team in overzicht}
    # `is not None`: the ground floor is 0.
    if (kies := next((v for pk, v, _team in overzicht if pk == werkplek_id), None)) is not None:
        return kies
    if verdieping in verdiepingen:
        return verdieping
    honk = sorted(v for _pk, v, team in overzicht if team_id and team == team_id)
    return honk[0] if honk else min(verdiepingen, default=None)


def aanbod(
    locatie: Locatie,
    datum: date,
    dagdeel: str,
    kenmerken: list[str],
    *,
    verdieping: int | None = None,
    werkplek_id: int | None = None,
    team_id: int | None = None,
) -> Aanbod:
    """The bookable desks of one floor of the location, per zone, free or taken in this
    dagdeel; the free desks per floor; and how many places are left for a seat without a
    desk: 5 queries. One floor at a time, so the page grows with a floor, not a building."""
    passend = Werkplek.objects.filter(
        zone__locatie=locatie, reserveerbaar=True, **dict.fromkeys(kenmerken, True)
    )
    overzicht = list(passend.values_list("pk", "zone__verdieping", "zone__thuisteam_id"))
    getoond = _getoonde_verdieping(overzicht, verdieping, werkplek_id, team_id)
    werkplekken = (
        passend.filter(zone__verdieping=getoond)
        .select_related("zone__thuisteam")
        .order_by("zone__naam", "code")
    )
    bezet = set(
        Dagdeelbezetting.objects.filter(
            locatie=locatie,
            datum=datum,
            halve_dag__in=HALVE_DAGEN[Dagdeel(dagdeel)],
            werkplek__isnull=False,
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
    vrij = Counter(v for pk, v, _team in overzicht if plekken_vrij > 0 and pk not in bezet)
    verdiepingen = [Verdieping(v, vrij[v]) for v in sorted({v for _pk, v, _t in overzicht})]
    groepen = list(zones.values())
    links = min((g.zone.x for g in groepen), default=0)
    boven = min((g.zone.y for g in groepen), default=0)
    breedte = max((g.zone.x + g.zone.breedte for g in groepen), default=400) - links
    hoogte = max((g.zone.y + g.zone.hoogte for g in groepen), default=200) - boven
    return Aanbod(
        locatie=locatie,
        datum=datum,
        dagdeel=dagdeel,
        verdieping=getoond,
        zones=groepen,
        verdiepingen=verdiepingen,
        links=links - 5,
        boven=boven - 5,
        breedte=breedte + 10,
        hoogte=hoogte + 10,
        plekken_vrij=plekken_vrij,
    )


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
