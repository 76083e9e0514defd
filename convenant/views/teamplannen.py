"""The team plan: the week pattern of a team, and setting it as a version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convenant import permissions, services
from convenant.forms.base import add_service_errors
from convenant.forms.teamplannen import TeamplanForm
from convenant.selectors import teamplannen as selectors
from pilot.confirm import confirm_page, confirmed
from pilot.parsing import parse_date, parse_id


@login_required
def teamplan(request):
    gekozen, peildatum = request.GET.get("team", ""), request.GET.get("datum", "")
    team_pk, datum = parse_id(gekozen), parse_date(peildatum)
    if gekozen and team_pk is None:
        messages.warning(request, _("Dit team bestaat niet; u ziet uw eigen teamplan."))
    if peildatum and datum is None:
        messages.warning(request, _("De peildatum is geen geldige datum; het plan toont vandaag."))
    pagina = selectors.teamplan_pagina(request.user, team_pk, datum or timezone.localdate())
    return render(request, "convenant/teamplannen/teamplan.html", _context(pagina))


def _context(pagina, form=None) -> dict:
    if pagina.volledig and form is None:
        laatste = pagina.overzicht.vastgesteld
        form = TeamplanForm(initial={"teamdagen": laatste.teamdagen if laatste else []})
    return {"teams": pagina.teams, "overzicht": pagina.overzicht, "form": form}


@login_required
@require_POST
def teamplan_vaststellen(request, team_pk: int):
    team, volledig = permissions.team_for_plan(request.user, team_pk)
    if not volledig:
        raise PermissionDenied
    form = TeamplanForm(request.POST)
    if form.is_valid() and not confirmed(request):
        return confirm_page(
            request,
            title=_("Teamplan vaststellen?"),
            consequence=_(
                "Een vastgesteld teamplan is een nieuwe versie die u niet meer wijzigt. Alle "
                "teamleden krijgen bericht met de teamdag(en)."
            ),
            button=_("Ja, vaststellen"),
            cancel_url=f"{reverse('teamplan')}?team={team.pk}",
        )
    if form.is_valid():
        try:
            plan = services.teamplan_vaststellen(actor=request.user, team=team, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            done = _("Versie %(versie)s van het teamplan is vastgesteld.") % {"versie": plan.versie}
            messages.success(request, done)
            return redirect(f"{reverse('teamplan')}?team={team.pk}")
    pagina = selectors.teamplan_pagina(request.user, team.pk, timezone.localdate())
    return render(request, "convenant/teamplannen/teamplan.html", _context(pagina, form))
