"""The capacity check: the facilitair heatmap and the htmx fragment other pages include."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from pilot.parsing import parse_id
from pilot.permissions import managed_team_ids, role_required
from werkplekken.models import Locatie
from werkplekken.selectors.capaciteit import (
    capaciteit_voor_team,
    capaciteit_voor_weekdagen,
    heatmap,
)


@role_required("facilitair")
def bezetting(request):
    return render(request, "werkplekken/bezetting.html", {"kaart": heatmap(timezone.localdate())})


@login_required
def capaciteit_fragment(request):
    """htmx: the check for a location and the weekdays picked (the agreement form, team plan).

    Query string: `locatie` (id) and `voorkeursdagen` (repeated, 1–5); junk is ignored.
    """
    locatie_id = parse_id(request.GET.get("locatie", ""))
    locatie = Locatie.objects.filter(pk=locatie_id).first() if locatie_id else None
    weekdagen = sorted(
        {int(v) for v in request.GET.getlist("voorkeursdagen") if v in {"1", "2", "3", "4", "5"}}
    )
    cellen = capaciteit_voor_weekdagen(locatie, weekdagen, timezone.localdate())
    return render(
        request, "werkplekken/includes/capaciteit.html", {"cellen": cellen, "locatie": locatie}
    )


@login_required
def capaciteit_team(request, team_pk):
    """htmx: per weekday the check at the team's locations, for the team plan.

    Only for the team's members and its leidinggevende(n); any other team is a 404.
    """
    team_id = parse_id(team_pk)
    if team_id is None or (
        team_id != request.user.team_id and team_id not in managed_team_ids(request.user)
    ):
        raise Http404
    datums, rijen = capaciteit_voor_team(team_id, timezone.localdate())
    return render(
        request, "werkplekken/includes/capaciteit_team.html", {"datums": datums, "rijen": rijen}
    )
