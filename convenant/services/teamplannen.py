from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from convenant.models import Teamplan
from convenant.permissions import beslis_scope, mag_teamplan_vaststellen
from convenant.selectors import teamplannen as selectors
from convenant.validators import MAX_TEKST, validate_weekdagen
from pilot import audit
from pilot.models import Team
from pilot.notifications import notify


@transaction.atomic
def teamplan_vaststellen(
    *, actor, team: Team, teamdagen: list[int], toelichting: str = ""
) -> Teamplan:
    """Record the team's current week pattern and team day(s) as a new version."""
    if not mag_teamplan_vaststellen(actor, team):
        raise PermissionDenied(_("U bent niet de leidinggevende van dit team."))
    errors = {}
    try:
        validate_weekdagen(teamdagen)
    except ValidationError as error:
        errors["teamdagen"] = error.messages
    if len(toelichting or "") > MAX_TEKST:
        errors["toelichting"] = _("De tekst is te lang (maximaal %(max)s tekens).") % {
            "max": MAX_TEKST
        }
    if errors:
        raise ValidationError(errors)
    # The team row is the lock for its version numbers.
    team = Team.objects.select_for_update().get(pk=team.pk)
    overzicht = selectors.teamplan(team, timezone.localdate(), volledig=False)
    versie = (Teamplan.objects.filter(team=team).aggregate(m=Max("versie"))["m"] or 0) + 1
    plan = Teamplan.objects.create(
        team=team,
        versie=versie,
        teamdagen=sorted(teamdagen),
        bezetting={str(dag.weekdag): dag.aanwezig for dag in overzicht.dagen},
        teamgrootte=overzicht.teamgrootte,
        toelichting=(toelichting or "").strip(),
        vastgesteld_door=actor,
        namens=beslis_scope(actor).namens(team.pk),
    )
    audit.record(
        actor=actor,
        action="teamplan.vaststellen",
        obj=plan,
        to_state="vastgesteld",
        note=plan.toelichting,
        on_behalf_of=plan.namens,
    )
    dagen = ", ".join(plan.teamdagen_namen) or _("geen")
    for lid in team.leden.filter(is_active=True).exclude(pk=actor.pk):
        notify(
            recipient=lid,
            subject=lambda: _("Het teamplan van %(team)s is vastgesteld") % {"team": team.naam},
            body=lambda: _("Teamdag(en): %(dagen)s.") % {"dagen": dagen},
            link=f"{reverse('teamplan')}?team={team.pk}",
        )
    return plan
