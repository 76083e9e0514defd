"""Reads for delegations: who a leidinggevende may name as vervanger, and their delegations."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from convenant.models import Delegatie
from convenant.permissions import eigen_delegaties
from pilot.permissions import managed_team_ids


def vervanger_kandidaten(user):
    """Fellow leidinggevenden (same afdeling or own MT) and members of the teams one leads."""
    team_ids = managed_team_ids(user)
    peers = Q(team_id=user.team_id) if user.team_id else Q(pk__in=[])
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(team_id__in=team_ids) | Q(geleide_teams__afdeling__teams__in=team_ids) | peers)
        .exclude(pk=user.pk)
        .select_related("team")
        .distinct()
        .order_by("last_name", "first_name")
    )


@dataclass
class Delegaties:
    delegaties: list[Delegatie]
    vandaag: date


def delegaties_pagina(user, limiet: int = 50) -> Delegaties:
    return Delegaties(list(eigen_delegaties(user)[:limiet]), timezone.localdate())
