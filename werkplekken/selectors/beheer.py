"""What the facilitair management pages read: a fixed number of queries per page."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from pilot.models import Team
from werkplekken.models import Locatie, Werkplek, Zone

PER_PAGINA = 25
TEAMS_LIMIET = 50


def _aantal(queryset, veld: str):
    """A correlated count, so two counts on one row do not multiply each other's joins."""
    return Coalesce(
        Subquery(
            queryset.filter(**{veld: OuterRef("pk")})
            .order_by()
            .values(veld)
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def locaties_overzicht():
    return Locatie.objects.annotate(
        aantal_zones=_aantal(Zone.objects.all(), "locatie"),
        aantal_werkplekken=_aantal(Werkplek.objects.all(), "zone__locatie"),
        aantal_reserveerbaar=_aantal(Werkplek.objects.filter(reserveerbaar=True), "zone__locatie"),
    ).order_by("naam")


def locatie_keuzes() -> list[Locatie]:
    """Every location, by name: at UWV scale about fifty."""
    return list(Locatie.objects.order_by("naam").only("pk", "naam"))


def zones_overzicht(locatie_id: int | None):
    # Counted per zone shown (a sub-query PostgreSQL runs after the page's LIMIT), not by
    # joining every desk of the organisation before paging.
    zones = Zone.objects.select_related("locatie", "thuisteam").annotate(
        aantal_werkplekken=_aantal(Werkplek.objects.all(), "zone")
    )
    if locatie_id is not None:
        zones = zones.filter(locatie_id=locatie_id)
    return zones.order_by("locatie__naam", "verdieping", "naam")


def werkplekken_overzicht(locatie_id: int | None, zoek: str = ""):
    plekken = Werkplek.objects.select_related("zone__locatie")
    if locatie_id is not None:
        plekken = plekken.filter(zone__locatie_id=locatie_id)
    if zoek:
        plekken = plekken.filter(code__icontains=zoek)
    return plekken.order_by("zone__locatie__naam", "code")


def zones_van(locatie_id: int):
    return Zone.objects.filter(locatie_id=locatie_id).order_by("verdieping", "naam")


def thuisteam_keuze(zoek: str = "", huidig_id: int | None = None):
    """The teams offered as a zone's home team: the first TEAMS_LIMIET matching every word of
    `zoek` in name or code (search to find others), plus the zone's current team. A queryset,
    so the form validates a choice against exactly what it offered."""
    teams = Team.objects.all()
    for woord in zoek.split()[:5]:
        teams = teams.filter(Q(naam__icontains=woord) | Q(code__icontains=woord))
    eerste = teams.order_by("naam").values("pk")[:TEAMS_LIMIET]
    return Team.objects.filter(Q(pk__in=eerste) | Q(pk=huidig_id)).order_by("naam")
