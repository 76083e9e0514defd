"""A person's consent for "Wie is er" and the teams they follow: one function per use case."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pilot import audit
from pilot.models import Medewerker, Team
from werkplekken.models import GevolgdTeam, WieZietMij, Zichtbaarheid

# Following is for the few teams one works with, not a way to watch the whole organisation.
MAX_GEVOLGDE_TEAMS = 10


def zichtbaarheid_opslaan(*, actor, wie: str, werkplek_tonen: bool) -> Zichtbaarheid:
    if wie not in WieZietMij.values:
        raise ValidationError({"wie": _("Kies wie u mag zien.")})
    with transaction.atomic():
        zichtbaarheid, _created = Zichtbaarheid.objects.update_or_create(
            medewerker=actor, defaults={"wie": wie, "werkplek_tonen": werkplek_tonen}
        )
        audit.record(
            actor=actor,
            action="wie_is_er.zichtbaarheid",
            object_label=actor.naam,
            to_state=f"{wie}{' + werkplek' if werkplek_tonen else ''}",
        )
    return zichtbaarheid


def team_volgen(*, actor, team_id: int) -> Team:
    with transaction.atomic():
        team = Team.objects.filter(pk=team_id).first()
        if team is None:
            raise ValidationError({"team": _("Dit team bestaat niet.")})
        if team.pk == actor.team_id:
            raise ValidationError({"team": _("Uw eigen team ziet u al.")})
        # The lock on the person's row makes the limit hold when two requests race.
        Medewerker.objects.select_for_update().filter(pk=actor.pk).first()
        gevolgd = GevolgdTeam.objects.filter(medewerker=actor)
        if gevolgd.filter(team=team).exists():
            return team
        if gevolgd.count() >= MAX_GEVOLGDE_TEAMS:
            raise ValidationError(
                {
                    "team": _("U volgt al %(max)s teams. Stop eerst met het volgen van een ander.")
                    % {"max": MAX_GEVOLGDE_TEAMS}
                }
            )
        GevolgdTeam.objects.create(medewerker=actor, team=team)
    return team


def team_ontvolgen(*, actor, team_id: int) -> None:
    GevolgdTeam.objects.filter(medewerker=actor, team_id=team_id).delete()
