"""Reads for delegations: who a leidinggevende may name as vervanger, and their delegations."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from convenant.models import Delegatie
from convenant.permissions import eigen_delegaties
from pilot.models import Team
from pilot.permissions import managed_team_ids

KANDIDATEN_LIMIET = 50


def vervanger_kandidaten(user):
    """Who may stand in for the user: leaders of teams in the afdelingen the user leads in, and
    members of the user's teams whom the organisation marks as eligible (`mag_vervangen`).

    One UNION of two small index reads, not an OR across them (which makes the planner scan
    every person in the organisation): the cost follows the afdeling."""
    team_ids = managed_team_ids(user)
    # The afdelingen as values, not a sub-query: the planner then knows it looks for one
    # afdeling's leaders (tens), not a guess near every team in the organisation.
    afdelingen = set(Team.objects.filter(pk__in=team_ids).values_list("afdeling_id", flat=True))
    leiders = Team.objects.filter(afdeling_id__in=afdelingen, leidinggevende__isnull=False).values(
        "leidinggevende_id"
    )
    Medewerker = get_user_model()
    aangewezen = Medewerker.objects.filter(team_id__in=team_ids, mag_vervangen=True).values("pk")
    return (
        Medewerker.objects.filter(is_active=True, pk__in=leiders.union(aangewezen))
        .exclude(pk=user.pk)
        .select_related("team")
        .order_by("last_name", "first_name", "pk")
    )


@dataclass
class Delegaties:
    delegaties: list[Delegatie]
    vandaag: date


def delegaties_pagina(user, limiet: int = 50) -> Delegaties:
    return Delegaties(list(eigen_delegaties(user)[:limiet]), timezone.localdate())


def vervanger_keuze(user, zoek: str = ""):
    """The candidates offered in the form: matching every word of `zoek` in a name, the first
    KANDIDATEN_LIMIET by name (search to find others). A queryset, so the form validates a
    choice against exactly what it offered."""
    kandidaten = vervanger_kandidaten(user)
    for woord in zoek.split()[:5]:
        kandidaten = kandidaten.filter(
            Q(first_name__icontains=woord) | Q(last_name__icontains=woord)
        )
    eerste = kandidaten.values("pk")[:KANDIDATEN_LIMIET]
    return kandidaten.filter(pk__in=eerste)
