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

    Sub-queries, not joins: no duplicates to sort away, so the cost follows the afdeling."""
    team_ids = managed_team_ids(user)
    afdelingen = Team.objects.filter(pk__in=team_ids).values("afdeling_id")
    leiders = Team.objects.filter(afdeling_id__in=afdelingen, leidinggevende__isnull=False).values(
        "leidinggevende_id"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=leiders) | Q(team_id__in=team_ids, mag_vervangen=True))
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
