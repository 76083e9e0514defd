"""Who of one's own team, and of the teams one follows, will be at which location on a day.

Consent is part of the query, never a filter afterwards: a person who did not allow the viewer
is not in the result at all. Own team: everyone but those who chose "niemand" (the default is
"team"). A followed team: only those who chose "team_en_volgers". The desk only for those who
opted in to show it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from pilot.models import Team
from pilot.werkdagen import werkdagen
from werkplekken.models import (
    ACTIEVE_STATUSSEN,
    GevolgdTeam,
    Locatie,
    Reservering,
    WieZietMij,
    Zichtbaarheid,
)
from werkplekken.rules import laatste_boekdag

# The most teams a search shows: the list stays short, whatever the size of the organisation.
ZOEK_MAX = 20


@dataclass(frozen=True)
class Aanwezige:
    naam: str
    team: str
    dagdeel: str
    # None unless the person opted in to show their desk.
    werkplek: str | None
    # A seat at the location without a particular desk (told only to whom the desk would be).
    zonder_werkplek: bool = False


@dataclass
class LocatieDag:
    locatie: Locatie
    mensen: list[Aanwezige] = field(default_factory=list)


def kiesbare_dagen(vandaag: date | None = None) -> list[date]:
    """The working days of the booking horizon, from today on."""
    vandaag = vandaag or timezone.localdate()
    return list(werkdagen(vandaag, laatste_boekdag(vandaag)))


def zichtbare_reserveringen(viewer, datum: date):
    """Active reservations on `datum` of the people who allow `viewer` to see them."""
    if not viewer.is_authenticated:
        return Reservering.objects.none()
    gevolgd = GevolgdTeam.objects.filter(medewerker=viewer).values("team_id")
    eigen_team = Q(medewerker__team_id=viewer.team_id) & ~Q(
        medewerker__zichtbaarheid__wie=WieZietMij.NIEMAND
    )
    gevolgd_team = Q(medewerker__team_id__in=gevolgd) & Q(
        medewerker__zichtbaarheid__wie=WieZietMij.TEAM_EN_VOLGERS
    )
    toegestaan = (eigen_team | gevolgd_team) if viewer.team_id else gevolgd_team
    # The teams first (own and followed: at most eleven), read as a list so the people come
    # from the team index; with the OR of the two consents alone, or with the teams as a
    # sub-query, the planner read every person of the organisation.
    teams = [viewer.team_id, *gevolgd.values_list("team_id", flat=True)]
    return (
        Reservering.objects.filter(
            datum=datum, status__in=ACTIEVE_STATUSSEN, medewerker__is_active=True
        )
        .filter(medewerker__team_id__in=[team for team in teams if team])
        .filter(toegestaan)
        .exclude(medewerker=viewer)
    )


def wie_is_er(viewer, datum: date) -> list[LocatieDag]:
    """Per location, the people the viewer may see on `datum`: two queries."""
    rows = (
        zichtbare_reserveringen(viewer, datum)
        .select_related(
            "medewerker__team",
            "medewerker__zichtbaarheid",
            "werkplek__zone__locatie",
            "locatie",
        )
        .order_by(
            Coalesce("werkplek__zone__locatie__naam", "locatie__naam"),
            "medewerker__last_name",
            "medewerker__first_name",
            "dagdeel",
        )
    )
    locaties: dict[int, LocatieDag] = {}
    for reservering in rows:
        # A desk's location, or the location of a seat without a particular desk.
        locatie = reservering.plek_locatie
        medewerker = reservering.medewerker
        try:
            toont_plek = medewerker.zichtbaarheid.werkplek_tonen
        except Zichtbaarheid.DoesNotExist:
            toont_plek = False
        locaties.setdefault(locatie.pk, LocatieDag(locatie)).mensen.append(
            Aanwezige(
                naam=medewerker.naam,
                team=medewerker.team.naam if medewerker.team else "",
                dagdeel=reservering.get_dagdeel_display(),
                werkplek=reservering.werkplek.code
                if toont_plek and reservering.werkplek_id
                else None,
                zonder_werkplek=toont_plek and not reservering.werkplek_id,
            )
        )
    return list(locaties.values())


def zichtbaarheid_van(user) -> Zichtbaarheid:
    """The person's choices, or the defaults (own team, no desk) when they never chose."""
    return Zichtbaarheid.objects.filter(medewerker=user).first() or Zichtbaarheid(medewerker=user)


def gevolgde_teams(user) -> list[Team]:
    return list(
        Team.objects.filter(volgers__medewerker=user).select_related("afdeling").order_by("naam")
    )


def teams_zoeken(user, zoekterm: str) -> list[Team]:
    """At most ZOEK_MAX teams whose name or code contains the term; never one's own team."""
    zoekterm = zoekterm.strip()
    if not zoekterm:
        return []
    return list(
        Team.objects.filter(Q(naam__icontains=zoekterm) | Q(code__icontains=zoekterm))
        .exclude(pk=user.team_id)
        .exclude(volgers__medewerker=user)
        .select_related("afdeling")
        .order_by("naam")[:ZOEK_MAX]
    )
