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
    """The locations by name, each with its number of zones; `werkplekken_tellen` adds the
    desks of the locations a page shows."""
    return Locatie.objects.annotate(aantal_zones=_aantal(Zone.objects.all(), "locatie")).order_by(
        "naam"
    )


def werkplekken_tellen(locaties) -> None:
    """Gives each location its number of desks and of bookable desks, in one pass over the
    desks of these locations: as two correlated counts each desk was read twice, and a page of
    25 large locations (4 500 desks) spent 5 ms counting."""
    locaties = list(locaties)
    tellingen = {
        rij["zone__locatie"]: rij
        for rij in Werkplek.objects.filter(zone__locatie__in=[locatie.pk for locatie in locaties])
        .order_by()
        .values("zone__locatie")
        .annotate(alle=Count("pk"), reserveerbaar=Count("pk", filter=Q(reserveerbaar=True)))
    }
    for locatie in locaties:
        telling = tellingen.get(locatie.pk, {})
        locatie.aantal_werkplekken = telling.get("alle", 0)
        locatie.aantal_reserveerbaar = telling.get("reserveerbaar", 0)


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
